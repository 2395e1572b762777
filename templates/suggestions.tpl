{{%AUTOESCAPE context="HTML"}}
{{#S_EMPTY}}<p class="callout" id="suggestions-note">Your profile does not yet say what you are looking for, so these mentors are simply the ones with room who answer most. Add the skills you want to learn (“Looking for”), your languages and a headline in <a href="/settings">your settings</a> to get better suggestions.</p>{{/S_EMPTY}}
{{#S_NONE}}<p class="muted">No mentor with room fits right now. <a href="/people">Browse the directory</a>.</p>{{/S_NONE}}
<ul class="cards suggestions">
{{#SUGGESTION}}<li><article class="card suggestion">
<h3><a href="/people/{{S_SLUG}}">{{S_NAME}}</a></h3>
<p class="muted small">{{S_HEADLINE}}</p>
<p class="why"><strong>Why:</strong> {{S_WHY}}</p>
<a class="btn btn-secondary btn-small" href="{{S_ASK}}">Ask {{S_NAME}}</a>
</article></li>
{{/SUGGESTION}}
</ul>
