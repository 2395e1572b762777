{{%AUTOESCAPE context="HTML"}}
<section class="narrow center" aria-labelledby="bad-heading">
<h1 id="bad-heading">This link has expired or was already used</h1>
{{#VERIFY}}
<p class="lead">Links to confirm an e-mail address work once, for 48 hours.</p>
{{#CAN_RESEND}}
<form method="post" action="/verify/resend" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn btn-primary">Send me a new link</button></form>
{{/CAN_RESEND}}
{{#SIGNED_OUT}}
<p>Sign in, and use “Send the link again” at the top of the page to get a new one.</p>
<div class="actions"><a class="btn btn-primary" href="/login">Sign in</a></div>
{{/SIGNED_OUT}}
{{#SIGNED_IN}}
<p><a href="/">Go to your dashboard</a></p>
{{/SIGNED_IN}}
{{/VERIFY}}
{{#RESET}}
<p class="lead">Links to reset a password work once, for one hour.</p>
<div class="actions"><a class="btn btn-primary" href="/reset">Ask for a new link</a> <a class="btn btn-secondary" href="/login">Sign in</a></div>
{{/RESET}}
</section>
