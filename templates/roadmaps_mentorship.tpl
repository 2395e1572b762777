{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/mentorships">Mentorships</a></li><li><a href="/mentorships/{{MSHIP_ID}}">{{FOCUS}}</a></li></ol></nav>
<div class="page-head">
<div>
<h1>Roadmap</h1>
<p class="small muted">{{FOCUS}} · mentor {{MENTOR_NAME}} · mentee {{MENTEE_NAME}} · now in <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span></p>
</div>
<div class="actions"><a class="btn btn-secondary" href="/mentorships/{{MSHIP_ID}}">Back to the mentorship</a></div>
</div>

{{#CLOSED}}<div class="callout warning"><p>This mentorship is closed. Its milestones are kept as a record and can no longer change.</p></div>{{/CLOSED}}
{{#NOT_YET}}<div class="callout"><p>A roadmap can be applied once the mentor has accepted the request.</p></div>{{/NOT_YET}}
{{#CAN_APPLY}}{{#ASK_AGAIN}}
<div class="callout warning" role="alert" id="ask-again">
<h2>“{{AGAIN_TITLE}}” is applied already</h2>
<p>Its milestones, or those of a copy of the same roadmap, are in the list below. Applying it again adds a second copy of each, due from the start date you chose.</p>
<div class="actions tight">
<form method="post" action="/mentorships/{{MSHIP_ID}}/roadmap" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="roadmap" value="{{ROADMAP}}"><input type="hidden" name="start_date" value="{{START_DATE}}"><input type="hidden" name="again" value="1"><button class="btn btn-secondary">Apply it again</button></form>
<a class="btn btn-primary" href="/mentorships/{{MSHIP_ID}}/roadmap">Keep the one I have</a>
</div>
</div>
{{/ASK_AGAIN}}{{/CAN_APPLY}}

{{#PROGRESS}}
<section class="card" aria-labelledby="progress-heading">
<h2 id="progress-heading">Progress</h2>
<div class="progress-label"><span id="progress-text"><strong class="done-count">{{DONE}}</strong> of <strong class="total-count">{{TOTAL}}</strong> milestones done</span><span>{{#HAS_OVERDUE}}<span class="badge danger"><span class="overdue-count">{{OVERDUE}}</span> overdue</span>{{/HAS_OVERDUE}}{{#NO_OVERDUE}}<span class="overdue-count">0</span> overdue{{/NO_OVERDUE}}</span></div>
<progress max="{{TOTAL}}" value="{{DONE}}" aria-labelledby="progress-text">{{DONE}} of {{TOTAL}}</progress>
</section>
{{/PROGRESS}}

<section class="section" aria-labelledby="milestones-heading">
<h2 id="milestones-heading">Milestones</h2>
{{>STAGE_LEGEND}}
{{#EMPTY}}
<div class="empty"><p>No roadmap applied yet. Choose one below: its milestones are copied here with due dates, so both of you can follow them.</p></div>
{{/EMPTY}}
{{#NO_GOALS}}<p class="small muted">This mentorship has no goals yet; once the contract has goals you can link each milestone to one.</p>{{/NO_GOALS}}
<p class="visually-hidden" role="status" id="milestone-status"></p>
<ul class="checklist">
{{#MILESTONES}}
<li id="m{{MID}}" class="{{CLASS}}{{#WRITABLE}} has-control{{/WRITABLE}}"{{#IS_OVERDUE}} data-overdue="1"{{/IS_OVERDUE}}>
{{#WRITABLE}}<form method="post" action="/mentorships/{{MSHIP_ID}}/roadmap/milestones/{{MID}}" class="milestone-toggle"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="done" value="{{#CAN_DONE}}1{{/CAN_DONE}}{{#CAN_REOPEN}}0{{/CAN_REOPEN}}"><button class="check-box" role="checkbox" aria-checked="{{#CAN_DONE}}false{{/CAN_DONE}}{{#CAN_REOPEN}}true{{/CAN_REOPEN}}" aria-label="Done: {{M_TITLE}}"></button></form>{{/WRITABLE}}
<strong class="title">{{M_TITLE}}</strong>
<span class="meta">Due {{DUE}}{{#IS_OVERDUE}}<span class="overdue-note"> · <span class="badge danger">Overdue</span></span>{{/IS_OVERDUE}}<span class="done-meta">{{#IS_DONE}} · <span class="badge success">Done</span> by {{DONE_BY}} on {{DONE_AT}}{{/IS_DONE}}</span>{{#HAS_STAGE}} · <span class="stage-note">during <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span></span>{{/HAS_STAGE}}{{#HAS_GOAL}} · goal: {{GOAL_TITLE}}{{/HAS_GOAL}}</span>
{{#HAS_DESC}}<details><summary class="small">What to do<span class="visually-hidden">: {{M_TITLE}}</span></summary><div class="prose small">{{DESCRIPTION_HTML:none}}</div></details>{{/HAS_DESC}}
{{#WRITABLE}}
{{#ROW_ERROR}}<p class="field-error" id="m{{MID}}-error" role="alert">{{MESSAGE}}</p>{{/ROW_ERROR}}
<details{{#ROW_INVALID}} open{{/ROW_INVALID}}><summary class="small">Change due date or goal<span class="visually-hidden"> of “{{M_TITLE}}”</span></summary>
<form method="post" action="/mentorships/{{MSHIP_ID}}/roadmap/milestones/{{MID}}#m{{MID}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field">
<label for="due-{{MID}}">Due date</label>
<input type="date" class="input-short" id="due-{{MID}}" name="due_date" value="{{DUE_DATE}}" required{{#ROW_INVALID}} aria-invalid="true" aria-describedby="m{{MID}}-error"{{/ROW_INVALID}}>
</div>
<div class="field">
<label for="goal-{{MID}}">Linked goal</label>
<select id="goal-{{MID}}" name="goal">
<option value="0"{{#NO_GOAL_SELECTED}} selected{{/NO_GOAL_SELECTED}}>No goal</option>
{{#GOALS}}<option value="{{GID}}"{{#GSELECTED}} selected{{/GSELECTED}}>{{GTITLE}}</option>{{/GOALS}}
</select>
</div>
<div class="actions tight">
<button class="btn btn-secondary btn-small">Save</button>
</div>
</form>
<form method="post" action="/mentorships/{{MSHIP_ID}}/roadmap/milestones/{{MID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><button class="btn-link danger">Remove from this mentorship</button></form>
</details>
{{/WRITABLE}}
</li>
{{/MILESTONES}}
</ul>
</section>

{{#APPLIED}}
<section class="section" aria-labelledby="applied-heading">
<h2 id="applied-heading">Roadmaps applied</h2>
<ul class="list-plain applied">
{{#ROADMAPS}}
<li id="applied-{{RID}}"><strong>{{RTITLE}}</strong> <span class="muted small">{{DONE}} of {{TOTAL}} milestones done</span>{{#CAN_REMOVE}} · <a class="btn-link danger small" href="/mentorships/{{MSHIP_ID}}/roadmap?remove={{RID}}#applied-{{RID}}">Remove its {{OPEN}} open milestone{{S}}</a>{{/CAN_REMOVE}}
{{#ASK_REMOVE}}
<div class="callout warning" role="alert">
<h3>Remove {{OPEN}} open milestone{{S}} of “{{RTITLE}}”?</h3>
<p>They are taken out of this mentorship for both of you{{#KEEPS_DONE}}; the {{DONE}} done stay, as the record of what was done{{/KEEPS_DONE}}. The roadmap itself stays in the library: you can apply it again later.</p>
<div class="actions tight">
<form method="post" action="/mentorships/{{MSHIP_ID}}/roadmap/remove" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="roadmap" value="{{RID}}"><button class="btn btn-danger">Remove them</button></form>
<a class="btn btn-secondary" href="/mentorships/{{MSHIP_ID}}/roadmap">Keep them</a>
</div>
</div>
{{/ASK_REMOVE}}
</li>
{{/ROADMAPS}}
</ul>
</section>
{{/APPLIED}}

{{#CAN_APPLY}}
<section class="section" aria-labelledby="apply-heading">
<h2 id="apply-heading">{{APPLY_HEADING}}</h2>
<p class="muted">The roadmap's milestones are copied into this mentorship, each due its number of weeks after the start date. Changing the roadmap later does not change this copy. <a href="/roadmaps">Browse the library</a>.</p>
{{#ERRORS}}
<div class="errors" role="alert"><h3>The roadmap was not applied</h3><p>Please correct the fields marked below.</p></div>
{{/ERRORS}}
<form method="post" action="/mentorships/{{MSHIP_ID}}/roadmap" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#ROADMAP_ERROR}} has-error{{/ROADMAP_ERROR}}">
<label for="roadmap">Roadmap</label>
<select id="roadmap" name="roadmap" required{{#ROADMAP_ERROR}} aria-invalid="true" aria-describedby="roadmap-error"{{/ROADMAP_ERROR}}>
<option value="">Choose a roadmap</option>
{{#GRP_SUGGESTED}}<optgroup label="Suggested by the programme">{{/GRP_SUGGESTED}}
{{#OPT_SUGGESTED}}<option value="{{RID}}"{{#SELECTED}} selected{{/SELECTED}}>{{RTITLE}} ({{RCOUNT}} milestones)</option>{{/OPT_SUGGESTED}}
{{#GRP_SUGGESTED}}</optgroup>{{/GRP_SUGGESTED}}
{{#GRP_CURATED}}<optgroup label="Curated">{{/GRP_CURATED}}
{{#OPT_CURATED}}<option value="{{RID}}"{{#SELECTED}} selected{{/SELECTED}}>{{RTITLE}} ({{RCOUNT}} milestones)</option>{{/OPT_CURATED}}
{{#GRP_CURATED}}</optgroup>{{/GRP_CURATED}}
{{#GRP_MINE}}<optgroup label="Your roadmaps">{{/GRP_MINE}}
{{#OPT_MINE}}<option value="{{RID}}"{{#SELECTED}} selected{{/SELECTED}}>{{RTITLE}} ({{RCOUNT}} milestones)</option>{{/OPT_MINE}}
{{#GRP_MINE}}</optgroup>{{/GRP_MINE}}
{{#GRP_SHARED}}<optgroup label="Shared by members">{{/GRP_SHARED}}
{{#OPT_SHARED}}<option value="{{RID}}"{{#SELECTED}} selected{{/SELECTED}}>{{RTITLE}}{{#BY}} by {{BY_NAME}}{{/BY}} ({{RCOUNT}} milestones)</option>{{/OPT_SHARED}}
{{#GRP_SHARED}}</optgroup>{{/GRP_SHARED}}
</select>
{{#ROADMAP_ERROR}}<p class="field-error" id="roadmap-error">{{MESSAGE}}</p>{{/ROADMAP_ERROR}}
</div>
<div class="field{{#START_DATE_ERROR}} has-error{{/START_DATE_ERROR}}">
<label for="start_date">Start date</label>
<span class="hint" id="start_date-hint">Milestones of week 0 are due on this day, the others week by week after it.</span>
<input type="date" class="input-short" id="start_date" name="start_date" value="{{START_DATE}}" required aria-describedby="start_date-hint{{#START_DATE_ERROR}} start_date-error{{/START_DATE_ERROR}}"{{#START_DATE_ERROR}} aria-invalid="true"{{/START_DATE_ERROR}}>
{{#START_DATE_ERROR}}<p class="field-error" id="start_date-error">{{MESSAGE}}</p>{{/START_DATE_ERROR}}
</div>
<div class="actions"><button class="btn btn-primary">Apply roadmap</button></div>
</form>
</section>
{{/CAN_APPLY}}
