{{%AUTOESCAPE context="HTML"}}
<div class="container">
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/mentorships">Mentorships</a></li><li><a href="/mentorships/{{ID}}">{{FOCUS}}</a></li><li aria-current="page">Contract</li></ol></nav>
<div class="page-head">
<h1>Contract</h1>
<p>Now in <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span> · {{#AGREED_VERSION}}Last agreed version: {{N}}.{{/AGREED_VERSION}}{{#NEVER_AGREED}}Not agreed yet.{{/NEVER_AGREED}}{{#WAITING}} <strong>{{TEXT}}</strong>{{/WAITING}}</p>
</div>
{{#REFUSED}}
<div class="errors" role="alert" id="refused"><h2>There is a problem</h2><p>{{REASON}}</p>{{#PROBLEMS}}<ul>{{#PROBLEM}}<li><a href="#{{P_ID}}">{{P_TEXT}}</a></li>{{/PROBLEM}}</ul>{{/PROBLEMS}}</div>
{{/REFUSED}}
{{#NOTE}}<p class="callout" role="status">{{TEXT}}</p>{{/NOTE}}
{{#NOW}}<details class="card compact" open><summary>The contract as it is now</summary><pre class="prose snapshot">{{TEXT:pre_escape}}</pre></details>{{/NOW}}
{{#READ_ONLY}}<p class="callout">The contract is written in Initiation and renewed in Separation or Redefinition; in {{STAGE_LABEL}} it is read-only.</p>{{/READ_ONLY}}
{{#LATER_CYCLE}}{{#EDITABLE}}<p class="callout">A new cycle: add at least one new goal. This version holds 1 to 5 goals — the new ones plus the open ones carried over.</p>{{/EDITABLE}}{{/LATER_CYCLE}}
<div class="cols">
<div class="stack-lg">
{{#READ_ONLY}}
<section class="section flush-top" aria-labelledby="terms-h">
<h2 id="terms-h">Terms</h2>
<dl class="details">
<dt>Ground rules</dt><dd class="pre-line">{{GROUND_RULES_TEXT:pre_escape}}</dd>
<dt>Meeting cadence</dt><dd>{{CADENCE_LABEL}}</dd>
<dt>Communication</dt><dd>{{CHANNELS}}</dd>
<dt>Review date</dt><dd>{{REVIEW_TEXT}}</dd>
</dl>
</section>
{{/READ_ONLY}}
{{#EDITABLE}}
<form class="form stack-lg" method="post" action="/mentorships/{{ID}}/contract" id="contract-form" data-unsaved>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<input type="hidden" name="goal_rows" value="1"><input type="hidden" name="seen" value="{{SEEN}}">
<button name="save" value="1" class="visually-hidden" tabindex="-1">Save the contract</button>
<section class="section flush-top" aria-labelledby="terms-h">
<h2 id="terms-h">Terms</h2>
<div class="field{{#GROUND_RULES_ERROR}} has-error{{/GROUND_RULES_ERROR}}">
<label for="ground_rules">Ground rules</label>
<span class="hint" id="ground_rules-hint">How you work together: preparation, response times, confidentiality, cancelling.</span>
{{#GROUND_RULES_ERROR}}<span class="field-error" id="ground_rules-error">{{MESSAGE}}</span>{{/GROUND_RULES_ERROR}}
<textarea id="ground_rules" name="ground_rules" class="tall" data-maxlength="4000" aria-describedby="ground_rules-hint{{#GROUND_RULES_ERROR}} ground_rules-error{{/GROUND_RULES_ERROR}}"{{#GROUND_RULES_ERROR}} aria-invalid="true"{{/GROUND_RULES_ERROR}}>{{GROUND_RULES:pre_escape}}</textarea>
</div>
<div class="field{{#CADENCE_ERROR}} has-error{{/CADENCE_ERROR}}">
<label for="cadence">Meeting cadence</label>
{{#CADENCE_ERROR}}<span class="field-error" id="cadence-error">{{MESSAGE}}</span>{{/CADENCE_ERROR}}
<select id="cadence" name="cadence"{{#CADENCE_ERROR}} aria-invalid="true" aria-describedby="cadence-error"{{/CADENCE_ERROR}}>
<option value="">Choose…</option>
<option value="weekly"{{#CADENCE_WEEKLY}} selected{{/CADENCE_WEEKLY}}>Weekly</option>
<option value="biweekly"{{#CADENCE_BIWEEKLY}} selected{{/CADENCE_BIWEEKLY}}>Every two weeks</option>
<option value="monthly"{{#CADENCE_MONTHLY}} selected{{/CADENCE_MONTHLY}}>Monthly</option>
</select>
</div>
<fieldset class="plain field{{#CHANNELS_ERROR}} has-error{{/CHANNELS_ERROR}}"{{#CHANNELS_ERROR}} aria-describedby="channels-error"{{/CHANNELS_ERROR}}>
<legend>Communication (one or more)</legend>
{{#CHANNELS_ERROR}}<span class="field-error" id="channels-error">{{MESSAGE}}</span>{{/CHANNELS_ERROR}}
<ul class="checks inline">
<li><label class="check"><input type="checkbox" id="channel-room" name="channels" value="room"{{#CH_ROOM_CHECKED}} checked{{/CH_ROOM_CHECKED}}> Room</label></li>
<li><label class="check"><input type="checkbox" name="channels" value="email"{{#CH_EMAIL_CHECKED}} checked{{/CH_EMAIL_CHECKED}}> E-mail</label></li>
<li><label class="check"><input type="checkbox" name="channels" value="video"{{#CH_VIDEO_CHECKED}} checked{{/CH_VIDEO_CHECKED}}> Video</label></li>
<li><label class="check"><input type="checkbox" name="channels" value="in_person"{{#CH_IN_PERSON_CHECKED}} checked{{/CH_IN_PERSON_CHECKED}}> In person</label></li>
</ul>
</fieldset>
<div class="field{{#REVIEW_DATE_ERROR}} has-error{{/REVIEW_DATE_ERROR}}">
<label for="review_date">Review date</label>
<span class="hint" id="review_date-hint">The planned exit review{{#USUAL_REVIEW}}, usually six months after you agree{{/USUAL_REVIEW}}: {{REVIEW_FROM}}{{#PROG_END}} {{PROG_NAME}} {{PROG_ENDS}} on {{PROG_ENDS_TEXT}}.{{/PROG_END}}</span>
{{#REVIEW_DATE_ERROR}}<span class="field-error" id="review_date-error">{{MESSAGE}}</span>{{/REVIEW_DATE_ERROR}}
<input type="date" id="review_date" name="review_date" class="input-short" value="{{REVIEW_DATE}}" min="{{REVIEW_MIN}}" aria-describedby="review_date-hint{{#REVIEW_DATE_ERROR}} review_date-error{{/REVIEW_DATE_ERROR}}{{#REVIEW_AFTER_END}} review_date-note{{/REVIEW_AFTER_END}}"{{#REVIEW_DATE_ERROR}} aria-invalid="true"{{/REVIEW_DATE_ERROR}}>
{{#REVIEW_AFTER_END}}<span class="field-note" id="review_date-note">This review falls after the programme ends: you may keep it, but the programme's organisers will not see it happen.</span>{{/REVIEW_AFTER_END}}
</div>
</section>
{{/EDITABLE}}
<section class="section" aria-labelledby="goals-h">
<h2 id="goals-h">Goals</h2>
{{#EDITABLE}}
{{#FIRST_CYCLE}}<p class="hint">A first contract holds 3 to 5 goals, each with how it is measured.</p>{{/FIRST_CYCLE}}
{{#LATER_CYCLE}}<p class="hint">This version holds 1 to 5 goals: the new ones below, plus the open ones carried over.</p>{{/LATER_CYCLE}}
{{/EDITABLE}}
{{#HAS_KEPT}}
{{#EDITABLE}}<h3>Carried over from the agreed contract</h3>{{/EDITABLE}}
<ul class="list">
{{#KEPT_GOAL}}<li class="card compact"><p><strong>{{TITLE}}</strong> <span class="badge">{{STATUS_LABEL}}</span> <span class="muted small">version {{VERSION}}</span></p><p class="small">Measured by: {{MEASURE}}</p></li>{{/KEPT_GOAL}}
</ul>
{{/HAS_KEPT}}
{{#READ_ONLY}}
{{#DRAFTED}}<ul class="list">{{#ROW}}<li class="card compact"><p><strong>{{TITLE}}</strong> <span class="badge">Not agreed yet</span></p><p class="small">Measured by: {{MEASURE}}</p></li>{{/ROW}}</ul>{{/DRAFTED}}
{{#NO_GOALS}}<p class="muted">No goals were written into this contract.</p>{{/NO_GOALS}}
{{/READ_ONLY}}
{{#EDITABLE}}
<ol class="goal-rows stack" data-goal-rows>
{{#ROW}}
<li class="card goal-row" data-goal-row>
<fieldset class="plain">
<legend>Goal {{NUMBER}}</legend>
<input type="hidden" name="goal" value="{{GOAL}}">
<div class="field{{#TITLE_ERROR}} has-error{{/TITLE_ERROR}}">
<label for="title-{{ROW_ID}}">Title</label>
{{#TITLE_ERROR}}<span class="field-error" id="title-{{ROW_ID}}-error">{{MESSAGE}}</span>{{/TITLE_ERROR}}
<input id="title-{{ROW_ID}}" name="title" maxlength="200" value="{{TITLE}}"{{#AUTOFOCUS}} autofocus{{/AUTOFOCUS}}{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="title-{{ROW_ID}}-error"{{/TITLE_ERROR}}>
</div>
<div class="field{{#MEASURE_ERROR}} has-error{{/MEASURE_ERROR}}">
<label for="measure-{{ROW_ID}}">How it is measured</label>
{{#MEASURE_ERROR}}<span class="field-error" id="measure-{{ROW_ID}}-error">{{MESSAGE}}</span>{{/MEASURE_ERROR}}
<textarea id="measure-{{ROW_ID}}" name="measure" rows="2"{{#MEASURE_ERROR}} aria-invalid="true" aria-describedby="measure-{{ROW_ID}}-error"{{/MEASURE_ERROR}}>{{MEASURE:pre_escape}}</textarea>
</div>
<div class="field{{#TARGET_DATE_ERROR}} has-error{{/TARGET_DATE_ERROR}}">
<label for="target-{{ROW_ID}}">Target date <span class="optional">(optional)</span></label>
{{#TARGET_DATE_ERROR}}<span class="field-error" id="target-{{ROW_ID}}-error">{{MESSAGE}}</span>{{/TARGET_DATE_ERROR}}
<input type="date" id="target-{{ROW_ID}}" name="target_date" class="input-short" value="{{TARGET_DATE}}"{{#TARGET_DATE_ERROR}} aria-invalid="true" aria-describedby="target-{{ROW_ID}}-error"{{/TARGET_DATE_ERROR}}>
</div>
{{#REMOVABLE}}<div class="actions tight"><button name="remove_goal" value="{{N}}" class="btn-secondary btn-small" data-remove-row>Remove this goal</button></div>{{/REMOVABLE}}
</fieldset>
</li>
{{/ROW}}
</ol>
{{#CAN_ADD}}<div class="actions tight"><button name="add_goal" value="1" class="btn-secondary" data-add-row>Add a goal</button></div>{{/CAN_ADD}}
{{/EDITABLE}}
{{#HAS_CLOSED}}
<h3>Closed in earlier cycles</h3>
<p class="hint">Not part of this version: each keeps the outcome it was given.</p>
<ul class="list">
{{#CLOSED_GOAL}}<li class="card compact"><p><strong>{{TITLE}}</strong> <span class="badge">{{STATUS_LABEL}}</span> <span class="muted small">version {{VERSION}}</span></p></li>{{/CLOSED_GOAL}}
</ul>
{{/HAS_CLOSED}}
</section>
{{#EDITABLE}}
<div class="actions"><button name="save" value="1" class="btn-primary">Save the contract</button></div>
</form>
{{/EDITABLE}}
{{#EDITABLE}}
<template id="goal-row">
<li class="card goal-row" data-goal-row>
<fieldset class="plain">
<legend>New goal</legend>
<input type="hidden" name="goal" value="">
<div class="field{{#TITLE_ERROR}} has-error{{/TITLE_ERROR}}">
<label for="title-new-__N__">Title</label>
{{#TITLE_ERROR}}<span class="field-error" id="title-new-__N__-error">{{MESSAGE}}</span>{{/TITLE_ERROR}}
<input id="title-new-__N__" name="title" maxlength="200" value=""{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="title-new-__N__-error"{{/TITLE_ERROR}}>
</div>
<div class="field{{#MEASURE_ERROR}} has-error{{/MEASURE_ERROR}}">
<label for="measure-new-__N__">How it is measured</label>
{{#MEASURE_ERROR}}<span class="field-error" id="measure-new-__N__-error">{{MESSAGE}}</span>{{/MEASURE_ERROR}}
<textarea id="measure-new-__N__" name="measure" rows="2"{{#MEASURE_ERROR}} aria-invalid="true" aria-describedby="measure-new-__N__-error"{{/MEASURE_ERROR}}></textarea>
</div>
<div class="field{{#TARGET_DATE_ERROR}} has-error{{/TARGET_DATE_ERROR}}">
<label for="target-new-__N__">Target date <span class="optional">(optional)</span></label>
{{#TARGET_DATE_ERROR}}<span class="field-error" id="target-new-__N__-error">{{MESSAGE}}</span>{{/TARGET_DATE_ERROR}}
<input type="date" id="target-new-__N__" name="target_date" class="input-short" value=""{{#TARGET_DATE_ERROR}} aria-invalid="true" aria-describedby="target-new-__N__-error"{{/TARGET_DATE_ERROR}}>
</div>
<div class="actions tight"><button name="remove_goal" value="0" class="btn-secondary btn-small" data-remove-row>Remove this goal</button></div>
</fieldset>
</li>
</template>
{{/EDITABLE}}
</div>
<aside class="sidebar stack">
<section class="card compact" aria-labelledby="agree-h">
<h2 id="agree-h">Agreement</h2>
<p>Mentor: {{MENTOR_AGREED_TEXT}}</p>
<p>Mentee: {{MENTEE_AGREED_TEXT}}</p>
{{#CAN_AGREE}}
<button form="contract-form" name="agree" value="1" class="btn-primary">I agree to this contract</button>
<p class="small muted">You agree to the contract as you see it: changes you typed are saved first. Any change after one of you agreed clears both agreements.</p>
{{/CAN_AGREE}}
{{#INCOMPLETE}}
{{#SAVED}}<p>Before you can agree:</p>{{/SAVED}}
{{#TYPED}}<p>Save the contract first; then agreeing needs what the saved contract still lacks:</p>{{/TYPED}}
<ul class="missing">{{#MISSING}}<li>{{TEXT}}</li>{{/MISSING}}</ul>
{{/INCOMPLETE}}
{{#YOU_AGREED}}<p class="badge success">You agreed</p>{{/YOU_AGREED}}
{{#AGREE_RELOAD}}<p>The contract changed after you opened this page. <a href="/mentorships/{{ID}}/contract">Reload it</a> to read it as it is now and agree to it.</p>{{/AGREE_RELOAD}}
</section>
{{#HAS_VERSIONS}}
<section class="card compact" aria-labelledby="versions-h">
<h2 id="versions-h">Agreed versions</h2>
<ul class="list">{{#VERSION}}<li><span><a href="/mentorships/{{ID}}/contract?version={{N}}">Version {{N}}</a>, {{AGREED}}</span></li>{{/VERSION}}</ul>
</section>
{{/HAS_VERSIONS}}
</aside>
</div>
{{#OLD_VERSION}}
<section class="section" aria-labelledby="old-h" id="version">
<h2 id="old-h">Version {{N}}, agreed {{AGREED}}</h2>
<pre class="prose snapshot">{{SNAPSHOT:pre_escape}}</pre>
</section>
{{/OLD_VERSION}}
</div>
