{{%AUTOESCAPE context="HTML"}}
<section class="error-page" aria-labelledby="error-heading">
<p class="status-code"><span class="visually-hidden">Error </span>{{STATUS}}</p>
<h1 id="error-heading">{{HEADING}}</h1>
<p class="lead">{{MESSAGE}}</p>
<div class="actions">
{{#BACK}}<a class="btn btn-primary" href="{{BACK_URL}}">Back to the page</a>{{/BACK}}
{{#SIGNED_IN}}
<a class="btn {{#BACK}}btn-secondary{{/BACK}}{{#NO_BACK}}btn-primary{{/NO_BACK}}" href="/">Go to your dashboard</a>
<a class="btn btn-secondary" href="/mentorships">Your mentorships</a>
{{/SIGNED_IN}}
{{#SIGNED_OUT}}
<a class="btn btn-primary" href="/login">Sign in</a>
<a class="btn btn-secondary" href="/">Menteo home page</a>
{{/SIGNED_OUT}}
</div>
<p class="muted small">Looking for someone to learn from? <a href="/people">Browse the mentor directory</a> or <a href="/roadmaps">the roadmap library</a>.</p>
</section>
