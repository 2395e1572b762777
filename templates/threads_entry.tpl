{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumb" aria-label="Breadcrumb"><ol>{{#SIGNED_IN}}<li><a href="/threads">Growth Threads</a></li>{{/SIGNED_IN}}<li><a href="/threads/{{THREAD_ID}}">{{THREAD_TITLE}}</a></li><li>{{ENTRY_KIND_LABEL}}</li></ol></nav>
<div class="page-head">
<div>
<h1><span class="tag kind-{{ENTRY_KIND}}">{{ENTRY_KIND_LABEL}}</span> in {{THREAD_TITLE}}</h1>
<p>By <a href="/people/{{OWNER_SLUG}}">{{OWNER_NAME}}</a>, <time datetime="{{ENTRY_ISO}}">{{ENTRY_TIME}}</time>{{#EDITED}} (edited {{EDITED_TIME}}){{/EDITED}}. <span class="badge {{VIS_CLASS}}">{{VIS_LABEL}}</span></p>
</div>
</div>
{{#MSHIP}}<p class="muted">Linked to the mentorship <a href="/mentorships/{{MSHIP_ID}}">{{MSHIP_FOCUS}}</a> (mentor {{MSHIP_MENTOR}}, mentee {{MSHIP_MENTEE}}).</p>{{/MSHIP}}
<article class="message" id="entry-{{ENTRY_ID}}">
<div class="body prose">{{ENTRY_HTML:none}}</div>
</article>
<section class="section" aria-labelledby="feedback-heading">
<h2 id="feedback-heading">Feedback</h2>
{{#COMMENT}}
<blockquote class="reply" id="comment-{{COMMENT_ID}}"><p class="small"><strong>{{#FEEDBACK}}Feedback from{{/FEEDBACK}}{{#ANSWER}}Answer from{{/ANSWER}} {{COMMENT_AUTHOR}}</strong>, {{COMMENT_TIME}}</p><div class="prose">{{COMMENT_HTML:none}}</div></blockquote>
{{/COMMENT}}
{{#NO_COMMENTS}}<p class="muted">No feedback yet.{{#COMMENT_FORM}} As the mentor of the linked mentorship, you can leave some below.{{/COMMENT_FORM}}</p>{{/NO_COMMENTS}}
{{#COMMENT_FORM}}
<form method="post" action="/threads/{{THREAD_ID}}/entries/{{ENTRY_ID}}/comments" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#COMMENT_ERROR}} has-error{{/COMMENT_ERROR}}">
<label for="comment-body">Your feedback, as the mentor</label>
<p class="hint" id="comment-hint">Read by {{VIS_READERS}}, as the thread is; {{OWNER_NAME}} is told by e-mail. Markdown works. Up to 5,000 characters.</p>
{{#COMMENT_ERROR}}<p class="field-error" id="comment-error" role="alert">{{MESSAGE}}</p>{{/COMMENT_ERROR}}
<textarea id="comment-body" name="body" rows="4" aria-describedby="comment-hint{{#COMMENT_ERROR}} comment-error{{/COMMENT_ERROR}}"{{#COMMENT_ERROR}} aria-invalid="true"{{/COMMENT_ERROR}}>{{COMMENT_BODY:pre_escape}}</textarea>
</div>
<div class="actions"><button class="btn-primary">Post feedback</button></div>
</form>
{{/COMMENT_FORM}}
{{#ANSWER_FORM}}
<form method="post" action="/threads/{{THREAD_ID}}/entries/{{ENTRY_ID}}/comments" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#COMMENT_ERROR}} has-error{{/COMMENT_ERROR}}">
<label for="comment-body">Your answer</label>
<p class="hint" id="comment-hint">Markdown works. Up to 5,000 characters.</p>
{{#COMMENT_ERROR}}<p class="field-error" id="comment-error" role="alert">{{MESSAGE}}</p>{{/COMMENT_ERROR}}
<textarea id="comment-body" name="body" rows="4" aria-describedby="comment-hint{{#COMMENT_ERROR}} comment-error{{/COMMENT_ERROR}}"{{#COMMENT_ERROR}} aria-invalid="true"{{/COMMENT_ERROR}}>{{COMMENT_BODY:pre_escape}}</textarea>
</div>
<div class="actions"><button class="btn-primary">Post the answer</button></div>
</form>
{{/ANSWER_FORM}}
</section>
{{#ENTRY_TOOLS}}
<section class="section" id="edit" aria-labelledby="edit-heading">
<h2 id="edit-heading">Edit this entry</h2>
{{#ERRORS}}
<div class="errors" role="alert" tabindex="-1"><h3>The entry was not saved</h3>
<ul>{{#KIND_ERROR}}<li><a href="#kind">Kind: {{MESSAGE}}</a></li>{{/KIND_ERROR}}{{#BODY_ERROR}}<li><a href="#body">Entry: {{MESSAGE}}</a></li>{{/BODY_ERROR}}</ul></div>
{{/ERRORS}}
<form method="post" action="/threads/{{THREAD_ID}}/entries/{{ENTRY_ID}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#KIND_ERROR}} has-error{{/KIND_ERROR}}">
<label for="kind">Kind</label>
{{#KIND_ERROR}}<p class="field-error" id="kind-error">{{MESSAGE}}</p>{{/KIND_ERROR}}
<select id="kind" name="kind"{{#KIND_ERROR}} aria-invalid="true" aria-describedby="kind-error"{{/KIND_ERROR}}>
<option value="assumption"{{#KIND_ASSUMPTION}} selected{{/KIND_ASSUMPTION}}>Assumption</option>
<option value="experiment"{{#KIND_EXPERIMENT}} selected{{/KIND_EXPERIMENT}}>Experiment</option>
<option value="failure"{{#KIND_FAILURE}} selected{{/KIND_FAILURE}}>Failure</option>
<option value="breakthrough"{{#KIND_BREAKTHROUGH}} selected{{/KIND_BREAKTHROUGH}}>Breakthrough</option>
<option value="lesson"{{#KIND_LESSON}} selected{{/KIND_LESSON}}>Lesson</option>
<option value="update"{{#KIND_UPDATE}} selected{{/KIND_UPDATE}}>Update</option>
</select>
</div>
<div class="field{{#BODY_ERROR}} has-error{{/BODY_ERROR}}">
<label for="body">Entry</label>
<p class="hint" id="body-hint">Markdown works. Up to 20,000 characters.</p>
{{#BODY_ERROR}}<p class="field-error" id="body-error">{{MESSAGE}}</p>{{/BODY_ERROR}}
<textarea id="body" name="body" rows="8" aria-describedby="body-hint{{#BODY_ERROR}} body-error{{/BODY_ERROR}}"{{#BODY_ERROR}} aria-invalid="true"{{/BODY_ERROR}}>{{BODY:pre_escape}}</textarea>
</div>
<div class="actions"><button class="btn-primary">Save the entry</button></div>
</form>
<form method="post" action="/threads/{{THREAD_ID}}/entries/{{ENTRY_ID}}/delete" class="actions">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<button class="btn-danger">Delete this entry</button>
</form>
</section>
{{/ENTRY_TOOLS}}
