{{%AUTOESCAPE context="HTML"}}
<section class="error-page" aria-labelledby="error-heading">
<h1 id="error-heading">This invitation cannot be used</h1>
<p class="lead">{{WHY}}</p>
<p>Programme: <strong>{{PROG_NAME}}</strong></p>
<div class="actions">
<a class="btn btn-primary" href="/programmes">Programmes</a>
<a class="btn btn-secondary" href="/">Menteo home page</a>
</div>
</section>
