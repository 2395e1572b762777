{{%AUTOESCAPE context="HTML"}}
<div class="container narrow">
<div class="page-head">
{{#IN_PROGRAMME}}<p class="eyebrow">In the programme {{PROG_NAME}}</p>{{/IN_PROGRAMME}}
<h1>{{HEADING}}</h1>
{{#FORM}}<p class="lead">Say what you want to work on. The mentor can accept, ask for more, or decline.</p>{{/FORM}}
</div>
{{#MENTOR_CARD}}
<div class="card compact"><p class="person"><span class="name">{{MENTOR_NAME}}</span> <span class="headline">{{MENTOR_HEADLINE}}</span></p></div>
{{/MENTOR_CARD}}
{{#ALREADY}}<div class="callout" role="status" id="already"><p>{{TEXT}}</p><p><a class="btn btn-primary" href="{{HREF}}">{{LINK}}</a></p></div>{{/ALREADY}}
{{#UNSENT}}<section class="card compact" aria-labelledby="unsent-h"><h2 id="unsent-h">What you wrote, not sent</h2><p class="small muted">Copy it into the mentorship's room if it is still worth saying.</p><p><strong>{{FOCUS}}</strong></p><p class="pre-line">{{MESSAGE:pre_escape}}</p></section>{{/UNSENT}}
{{#REFUSED}}<div class="errors" role="alert"><h2>The request cannot be sent</h2><p>{{REASON}}</p></div>{{/REFUSED}}
{{#ERRORS}}<div class="errors" role="alert"><p>Some fields need attention. Look for the messages below.</p>{{#MENTOR_ERROR}}<p>Choose a mentor in <a href="/people">the directory</a> first.</p>{{/MENTOR_ERROR}}</div>{{/ERRORS}}
{{#FORM}}<form class="form" method="post" action="/mentorships/new">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<input type="hidden" name="mentor" value="{{MENTOR}}"><input type="hidden" name="programme" value="{{PROGRAMME}}">
<div class="field{{#FOCUS_ERROR}} has-error{{/FOCUS_ERROR}}">
<label for="focus">Focus</label>
<span class="hint" id="focus-hint">The skill or transition this is about, in 3 to 200 characters, e.g. "land a director role" or "launch the MVP".</span>
{{#FOCUS_ERROR}}<span class="field-error" id="focus-error">{{MESSAGE}}</span>{{/FOCUS_ERROR}}
<input id="focus" name="focus" maxlength="200" value="{{FOCUS}}" required aria-describedby="focus-hint{{#FOCUS_ERROR}} focus-error{{/FOCUS_ERROR}}"{{#FOCUS_ERROR}} aria-invalid="true"{{/FOCUS_ERROR}}>
</div>
<div class="field{{#MESSAGE_ERROR}} has-error{{/MESSAGE_ERROR}}">
<label for="message">Message to the mentor</label>
<span class="hint" id="message-hint">Where you are now, where you want to be, and why this mentor: 10 characters at least.</span>
{{#MESSAGE_ERROR}}<span class="field-error" id="message-error">{{MESSAGE}}</span>{{/MESSAGE_ERROR}}
<textarea id="message" name="message" class="tall" data-maxlength="4000" required aria-describedby="message-hint{{#MESSAGE_ERROR}} message-error{{/MESSAGE_ERROR}}"{{#MESSAGE_ERROR}} aria-invalid="true"{{/MESSAGE_ERROR}}>{{MESSAGE:pre_escape}}</textarea>
</div>
<div class="actions"><button class="btn-primary">Send the request</button> <a href="{{BACK_HREF}}">{{BACK_TEXT}}</a></div>
</form>{{/FORM}}
</div>
