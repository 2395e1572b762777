{{%AUTOESCAPE context="HTML"}}
<section class="error-page" aria-labelledby="error-heading">
<h1 id="error-heading">This invitation cannot be used</h1>
<p class="lead">{{WHY}}</p>
<p>Programme: <strong>{{PROG_NAME}}</strong></p>
<div class="actions">
{{#SIGN_IN}}<a class="btn btn-primary" href="{{HREF}}">Sign in to the programme</a>
<a class="btn btn-secondary" href="/programmes">Programmes</a>{{/SIGN_IN}}
{{#NO_SIGN_IN}}<a class="btn btn-primary" href="/programmes">Programmes</a>{{/NO_SIGN_IN}}
<a class="btn btn-secondary" href="/">Menteo home page</a>
</div>
</section>
