{{%AUTOESCAPE context="HTML"}}
<article class="container narrow record">
{{#PARTY}}<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/mentorships">Mentorships</a></li><li><a href="/mentorships/{{ID}}">{{FOCUS}}</a></li><li aria-current="page">Record of achievement</li></ol></nav>{{/PARTY}}
<header class="page-head">
<p class="eyebrow">Menteo · record of achievement</p>
<h1>{{FOCUS}}</h1>
<p>Mentor <strong>{{MENTOR_NAME}}</strong>, mentee <strong>{{MENTEE_NAME}}</strong>. Stage: <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span>. Printed {{TODAY}}.</p>
</header>
<section class="section" aria-labelledby="goals-h">
<h2 id="goals-h">Goals and outcomes</h2>
{{#ACKNOWLEDGED}}<p><strong>Acknowledged by {{MENTOR_NAME}} on {{AT}}.</strong></p>{{/ACKNOWLEDGED}}
{{#NOT_ACKNOWLEDGED}}<p class="muted">Not acknowledged by the mentor yet.</p>{{/NOT_ACKNOWLEDGED}}
{{#NO_GOALS}}<p class="muted">No goals.</p>{{/NO_GOALS}}
<div class="table-wrap"><table class="table table-stack"><caption class="visually-hidden">Goals and outcomes</caption>
<thead><tr><th scope="col">Goal</th><th scope="col">Measured by</th><th scope="col">Outcome</th></tr></thead>
<tbody>
{{#GOAL}}<tr><td data-label="Goal">{{TITLE}}</td><td data-label="Measured by">{{MEASURE}}</td><td data-label="Outcome">{{STATUS_LABEL}}</td></tr>{{/GOAL}}
</tbody></table></div>
</section>
<section class="section" aria-labelledby="ms-h">
<h2 id="ms-h">Milestones reached</h2>
{{#NO_MILESTONES}}<p class="muted">No milestones recorded.</p>{{/NO_MILESTONES}}
<ul class="checklist">{{#MILESTONE}}<li class="achieved"><span class="title">{{TITLE}}</span> <span class="meta">reached {{DONE}}</span></li>{{/MILESTONE}}</ul>
</section>
{{#STRIP}}
<section class="section figure" aria-labelledby="strip-h">
<h2 id="strip-h">Time in each stage</h2>
{{#NOT_YET}}<p class="muted">No stage reached yet.</p>{{/NOT_YET}}
{{CHART_HTML:none}}
<table class="table figure-numbers"><caption class="visually-hidden">Days in each stage</caption><tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="text-right">{{VALUE}}</td></tr>{{/ROW}}</tbody></table>
</section>
{{/STRIP}}
<section class="section" aria-labelledby="tl-h">
<h2 id="tl-h">Stage timeline</h2>
<ol class="timeline">{{#EVENT}}<li><time datetime="{{WHEN_ISO}}">{{WHEN}}</time> <p>{{ACTOR}}: {{WHAT}}</p>{{#NOTE}}<p class="note">{{TEXT}}</p>{{/NOTE}}</li>{{/EVENT}}</ol>
</section>
<section class="section" aria-labelledby="th-h">
<h2 id="th-h">From the Growth Threads</h2>
{{#NO_ENTRIES}}<p class="muted">No public Growth Thread entries linked to this mentorship.</p>{{/NO_ENTRIES}}
<ol class="list">{{#ENTRY}}<li><p><span class="tag kind-{{KIND}}">{{KIND_LABEL}}</span> <a href="/threads/{{THREAD_ID}}">{{THREAD}}</a>, {{WHEN}}</p><div class="prose">{{BODY_HTML:none}}</div></li>{{/ENTRY}}</ol>
</section>
{{#SHARE}}
<section class="section no-print" aria-labelledby="share-h">
<h2 id="share-h">Share this record</h2>
<p>A link shows this page as you see it: goals and outcomes, milestones, stage dates and public Growth Thread entries. Notes stay between the two of you. Making a link tells the other person; either of you can end it.</p>
{{#SHARE_LINK}}<p>Anyone with this link can read the record: <a class="mono" href="{{PATH}}">{{URL}}</a></p>
<form method="post" action="/mentorships/{{ID}}/record"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="share" value="0"><button class="btn btn-secondary">Stop sharing</button></form>{{/SHARE_LINK}}
<form method="post" action="/mentorships/{{ID}}/record"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="share" value="1"><button>Make a new sharing link</button></form>
<p class="small muted">A new link replaces the old one. Print this page for a paper copy.</p>
</section>
{{/SHARE}}
</article>
