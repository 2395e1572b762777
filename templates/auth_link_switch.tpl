{{%AUTOESCAPE context="HTML"}}
<section class="narrow center" aria-labelledby="switch-heading">
<h1 id="switch-heading">This link is for another account</h1>
<p class="lead">You are signed in as {{EMAIL}}. The link you opened signs in someone else's account: open it only if that account is yours too.</p>
<form method="post" action="/link" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="t" value="{{T}}">
<button class="btn btn-secondary">Sign out and open the link</button>
</form>
<a class="btn btn-primary" href="/">Stay signed in as {{EMAIL}}</a>
</section>
