{{%AUTOESCAPE context="HTML"}}
<div class="page-head"><h1>Program health</h1>
<p class="lead">Where every mentorship stands, and the ones that need a nudge.</p></div>
{{>ADMIN_NAV}}

<section class="section" aria-labelledby="stages-h"><h2 id="stages-h">Mentorships per stage</h2>
<ul class="cards">
{{#STAGES}}<li><article class="card compact"><div class="stat"><strong>{{N}}</strong> <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span></div></article></li>{{/STAGES}}
</ul>
{{#STAGES_NONE}}<div class="empty"><h3>No mentorships yet</h3><p>When people request mentorships, you will see them here by stage.</p></div>{{/STAGES_NONE}}
</section>

<section class="section" aria-labelledby="risk-h"><h2 id="risk-h">At risk</h2>

<h3>Initiation for over 30 days without an agreed contract</h3>
<p class="muted small">The most common point of failure: the pair never agree what they are working on.</p>
{{#RISK_INITIATION_NONE}}<p class="muted">None.</p>{{/RISK_INITIATION_NONE}}
<ul class="list">{{#RISK_INITIATION}}<li><a href="/admin/mentorships/{{ID}}">{{MENTOR}} mentoring {{MENTEE}}</a> — {{FOCUS}} <span class="muted small">since {{SINCE_DATE}}</span></li>{{/RISK_INITIATION}}</ul>
{{>RISK_INITIATION_MORE}}

<h3>Cultivation with no room message or meeting for 21 days</h3>
{{#RISK_QUIET_NONE}}<p class="muted">None.</p>{{/RISK_QUIET_NONE}}
<ul class="list">{{#RISK_QUIET}}<li><a href="/admin/mentorships/{{ID}}">{{MENTOR}} mentoring {{MENTEE}}</a> — {{FOCUS}} <span class="muted small">quiet since {{SINCE_DATE}}</span></li>{{/RISK_QUIET}}</ul>
{{>RISK_QUIET_MORE}}

<h3>Review date passed without Separation</h3>
{{#RISK_REVIEW_NONE}}<p class="muted">None.</p>{{/RISK_REVIEW_NONE}}
<ul class="list">{{#RISK_REVIEW}}<li><a href="/admin/mentorships/{{ID}}">{{MENTOR}} mentoring {{MENTEE}}</a> — {{FOCUS}} <span class="muted small">review was due {{SINCE_DATE}}</span></li>{{/RISK_REVIEW}}</ul>
{{>RISK_REVIEW_MORE}}

<h3>Requests unanswered for 7 days</h3>
{{#RISK_REQUESTS_NONE}}<p class="muted">None.</p>{{/RISK_REQUESTS_NONE}}
<ul class="list">{{#RISK_REQUESTS}}<li><a href="/admin/mentorships/{{ID}}">{{MENTEE}} asked {{MENTOR}}</a> — {{FOCUS}} <span class="muted small">on {{SINCE_DATE}}</span></li>{{/RISK_REQUESTS}}</ul>
{{>RISK_REQUESTS_MORE}}
</section>
<p class="muted small">Menteo {{VERSION}}, built for database schema {{SCHEMA}}.</p>
