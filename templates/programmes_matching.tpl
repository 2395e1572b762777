{{%AUTOESCAPE context="HTML"}}
{{>NAV}}
<div class="page-head">
<div><p class="eyebrow">Matching</p>
<h1>Mentees waiting for a mentor</h1>
{{#WAITING}}<p>{{NMENTEES}} {{#ONE_MENTEE}}mentee of the programme is{{/ONE_MENTEE}}{{#MENTEES}}mentees of the programme are{{/MENTEES}} in no pair yet. Each is shown with up to three mentors who fit best, and why.</p>
<p class="small muted" id="scale">A score is points out of a possible {{SCORE_MAX}}: 30 for each skill wanted that the mentor has (three at most), up to 40 for words of the mentee's headline, answers and goals that the mentor writes about, 10 for a shared language, up to 8 for close time zones, 10 for each of the programme's choice questions both answered alike (two at most), and up to 20 for places left, requests answered and recent activity.</p>{{/WAITING}}</div>
</div>
{{#ERROR}}<p class="callout danger" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#NONE}}<div class="empty"><h2>Every mentee has a pair</h2><p>New mentees appear here when they join.</p></div>{{/NONE}}
{{#WAITING}}<form method="get" action="/programmes/{{PROG_SLUG}}/matching" class="search" id="auto-form">
<input type="hidden" name="auto" value="1">
<div class="field"><label for="min">Minimum score of a pair</label>
<p class="hint" id="min-hint">Points out of {{SCORE_MAX}}; a pair scoring less is not proposed.</p>
<input id="min" name="min" type="number" min="0" max="{{SCORE_MAX}}" value="{{MIN}}" aria-describedby="min-hint"{{#MIN_BAD}} aria-invalid="true"{{/MIN_BAD}}></div>
<button class="btn-primary">Propose pairs for everyone</button>
</form>{{/WAITING}}
{{#AUTO}}
<section class="section" aria-labelledby="auto-h" id="auto">
<h2 id="auto-h">Pairs to propose: {{NPAIRS}}, left unmatched: {{NLEFT}}</h2>
<p>The pairs with the greatest total score that no mentor's places and no minimum of {{MIN}} points forbid. Nothing is sent until you confirm.</p>
{{#NO_PAIRS}}<p class="callout">No pair can be proposed with a minimum of {{MIN}} points. Why for each mentee is below; a lower minimum may make pairs.</p>{{/NO_PAIRS}}
{{#CAN_CONFIRM}}<div class="table-wrap"><table class="table table-stack"><caption class="visually-hidden">Pairs to propose</caption><thead><tr><th>Mentee</th><th>Mentor</th><th>Score</th><th>Why</th></tr></thead><tbody>
{{#PAIR}}<tr class="pair"><td data-label="Mentee"><a href="/people/{{E_SLUG}}">{{E_NAME}}</a></td><td data-label="Mentor"><a href="/people/{{M_SLUG}}">{{M_NAME}}</a></td><td data-label="Score">{{M_SCORE}}</td><td data-label="Why" class="why">{{M_WHY}}</td></tr>
{{/PAIR}}
</tbody></table></div>{{/CAN_CONFIRM}}
{{#LEFT}}<p class="left"><strong>{{E_NAME}}</strong>: {{L_WHY}}</p>
{{/LEFT}}
{{#CAN_CONFIRM}}<form method="post" action="/programmes/{{PROG_SLUG}}/matching">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<input type="hidden" name="auto" value="1"><input type="hidden" name="pairs" value="{{PAIRS}}"><input type="hidden" name="min" value="{{MIN}}">
<button class="btn-primary">Confirm and send the proposals ({{NPAIRS}})</button>
<a class="btn btn-secondary" href="/programmes/{{PROG_SLUG}}/matching">Back to the board</a>
</form>{{/CAN_CONFIRM}}
</section>
{{/AUTO}}
{{#PROPOSED}}<section class="section" aria-labelledby="proposed-h" id="proposed">
<h2 id="proposed-h">Proposed, waiting for the mentor's answer: {{NPROPOSED}}</h2>
<ul class="list">
{{#MADE}}<li><span><a href="/people/{{E_SLUG}}">{{E_NAME}}</a> with <a href="/people/{{M_SLUG}}">{{M_NAME}}</a> (<a href="/programmes/{{PROG_SLUG}}/pairs/{{MS_ID}}">the request</a>)</span>
<form method="post" action="/programmes/{{PROG_SLUG}}/pairs/{{MS_ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="action" value="take_back"><button class="btn-small" data-confirm="Take back the pair of {{E_NAME}} with {{M_NAME}}? Both are told by e-mail, and {{E_NAME}} comes back to this board.">Take back</button></form></li>
{{/MADE}}
</ul>
</section>{{/PROPOSED}}
<ul class="cards" id="board">
{{#MENTEE}}<li><article class="card mentee">
<h2><a href="/people/{{E_SLUG}}">{{E_NAME}}</a></h2>
{{#EMPTY_PROFILE}}<p class="muted small">Their profile names no skills wanted, languages or headline yet: mentors are ranked by room and how they answer.</p>{{/EMPTY_PROFILE}}
{{#NO_BEST}}<p class="muted">No mentor of the programme can take them now: <a href="/programmes/{{PROG_SLUG}}/invitations">invite more mentors</a>, or ask one to offer more places on the programme's page.</p>{{/NO_BEST}}
{{#FEWER}}<p class="muted small">{{FEWER_WHY}}</p>{{/FEWER}}
{{#SAID_NO}}<p class="muted small said-no">Not offered again, since one of the two said no before: {{NAMES}}.</p>{{/SAID_NO}}
<ol class="list">
{{#BEST}}<li class="best"><strong><a href="/people/{{M_SLUG}}">{{M_NAME}}</a></strong> <span class="badge">{{M_SCORE}}</span><br><span class="small why">{{M_WHY}}</span>
<form method="post" action="/programmes/{{PROG_SLUG}}/matching" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<input type="hidden" name="mentee" value="{{E_ID}}"><input type="hidden" name="mentor" value="{{M_ID}}">
<button class="btn-small" data-confirm="Propose {{M_NAME}} as {{E_NAME}}'s mentor? Both are told by e-mail now; {{M_NAME}} then accepts or declines.">Propose this pair<span class="visually-hidden">: {{M_NAME}} for {{E_NAME}}</span></button></form></li>
{{/BEST}}
</ol>
</article></li>
{{/MENTEE}}
</ul>
