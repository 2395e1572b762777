{{%AUTOESCAPE context="HTML"}}
<section class="narrow center" aria-labelledby="reset-heading">
<h1 id="reset-heading">Reset your password</h1>
{{#SENT}}
<p class="lead" role="status">Check your inbox. If an account uses that address, we have sent it a link to choose a new password. The link works for one hour.</p>
<p class="small muted">Nothing arrived after a few minutes? Look in your spam folder, or <a href="/reset">try again</a>.</p>
{{/SENT}}
{{#ASK}}
<p class="lead">Enter the address you signed up with. We will send you a link to choose a new password.</p>
{{#ERRORS}}<div class="errors" role="alert"><p>Some fields need attention.</p></div>{{/ERRORS}}
<form method="post" action="/reset" class="form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#EMAIL_ERROR}} has-error{{/EMAIL_ERROR}}">
<label for="email">E-mail address</label>
{{#EMAIL_ERROR}}<p class="field-error" id="email-error">{{MESSAGE}}</p>{{/EMAIL_ERROR}}
<input type="email" id="email" name="email" value="{{EMAIL}}" maxlength="254" autocomplete="email" required{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_ERROR}}>
</div>
<div class="actions"><button class="btn btn-primary">Send the link</button></div>
</form>
{{/ASK}}
<p class="small"><a href="/login">Back to sign in</a></p>
</section>
