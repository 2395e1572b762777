{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
<div>
<h1>Programmes</h1>
<p>A programme is a cohort of mentees and mentors run by an organisation: a company, a school, an association. Its organisers invite people, pair them and follow how the pairs are doing, without reading their private conversations.</p>
</div>
{{#CAN_CREATE}}<div class="actions"><a class="btn btn-primary" href="/programmes/new">New programme</a></div>{{/CAN_CREATE}}
</div>
{{#RUNS}}
<section class="section" aria-labelledby="run-heading">
<h2 id="run-heading">Programmes you organise</h2>
<ul class="list">
{{#RUN}}<li><a href="/programmes/{{SLUG}}">{{NAME}}</a> <span class="muted small">{{PEOPLE}} participants · {{#IS_OPEN}}open to join{{/IS_OPEN}}{{#IS_INVITE}}by invitation{{/IS_INVITE}}</span> · <a href="/programmes/{{SLUG}}/participants">Participants</a></li>
{{/RUN}}
</ul>
</section>
{{/RUNS}}
<section class="section" aria-labelledby="mine-heading">
<h2 id="mine-heading">Programmes you take part in</h2>
{{#MINE_NONE}}<p class="muted">None yet, as a mentee or a mentor. Join an open one below, or open the invitation your organisation sent you.</p>{{/MINE_NONE}}
<ul class="list">
{{#MINE}}<li><a href="/programmes/{{SLUG}}">{{NAME}}</a> <span class="badge">{{MY_ROLE}}</span> <span class="muted small">{{PEOPLE}} participants</span></li>
{{/MINE}}
</ul>
</section>
<section class="section" aria-labelledby="open-heading">
<h2 id="open-heading">Open to join</h2>
{{#OPEN_NONE}}<p class="muted">No open programme right now.</p>{{/OPEN_NONE}}
<ul class="list">
{{#OPEN}}<li><a href="/programmes/{{SLUG}}">{{NAME}}</a> <span class="muted small">{{PEOPLE}} participants</span></li>
{{/OPEN}}
</ul>
</section>
