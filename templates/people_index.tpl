{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
<div>
<h1>Find a mentor</h1>
<p>Mentors who have room for another mentee: the best match to your search first, then those who have answered the most requests, then the most recently active.</p>
</div>
</div>

<form method="get" action="/people" class="search" role="search">
<div class="field">
<label for="q">Search by words</label>
<input type="search" id="q" name="q" value="{{Q}}" maxlength="200" placeholder="engineering leadership, fundraising, product discovery">
</div>
<div class="field">
<label for="skill">Skill</label>
<input type="text" id="skill" name="skill" value="{{SKILL}}" maxlength="40" placeholder="hiring">
</div>
<button type="submit" class="btn-primary">Search</button>
</form>

{{#FILTER_SKILL}}
<p class="muted">Showing mentors with the skill <span class="tag current">{{SKILL}}</span> · <a href="/people">Show all mentors</a></p>
{{/FILTER_SKILL}}

{{#HAS_MENTORS}}
<h2 class="visually-hidden">Mentors</h2>
<ul class="cards" id="mentors">
{{/HAS_MENTORS}}
{{#MENTORS}}
<li><article class="card">
<div class="person">
<span class="avatar" aria-hidden="true">{{INITIAL}}</span>
<div>
<h3 class="name"><a href="/people/{{SLUG}}">{{NAME}}</a></h3>
{{#HEADLINE}}<span class="headline">{{TEXT}}</span>{{/HEADLINE}}
</div>
</div>
{{#HAS_TAGS}}
<ul class="tags" aria-label="Skills">
{{#TAGS}}<li><a class="tag" href="{{TAG_URL}}"{{#TAG_CURRENT}} aria-current="true"{{/TAG_CURRENT}}>{{TAG}}</a></li>
{{/TAGS}}
</ul>
{{/HAS_TAGS}}
<div class="card-foot small">
<span class="last-active">{{LAST_ACTIVE}}</span> · <span class="places">{{PLACES}}</span>
</div>
</article></li>
{{/MENTORS}}
{{#HAS_MENTORS}}
</ul>
{{/HAS_MENTORS}}

{{#EMPTY_ALL}}
<div class="empty">
<h2>No mentor has room right now</h2>
<p>Every mentor here is fully booked at the moment. Places open up as mentorships finish, so check back in a few days.</p>
<p>Have experience to share? Tick “I mentor” in your settings to appear in this directory.</p>
<a class="btn btn-secondary" href="/settings">Offer to mentor</a>
</div>
{{/EMPTY_ALL}}
{{#EMPTY_SEARCH}}
<div class="empty">
<h2>No mentor with room matches your search</h2>
<p>{{#EMPTY_Q}}Nothing matched “{{Q}}”. {{/EMPTY_Q}}{{#EMPTY_SKILL}}Nobody with room lists the skill “{{SKILL}}”. {{/EMPTY_SKILL}}Try fewer or broader words, check the spelling, or search by a single skill such as “leadership”.</p>
<a class="btn btn-secondary" href="/people">Show all mentors</a>
</div>
{{/EMPTY_SEARCH}}
{{#EMPTY_LATER}}
<div class="empty">
<h2>No more mentors</h2>
<p>You have reached the end of the list.</p>
</div>
{{/EMPTY_LATER}}

<nav class="pager" aria-label="Pages">
{{#FIRST}}<a class="btn btn-secondary" href="{{FIRST_URL}}">First page</a>{{/FIRST}}
{{#NEXT}}<a class="btn btn-secondary" href="{{NEXT_URL}}" rel="next">Next page</a>{{/NEXT}}
</nav>
