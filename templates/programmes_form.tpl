{{%AUTOESCAPE context="HTML"}}
{{#EDITING}}{{>NAV}}{{/EDITING}}
{{#CREATING}}<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/programmes">Programmes</a></li><li>New programme</li></ol></nav>
<h1>New programme</h1>{{/CREATING}}
{{#EDITING}}<h1>Settings</h1>{{/EDITING}}
{{#ERRORS}}
<div class="errors" role="alert" tabindex="-1"><h2>There is a problem</h2>
<ul>
{{#NAME_ERROR}}<li><a href="#name">Name: {{MESSAGE}}</a></li>{{/NAME_ERROR}}
{{#SLUG_ERROR}}<li><a href="#slug">Address: {{MESSAGE}}</a></li>{{/SLUG_ERROR}}
{{#DESCRIPTION_ERROR}}<li><a href="#description">Description: {{MESSAGE}}</a></li>{{/DESCRIPTION_ERROR}}
{{#JOIN_ERROR}}<li><a href="#join-invite">Who can join: {{MESSAGE}}</a></li>{{/JOIN_ERROR}}
{{#MENTOR_APPROVAL_ERROR}}<li><a href="#approval-1">Mentor approval: {{MESSAGE}}</a></li>{{/MENTOR_APPROVAL_ERROR}}
{{#STARTS_ON_ERROR}}<li><a href="#starts_on">Starts: {{MESSAGE}}</a></li>{{/STARTS_ON_ERROR}}
{{#ENDS_ON_ERROR}}<li><a href="#ends_on">Ends: {{MESSAGE}}</a></li>{{/ENDS_ON_ERROR}}
{{#REVIEW_WEEKS_ERROR}}<li><a href="#review_weeks">Review after: {{MESSAGE}}</a></li>{{/REVIEW_WEEKS_ERROR}}
{{#CADENCE_ERROR}}<li><a href="#cadence">Meetings: {{MESSAGE}}</a></li>{{/CADENCE_ERROR}}
{{#GROUND_RULES_ERROR}}<li><a href="#ground_rules">Ground rules: {{MESSAGE}}</a></li>{{/GROUND_RULES_ERROR}}
{{#ROADMAP_ERROR}}<li><a href="#roadmap">Roadmap: {{MESSAGE}}</a></li>{{/ROADMAP_ERROR}}
{{#ORGANISERS_ERROR}}<li><a href="#organisers">Organisers: {{MESSAGE}}</a></li>{{/ORGANISERS_ERROR}}
</ul></div>
{{/ERRORS}}
<form method="post" action="{{ACTION}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#NAME_ERROR}} has-error{{/NAME_ERROR}}">
<label for="name">Name</label>
{{#NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<input type="text" id="name" name="name" maxlength="120" required value="{{NAME}}">
</div>
<div class="field{{#SLUG_ERROR}} has-error{{/SLUG_ERROR}}">
<label for="slug">Address</label>
<p class="hint" id="slug-hint">The programme's page is /programmes/<em>address</em>: lower-case letters, digits and dashes, 3 to 40.{{#EDITING}} Changed, the old address still leads here, so links already sent keep working.{{/EDITING}}</p>
{{#SLUG_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SLUG_ERROR}}
<input type="text" id="slug" name="slug" maxlength="40" required value="{{SLUG}}" aria-describedby="slug-hint">
</div>
<div class="field{{#DESCRIPTION_ERROR}} has-error{{/DESCRIPTION_ERROR}}">
<label for="description">Description <span class="optional">(optional)</span></label>
<p class="hint" id="description-hint">Who it is for and what the organisation hopes for. Markdown works.</p>
{{#DESCRIPTION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<textarea id="description" name="description" rows="5" aria-describedby="description-hint">{{DESCRIPTION:pre_escape}}</textarea>
</div>
<fieldset class="field{{#JOIN_ERROR}} has-error{{/JOIN_ERROR}}">
<legend>Who can join</legend>
{{#JOIN_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/JOIN_ERROR}}
<div class="checks">
<label class="check"><input type="radio" id="join-invite" name="join" value="invite"{{#JOIN_INVITE}} checked{{/JOIN_INVITE}}> <span><strong>By invitation</strong>: only the people the organisers invite.</span></label>
<label class="check"><input type="radio" id="join-open" name="join" value="open"{{#JOIN_OPEN}} checked{{/JOIN_OPEN}}> <span><strong>Open</strong>: anyone with a confirmed Menteo account.</span></label>
</div>
</fieldset>
<fieldset class="field{{#MENTOR_APPROVAL_ERROR}} has-error{{/MENTOR_APPROVAL_ERROR}}">
<legend>Mentor approval</legend>
{{#MENTOR_APPROVAL_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/MENTOR_APPROVAL_ERROR}}
<div class="checks">
<label class="check"><input type="radio" id="approval-1" name="mentor_approval" value="1"{{#MENTOR_APPROVAL_1}} checked{{/MENTOR_APPROVAL_1}}> <span>An organiser approves each mentor before mentees can be paired with them.</span></label>
<label class="check"><input type="radio" id="approval-0" name="mentor_approval" value="0"{{#MENTOR_APPROVAL_0}} checked{{/MENTOR_APPROVAL_0}}> <span>Mentors who join can be paired at once.</span></label>
</div>
</fieldset>
<div class="row">
<div class="field{{#STARTS_ON_ERROR}} has-error{{/STARTS_ON_ERROR}}">
<label for="starts_on">Starts <span class="optional">(optional)</span></label>
{{#STARTS_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STARTS_ON_ERROR}}
<input type="date" id="starts_on" name="starts_on" value="{{STARTS_ON}}">
</div>
<div class="field{{#ENDS_ON_ERROR}} has-error{{/ENDS_ON_ERROR}}">
<label for="ends_on">Ends <span class="optional">(optional)</span></label>
{{#ENDS_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ENDS_ON_ERROR}}
<input type="date" id="ends_on" name="ends_on" value="{{ENDS_ON}}">
</div>
</div>
<div class="row">
<div class="field{{#REVIEW_WEEKS_ERROR}} has-error{{/REVIEW_WEEKS_ERROR}}">
<label for="review_weeks">Review after (weeks)</label>
<p class="hint" id="weeks-hint">A pair's review date: the day both agree their contract, plus this many weeks (1 to 104).</p>
{{#REVIEW_WEEKS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/REVIEW_WEEKS_ERROR}}
<input type="number" id="review_weeks" name="review_weeks" min="1" max="104" required value="{{REVIEW_WEEKS}}" aria-describedby="weeks-hint">
</div>
<div class="field{{#CADENCE_ERROR}} has-error{{/CADENCE_ERROR}}">
<label for="cadence">Meetings</label>
{{#CADENCE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CADENCE_ERROR}}
<select id="cadence" name="cadence">
<option value="weekly"{{#CADENCE_WEEKLY}} selected{{/CADENCE_WEEKLY}}>Every week</option>
<option value="biweekly"{{#CADENCE_BIWEEKLY}} selected{{/CADENCE_BIWEEKLY}}>Every two weeks</option>
<option value="monthly"{{#CADENCE_MONTHLY}} selected{{/CADENCE_MONTHLY}}>Every month</option>
</select>
</div>
</div>
<div class="field{{#GROUND_RULES_ERROR}} has-error{{/GROUND_RULES_ERROR}}">
<label for="ground_rules">Ground rules <span class="optional">(optional)</span></label>
<p class="hint" id="rules-hint">Every pair's contract starts with these; the pair can change them.</p>
{{#GROUND_RULES_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/GROUND_RULES_ERROR}}
<textarea id="ground_rules" name="ground_rules" rows="5" aria-describedby="rules-hint">{{GROUND_RULES:pre_escape}}</textarea>
</div>
<div class="field{{#ROADMAP_ERROR}} has-error{{/ROADMAP_ERROR}}">
<label for="roadmap">Suggested roadmap <span class="optional">(optional)</span></label>
{{#ROADMAP_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ROADMAP_ERROR}}
<select id="roadmap" name="roadmap">
<option value="">None</option>
{{#ROADMAP_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_LABEL}}</option>
{{/ROADMAP_OPTION}}
</select>
</div>
{{#SET_ORGANISERS}}
<div class="field{{#ORGANISERS_ERROR}} has-error{{/ORGANISERS_ERROR}}">
<label for="organisers">Organisers <span class="optional">(optional)</span></label>
<p class="hint" id="organisers-hint">The e-mail addresses of the people who run it, separated by commas. Each needs a Menteo account.</p>
{{#ORGANISERS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ORGANISERS_ERROR}}
<textarea id="organisers" name="organisers" rows="2" aria-describedby="organisers-hint">{{ORGANISERS:pre_escape}}</textarea>
</div>
{{/SET_ORGANISERS}}
<div class="actions">
<button class="btn-primary">{{#CREATING}}Create the programme{{/CREATING}}{{#EDITING}}Save the settings{{/EDITING}}</button>
</div>
</form>
{{#EDITING}}
<section class="section" id="questions" aria-labelledby="questions-heading">
<h2 id="questions-heading">Intake questions</h2>
<p class="muted">Asked when someone joins. Organisers read the answers, and matching reads them too; the answer to a question shown to the pair is read by whoever someone is proposed to, or asked by.</p>
{{#NO_QUESTIONS}}<p class="muted">No questions yet.</p>{{/NO_QUESTIONS}}
<ul class="list">
{{#QUESTION}}<li><span class="grow">{{Q_PROMPT}} <span class="badge">{{Q_KIND}}</span>{{#Q_CHOICES}} <span class="small">{{TEXT}}</span>{{/Q_CHOICES}} <span class="muted small">{{Q_AUDIENCE}}{{#Q_OPTIONAL}} · optional{{/Q_OPTIONAL}}{{#Q_SHARED}} · shown to the pair{{/Q_SHARED}}</span></span>
<span class="question-tools"><a class="btn-link" href="/programmes/{{PROG_SLUG}}/settings/questions/{{Q_ID}}">Edit<span class="visually-hidden">: {{Q_PROMPT}}</span></a>
{{#Q_UP}}<form method="post" action="/programmes/{{PROG_SLUG}}/settings/questions/{{Q_ID}}/move" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="to" value="up"><button class="btn-small btn-link">Move up<span class="visually-hidden">: {{Q_PROMPT}}</span></button></form>{{/Q_UP}}
{{#Q_DOWN}}<form method="post" action="/programmes/{{PROG_SLUG}}/settings/questions/{{Q_ID}}/move" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="to" value="down"><button class="btn-small btn-link">Move down<span class="visually-hidden">: {{Q_PROMPT}}</span></button></form>{{/Q_DOWN}}
<form method="post" action="/programmes/{{PROG_SLUG}}/settings/questions/{{Q_ID}}/delete" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><button class="btn-small btn-link" data-confirm="Remove this question and the answers given to it?">Remove<span class="visually-hidden">: {{Q_PROMPT}}</span></button></form></span></li>
{{/QUESTION}}
</ul>
{{#QUESTION_FORM}}
<form method="post" action="/programmes/{{PROG_SLUG}}/settings" class="form card">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<h3>Add a question</h3>
{{>QUESTION_FIELDS}}
<div class="actions"><button class="btn-secondary">Add the question</button></div>
</form>
{{/QUESTION_FORM}}
</section>
<section class="section" id="surveys" aria-labelledby="surveys-heading">
<h2 id="surveys-heading">Survey questions of your own</h2>
<p class="muted">Each pair's surveys (as Cultivation starts, every 30 days, on entering Separation) ask these after the standard questions. You see the answers on the dashboard and in the surveys export.</p>
<ul class="list">{{#SURVEY_QUESTION}}<li><span class="grow">{{SQ_PROMPT}} <span class="badge">{{SQ_KIND}}</span>{{#SQ_RETIRED}} <span class="muted small">no longer asked; its answers stay on the dashboard</span>{{/SQ_RETIRED}}</span>
{{#SQ_RETIRED}}<span class="question-tools"><form method="post" action="/programmes/{{PROG_SLUG}}/settings/survey-questions/{{SQ_ID}}/restore" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><button class="btn-small btn-link">Ask again<span class="visually-hidden">: {{SQ_PROMPT}}</span></button></form></span>{{/SQ_RETIRED}}
{{#SQ_ASKED}}<span class="question-tools"><form method="post" action="/programmes/{{PROG_SLUG}}/settings/survey-questions/{{SQ_ID}}/retire" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><button class="btn-small btn-link" data-confirm="Stop asking this question? The answers already given stay on the dashboard.">Stop asking<span class="visually-hidden">: {{SQ_PROMPT}}</span></button></form></span>{{/SQ_ASKED}}</li>
{{/SURVEY_QUESTION}}</ul>
{{#SURVEY_FORM}}
<form method="post" action="/programmes/{{PROG_SLUG}}/settings" class="form card">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<h3>Add a survey question</h3>
<div class="field{{#SURVEY_QUESTION_ERROR}} has-error{{/SURVEY_QUESTION_ERROR}}">
<label for="survey_question">Question</label>
{{#SURVEY_QUESTION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SURVEY_QUESTION_ERROR}}
<input type="text" id="survey_question" name="survey_question" maxlength="300" value="{{SURVEY_QUESTION}}">
</div>
<div class="field{{#SURVEY_KIND_ERROR}} has-error{{/SURVEY_KIND_ERROR}}">
<label for="survey_kind">Answer</label>
{{#SURVEY_KIND_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SURVEY_KIND_ERROR}}
<select id="survey_kind" name="survey_kind"><option value="score"{{#SURVEY_KIND_SCORE}} selected{{/SURVEY_KIND_SCORE}}>A score from 1 to 5</option><option value="text"{{#SURVEY_KIND_TEXT}} selected{{/SURVEY_KIND_TEXT}}>Free text</option></select>
</div>
<div class="actions"><button class="btn-secondary">Add the survey question</button></div>
</form>
{{/SURVEY_FORM}}
</section>
{{/EDITING}}
