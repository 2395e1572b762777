{{%AUTOESCAPE context="HTML"}}
<div class="narrow">
<p class="eyebrow">Survey, {{MOMENT}}</p>
<h1>{{FOCUS}}</h1>
<p class="lead">Your mentorship with {{OTHER}}</p>
<p class="callout">{{#IN_PROGRAMME}}Who sees your answers: the organisers of <strong>{{PROGRAMME}}</strong>, with your name. {{OTHER}} never sees them.{{/IN_PROGRAMME}}{{#NO_PROGRAMME}}Who sees your answers: nobody but you; the site's admins see totals only. {{OTHER}} never sees them.{{/NO_PROGRAMME}}</p>
{{#ANSWERED}}{{#NOT_SENT}}<p class="callout danger" role="alert">The answers on this page were not sent: each survey is answered once, and you answered this one on {{AT}}.</p>{{/NOT_SENT}}
{{#THANKS}}<p class="lead">You answered this survey on {{AT}}. Thank you.</p>{{/THANKS}}
<h2>Your answers</h2>
<dl class="survey-answers">{{#GAVE}}<dt>{{Q}}</dt><dd>{{A}}</dd>{{/GAVE}}</dl>
<p class="actions"><a class="btn btn-secondary" href="/mentorships/{{MID}}">Back to the mentorship</a> <a href="/">Your dashboard</a></p>{{/ANSWERED}}
{{#OPEN}}
{{#ERRORS}}<div class="errors" role="alert" tabindex="-1"><h2>There is a problem</h2><p>Each question with a problem says what is missing; what you chose is kept.</p></div>{{/ERRORS}}
<form method="post" action="/surveys/{{SURVEY_ID}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
{{#ASK}}
{{#IS_SCALE}}<fieldset class="field question{{#Q_ERROR}} has-error{{/Q_ERROR}}"><legend>{{Q_PROMPT}}</legend>
<p class="hint" id="{{Q_NAME}}-hint">{{LOW}} … {{HIGH}}</p>
{{#Q_ERROR}}<p class="field-error" id="{{Q_NAME}}-error">{{MESSAGE}}</p>{{/Q_ERROR}}
<div class="scale scale-{{POINTS}}">{{#POINT}}<label class="scale-point" for="{{P_ID}}"><input type="radio" id="{{P_ID}}" name="{{Q_NAME}}" value="{{P}}" aria-describedby="{{Q_NAME}}-hint"{{#P_CHECKED}} checked{{/P_CHECKED}}><span>{{P}}</span></label>{{/POINT}}</div>
</fieldset>{{/IS_SCALE}}
{{#IS_TEXT}}<div class="field{{#Q_ERROR}} has-error{{/Q_ERROR}}"><label for="{{Q_NAME}}">{{Q_PROMPT}}{{#OPTIONAL}} <span class="optional">(optional)</span>{{/OPTIONAL}}</label>
{{#Q_ERROR}}<p class="field-error" id="{{Q_NAME}}-error">{{MESSAGE}}</p>{{/Q_ERROR}}
<textarea id="{{Q_NAME}}" name="{{Q_NAME}}" rows="3" data-maxlength="{{Q_MAX}}"{{#Q_ERROR}} aria-invalid="true" aria-describedby="{{Q_NAME}}-error"{{/Q_ERROR}}>{{Q_VALUE:pre_escape}}</textarea></div>{{/IS_TEXT}}
{{/ASK}}
<div class="actions"><button class="btn-primary">Send my answers</button></div>
</form>
{{/OPEN}}
</div>
