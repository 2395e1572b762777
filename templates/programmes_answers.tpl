{{%AUTOESCAPE context="HTML"}}
{{>NAV}}
<h1>Your answers</h1>
<p class="lead">What you tell the organisers of {{PROG_NAME}}. Change an answer at any time: they read it as it is now.</p>
{{#PROBLEMS}}
<div class="errors" role="alert" tabindex="-1"><h2>There is a problem</h2>
<ul>{{#PROBLEM}}<li><a href="#{{P_ID}}">{{P_TEXT}}</a></li>{{/PROBLEM}}</ul>
<p>What you typed is kept; nothing was saved.</p>
</div>
{{/PROBLEMS}}
{{#NONE}}<p class="muted">The programme asks {{ROLE_PLURAL}} no questions.</p>{{/NONE}}
{{#SOME}}
<form method="post" action="/programmes/{{PROG_SLUG}}/answers" class="form" id="answers-form" data-unsaved>
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<p class="hint">The programme's organisers read your answers.</p>
{{#QUESTION}}{{>FIELD}}{{/QUESTION}}
<div class="actions"><button class="btn-primary">Save your answers</button> <a href="/programmes/{{PROG_SLUG}}">Cancel</a></div>
</form>
{{/SOME}}
{{#NOT_ASKED}}<section class="section"><h2>Answers to questions no longer asked of {{ROLE_PLURAL}}</h2>
<p class="muted">The organisers still read them.</p>
<dl class="details">{{#ANSWER}}<dt>{{Q}}</dt><dd class="pre-line">{{A}}</dd>{{/ANSWER}}</dl></section>{{/NOT_ASKED}}
