{{%AUTOESCAPE context="HTML"}}
{{#IN_PROGRAMME}}<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/programmes">Programmes</a></li><li><a href="/programmes/{{PROG_SLUG}}">{{PROG_NAME}}</a></li></ol></nav>{{/IN_PROGRAMME}}
<div class="page-head">
<div>
<h1>Mentors for you</h1>
<p>Mentors with a place left{{#IN_PROGRAMME}} in {{PROG_NAME}}{{/IN_PROGRAMME}}, ranked by how well they fit what you are looking for, and why. You may ask any of them: the request form starts its message with the reasons, yours to keep or change.</p>
</div>
</div>
<h2 class="visually-hidden">Suggested mentors</h2>
{{>SUGGESTIONS}}
<p><a href="/people">Browse every mentor in the directory</a></p>
