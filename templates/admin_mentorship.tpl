{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/admin">Admin</a></li><li>Mentorship</li></ol></nav>
{{#M}}
<div class="page-head"><h1>{{MENTOR}} and {{MENTEE}}</h1>
<p><span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span> {{FOCUS}}</p></div>
<div class="cols"><div class="stack-lg">
<section class="card" aria-labelledby="parties-h"><h2 id="parties-h">Parties and contract</h2>
<dl class="details"><dt>Mentor</dt><dd>{{MENTOR}} &lt;{{MENTOR_EMAIL}}&gt;</dd>
<dt>Mentee</dt><dd>{{MENTEE}} &lt;{{MENTEE_EMAIL}}&gt;</dd>
<dt>Requested</dt><dd>{{SINCE_DATE}}</dd>
<dt>Agreed contract versions</dt><dd>{{VERSION}}</dd>
<dt>Cadence</dt><dd>{{CADENCE_LABEL}}</dd>
<dt>Review date</dt><dd>{{REVIEW_DATE}}</dd></dl>
<p class="muted small">The room and private threads are visible to the two parties only.</p>
</section>
{{/M}}
<section class="card" aria-labelledby="goals-h"><h2 id="goals-h">Goals</h2>
{{#GOALS_NONE}}<p class="muted">No goals written yet.</p>{{/GOALS_NONE}}
<ul class="list">{{#GOALS}}<li>{{TITLE}} <span class="badge">{{OUTCOME}}</span></li>{{/GOALS}}</ul></section>
<section class="card" aria-labelledby="tl-h"><h2 id="tl-h">Timeline</h2>
<ol class="timeline">{{#EVENTS}}<li><time>{{SINCE_DATE}}</time><p>{{ACTOR}}: {{WHAT}}</p>{{#NOTE}}<p class="note">{{NOTE}}</p>{{/NOTE}}</li>{{/EVENTS}}</ol></section>
</div>
<aside class="sidebar stack">
<section class="card" aria-labelledby="rep-h"><h2 id="rep-h">Reports</h2>
{{#REPORTS_NONE}}<p class="muted">No reports.</p>{{/REPORTS_NONE}}
<ul class="list">{{#REPORTS}}<li><a href="/admin/reports">{{KIND_LABEL}}</a> <span class="badge">{{STATUS_LABEL}}</span> <span class="small muted">{{SINCE_DATE}}</span></li>{{/REPORTS}}</ul></section>
{{#CAN_END}}
<section class="card" aria-labelledby="end-h"><h2 id="end-h">End this mentorship</h2>
{{#M}}<form method="post" action="/admin/mentorships/{{ID}}/end" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">{{/M}}
<div class="field{{#REASON_ERROR}} has-error{{/REASON_ERROR}}"><label for="reason">Reason (both parties receive it by e-mail)</label>
{{#REASON_ERROR}}<span class="field-error" id="reason-error">{{MESSAGE}}</span>{{/REASON_ERROR}}
<textarea id="reason" name="reason" required{{#REASON_ERROR}} aria-invalid="true" aria-describedby="reason-error"{{/REASON_ERROR}}></textarea></div>
<div class="actions"><button class="btn-danger" data-confirm="End this mentorship for both parties?">End the mentorship</button></div>
</form></section>
{{/CAN_END}}
</aside></div>
