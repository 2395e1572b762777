{{%AUTOESCAPE context="HTML"}}
<section class="narrow center" aria-labelledby="unsub-heading">
<h1 id="unsub-heading">Unsubscribe</h1>
{{#ASK}}
<p class="lead">Stop e-mails of this kind (“{{K_LABEL}}”)? Mail about your account itself, such as password resets, still arrives.</p>
<form method="post" action="/link/unsubscribe">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="u" value="{{U}}">
<input type="hidden" name="k" value="{{K}}">
<input type="hidden" name="s" value="{{S}}">
<button class="btn btn-primary">Stop these e-mails</button>
</form>
{{/ASK}}
{{#DONE}}
<p class="lead" role="status">Done: you will no longer receive e-mails of this kind (“{{K_LABEL}}”).</p>
<form method="post" action="/link/unsubscribe">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="u" value="{{U}}">
<input type="hidden" name="k" value="{{K}}">
<input type="hidden" name="s" value="{{S}}">
<input type="hidden" name="undo" value="1">
<p>Changed your mind? <button class="btn btn-secondary">Turn them back on</button></p>
</form>
<p>Every kind of e-mail can be turned on again in <a href="/settings#notifications">your settings</a> too.</p>
{{/DONE}}
{{#UNDONE}}
<p class="lead" role="status">Done: e-mails of this kind (“{{K_LABEL}}”) reach you again.</p>
<p>Your choices for every kind are in <a href="/settings#notifications">your settings</a>.</p>
{{/UNDONE}}
</section>
