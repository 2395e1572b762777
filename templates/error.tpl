{{%AUTOESCAPE context="HTML"}}
<section class="error-page" aria-labelledby="error-heading">
<p class="status-code"><span class="visually-hidden">Error </span>{{STATUS}}</p>
<h1 id="error-heading">{{HEADING}}</h1>
<p class="lead">{{MESSAGE}}</p>
<div class="actions">
{{#SIGNED_IN}}
<a class="btn btn-primary" href="/">Go to your dashboard</a>
<a class="btn btn-secondary" href="/mentorships">Your mentorships</a>
{{/SIGNED_IN}}
{{#SIGNED_OUT}}
<a class="btn btn-primary" href="/login">Sign in</a>
<a class="btn btn-secondary" href="/">Menteo home page</a>
{{/SIGNED_OUT}}
</div>
<p class="muted small">Looking for someone to learn from? <a href="/people">Browse the mentor directory</a> or <a href="/roadmaps">the roadmap library</a>.</p>
</section>
