{{%AUTOESCAPE context="HTML"}}
<section class="narrow" aria-labelledby="pw-heading">
<p class="breadcrumb"><a href="/settings">Settings</a></p>
<h1 id="pw-heading">Change your password</h1>
<p class="lead">Every other session of your account is signed out when you change it, and every link we e-mailed you before stops working: sign-in links in reminders, password resets and address changes.</p>
{{#ERRORS}}<div class="errors" role="alert"><p>Some fields need attention.</p></div>{{/ERRORS}}
<form method="post" action="/settings/password" class="form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#CURRENT_ERROR}} has-error{{/CURRENT_ERROR}}">
<label for="current">Current password</label>
{{#CURRENT_ERROR}}<p class="field-error" id="current-error">{{MESSAGE}}</p>{{/CURRENT_ERROR}}
<input type="password" id="current" name="current" autocomplete="current-password" required{{#CURRENT_ERROR}} aria-invalid="true" aria-describedby="current-error"{{/CURRENT_ERROR}}>
</div>
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
<div class="actions"><button class="btn btn-primary">Change the password</button></div>
</form>
<p class="small"><a href="/settings/email">Change your e-mail address</a> · <a href="/settings/sessions">Your sessions</a></p>
</section>
