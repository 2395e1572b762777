{{%AUTOESCAPE context="HTML"}}
<div class="container">
<div class="page-head">
<h1>Your mentorships</h1>
<p class="lead">Every mentorship you mentor or are mentored in, by what it needs from you.</p>
<div class="actions"><a class="btn btn-primary" href="/people">Find a mentor</a></div>
</div>
{{#EMPTY}}
<div class="empty">
<h2>No mentorships yet</h2>
<p>Find someone whose experience fits what you want to learn, and send them a request: focus and a short message.</p>
<a class="btn btn-primary" href="/people">Find a mentor</a>
<a class="btn btn-secondary" href="/settings">Set up your profile</a>
</div>
{{/EMPTY}}
{{#HAS_NEEDS}}
<section class="section" aria-labelledby="needs-h">
<h2 id="needs-h">Needs your attention</h2>
<ul class="list">
{{#NEEDS}}
<li><article class="card compact highlight">
<h3><a href="/mentorships/{{ID}}">{{FOCUS}}</a> <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span></h3>
<p class="muted small">{{ROLE}}: <a href="/people/{{OTHER_SLUG}}">{{OTHER_NAME}}</a></p>
<ul>{{#ATTN}}<li><a href="{{URL}}">{{TEXT}}</a></li>{{/ATTN}}</ul>
{{#PROGRESS}}<p class="progress-label"><span>Milestones: {{DONE}} of {{TOTAL}} done{{#HAS_OVERDUE}}, <strong>{{OVERDUE}} overdue</strong>{{/HAS_OVERDUE}}</span></p>{{/PROGRESS}}
{{#NEXT}}<p class="small">Next meeting: {{AT}}</p>{{/NEXT}}
</article></li>
{{/NEEDS}}
</ul>
</section>
{{/HAS_NEEDS}}
<section class="section" aria-labelledby="active-h">
<h2 id="active-h">Active</h2>
{{#NO_ACTIVE}}<p class="muted">Nothing under way without a next step from you. Mentorships you are working in appear here.</p>{{/NO_ACTIVE}}
<ul class="list">
{{#ACTIVE}}
<li><article class="card compact">
<h3><a href="/mentorships/{{ID}}">{{FOCUS}}</a> <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span></h3>
<p class="muted small">{{ROLE}}: <a href="/people/{{OTHER_SLUG}}">{{OTHER_NAME}}</a></p>
{{#PROGRESS}}<p class="progress-label"><span>Milestones: {{DONE}} of {{TOTAL}} done{{#HAS_OVERDUE}}, <strong>{{OVERDUE}} overdue</strong>{{/HAS_OVERDUE}}</span></p>{{/PROGRESS}}
{{#UNREAD_BOX}}<p class="small"><a href="/rooms/{{ID}}">Room<span class="visually-hidden"> of “{{FOCUS}}”</span></a>{{#HAS_UNREAD}} <span class="count">{{UNREAD}} unread</span>{{/HAS_UNREAD}}</p>{{/UNREAD_BOX}}
{{#NEXT}}<p class="small">Next meeting: {{AT}}</p>{{/NEXT}}
</article></li>
{{/ACTIVE}}
</ul>
</section>
<section class="section" aria-labelledby="closed-h">
<h2 id="closed-h">Closed</h2>
{{#NO_CLOSED}}<p class="muted">None. Declined, withdrawn, expired and ended mentorships stay readable here.</p>{{/NO_CLOSED}}
<ul class="list">
{{#CLOSED}}
<li><a href="/mentorships/{{ID}}">{{FOCUS}}</a> with {{OTHER_NAME}} <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span></li>
{{/CLOSED}}
</ul>
</section>
<section class="section" aria-labelledby="cal-h">
<h2 id="cal-h">Your calendar</h2>
<p>Subscribe to your private calendar feed (meetings, milestone due dates, review dates) in any calendar app: <a class="mono" href="{{CALENDAR_PATH}}">{{CALENDAR_URL}}</a>. Keep this address to yourself.</p>
</section>
</div>
