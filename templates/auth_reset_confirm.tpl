{{%AUTOESCAPE context="HTML"}}
<section class="narrow center" aria-labelledby="confirm-heading">
<h1 id="confirm-heading">Choose a new password</h1>
<p class="lead">After this, every session of your account is signed out, and you are signed in here.</p>
{{#ERRORS}}<div class="errors" role="alert"><p>Some fields need attention.</p></div>{{/ERRORS}}
<form method="post" action="/reset/confirm" class="form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="t" value="{{T}}">
<div class="field{{#PASSWORD_ERROR}} has-error{{/PASSWORD_ERROR}}">
<label for="password">New password</label>
<span class="hint" id="password-hint">At least 10 characters.</span>
{{#PASSWORD_ERROR}}<p class="field-error" id="password-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
<input type="password" id="password" name="password" minlength="10" autocomplete="new-password" required aria-describedby="password-hint{{#PASSWORD_ERROR}} password-error{{/PASSWORD_ERROR}}"{{#PASSWORD_ERROR}} aria-invalid="true"{{/PASSWORD_ERROR}}>
</div>
<div class="field{{#PASSWORD2_ERROR}} has-error{{/PASSWORD2_ERROR}}">
<label for="password2">The new password again</label>
{{#PASSWORD2_ERROR}}<p class="field-error" id="password2-error">{{MESSAGE}}</p>{{/PASSWORD2_ERROR}}
<input type="password" id="password2" name="password2" autocomplete="new-password" required{{#PASSWORD2_ERROR}} aria-invalid="true" aria-describedby="password2-error"{{/PASSWORD2_ERROR}}>
</div>
<div class="actions"><button class="btn btn-primary">Save the new password</button></div>
</form>
</section>
