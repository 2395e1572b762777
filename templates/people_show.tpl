{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
<div class="person">
<span class="avatar lg" aria-hidden="true">{{INITIAL}}</span>
<div>
<h1 class="name">{{NAME}}</h1>
{{#HEADLINE}}<p class="headline">{{TEXT}}</p>{{/HEADLINE}}
</div>
</div>
</div>

<div class="cols">
<div>
<section aria-labelledby="about-heading">
<h2 id="about-heading">About</h2>
{{#BIO}}<div class="prose">{{BIO_HTML:none}}</div>{{/BIO}}
{{#NO_BIO}}<p class="muted">{{NAME}} has not written a bio yet.</p>{{/NO_BIO}}
</section>

<section class="section" aria-labelledby="threads-heading">
<h2 id="threads-heading">Public Growth Threads</h2>
{{#HAS_THREADS}}
<ul class="list">
{{#THREADS}}<li><a class="grow" href="/threads/{{THREAD_ID}}">{{THREAD_TITLE}}</a> <span class="muted small">Updated {{THREAD_UPDATED}}</span></li>
{{/THREADS}}
</ul>
{{/HAS_THREADS}}
{{#NO_THREADS}}<p class="muted">No public threads yet.</p>{{/NO_THREADS}}
</section>
</div>

<aside class="sidebar">
<div class="card">
<h2>Mentoring</h2>
{{#MENTORS_ROOM}}<p class="availability"><strong>{{#THEY}}Taking new mentees{{/THEY}}{{#YOU}}You are taking new mentees{{/YOU}}</strong>: <span class="places">{{PLACES}}</span>.</p>{{/MENTORS_ROOM}}
{{#MENTORS_FULL}}<p class="availability"><strong>{{#THEY}}Not taking new mentees{{/THEY}}{{#YOU}}You are not taking new mentees{{/YOU}}</strong>: no places left right now.</p>{{/MENTORS_FULL}}
{{#PROG_MENTOR}}<p class="availability">{{#THEY}}Mentors in{{/THEY}}{{#YOU}}You mentor in{{/YOU}} {{#PROG}}<a href="/programmes/{{SLUG}}">{{NAME}}</a>{{#PROG_separator}}, {{/PROG_separator}}{{/PROG}}.</p>{{/PROG_MENTOR}}
{{#NOT_MENTOR}}<p class="availability">{{#THEY}}Not mentoring at the moment.{{/THEY}}{{#YOU}}You are not mentoring at the moment.{{/YOU}}</p>{{/NOT_MENTOR}}
{{#ALREADY}}<p>{{TEXT}}</p><p><a class="btn btn-secondary btn-block" href="{{HREF}}">{{LINK}}</a></p>{{/ALREADY}}
{{#REQUEST}}<p><a class="btn btn-primary btn-block" href="{{REQUEST_URL}}">Request mentorship</a></p>{{/REQUEST}}
{{#REQUEST_VERIFY}}<p class="hint">Confirm your e-mail address (use the link we sent you) to request a mentorship.</p>{{/REQUEST_VERIFY}}
{{#REQUEST_SIGNIN}}<p><a href="{{LOGIN_URL}}">Sign in to request a mentorship</a></p><p class="small muted">New to Menteo? You can create an account on the way, and come back to the request.</p>{{/REQUEST_SIGNIN}}
{{#NO_ROOM}}<p class="hint">Places open up as mentorships finish: check back later, or <a href="/people">find another mentor</a>.</p>{{/NO_ROOM}}
{{#OWN_PROFILE}}<p class="hint">This is your public profile. <a href="/settings">Edit it in your settings</a>.</p>{{/OWN_PROFILE}}
</div>
<div class="card">
<dl class="details">
<dt>Skills</dt>
<dd>{{#HAS_TAGS}}<ul class="tags">{{#TAGS}}<li><a class="tag" href="{{TAG_URL}}">{{TAG}}</a></li>{{/TAGS}}</ul>{{/HAS_TAGS}}{{#NO_TAGS}}<span class="muted">None listed</span>{{/NO_TAGS}}</dd>
{{#LOOKING_FOR}}<dt>Looking for</dt>
<dd>{{WANTS}}</dd>{{/LOOKING_FOR}}
{{#LANGUAGES}}<dt>Languages</dt>
<dd>{{LANGS}}</dd>{{/LANGUAGES}}
<dt>Time zone</dt>
<dd>{{TIMEZONE}}</dd>
<dt>Last active</dt>
<dd>{{LAST_ACTIVE}}</dd>
</dl>
</div>
</aside>
</div>
