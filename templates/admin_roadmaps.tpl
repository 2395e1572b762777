{{%AUTOESCAPE context="HTML"}}
<div class="page-head"><h1>Curated roadmaps</h1><p class="lead">The library every member sees. Admins edit curated roadmaps on their own pages.</p></div>
{{>ADMIN_NAV}}
{{#ROADMAPS_NONE}}<div class="empty"><h2>No curated roadmaps</h2><p>Apply the migrations: the product ships with several.</p></div>{{/ROADMAPS_NONE}}
<ul class="list">{{#ROADMAPS}}<li><a href="/roadmaps/{{ID}}">{{TITLE}}</a> <span class="muted small">{{N}} milestones · updated {{SINCE_DATE}}</span></li>{{/ROADMAPS}}</ul>
<p><a class="btn" href="/roadmaps/new">Write a new roadmap</a></p>
