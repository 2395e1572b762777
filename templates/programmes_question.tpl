{{%AUTOESCAPE context="HTML"}}
{{>NAV}}
<h1>Edit a question</h1>
<p><a href="/programmes/{{PROG_SLUG}}/settings#questions">Back to the settings</a></p>
{{#ERRORS}}
<div class="errors" role="alert" tabindex="-1"><h2>There is a problem</h2>
<ul>
{{#QUESTION_ERROR}}<li><a href="#question">Question: {{MESSAGE}}</a></li>{{/QUESTION_ERROR}}
{{#KIND_ERROR}}<li><a href="#kind">Answer: {{MESSAGE}}</a></li>{{/KIND_ERROR}}
{{#AUDIENCE_ERROR}}<li><a href="#audience">Asked of: {{MESSAGE}}</a></li>{{/AUDIENCE_ERROR}}
{{#CHOICES_ERROR}}<li><a href="#choices">Choices: {{MESSAGE}}</a></li>{{/CHOICES_ERROR}}
{{#OPTIONAL_ERROR}}<li><a href="#optional">Optional: {{MESSAGE}}</a></li>{{/OPTIONAL_ERROR}}
</ul></div>
{{/ERRORS}}
<form method="post" action="/programmes/{{PROG_SLUG}}/settings/questions/{{Q_ID}}" class="form card">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
{{#ANSWERED}}<p class="hint">Answered {{ANSWERS}} so far. Those answers stay as they were written, and the participants page shows them under the question as you save it: to ask something new, add a new question instead.</p>{{/ANSWERED}}
{{>QUESTION_FIELDS}}
<div class="actions"><button class="btn-primary">Save the question</button> <a href="/programmes/{{PROG_SLUG}}/settings#questions">Cancel</a></div>
</form>
<section class="section" aria-labelledby="remove-h">
<h2 id="remove-h">Remove the question</h2>
<p class="muted">Nobody is asked it any more, and the answers given to it go with it.</p>
<form method="post" action="/programmes/{{PROG_SLUG}}/settings/questions/{{Q_ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><button class="btn btn-danger" data-confirm="Remove this question and the answers given to it?">Remove the question</button></form>
</section>
