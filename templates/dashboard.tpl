{{%AUTOESCAPE context="HTML"}}
<div class="container">
<div class="page-head">
<h1>Hello, {{USER_NAME}}</h1>
<p class="lead">{{#ORGANISES}}Your programmes and what they need from you.{{/ORGANISES}}{{#NOT_ORGANISING}}Your mentorships and what they need from you.{{/NOT_ORGANISING}}</p>
</div>
{{#NEW_FOR_YOU}}
<section class="section callout" aria-labelledby="new-h">
<h2 id="new-h">New for you</h2>
<ul class="list notif-list">
{{#NOTES}}<li class="notif unread"><a class="title" href="{{URL}}">{{TITLE}}</a> <span class="meta">{{WHEN}}</span></li>{{/NOTES}}
</ul>
<p class="small"><a href="/notifications">All {{UNREAD_COUNT}} unread notification{{#PLURAL}}s{{/PLURAL}}</a></p>
</section>
{{/NEW_FOR_YOU}}
{{#ORGANISES}}
<section class="section" aria-labelledby="org-h">
<h2 id="org-h">Programmes you organise</h2>
<ul class="cards">
{{#PROG}}<li><article class="card">
<h3><a href="/programmes/{{SLUG}}/dashboard">{{NAME}}</a></h3>
{{#WAITING}}<p class="small"><a href="/programmes/{{SLUG}}/participants?status=waiting"><span class="count">{{N}}</span> waiting for your approval</a></p>{{/WAITING}}
<p class="small"><a href="/programmes/{{SLUG}}/matching">Matching</a> · <a href="/programmes/{{SLUG}}/participants">Participants</a> · <a href="/programmes/{{SLUG}}/invitations">Invitations</a></p>
</article></li>{{/PROG}}
</ul>
<p class="small"><a href="/programmes">All programmes</a> · <a href="/people">Find a mentor for yourself</a></p>
</section>
{{/ORGANISES}}
{{#MENTORS_IN}}
<section class="section" aria-labelledby="mentors-in-h">
<h2 id="mentors-in-h">You mentor in a programme</h2>
<ul class="cards">
{{#PROG}}<li><article class="card">
<h3><a href="/programmes/{{SLUG}}">{{NAME}}</a></h3>
{{#WAITING}}<p class="small">Waiting for the organisers to approve you as a mentor. You will get an e-mail.</p>{{/WAITING}}
{{#ACTIVE}}<p class="small">{{#OFFER}}You offer {{PLACES}}. {{/OFFER}}The organisers propose pairs, and the programme's mentees may ask you: requests and pairs will show here.</p>{{/ACTIVE}}
</article></li>{{/PROG}}
</ul>
</section>
{{/MENTORS_IN}}
{{#EMPTY}}
<div class="empty">
<h2>Start your first mentorship</h2>
<p>A mentorship on Menteo is a project: a written contract with 3 to 5 measurable goals, a roadmap, a private room and meetings. Begin by finding someone to learn from, and tell people who you are.</p>
<a class="btn btn-primary" href="{{FIND_URL}}">Find a mentor</a>
<a class="btn btn-secondary" href="/settings">Set up your profile</a>
</div>
{{/EMPTY}}
{{#FOR_YOU}}{{BOX:none}}{{/FOR_YOU}}
{{#HINT_BECOME_MENTOR}}
<section class="callout" aria-labelledby="mentor-hint-h">
<h2 id="mentor-hint-h">Want to mentor others too?</h2>
<p>Tick “I mentor” in <a href="/settings">your settings</a> and say how many mentees you can take at most. You then appear in the mentor directory and people can ask you.</p>
</section>
{{/HINT_BECOME_MENTOR}}
{{#HINT_SET_CAPACITY}}
<section class="callout warning" aria-labelledby="mentor-hint-h">
<h2 id="mentor-hint-h">Nobody can ask you yet</h2>
<p>You mentor, but you can take 0 mentees, so the directory does not list you. Set how many mentees you can take in <a href="/settings">your settings</a>.</p>
</section>
{{/HINT_SET_CAPACITY}}
{{#HINT_LISTED}}
<section class="callout" aria-labelledby="mentor-hint-h">
<h2 id="mentor-hint-h">You are in the mentor directory</h2>
<p>Requests from mentees will show here. A clear headline, bio and skills on <a href="{{PROFILE_URL}}">your profile</a> help the right people find you; change them in <a href="/settings">your settings</a>.</p>
</section>
{{/HINT_LISTED}}
{{#HAS_ANY}}
<div class="cols">
<div class="stack-lg">
<section class="section" aria-labelledby="attn-h">
<h2 id="attn-h">Needs your attention</h2>
{{#HAS_ATTENTION}}
<ul class="checklist todo">
{{#ATTENTION}}<li class="overdue"><a class="title" href="{{URL}}">{{TEXT}}</a> <span class="meta">{{FOCUS}} · with {{OTHER_NAME}}</span></li>{{/ATTENTION}}
</ul>
{{/HAS_ATTENTION}}
{{#NO_ATTENTION}}{{#NO_NEW}}<p class="muted">Nothing waits for you right now.</p>{{/NO_NEW}}{{#NEW_FOR_YOU}}<p class="muted">Nothing else waits: read what is new for you above.</p>{{/NEW_FOR_YOU}}{{/NO_ATTENTION}}
</section>
<section class="section" aria-labelledby="mine-h">
<h2 id="mine-h">Your mentorships</h2>
<ul class="cards">
{{#NEEDS}}
<li><article class="card highlight">
<h3><a href="/mentorships/{{ID}}">{{FOCUS}}</a></h3>
<p><span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span> <span class="muted small">{{ROLE}}: {{OTHER_NAME}}</span></p>
{{#PROGRESS}}<progress max="{{TOTAL}}" value="{{DONE}}">{{DONE}} of {{TOTAL}}</progress><p class="progress-label"><span>{{DONE}}/{{TOTAL}} milestones{{#HAS_OVERDUE}}, <strong>{{OVERDUE}} overdue</strong>{{/HAS_OVERDUE}}</span></p>{{/PROGRESS}}
{{#UNREAD_BOX}}<p class="small"><a href="/rooms/{{ID}}">Room<span class="visually-hidden"> of “{{FOCUS}}”</span></a>{{#HAS_UNREAD}} <span class="count">{{UNREAD}} unread</span>{{/HAS_UNREAD}}</p>{{/UNREAD_BOX}}
{{#NEXT}}<p class="small">Next meeting: {{AT}}</p>{{/NEXT}}
</article></li>
{{/NEEDS}}
{{#ACTIVE}}
<li><article class="card">
<h3><a href="/mentorships/{{ID}}">{{FOCUS}}</a></h3>
<p><span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span> <span class="muted small">{{ROLE}}: {{OTHER_NAME}}</span></p>
{{#PROGRESS}}<progress max="{{TOTAL}}" value="{{DONE}}">{{DONE}} of {{TOTAL}}</progress><p class="progress-label"><span>{{DONE}}/{{TOTAL}} milestones{{#HAS_OVERDUE}}, <strong>{{OVERDUE}} overdue</strong>{{/HAS_OVERDUE}}</span></p>{{/PROGRESS}}
{{#UNREAD_BOX}}<p class="small"><a href="/rooms/{{ID}}">Room<span class="visually-hidden"> of “{{FOCUS}}”</span></a>{{#HAS_UNREAD}} <span class="count">{{UNREAD}} unread</span>{{/HAS_UNREAD}}</p>{{/UNREAD_BOX}}
{{#NEXT}}<p class="small">Next meeting: {{AT}}</p>{{/NEXT}}
</article></li>
{{/ACTIVE}}
</ul>
<p><a href="/mentorships">All your mentorships, including closed ones</a></p>
</section>
</div>
<aside class="sidebar stack">
<section class="card compact" aria-labelledby="meet-h">
<h2 id="meet-h">Next meetings</h2>
{{#HAS_MEETINGS}}<ul class="list">{{#MEETING}}<li><a href="/mentorships/{{ID}}/meetings">{{AT}}</a> <span class="small muted">{{FOCUS}}</span></li>{{/MEETING}}</ul>{{/HAS_MEETINGS}}
{{#NO_MEETINGS}}<p class="muted">No meetings planned.</p>{{/NO_MEETINGS}}
<p class="small">Your private calendar feed: <a class="mono" href="{{CALENDAR_URL}}">subscribe</a></p>
</section>
{{#IS_MENTEE}}<p><a class="btn btn-secondary btn-block" href="/people">Find another mentor</a></p>{{/IS_MENTEE}}
</aside>
</div>
{{/HAS_ANY}}
{{#FOR_YOU_AFTER}}{{BOX:none}}{{/FOR_YOU_AFTER}}
</div>
