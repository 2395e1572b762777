{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/mentorships">Mentorships</a></li><li><a href="/mentorships/{{MENTORSHIP_ID}}">{{FOCUS}}</a></li><li aria-current="page">Room</li></ol></nav>
<div class="page-head">
<div>
<h1>Room: {{FOCUS}}</h1>
<p>Your private conversation with {{OTHER_NAME}}: only the two of you can read it. The mentorship is now in <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span>.</p>
</div>
</div>
{{#CLOSED}}
<div class="callout warning" role="status"><p>This mentorship has closed ({{STAGE_LABEL}}). Its room stays readable as an archive but takes no new messages.</p></div>
{{/CLOSED}}
{{#REFUSED}}
<div class="errors" role="alert" tabindex="-1"><h2>The message was not posted</h2><p>{{REFUSAL}}</p></div>
{{/REFUSED}}
<section aria-labelledby="messages-heading">
<h2 id="messages-heading" class="visually-hidden">Messages</h2>
{{#NEWER}}
<nav class="pager" aria-label="Newer messages"><a class="btn btn-secondary btn-small" href="/rooms/{{MENTORSHIP_ID}}">Back to the newest messages</a></nav>
{{/NEWER}}
{{#OLDER}}
<nav class="pager" aria-label="Older messages"><a class="btn btn-secondary btn-small" rel="prev" href="/rooms/{{MENTORSHIP_ID}}?before={{OLDER_BEFORE}}">Older messages</a></nav>
{{/OLDER}}
{{#EMPTY}}
<div class="empty"><p>No messages yet.{{#COMPOSER}} Write the first one below.{{/COMPOSER}}</p></div>
{{/EMPTY}}
{{#NO_OLDER}}
<div class="empty"><p>There are no older messages.</p></div>
{{/NO_OLDER}}
<div id="room-messages"{{#LIVE}} data-latest="/rooms/{{MENTORSHIP_ID}}/latest" data-etag="{{ETAG}}"{{/LIVE}}>
{{MESSAGES_HTML:none}}
</div>
<p class="visually-hidden" role="status" id="room-live-status"></p>
</section>
{{#COMPOSER}}
<section class="composer" id="composer" aria-labelledby="composer-heading">
<h2 id="composer-heading">Write a message</h2>
{{#ERRORS}}
<div class="errors" role="alert" tabindex="-1"><h3>There is a problem</h3>
<ul>{{#BODY_ERROR}}<li><a href="#body">{{MESSAGE}}</a></li>{{/BODY_ERROR}}{{#REPLY_TO_ERROR}}<li>{{MESSAGE}}</li>{{/REPLY_TO_ERROR}}</ul></div>
{{/ERRORS}}
<form method="post" action="/rooms/{{MENTORSHIP_ID}}/messages#composer">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
{{#REPLYING}}
<input type="hidden" name="reply_to" value="{{REPLY_ID}}">
<p class="hint" id="replying-hint">Your message answers this one (<a href="/rooms/{{MENTORSHIP_ID}}#composer">write a new message instead</a>):</p>
<blockquote class="reply"><a href="{{REPLY_HREF}}">{{REPLY_AUTHOR}}</a>: {{REPLY_TEXT}}</blockquote>
{{/REPLYING}}
<div class="field{{#BODY_ERROR}} has-error{{/BODY_ERROR}}">
<label for="body">Message</label>
<p class="hint" id="body-hint">Markdown works: **bold**, _italic_, lists, [links](https://example.org), `code`. Up to 20,000 characters.</p>
{{#BODY_ERROR}}<p class="field-error" id="body-error">{{MESSAGE}}</p>{{/BODY_ERROR}}
<textarea id="body" name="body" rows="6" aria-describedby="body-hint{{#REPLYING}} replying-hint{{/REPLYING}}{{#BODY_ERROR}} body-error{{/BODY_ERROR}}"{{#BODY_ERROR}} aria-invalid="true"{{/BODY_ERROR}}>{{BODY:pre_escape}}</textarea>
</div>
<div class="actions"><button class="btn-primary">Post message</button></div>
</form>
</section>
{{/COMPOSER}}
