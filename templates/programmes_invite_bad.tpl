{{%AUTOESCAPE context="HTML"}}
<section class="error-page" aria-labelledby="error-heading">
<h1 id="error-heading">This invitation cannot be used</h1>
<p class="lead">{{WHY}}</p>
<p>Programme: <strong>{{PROG_NAME}}</strong></p>
{{>CONTACT}}
<div class="actions">
{{#SIGN_IN}}<a class="btn btn-primary" href="{{HREF}}">Sign in to the programme</a>
<a class="btn btn-secondary" href="/programmes">Programmes</a>{{/SIGN_IN}}
{{#SIGN_OUT}}<form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="next" value="{{NEXT}}"><button class="btn btn-primary">Sign out and open the link</button></form>
<a class="btn btn-secondary" href="/programmes">Programmes</a>{{/SIGN_OUT}}
{{#NO_SIGN_IN}}<a class="btn btn-primary" href="/programmes">Programmes</a>{{/NO_SIGN_IN}}
<a class="btn btn-secondary" href="/">Menteo home page</a>
</div>
</section>
