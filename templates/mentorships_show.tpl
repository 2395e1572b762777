{{%AUTOESCAPE context="HTML"}}
<div class="container">
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/mentorships">Mentorships</a></li><li aria-current="page">{{FOCUS}}</li></ol></nav>
<div class="page-head">
<p class="eyebrow">Mentorship · you are the {{ROLE}}{{#PROGRAMME}} · {{PROGRAMME_HOW}} the programme <a href="/programmes/{{PROGRAMME_SLUG}}">{{PROGRAMME_NAME}}</a>{{/PROGRAMME}}</p>
<h1>{{FOCUS}}</h1>
<p>{{#IS_OPEN}}Now in{{/IS_OPEN}}{{#IS_CLOSED}}Closed:{{/IS_CLOSED}} <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span> {{#IS_OPEN}}since{{/IS_OPEN}}{{#IS_CLOSED}}on{{/IS_CLOSED}} {{STAGE_ON}} · Mentor <a href="/people/{{MENTOR_SLUG}}">{{MENTOR_NAME}}</a>, mentee <a href="/people/{{MENTEE_SLUG}}">{{MENTEE_NAME}}</a>, {{BEGUN_AS}} {{CREATED}}.</p>
{{#RENAME}}<details class="disclosure rename"{{#OPEN}} open{{/OPEN}}><summary>Rename</summary>
<form class="form" method="post" action="/mentorships/{{ID}}/focus">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#FOCUS_ERROR}} has-error{{/FOCUS_ERROR}}">
<label for="focus">What this mentorship is about</label>
<span class="hint" id="focus-hint">Its name on both your pages and in your e-mail, e.g. "land a director role". We tell the other person.</span>
{{#FOCUS_ERROR}}<span class="field-error" id="focus-error">{{MESSAGE}}</span>{{/FOCUS_ERROR}}
<input id="focus" name="focus" maxlength="200" value="{{FOCUS}}" required aria-describedby="focus-hint{{#FOCUS_ERROR}} focus-error{{/FOCUS_ERROR}}"{{#FOCUS_ERROR}} aria-invalid="true" autofocus{{/FOCUS_ERROR}}>
</div>
<div class="actions tight"><button>Save the name</button></div>
</form>
</details>{{/RENAME}}
</div>
{{#PROBLEM}}<div class="errors" role="alert" tabindex="-1" id="refused"><h2>There is a problem</h2><ul><li><a href="#note-{{TO}}">{{REASON}}</a></li></ul></div>{{/PROBLEM}}
{{#REFUSED}}
<div class="callout danger" role="alert" id="refused">
<h2>That change was refused</h2>
<p>{{REASON}}</p>
{{#PLACE}}<p><a class="btn btn-secondary" href="{{HREF}}">{{LABEL}}</a></p>{{/PLACE}}
</div>
{{/REFUSED}}
{{#QUESTION}}
<div class="callout" id="question">
<h2>{{WHO}} asks</h2>
<p class="prose">{{TEXT}}</p>
<p class="small muted">Asked {{WHEN}}.</p>
</div>
{{/QUESTION}}
{{#CLOSED_NOTE}}
<div class="callout warning" id="closed-note">
<h2>{{LABEL}}</h2>
{{#BY_PERSON}}<p>{{WHO}} wrote, {{WHEN}}:</p>{{/BY_PERSON}}{{#BY_MENTEO}}<p>{{WHEN}}:</p>{{/BY_MENTEO}}
<p class="prose">{{TEXT}}</p>
</div>
{{/CLOSED_NOTE}}
{{>STEPPER}}
{{#NEXT}}
<section class="card highlight next-step" aria-labelledby="next-h">
<h2 id="next-h">Next step</h2>
<p>{{TEXT}}</p>
<div class="actions tight">
{{#NEXT_LINK}}<a class="btn btn-primary" href="{{HREF}}">{{LABEL}}</a>{{/NEXT_LINK}}
{{#NEXT_FORM}}<form method="post" action="/mentorships/{{ID}}/stage" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="to" value="{{TO}}"><button class="btn-primary">{{LABEL}}</button></form>{{/NEXT_FORM}}
{{#NEXT_ACK}}<form method="post" action="/mentorships/{{ID}}/review" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="acknowledge" value="1"><button class="btn-primary">Acknowledge the goals achieved</button></form>{{/NEXT_ACK}}
{{#ALSO}}<a class="btn btn-secondary" href="{{HREF}}">{{LABEL}}</a>{{/ALSO}}
</div>
</section>
{{/NEXT}}
<div class="cols">
<div class="stack-lg">
{{#IS_REQUESTED}}
<section class="section" aria-labelledby="req-h">
<h2 id="req-h">{{HEADING}}</h2>
<div class="card compact"><p class="prose">{{MESSAGE}}</p></div>
</section>
{{/IS_REQUESTED}}
{{#HAS_ACTIONS}}
<section class="section card" aria-labelledby="actions-h">
<h2 id="actions-h">{{ACTIONS_HEADING}}</h2>
{{#ACTION}}
{{#IS_END}}<details class="disclosure"{{#END_OPEN}} open{{/END_OPEN}}><summary>End the mentorship</summary>{{/IS_END}}
<form class="form" method="post" action="/mentorships/{{ID}}/stage">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<input type="hidden" name="to" value="{{TO}}">
<div class="field{{#NOTE_ERROR}} has-error{{/NOTE_ERROR}}">
<label for="note-{{TO}}">{{NOTE_LABEL}}</label>
{{#NOTE_ERROR}}<span class="field-error" id="note-{{TO}}-error">{{MESSAGE}}</span>{{/NOTE_ERROR}}
<textarea id="note-{{TO}}" name="note" rows="2" data-maxlength="4000"{{#NOTE_REQUIRED}} required{{/NOTE_REQUIRED}}{{#NOTE_ERROR}} aria-invalid="true" aria-describedby="note-{{TO}}-error" autofocus{{/NOTE_ERROR}}>{{NOTE}}</textarea>
</div>
<div class="actions tight"><button class="{{BUTTON_CLASS}}"{{#CONFIRM}} data-confirm="{{CONFIRM_TEXT}}"{{/CONFIRM}}>{{LABEL}}</button></div>
</form>
{{#IS_END}}</details>{{/IS_END}}
{{/ACTION}}
</section>
{{/HAS_ACTIONS}}
{{#IS_ACTIVE}}
<section class="section" aria-labelledby="contract-h">
<h2 id="contract-h">Contract <span class="muted small">({{CONTRACT_VERSION_TEXT}})</span></h2>
<dl class="details">
<dt>Ground rules</dt><dd class="pre-line">{{GROUND_RULES:pre_escape}}</dd>
<dt>Cadence</dt><dd>{{CADENCE_LABEL}}</dd>
<dt>Communication</dt><dd>{{CHANNELS}}</dd>
<dt>Review date</dt><dd>{{#HAS_REVIEW}}{{REVIEW_DATE}} ({{REVIEW_LEFT}}){{/HAS_REVIEW}}{{REVIEW_TEXT}}</dd>
<dt>Agreed by the mentor</dt><dd>{{MENTOR_AGREED_TEXT}}</dd>
<dt>Agreed by the mentee</dt><dd>{{MENTEE_AGREED_TEXT}}</dd>
</dl>
<p><a class="btn btn-secondary" href="/mentorships/{{ID}}/contract">{{CONTRACT_LINK_TEXT}}</a></p>
</section>
<section class="section" aria-labelledby="goals-h">
<h2 id="goals-h">Goals <span class="muted small">{{GOALS_COUNT_TEXT}}</span></h2>
{{#NO_GOALS}}<p class="muted">No goals yet: they are written into the contract.</p>{{/NO_GOALS}}
<ul class="checklist">
{{#GOAL}}{{>GOAL_ITEM}}{{/GOAL}}
</ul>
{{#EARLIER_GOALS}}<details class="disclosure"><summary>Closed in earlier cycles ({{EARLIER_COUNT}})</summary>
<ul class="checklist">
{{#GOAL}}{{>GOAL_ITEM}}{{/GOAL}}
</ul></details>{{/EARLIER_GOALS}}
{{#CAN_REVIEW}}<p><a href="/mentorships/{{ID}}/review">Review the goals</a></p>{{/CAN_REVIEW}}
{{#ACKNOWLEDGED}}<p><span class="badge success">Acknowledged</span> by the mentor on {{AT}}</p>{{/ACKNOWLEDGED}}
{{#ACK_EARLIER}}<p class="small muted">The goals of an earlier cycle were acknowledged on {{AT}}; this cycle's are not yet.</p>{{/ACK_EARLIER}}
{{#HAS_RECORD}}<p><a href="/mentorships/{{ID}}/record">Record of achievement</a></p>{{/HAS_RECORD}}
</section>
{{/IS_ACTIVE}}
{{#CHECKIN}}
<section class="section card" aria-labelledby="checkin-h">
<h2 id="checkin-h">Check-ins</h2>
{{#NEXT_CHECKIN}}<p>You check in {{CHECKIN_EVERY}}. Next check-in due: <strong>{{AT}}</strong>.</p>{{/NEXT_CHECKIN}}
{{#NO_INTERVAL}}<p>No check-in interval is chosen yet, so no reminder will come: choose how often you check in.</p>{{/NO_INTERVAL}}
<form class="form" method="post" action="/mentorships/{{ID}}/checkin">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field"><label for="checkin_months">Check in every</label>
<select id="checkin_months" name="checkin_months" required>{{#NO_INTERVAL}}<option value="" selected disabled>Choose…</option>{{/NO_INTERVAL}}<option value="1"{{#EVERY_1}} selected{{/EVERY_1}}>month</option><option value="3"{{#EVERY_3}} selected{{/EVERY_3}}>3 months</option><option value="6"{{#EVERY_6}} selected{{/EVERY_6}}>6 months</option><option value="12"{{#EVERY_12}} selected{{/EVERY_12}}>12 months</option></select></div>
<div class="actions tight"><button>Save the interval</button></div>
</form>
<h3 id="checkin-log-h">Log a check-in</h3>
<form class="form" method="post" action="/mentorships/{{ID}}/checkins" aria-labelledby="checkin-log-h">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#DATE_ERROR}} has-error{{/DATE_ERROR}}"><label for="checkin-date">When it happened</label>{{#DATE_ERROR}}<span class="field-error" id="checkin-date-error">{{MESSAGE}}</span>{{/DATE_ERROR}}<input type="date" id="checkin-date" name="date" value="{{DATE}}"{{#DATE_ERROR}} aria-invalid="true" aria-describedby="checkin-date-error"{{/DATE_ERROR}}></div>
<div class="field{{#NOTE_ERROR}} has-error{{/NOTE_ERROR}}"><label for="checkin-note">What you talked about <span class="optional">(optional)</span></label>{{#NOTE_ERROR}}<span class="field-error" id="checkin-note-error">{{MESSAGE}}</span>{{/NOTE_ERROR}}<textarea id="checkin-note" name="note" rows="3" data-maxlength="4000"{{#NOTE_ERROR}} aria-invalid="true" aria-describedby="checkin-note-error"{{/NOTE_ERROR}}>{{NOTE:pre_escape}}</textarea></div>
<div class="actions tight"><button>Log the check-in</button></div>
</form>
<h3>Check-ins so far</h3>
{{#NONE_LOGGED}}<p class="muted">None logged yet.</p>{{/NONE_LOGGED}}
<ul class="list">{{#LOGGED}}<li><strong>{{HELD_ON}}</strong> <span class="small muted">logged by {{BY}}</span><span class="grow">{{NOTE}}</span></li>{{/LOGGED}}</ul>
</section>
{{/CHECKIN}}
{{#STRIP}}
<section class="section figure" aria-labelledby="strip-h">
<h2 id="strip-h">Time in each stage</h2>
{{#NOT_YET}}<p class="muted">No stage reached yet.</p>{{/NOT_YET}}
{{CHART_HTML:none}}
<table class="table figure-numbers"><caption class="visually-hidden">Days in each stage</caption><tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="text-right">{{VALUE}}</td></tr>{{/ROW}}</tbody></table>
</section>
{{/STRIP}}
{{#PROGRESS_CHART}}
<section class="section figure" aria-labelledby="progress-h">
<h2 id="progress-h">Progress over time</h2>
{{CHART_HTML:none}}
<p class="small">{{TEXT}}</p>
<details class="figure-data"><summary>Week by week, in numbers</summary>
<table class="table figure-numbers"><caption class="visually-hidden">Milestones done and goals achieved, counted up to the end of each week shown: the weeks in which a count moved, and the latest</caption><thead><tr><th scope="col">Week</th><th scope="col" class="text-right">Milestones done</th><th scope="col" class="text-right">Goals achieved</th></tr></thead><tbody>{{#WEEK}}<tr><th scope="row">{{WEEK}}</th><td class="text-right">{{MILESTONES}}</td><td class="text-right">{{GOALS}}</td></tr>{{/WEEK}}</tbody></table>
</details>
</section>
{{/PROGRESS_CHART}}
<section class="section" aria-labelledby="timeline-h">
<h2 id="timeline-h">Timeline</h2>
<ol class="timeline">
{{#EVENT}}
<li{{#STAGE_MOVE}} class="major"{{/STAGE_MOVE}}><time datetime="{{WHEN_ISO}}">{{WHEN}}</time> <p><strong>{{ACTOR}}</strong>: {{WHAT}}{{#STAGE_MOVE}} <span class="stage stage-{{TO}}">{{TO_LABEL}}</span>{{/STAGE_MOVE}}</p>{{#NOTE}}<p class="note">{{TEXT}}</p>{{/NOTE}}</li>
{{/EVENT}}
</ol>
</section>
</div>
<aside class="sidebar stack">
{{#IS_ACTIVE}}
<section class="card compact" aria-labelledby="meet-h">
<h2 id="meet-h">Meetings</h2>
{{#NEXT_MEETING}}<p>Next meeting: <strong>{{AT}}</strong></p>{{/NEXT_MEETING}}
{{#NO_NEXT_MEETING}}<p class="muted">No meeting planned.</p>{{/NO_NEXT_MEETING}}
{{#LAST_MEETING}}<p class="small">Last meeting: {{AT}}</p>{{/LAST_MEETING}}
{{#CADENCE}}<p>{{#ON_TRACK}}<span class="badge success">On schedule</span>{{/ON_TRACK}}{{#BEHIND}}<span class="badge warning">Behind the cadence</span>{{/BEHIND}}{{#FIRST_DUE}}<span class="badge">First meeting to plan</span>{{/FIRST_DUE}}{{#FIRST_PLANNED}}<span class="badge">First meeting planned</span>{{/FIRST_PLANNED}}{{#IN_WEEKS}} {{#DUE}}The next meeting is due by {{DUE_BY}}. {{/DUE}}{{HELD}} in the last {{WEEKS}} weeks{{#LAST}}, the last on {{LAST_ON}}{{/LAST}} (agreed: {{AGREED}}).{{/IN_WEEKS}}{{#SO_FAR}}{{HELD}} so far.{{/SO_FAR}}</p>{{/CADENCE}}
<p><a href="/mentorships/{{ID}}/meetings">Meetings</a></p>
</section>
{{#MILESTONES}}
<section class="card compact" aria-labelledby="ms-h">
<h2 id="ms-h">Roadmap</h2>
<progress max="{{TOTAL}}" value="{{DONE}}">{{DONE}} of {{TOTAL}}</progress>
<p class="progress-label"><span>{{DONE}} of {{TOTAL}} milestones done{{#HAS_OVERDUE}}, <strong>{{OVERDUE}} overdue</strong>{{/HAS_OVERDUE}}</span></p>
<p><a href="/mentorships/{{ID}}/roadmap">The roadmap</a></p>
</section>
{{/MILESTONES}}
{{#ROOM}}
<section class="card compact" aria-labelledby="room-h">
<h2 id="room-h">Room</h2>
<p><a href="/rooms/{{ID}}">Open the room</a>{{#HAS_UNREAD}} <span class="count">{{UNREAD}} unread</span>{{/HAS_UNREAD}}</p>
</section>
{{/ROOM}}
{{/IS_ACTIVE}}
{{#OTHER}}
<section class="card compact" aria-labelledby="other-h">
<h2 id="other-h">About {{NAME}}</h2>
{{#HEADLINE}}<p>{{TEXT}}</p>{{/HEADLINE}}
<dl class="details">
{{#LOOKING_FOR}}<dt>Looking for</dt><dd>{{TEXT}}</dd>{{/LOOKING_FOR}}
{{#SKILLS}}<dt>Skills</dt><dd>{{TEXT}}</dd>{{/SKILLS}}
{{#LANGUAGES}}<dt>Speaks</dt><dd>{{TEXT}}</dd>{{/LANGUAGES}}
<dt>Time zone</dt><dd>{{ZONE}}{{#APART}}, {{TEXT}}{{/APART}}</dd>
{{#INTAKE}}<dt>{{Q}}</dt><dd class="pre-line">{{A}}</dd>{{/INTAKE}}
</dl>
<p><a href="/people/{{SLUG}}">{{NAME}}'s profile</a></p>
</section>
{{/OTHER}}
<p class="small no-print"><a href="/reports/new?mentorship={{ID}}">Report a problem with this mentorship</a></p>
</aside>
</div>
</div>
