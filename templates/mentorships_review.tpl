{{%AUTOESCAPE context="HTML"}}
<div class="container">
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/mentorships">Mentorships</a></li><li><a href="/mentorships/{{ID}}">{{FOCUS}}</a></li><li aria-current="page">Review</li></ol></nav>
<div class="page-head">
<h1>Review of the goals</h1>
<p>Now in <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span> · Give every goal an outcome and a note. Separation needs them all, unless the review date has passed.</p>
</div>
{{#REFUSED}}<div class="errors" role="alert" id="refused"><h2>There is a problem</h2><p>{{REASON}}</p></div>{{/REFUSED}}
{{#NOT_NOW}}<p class="callout">Goals are reviewed from Cultivation on, and in Separation.</p>{{/NOT_NOW}}
{{#NO_GOALS}}<p class="muted">This mentorship has no goals yet.</p>{{/NO_GOALS}}
{{#FORMS}}<form class="form" method="post" action="/mentorships/{{ID}}/review">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">{{/FORMS}}
<ol class="list">
{{#GOAL}}
<li class="card compact">
<h2>{{TITLE}} <span class="badge">{{STATUS_LABEL}}</span></h2>
<p class="small">Measured by: {{MEASURE}}{{#TARGET}} · target {{TARGET_DATE}}{{/TARGET}}</p>
{{#REVIEW_NOTE}}<p class="note">{{TEXT}}</p>{{/REVIEW_NOTE}}
{{#REVIEWED}}<p class="small muted">Reviewed {{AT}} by {{BY}}</p>{{/REVIEWED}}
{{#SETTLED}}<p class="small muted">{{TEXT}}: this outcome is part of the record.</p>{{/SETTLED}}
{{#FORM}}
<input type="hidden" name="goal" value="{{GOAL_ID}}">
<div class="field"><label for="outcome-{{GOAL_ID}}">Outcome<span class="visually-hidden"> of “{{TITLE}}”</span></label>
{{#OUTCOME_ERROR}}<span class="field-error" id="outcome-{{GOAL_ID}}-error">{{MESSAGE}}</span>{{/OUTCOME_ERROR}}
<select id="outcome-{{GOAL_ID}}" name="outcome"{{#OUTCOME_ERROR}} aria-invalid="true" aria-describedby="outcome-{{GOAL_ID}}-error"{{/OUTCOME_ERROR}}>
<option value="">Choose…</option>
<option value="achieved"{{#OUTCOME_ACHIEVED}} selected{{/OUTCOME_ACHIEVED}}>Achieved</option>
<option value="partly"{{#OUTCOME_PARTLY}} selected{{/OUTCOME_PARTLY}}>Partly achieved</option>
<option value="not_achieved"{{#OUTCOME_NOT_ACHIEVED}} selected{{/OUTCOME_NOT_ACHIEVED}}>Not achieved</option>
<option value="dropped"{{#OUTCOME_DROPPED}} selected{{/OUTCOME_DROPPED}}>Dropped</option>
</select></div>
<div class="field"><label for="note-{{GOAL_ID}}">Note<span class="visually-hidden"> on “{{TITLE}}”</span></label>
{{#NOTE_ERROR}}<span class="field-error" id="note-{{GOAL_ID}}-error">{{MESSAGE}}</span>{{/NOTE_ERROR}}
<textarea id="note-{{GOAL_ID}}" name="note" rows="2" data-maxlength="4000"{{#NOTE_ERROR}} aria-invalid="true" aria-describedby="note-{{GOAL_ID}}-error"{{/NOTE_ERROR}}>{{NOTE:pre_escape}}</textarea></div>
{{/FORM}}
</li>
{{/GOAL}}
</ol>
{{#SAVE}}<div class="actions"><button class="btn-primary">Save the outcomes</button></div>{{/SAVE}}
{{#FORMS}}</form>{{/FORMS}}
{{#MOVE_ON}}<section class="card highlight next-step" aria-labelledby="move-h">
<h2 id="move-h">Next step</h2>
<p>Every goal has its outcome: move on to Separation, where the mentor acknowledges what was achieved.</p>
<form method="post" action="/mentorships/{{ID}}/stage" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="to" value="separation"><button class="btn-primary">Move to Separation</button></form>
</section>{{/MOVE_ON}}
{{#ACKNOWLEDGED}}<p class="badge success">The mentor acknowledged the goals achieved on {{AT}}.</p>{{/ACKNOWLEDGED}}
{{#CAN_ACKNOWLEDGE}}
<section class="card" aria-labelledby="ack-h">
<h2 id="ack-h">Acknowledge</h2>
<p>As the mentor, acknowledge formally what was achieved. It is recorded with the date and opens Redefinition.</p>
<form method="post" action="/mentorships/{{ID}}/review"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="acknowledge" value="1"><button class="btn-primary">Acknowledge the goals achieved</button></form>
</section>
{{/CAN_ACKNOWLEDGE}}
<p><a href="/mentorships/{{ID}}">Back to the mentorship</a> · <a href="/mentorships/{{ID}}/record">Record of achievement</a></p>
</div>
