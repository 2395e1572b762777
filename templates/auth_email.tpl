{{%AUTOESCAPE context="HTML"}}
<section class="narrow" aria-labelledby="email-heading">
<p class="breadcrumb"><a href="/settings">Settings</a></p>
<h1 id="email-heading">Change your e-mail address</h1>
<p class="lead">Your address is now <strong>{{CURRENT}}</strong>. We send a link to the new address; it takes effect when you open it.</p>
{{#ERRORS}}<div class="errors" role="alert"><p>Some fields need attention.</p></div>{{/ERRORS}}
<form method="post" action="/settings/email" class="form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#EMAIL_ERROR}} has-error{{/EMAIL_ERROR}}">
<label for="email">New e-mail address</label>
{{#EMAIL_ERROR}}<p class="field-error" id="email-error">{{MESSAGE}}</p>{{/EMAIL_ERROR}}
<input type="email" id="email" name="email" value="{{EMAIL}}" maxlength="254" autocomplete="email" required{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_ERROR}}>
</div>
<div class="field{{#PASSWORD_ERROR}} has-error{{/PASSWORD_ERROR}}">
<label for="password">Your password</label>
{{#PASSWORD_ERROR}}<p class="field-error" id="password-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
<input type="password" id="password" name="password" autocomplete="current-password" required{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_ERROR}}>
</div>
<div class="actions"><button class="btn btn-primary">Send the link</button></div>
</form>
<p class="small"><a href="/settings/password">Change your password</a> · <a href="/settings/sessions">Your sessions</a></p>
</section>
