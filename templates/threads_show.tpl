{{%AUTOESCAPE context="HTML"}}
{{#SIGNED_IN}}<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/threads">Growth Threads</a></li><li>{{THREAD_TITLE}}</li></ol></nav>{{/SIGNED_IN}}
<div class="page-head">
<div>
<h1>{{THREAD_TITLE}}</h1>
<p>A Growth Thread by <a href="/people/{{OWNER_SLUG}}">{{OWNER_NAME}}</a>, started {{STARTED}}. <span class="badge {{VIS_CLASS}}">{{VIS_LABEL}}</span></p>
</div>
{{#HEAD_ACTIONS}}<div class="actions">{{#OWNER}}<a class="btn btn-secondary btn-small" href="/threads/{{THREAD_ID}}/edit">Edit the thread</a>{{/OWNER}}{{#PUBLIC}} <a class="btn btn-secondary btn-small" href="/threads/{{THREAD_ID}}.atom" type="application/atom+xml">Atom feed</a>{{/PUBLIC}}</div>{{/HEAD_ACTIONS}}
</div>
{{#MSHIP}}<p class="muted">Linked to the mentorship <a href="/mentorships/{{MSHIP_ID}}">{{MSHIP_FOCUS}}</a> (mentor {{MSHIP_MENTOR}}, mentee {{MSHIP_MENTEE}}).</p>{{/MSHIP}}
<div class="prose">{{PURPOSE_HTML:none}}</div>
{{CALENDAR_HTML:none}}
{{#ENTRY_FORM}}
<section class="section composer" id="new-entry" aria-labelledby="new-entry-heading">
<h2 id="new-entry-heading">Write an entry</h2>
{{#ERRORS}}
<div class="errors" role="alert" tabindex="-1"><h3>The entry was not saved</h3>
<ul>{{#KIND_ERROR}}<li><a href="#kind">Kind: {{MESSAGE}}</a></li>{{/KIND_ERROR}}{{#BODY_ERROR}}<li><a href="#body">Entry: {{MESSAGE}}</a></li>{{/BODY_ERROR}}</ul></div>
{{/ERRORS}}
<form method="post" action="/threads/{{THREAD_ID}}/entries" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#KIND_ERROR}} has-error{{/KIND_ERROR}}">
<label for="kind">Kind</label>
{{#KIND_ERROR}}<p class="field-error" id="kind-error">{{MESSAGE}}</p>{{/KIND_ERROR}}
<select id="kind" name="kind"{{#KIND_ERROR}} aria-invalid="true" aria-describedby="kind-error"{{/KIND_ERROR}}>
<option value="assumption"{{#KIND_ASSUMPTION}} selected{{/KIND_ASSUMPTION}}>Assumption: what I believe</option>
<option value="experiment"{{#KIND_EXPERIMENT}} selected{{/KIND_EXPERIMENT}}>Experiment: what I try</option>
<option value="failure"{{#KIND_FAILURE}} selected{{/KIND_FAILURE}}>Failure: what did not work</option>
<option value="breakthrough"{{#KIND_BREAKTHROUGH}} selected{{/KIND_BREAKTHROUGH}}>Breakthrough: what worked</option>
<option value="lesson"{{#KIND_LESSON}} selected{{/KIND_LESSON}}>Lesson: what I learnt</option>
<option value="update"{{#KIND_UPDATE}} selected{{/KIND_UPDATE}}>Update</option>
</select>
</div>
<div class="field{{#BODY_ERROR}} has-error{{/BODY_ERROR}}">
<label for="body">Entry</label>
<p class="hint" id="body-hint">Markdown works: **bold**, _italic_, lists, [links](https://example.org), `code`. Up to 20,000 characters.</p>
{{#BODY_ERROR}}<p class="field-error" id="body-error">{{MESSAGE}}</p>{{/BODY_ERROR}}
<textarea id="body" name="body" rows="6" aria-describedby="body-hint{{#BODY_ERROR}} body-error{{/BODY_ERROR}}"{{#BODY_ERROR}} aria-invalid="true"{{/BODY_ERROR}}>{{BODY:pre_escape}}</textarea>
</div>
<div class="actions"><button class="btn-primary">Add the entry</button></div>
</form>
</section>
{{/ENTRY_FORM}}
<section class="section" aria-labelledby="entries-heading">
<h2 id="entries-heading">Entries{{#FILTERED}}: {{FILTER_LABEL}}{{/FILTERED}}</h2>
<nav class="tags" aria-label="Filter entries by kind">
<a class="tag" href="/threads/{{THREAD_ID}}"{{#ALL_CURRENT}} aria-current="page"{{/ALL_CURRENT}}>All</a>
{{#FILTER}}<a class="tag kind-{{F_KIND}}" href="/threads/{{THREAD_ID}}?kind={{F_KIND}}"{{#F_CURRENT}} aria-current="page"{{/F_CURRENT}}>{{F_LABEL}}</a>
{{/FILTER}}
</nav>
{{ENTRIES_HTML:none}}
{{! one form for every entry's Delete button (form="delete-entry"), here
    rather than one per entry in the kept part: the part then carries neither
    the token nor the page's key for them, and 30 fewer copies of both }}
{{#OWNER}}<form method="post" id="delete-entry" hidden><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"></form>{{/OWNER}}
</section>
