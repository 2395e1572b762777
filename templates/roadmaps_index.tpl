{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
<div>
<h1>Roadmaps</h1>
<p class="lead">A roadmap is an ordered list of milestones, each a number of weeks from the start. Apply one to a mentorship and its milestones get due dates you can tick off together.</p>
</div>
{{#SIGNED_IN}}
<div class="actions"><a class="btn btn-primary" href="/roadmaps/new">Write a roadmap</a></div>
{{/SIGNED_IN}}
</div>

<section class="section" aria-labelledby="curated-heading">
<h2 id="curated-heading">Curated library</h2>
<p class="muted">Written and kept up to date by experienced mentors. Copy one to make your own version.</p>
<ul class="cards">
{{#CURATED}}
<li><article class="card">
<h3><a href="/roadmaps/{{ID}}">{{RM_TITLE}}</a></h3>
<p>{{SUMMARY}}</p>
<p class="card-foot small muted">{{COUNT}} {{COUNT_WORD}} over {{WEEKS}} weeks</p>
</article></li>
{{/CURATED}}
</ul>
</section>

{{#MINE}}
<section class="section" aria-labelledby="mine-heading">
<h2 id="mine-heading">Your roadmaps</h2>
{{#NO_OWN}}
<div class="empty"><p>You have not written or copied a roadmap yet. <a href="/roadmaps/new">Write one</a>, or open a curated roadmap and copy it.</p></div>
{{/NO_OWN}}
<ul class="list">
{{#OWN}}
<li><div class="grow"><a href="/roadmaps/{{ID}}"><strong>{{RM_TITLE}}</strong></a>
<span class="small muted">· {{COUNT}} {{COUNT_WORD}} · updated {{UPDATED}}</span></div>
{{#IS_SHARED}}<span class="badge info">Shared</span>{{/IS_SHARED}}{{#IS_PRIVATE}}<span class="badge">Private</span>{{/IS_PRIVATE}}</li>
{{/OWN}}
</ul>
</section>
{{/MINE}}

<section class="section" aria-labelledby="shared-heading">
<h2 id="shared-heading">Shared by members</h2>
{{#NO_SHARED}}
<div class="empty"><p>No member has shared a roadmap yet.</p></div>
{{/NO_SHARED}}
<ul class="cards">
{{#SHARED}}
<li><article class="card">
<h3><a href="/roadmaps/{{ID}}">{{RM_TITLE}}</a></h3>
<p class="small muted">By {{OWNER_NAME}}</p>
<p>{{SUMMARY}}</p>
<p class="card-foot small muted">{{COUNT}} {{COUNT_WORD}} over {{WEEKS}} weeks</p>
</article></li>
{{/SHARED}}
</ul>
<nav class="pager" aria-label="More shared roadmaps">
{{#FIRST_PAGE}}<a href="/roadmaps">Newest</a>{{/FIRST_PAGE}}
{{#MORE}}<a href="/roadmaps?before={{BEFORE}}">Older shared roadmaps</a>{{/MORE}}
</nav>
</section>
