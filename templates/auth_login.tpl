{{%AUTOESCAPE context="HTML"}}
<section class="narrow center" aria-labelledby="login-heading">
<h1 id="login-heading">Sign in to Menteo</h1>
{{#FOR_INVITATION}}<p class="lead">You are invited to a programme: sign in with the address it was sent to, and you go on to accept it.</p>{{/FOR_INVITATION}}
{{#ERRORS}}<div class="errors" role="alert"><p>Signing in did not work. Look for the messages below.</p></div>{{/ERRORS}}
<form method="post" action="/login" class="form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}" data-next>
<div class="field{{#EMAIL_ERROR}} has-error{{/EMAIL_ERROR}}">
<label for="email">E-mail address</label>
{{#EMAIL_ERROR}}<p class="field-error" id="email-error">{{MESSAGE}}</p>{{/EMAIL_ERROR}}
<input type="email" id="email" name="email" value="{{EMAIL}}" maxlength="254" autocomplete="username" required{{#EMAIL_ERROR}} aria-invalid="true" aria-describedby="email-error"{{/EMAIL_ERROR}}>
</div>
<div class="field{{#PASSWORD_ERROR}} has-error{{/PASSWORD_ERROR}}">
<label for="password">Password</label>
{{#PASSWORD_ERROR}}<p class="field-error" id="password-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
<input type="password" id="password" name="password" autocomplete="current-password" required{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_ERROR}}>
</div>
{{#NEXT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NEXT_ERROR}}
<div class="actions"><button class="btn btn-primary">Sign in</button></div>
</form>
<p class="small"><a href="/reset">Forgot your password?</a></p>
{{#NEW_HERE}}<p class="small muted">New to Menteo? <a href="{{SIGNUP_HREF}}" data-next>Create an account</a>.</p>{{/NEW_HERE}}
</section>
