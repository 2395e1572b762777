{{%AUTOESCAPE context="HTML"}}
<section class="narrow center" aria-labelledby="signup-heading">
<h1 id="signup-heading">Create your Menteo account</h1>
<p class="lead">One account lets you find a mentor, and mentor others when you are ready.</p>
{{#ERRORS}}<div class="errors" role="alert"><p>Some fields need attention. Look for the messages below.</p></div>{{/ERRORS}}
<form method="post" action="/signup" class="form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="timezone" value="" data-browser-zone>
<input type="hidden" name="next" value="{{NEXT}}" data-next>
<div class="field{{#DISPLAY_NAME_ERROR}} has-error{{/DISPLAY_NAME_ERROR}}">
<label for="display_name">Your name</label>
<span class="hint" id="display_name-hint">As others will see it, up to 80 characters.</span>
{{#DISPLAY_NAME_ERROR}}<p class="field-error" id="display_name-error">{{MESSAGE}}</p>{{/DISPLAY_NAME_ERROR}}
<input type="text" id="display_name" name="display_name" value="{{DISPLAY_NAME}}" maxlength="80" autocomplete="name" required aria-describedby="display_name-hint{{#DISPLAY_NAME_ERROR}} display_name-error{{/DISPLAY_NAME_ERROR}}"{{#DISPLAY_NAME_ERROR}} aria-invalid="true"{{/DISPLAY_NAME_ERROR}}>
</div>
<div class="field{{#EMAIL_ERROR}} has-error{{/EMAIL_ERROR}}">
<label for="email">E-mail address</label>
<span class="hint" id="email-hint">We send a link to confirm it.</span>
{{#EMAIL_ERROR}}<p class="field-error" id="email-error">{{MESSAGE}}</p>{{/EMAIL_ERROR}}
<input type="email" id="email" name="email" value="{{EMAIL}}" maxlength="254" autocomplete="email" required aria-describedby="email-hint{{#EMAIL_ERROR}} email-error{{/EMAIL_ERROR}}"{{#EMAIL_ERROR}} aria-invalid="true"{{/EMAIL_ERROR}}>
</div>
<div class="field{{#PASSWORD_ERROR}} has-error{{/PASSWORD_ERROR}}">
<label for="password">Password</label>
<span class="hint" id="password-hint">At least 10 characters. A short sentence is easy to remember and hard to guess.</span>
{{#PASSWORD_ERROR}}<p class="field-error" id="password-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
<input type="password" id="password" name="password" minlength="10" autocomplete="new-password" required aria-describedby="password-hint{{#PASSWORD_ERROR}} password-error{{/PASSWORD_ERROR}}"{{#PASSWORD_ERROR}} aria-invalid="true"{{/PASSWORD_ERROR}}>
</div>
<div class="actions"><button class="btn btn-primary">Sign up</button></div>
</form>
<p class="small muted">Already have an account? <a href="{{LOGIN_HREF}}">Sign in</a>.</p>
</section>
