{{%AUTOESCAPE context="HTML"}}
<div class="page-head narrow"><h1>Report a problem</h1>
<p class="lead">With your mentorship with {{OTHER_NAME}} — {{FOCUS}}. Only Menteo's administrators read reports.</p></div>
{{#ERRORS}}<div class="errors" role="alert"><h2>There is a problem</h2><p>Check the fields below.</p></div>{{/ERRORS}}
<form method="post" action="/reports/new" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="mentorship" value="{{MID}}">
<fieldset class="plain{{#KIND_ERROR}} has-error{{/KIND_ERROR}}"><legend>What is wrong?</legend>
{{#KIND_ERROR}}<span class="field-error" id="kind-error">{{MESSAGE}}</span>{{/KIND_ERROR}}
<ul class="checks">
<li><label class="check"><input type="radio" name="kind" value="unresponsive"{{#KIND_UNRESPONSIVE}} checked{{/KIND_UNRESPONSIVE}}> The other person does not respond</label></li>
<li><label class="check"><input type="radio" name="kind" value="inappropriate"{{#KIND_INAPPROPRIATE}} checked{{/KIND_INAPPROPRIATE}}> Inappropriate or abusive behaviour</label></li>
<li><label class="check"><input type="radio" name="kind" value="other"{{#KIND_OTHER}} checked{{/KIND_OTHER}}> Something else</label></li></ul></fieldset>
<div class="field{{#BODY_ERROR}} has-error{{/BODY_ERROR}}"><label for="body">What happened</label>
{{#BODY_ERROR}}<span class="field-error" id="body-error">{{MESSAGE}}</span>{{/BODY_ERROR}}
<textarea id="body" name="body" class="tall" data-maxlength="5000"{{#BODY_ERROR}} aria-invalid="true" aria-describedby="body-error"{{/BODY_ERROR}}>{{BODY:pre_escape}}</textarea></div>
<div class="actions"><button class="btn-primary">Send the report</button> <a href="/mentorships/{{MID}}">Cancel</a></div>
</form>
