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
{{#ANSWERED}}<p class="hint">Answered {{ANSWERS}} so far. Those answers stay as they were written; the question as you save it is asked of whoever joins from now on.</p>{{/ANSWERED}}
{{>QUESTION_FIELDS}}
<div class="actions"><button class="btn-primary">Save the question</button> <a href="/programmes/{{PROG_SLUG}}/settings#questions">Cancel</a></div>
</form>
