{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
<div>
<h1>Growth Threads</h1>
<p>Your learning journal: assumptions, experiments, failures, breakthroughs and lessons, kept in the open or shared with your mentorship.</p>
</div>
<div class="actions"><a class="btn btn-primary" href="/threads/new">Start a thread</a></div>
</div>
<section class="section" aria-labelledby="mine-heading">
<h2 id="mine-heading">Your threads</h2>
{{#NONE}}
<div class="empty">
<h3>No threads yet</h3>
<p>A thread follows one question over time: what you assumed, what you tried, what you learned. Keep it private, share it with your mentorship, or learn in public.</p>
<p><a class="btn btn-primary" href="/threads/new">Start your first thread</a></p>
</div>
{{/NONE}}
<ul class="list">
{{#MINE}}
<li><a href="/threads/{{ID}}">{{TITLE}}</a> <span class="badge {{VIS_CLASS}}">{{VIS_LABEL}}</span> <span class="muted small">{{ENTRIES}} entries · updated {{UPDATED}}</span></li>
{{/MINE}}
</ul>
{{#OLDER}}
<nav class="pager" aria-label="More threads"><a class="btn btn-secondary btn-small" href="/threads?before={{OLDER_BEFORE}}">Older threads</a></nav>
{{/OLDER}}
</section>
{{#HAS_SHARED}}
<section class="section" aria-labelledby="shared-heading">
<h2 id="shared-heading">Shared with you through a mentorship</h2>
<ul class="list">
{{#SHARED}}
<li><a href="/threads/{{ID}}">{{TITLE}}</a> by {{OWNER}} <span class="badge {{VIS_CLASS}}">{{VIS_LABEL}}</span> <span class="muted small">updated {{UPDATED}}</span></li>
{{/SHARED}}
</ul>
</section>
{{/HAS_SHARED}}
