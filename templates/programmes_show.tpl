{{%AUTOESCAPE context="HTML"}}
{{>NAV}}
<div class="page-head">
<div>
<p class="eyebrow">Programme</p>
<h1>{{PROG_NAME}}</h1>
</div>
{{#CAN_JOIN}}<div class="actions"><a class="btn btn-primary" href="/programmes/{{PROG_SLUG}}/join">Join this programme</a></div>{{/CAN_JOIN}}
</div>
{{#INVITED}}<div class="callout" role="status"><p>You are invited to join as a {{INVITE_ROLE}}, at {{INVITE_EMAIL}}.</p><p><a class="btn btn-primary" href="/programmes/{{PROG_SLUG}}/join">Join as a {{INVITE_ROLE}}</a></p></div>{{/INVITED}}
<div class="cols">
<div class="stack">
<section class="prose">{{DESCRIPTION_HTML:none}}</section>
{{#ORGANISED}}<p class="muted">Organised by {{ORGANISERS}}.</p>{{/ORGANISED}}
{{#PARTICIPANT}}
<section class="card" aria-labelledby="you-heading">
<h2 id="you-heading">You in this programme</h2>
<dl class="details"><dt>Your role</dt><dd class="cap-first">{{MY_ROLE}}</dd><dt>Status</dt><dd>{{MY_STATUS}}</dd>
{{#MY_ANSWERS}}{{#ANSWER}}<dt>{{Q}}</dt><dd class="pre-line">{{A}}</dd>{{/ANSWER}}{{/MY_ANSWERS}}</dl>
{{#ANSWERS_MISSING}}<p class="callout">{{TEXT}} <a href="/programmes/{{PROG_SLUG}}/answers">Answer the programme's questions</a></p>{{/ANSWERS_MISSING}}
{{#ANSWERS_CHANGE}}<p><a href="/programmes/{{PROG_SLUG}}/answers">Change your answers</a></p>{{/ANSWERS_CHANGE}}
{{#PROFILE_BARE}}<p class="callout">Your profile says nothing yet of your skills, languages or work: the organisers' matching reads them to find your pair. <a href="/settings">Fill in your profile</a></p>{{/PROFILE_BARE}}
{{#MY_PAIR}}<p><a href="/mentorships/{{M_ID}}">{{M_FOCUS}}</a> with {{M_OTHER}} <span class="badge">{{M_STAGE}}</span></p>{{/MY_PAIR}}
{{#MY_PLACES}}<form class="form" method="post" action="/programmes/{{PROG_SLUG}}/places" id="places">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#CAPACITY_ERROR}} has-error{{/CAPACITY_ERROR}}">
<label for="capacity">Mentees you can take in this programme</label>
<span class="hint" id="capacity-hint">{{TAKEN}}. Offering fewer ends no pair: the organisers propose no more.</span>
{{#CAPACITY_ERROR}}<span class="field-error" id="capacity-error">{{MESSAGE}}</span>{{/CAPACITY_ERROR}}
<input type="number" id="capacity" name="capacity" class="input-short" min="1" max="20" required value="{{CAPACITY}}" aria-describedby="capacity-hint{{#CAPACITY_ERROR}} capacity-error{{/CAPACITY_ERROR}}"{{#CAPACITY_ERROR}} aria-invalid="true"{{/CAPACITY_ERROR}}>
</div>
<button class="btn-secondary btn-small">Save your places</button>
</form>{{/MY_PLACES}}
{{#CAN_LEAVE}}<details class="leave">
<summary>Leave the programme</summary>
<p>Your pairs under way go on. A request of yours, or to you, that nobody answered yet is withdrawn, and the other person is told. The organisers are told too. You may join again later{{REJOIN}}.</p>
<form method="post" action="/programmes/{{PROG_SLUG}}/leave"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><button class="btn-danger btn-small" data-confirm="Leave {{PROG_NAME}}? Requests nobody answered yet are withdrawn, and the organisers are told.">Leave the programme</button></form>
</details>{{/CAN_LEAVE}}
</section>
{{/PARTICIPANT}}
{{#HAS_MENTORS}}<section class="card" aria-labelledby="mentors-heading">
<h2 id="mentors-heading">Mentors of the programme with a place</h2>
<p><a href="/people/suggestions?programme={{PROG_SLUG}}">The ones who fit you best, and why</a></p>
<ul class="list">{{#MENTOR}}<li><div class="grow"><strong>{{M_NAME}}</strong> <span class="muted small">{{M_HEADLINE}}</span><div class="small">{{#M_SKILLS}}{{SKILLS}} · {{/M_SKILLS}}places left in this programme: {{M_PLACES}}</div></div><a class="btn btn-small btn-secondary" href="/mentorships/new?mentor={{M_SLUG}}&amp;programme={{PROG_SLUG}}">Ask {{M_NAME}} to mentor you</a></li>{{/MENTOR}}</ul>
</section>{{/HAS_MENTORS}}
{{#NO_MENTORS}}<p class="muted">No mentor of the programme has a place right now; the organisers will pair you as soon as one has.</p>{{/NO_MENTORS}}
{{#NO_MENTORS_LEFT}}<p class="muted">Each mentor of the programme with a place is paired with you already, or has said no to a pair with you (or you to them), so none is offered again here. The organisers can propose you another mentor as places free up.</p>
{{>CONTACT}}{{/NO_MENTORS_LEFT}}
{{#ORGANISER}}
<section class="card" aria-labelledby="org-heading">
<h2 id="org-heading">At a glance</h2>
<dl class="details">
<dt>Mentees</dt><dd>{{N_MENTEES}}</dd>
<dt>Mentors</dt><dd>{{N_MENTORS}}</dd>
<dt>Mentors waiting for approval</dt><dd>{{N_WAITING}}{{#HAS_WAITING}} <a href="/programmes/{{PROG_SLUG}}/participants?status=waiting">Review</a>{{/HAS_WAITING}}</dd>
<dt>Invitations not yet used</dt><dd>{{N_INVITED}}</dd>
<dt>Pairs under way</dt><dd>{{N_PAIRS}} <a href="/programmes/{{PROG_SLUG}}/participants?status=paired">See who</a></dd>
</dl>
</section>
{{/ORGANISER}}
</div>
<aside class="sidebar card" aria-labelledby="terms-heading">
<h2 id="terms-heading">How pairs work here</h2>
<dl class="details">
<dt>Joining</dt><dd>{{#IS_OPEN}}Open to anyone with a Menteo account{{/IS_OPEN}}{{#IS_INVITE}}By invitation{{/IS_INVITE}}</dd>
{{#STARTS}}<dt>Starts</dt><dd>{{STARTS_ON}}</dd>{{/STARTS}}
{{#ENDS}}<dt>Ends</dt><dd>{{ENDS_ON}}</dd>{{/ENDS}}
<dt>Meetings</dt><dd>{{CADENCE}}</dd>
<dt>Review</dt><dd>{{REVIEW_WEEKS}} weeks after the contract is agreed</dd>
{{#ROADMAP}}<dt>Suggested roadmap</dt><dd>{{ROADMAP_TITLE}}</dd>{{/ROADMAP}}
</dl>
<p class="muted small">Organisers see each pair's stage, goals and their outcomes, milestone progress and meeting dates. They never see room messages, meeting notes or threads that are not public.</p>
</aside>
</div>
