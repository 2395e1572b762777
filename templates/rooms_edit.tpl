{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/mentorships/{{MENTORSHIP_ID}}">{{FOCUS}}</a></li><li><a href="/rooms/{{MENTORSHIP_ID}}">Room</a></li><li>{{#EDITING}}Edit message{{/EDITING}}{{#LATE}}Post as a new message{{/LATE}}</li></ol></nav>
<div class="page-head">
<div>
{{#EDITING}}<h1>Edit your message</h1>
<p>Messages can be edited for 15 minutes after posting; the room shows that it was edited.</p>{{/EDITING}}
{{#LATE}}<h1>Your change was not saved</h1>
<p>The 15 minutes to edit that message passed while you were writing, so it stays as it was. Your text is below: post it as a new message, or cancel.</p>{{/LATE}}
</div>
</div>
{{#ERRORS}}
<div class="errors" role="alert" tabindex="-1"><h2>There is a problem</h2>
<ul>{{#BODY_ERROR}}<li><a href="#body">{{MESSAGE}}</a></li>{{/BODY_ERROR}}</ul></div>
{{/ERRORS}}
<form class="form" method="post" action="/rooms/{{MENTORSHIP_ID}}/messages{{#EDITING}}/{{MESSAGE_ID}}{{/EDITING}}">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#BODY_ERROR}} has-error{{/BODY_ERROR}}">
<label for="body">Message</label>
<p class="hint" id="body-hint">Markdown works. Up to 20,000 characters.</p>
{{#BODY_ERROR}}<p class="field-error" id="body-error">{{MESSAGE}}</p>{{/BODY_ERROR}}
<textarea id="body" name="body" rows="8" aria-describedby="body-hint{{#BODY_ERROR}} body-error{{/BODY_ERROR}}"{{#BODY_ERROR}} aria-invalid="true"{{/BODY_ERROR}}>{{BODY:pre_escape}}</textarea>
</div>
<div class="actions"><button class="btn-primary">{{#EDITING}}Save changes{{/EDITING}}{{#LATE}}Post as a new message{{/LATE}}</button> <a class="btn btn-secondary" href="/rooms/{{MENTORSHIP_ID}}#m{{MESSAGE_ID}}">Cancel</a></div>
</form>
