{{%AUTOESCAPE context="HTML"}}
<section aria-labelledby="sess-heading">
<p class="breadcrumb"><a href="/settings">Settings</a></p>
<h1 id="sess-heading">Your sessions</h1>
<p class="lead">Every browser where you are signed in. Sign out any you do not recognise, and change your password.</p>
<div class="table-wrap">
<table class="table table-stack">
<caption class="visually-hidden">Sessions of your account</caption>
<thead><tr><th scope="col">Browser</th><th scope="col">Signed in</th><th scope="col">Last seen</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
<tbody>
{{#SESSIONS}}
<tr><td data-label="Browser" class="wrap-anywhere" title="{{AGENT_FULL}}">{{AGENT}}</td><td data-label="Signed in">{{CREATED}}</td><td data-label="Last seen">{{SEEN}}</td><td class="actions-cell">{{#CURRENT}}<span class="badge">This browser</span>{{/CURRENT}}{{#OTHER}}<form method="post" action="/settings/sessions" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="session" value="{{ID}}"><button class="btn-link">Sign out</button></form>{{/OTHER}}</td></tr>
{{/SESSIONS}}
</tbody>
</table>
</div>
{{#HAS_OTHERS}}
<form method="post" action="/settings/sessions">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button class="btn btn-danger">Sign out everywhere else</button>
</form>
{{/HAS_OTHERS}}
<p class="small"><a href="/settings/password">Change your password</a> · <a href="/settings/email">Change your e-mail address</a></p>
</section>
