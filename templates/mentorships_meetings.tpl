{{%AUTOESCAPE context="HTML"}}
<div class="container">
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/mentorships">Mentorships</a></li><li><a href="/mentorships/{{ID}}">{{FOCUS}}</a></li><li aria-current="page">Meetings</li></ol></nav>
<div class="page-head"><h1>Meetings</h1><p>The mentorship is now in <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span></p></div>
{{#REFUSED}}<div class="errors" role="alert" id="refused"><h2>There is a problem</h2><p>{{REASON}}</p></div>{{/REFUSED}}
<div class="cols">
<div class="stack-lg">
{{#NO_MEETINGS}}<p class="muted">No meetings planned yet.</p>{{/NO_MEETINGS}}
{{#ONLY_CANCELLED}}<p class="muted">No meetings planned: the cancelled ones are listed under Cancelled.</p>{{/ONLY_CANCELLED}}
<p class="small muted">Times are in your time zone, {{TZ}}.</p>
<ol class="list">
{{#MEETING}}
<li class="card compact" id="meeting-{{MEETING_ID}}">
<h2>{{WHEN}} <span class="muted small">({{MINUTES}} min{{#UPCOMING}}, upcoming{{/UPCOMING}})</span></h2>
<p class="small">{{BY}}{{#UPCOMING}} · <a href="/mentorships/{{ID}}/meetings/{{MEETING_ID}}.ics">Add to calendar (.ics)</a>{{/UPCOMING}}</p>
<p><strong>Agenda:</strong></p>
<p class="pre-line">{{AGENDA:pre_escape}}</p>
{{#CHANGE}}
<details class="disclosure"{{#OPEN}} open{{/OPEN}}><summary>Move, change or cancel</summary>
<form class="form" method="post" action="/mentorships/{{ID}}/meetings/{{MEETING_ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<input type="hidden" name="change" value="1"><input type="hidden" name="sequence" value="{{SEQUENCE}}">
<input type="hidden" name="shown_date" value="{{SHOWN_DATE}}"><input type="hidden" name="shown_time" value="{{SHOWN_TIME}}"><input type="hidden" name="shown_minutes" value="{{SHOWN_MINUTES}}"><input type="hidden" name="shown_agenda" value="{{SHOWN_AGENDA}}">
<div class="field{{#DATE_ERROR}} has-error{{/DATE_ERROR}}"><label for="date-{{MEETING_ID}}">Date</label>{{#DATE_ERROR}}<span class="field-error" id="date-{{MEETING_ID}}-error">{{MESSAGE}}</span>{{/DATE_ERROR}}<input type="date" id="date-{{MEETING_ID}}" name="date" value="{{DATE}}"{{#DATE_ERROR}} aria-invalid="true" aria-describedby="date-{{MEETING_ID}}-error"{{/DATE_ERROR}}></div>
<div class="field{{#TIME_ERROR}} has-error{{/TIME_ERROR}}"><label for="time-{{MEETING_ID}}">Time ({{TZ}})</label>{{#TIME_ERROR}}<span class="field-error" id="time-{{MEETING_ID}}-error">{{MESSAGE}}</span>{{/TIME_ERROR}}<input type="time" id="time-{{MEETING_ID}}" name="time" value="{{TIME}}"{{#TIME_ERROR}} aria-invalid="true" aria-describedby="time-{{MEETING_ID}}-error"{{/TIME_ERROR}}></div>
<div class="field{{#MINUTES_ERROR}} has-error{{/MINUTES_ERROR}}"><label for="minutes-{{MEETING_ID}}">Length in minutes</label>{{#MINUTES_ERROR}}<span class="field-error" id="minutes-{{MEETING_ID}}-error">{{MESSAGE}}</span>{{/MINUTES_ERROR}}<input type="number" id="minutes-{{MEETING_ID}}" name="minutes" min="5" max="600" value="{{MINUTES}}" class="input-short"></div>
<div class="field{{#AGENDA_ERROR}} has-error{{/AGENDA_ERROR}}"><label for="agenda-{{MEETING_ID}}">Agenda</label>{{#AGENDA_ERROR}}<span class="field-error" id="agenda-{{MEETING_ID}}-error">{{MESSAGE}}</span>{{/AGENDA_ERROR}}<textarea id="agenda-{{MEETING_ID}}" name="agenda" rows="3" required{{#AGENDA_ERROR}} aria-invalid="true" aria-describedby="agenda-{{MEETING_ID}}-error"{{/AGENDA_ERROR}}>{{AGENDA:pre_escape}}</textarea></div>
<div class="actions tight"><button>Save the change</button></div>
</form>
<form class="inline" method="post" action="/mentorships/{{ID}}/meetings/{{MEETING_ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="cancel" value="1"><input type="hidden" name="sequence" value="{{SEQUENCE}}"><button class="btn-danger btn-small" data-confirm="Cancel this meeting? We tell the other person.">Cancel the meeting</button></form>
</details>
{{/CHANGE}}
{{#NOTES_NOW}}<div class="callout warning" id="notes-now-{{MEETING_ID}}"><p><strong>The notes as they are now</strong></p><p class="small">Notes:</p><p class="pre-line">{{NOTES:pre_escape}}</p><p class="small">Agreed actions:</p><p class="pre-line">{{ACTIONS:pre_escape}}</p></div>{{/NOTES_NOW}}
<form class="form" method="post" action="/mentorships/{{ID}}/meetings/{{MEETING_ID}}">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="notes_seen" value="{{NOTES_SEEN}}">
<div class="field{{#NOTES_ERROR}} has-error{{/NOTES_ERROR}}"><label for="notes-{{MEETING_ID}}">{{#UPCOMING}}Notes to prepare{{/UPCOMING}}{{#PAST}}Notes{{/PAST}}<span class="visually-hidden"> of the meeting of {{WHEN}}</span></label>{{#NOTES_ERROR}}<span class="field-error" id="notes-{{MEETING_ID}}-error">{{MESSAGE}}</span>{{/NOTES_ERROR}}<textarea id="notes-{{MEETING_ID}}" name="notes" rows="3"{{#NOTES_ERROR}} aria-invalid="true" aria-describedby="notes-{{MEETING_ID}}-error"{{/NOTES_ERROR}}>{{NOTES:pre_escape}}</textarea></div>
<div class="field{{#ACTIONS_ERROR}} has-error{{/ACTIONS_ERROR}}"><label for="actions-{{MEETING_ID}}">Agreed actions<span class="visually-hidden"> at the meeting of {{WHEN}}</span></label>{{#ACTIONS_ERROR}}<span class="field-error" id="actions-{{MEETING_ID}}-error">{{MESSAGE}}</span>{{/ACTIONS_ERROR}}<textarea id="actions-{{MEETING_ID}}" name="actions" rows="2"{{#ACTIONS_ERROR}} aria-invalid="true" aria-describedby="actions-{{MEETING_ID}}-error"{{/ACTIONS_ERROR}}>{{ACTIONS:pre_escape}}</textarea></div>
<div class="actions tight"><button>Save notes and actions<span class="visually-hidden"> of the meeting of {{WHEN}}</span></button></div>
</form>
</li>
{{/MEETING}}
</ol>
{{#HAS_CANCELLED}}
<section class="section" aria-labelledby="cancelled-h">
<h2 id="cancelled-h">Cancelled</h2>
<ul class="list">
{{#CANCELLED}}<li><s>{{WHEN}}</s> <span class="badge">Cancelled</span> <span class="small muted">by {{BY}} on {{AT}}</span><p class="small"><strong>Agenda:</strong></p><p class="pre-line small">{{AGENDA:pre_escape}}</p>{{#NOTES}}<p class="small"><strong>Notes:</strong></p><p class="pre-line small">{{TEXT:pre_escape}}</p>{{/NOTES}}{{#ACTIONS}}<p class="small"><strong>Agreed actions:</strong></p><p class="pre-line small">{{TEXT:pre_escape}}</p>{{/ACTIONS}}</li>{{/CANCELLED}}
</ul>
</section>
{{/HAS_CANCELLED}}
</div>
<aside class="sidebar">
{{#CAN_RECORD}}
<section class="card compact" aria-labelledby="new-h">
<h2 id="new-h">Plan or record a meeting</h2>
<p class="small muted">A date ahead plans it; a date gone by records it.</p>
<form class="form" method="post" action="/mentorships/{{ID}}/meetings">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#DATE_ERROR}} has-error{{/DATE_ERROR}}"><label for="date">Date</label>{{#DATE_ERROR}}<span class="field-error" id="date-error">{{MESSAGE}}</span>{{/DATE_ERROR}}<input type="date" id="date" name="date" value="{{DATE}}"{{#DATE_ERROR}} aria-invalid="true" aria-describedby="date-error"{{/DATE_ERROR}}></div>
<div class="field{{#TIME_ERROR}} has-error{{/TIME_ERROR}}"><label for="time">Time ({{TZ}})</label>{{#TIME_ERROR}}<span class="field-error" id="time-error">{{MESSAGE}}</span>{{/TIME_ERROR}}<input type="time" id="time" name="time" value="{{TIME}}"{{#TIME_ERROR}} aria-invalid="true" aria-describedby="time-error"{{/TIME_ERROR}}></div>
<div class="field{{#MINUTES_ERROR}} has-error{{/MINUTES_ERROR}}"><label for="minutes">Length in minutes</label>{{#MINUTES_ERROR}}<span class="field-error" id="minutes-error">{{MESSAGE}}</span>{{/MINUTES_ERROR}}<input type="number" id="minutes" name="minutes" min="5" max="600" value="{{MINUTES}}" class="input-short"></div>
<div class="field{{#AGENDA_ERROR}} has-error{{/AGENDA_ERROR}}"><label for="agenda">Agenda</label>{{#AGENDA_ERROR}}<span class="field-error" id="agenda-error">{{MESSAGE}}</span>{{/AGENDA_ERROR}}<textarea id="agenda" name="agenda" rows="3" required{{#AGENDA_ERROR}} aria-invalid="true" aria-describedby="agenda-error"{{/AGENDA_ERROR}}>{{AGENDA:pre_escape}}</textarea></div>
<div class="actions tight"><button class="btn-primary">Save the meeting</button></div>
</form>
</section>
{{/CAN_RECORD}}
</aside>
</div>
</div>
