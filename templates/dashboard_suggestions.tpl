{{%AUTOESCAPE context="HTML"}}
<section class="section" aria-labelledby="for-you-h" id="for-you">
{{#IN_PROGRAMME}}<h2 id="for-you-h">Mentors for you in {{PROG_NAME}}</h2>
<p class="muted">Its organisers may propose a mentor to you, and you can ask one of its mentors yourself.</p>{{/IN_PROGRAMME}}
{{#IN_DIRECTORY}}<h2 id="for-you-h">Mentors for you</h2>{{/IN_DIRECTORY}}
{{>SUGGESTIONS}}
{{#MORE_IN_PROGRAMME}}<p><a href="/people/suggestions?programme={{PROG_SLUG}}">More of its mentors, and why</a> · <a href="/programmes/{{PROG_SLUG}}">The programme</a></p>{{/MORE_IN_PROGRAMME}}
{{#MORE_IN_DIRECTORY}}<p><a href="/people/suggestions">More suggestions, and why</a></p>{{/MORE_IN_DIRECTORY}}
</section>
