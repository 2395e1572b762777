{{%AUTOESCAPE context="HTML"}}
{{#NEWER}}<nav class="pager" aria-label="Newer entries"><a class="btn btn-secondary btn-small" href="/threads/{{THREAD_ID}}">Back to the newest entries</a></nav>{{/NEWER}}
{{#NO_ENTRIES}}<div class="empty"><p>No entries{{#FILTERED}} of this kind{{/FILTERED}} yet.</p></div>{{/NO_ENTRIES}}
{{#NO_OLDER}}<div class="empty"><p>There are no older entries.</p></div>{{/NO_OLDER}}
<ol class="messages">
{{#ENTRY}}
<li class="message" id="entry-{{ENTRY_ID}}">
<div class="meta"><span class="tag kind-{{ENTRY_KIND}}">{{ENTRY_KIND_LABEL}}</span> <a href="/threads/{{THREAD_ID}}/entries/{{ENTRY_ID}}"><time datetime="{{ENTRY_ISO}}">{{ENTRY_TIME}}</time></a>{{#EDITED}} <span class="edited" title="Edited {{EDITED_TIME}}">(edited)</span>{{/EDITED}}
{{#ENTRY_TOOLS}}<div class="tools"><a href="/threads/{{THREAD_ID}}/entries/{{ENTRY_ID}}#edit">Edit<span class="visually-hidden"> the entry of {{ENTRY_TIME}}</span></a>
<button form="delete-entry" formaction="/threads/{{THREAD_ID}}/entries/{{ENTRY_ID}}/delete" class="btn-link">Delete<span class="visually-hidden"> the entry of {{ENTRY_TIME}}</span></button></div>{{/ENTRY_TOOLS}}</div>
<div class="body prose">{{ENTRY_HTML:none}}</div>
{{#COMMENT}}
<blockquote class="reply" id="comment-{{COMMENT_ID}}"><p class="small"><strong>{{#FEEDBACK}}Feedback from{{/FEEDBACK}}{{#ANSWER}}Answer from{{/ANSWER}} {{COMMENT_AUTHOR}}</strong>, {{COMMENT_TIME}}</p><div class="prose">{{COMMENT_HTML:none}}</div></blockquote>
{{/COMMENT}}
{{#COMMENT_FORM}}
<details>
<summary>Leave feedback</summary>
<form method="post" action="/threads/{{THREAD_ID}}/entries/{{ENTRY_ID}}/comments">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field">
<label for="comment-{{ENTRY_ID}}">Your feedback, as the mentor</label>
<p class="hint" id="comment-{{ENTRY_ID}}-hint">Read by {{VIS_READERS}}, as the thread is.</p>
<textarea id="comment-{{ENTRY_ID}}" name="body" rows="3" maxlength="5000" required aria-describedby="comment-{{ENTRY_ID}}-hint"></textarea>
</div>
<div class="actions tight"><button class="btn-secondary btn-small">Post feedback</button></div>
</form>
</details>
{{/COMMENT_FORM}}
{{#ANSWER_FORM}}
<details>
<summary>Answer the feedback</summary>
<form method="post" action="/threads/{{THREAD_ID}}/entries/{{ENTRY_ID}}/comments">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="answer-{{ENTRY_ID}}">Your answer</label>
<textarea id="answer-{{ENTRY_ID}}" name="body" rows="3" maxlength="5000" required></textarea>
</div>
<div class="actions tight"><button class="btn-secondary btn-small">Post the answer</button></div>
</form>
</details>
{{/ANSWER_FORM}}
</li>
{{/ENTRY}}
</ol>
{{#OLDER}}<nav class="pager" aria-label="Older entries"><a class="btn btn-secondary btn-small" rel="prev" href="{{OLDER_URL}}">Older entries</a></nav>{{/OLDER}}
