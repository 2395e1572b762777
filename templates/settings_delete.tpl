{{%AUTOESCAPE context="HTML"}}
<div class="page-head narrow"><h1>Delete your account</h1></div>
<div class="callout danger narrow"><p>This removes your profile, your Growth Threads and your own roadmaps, and signs you out everywhere. Open mentorships end, and the other person is told. The shared record of your mentorships (contract, goals, messages) stays readable for them, with your name replaced by “Deleted account”.</p>
<p>Want a copy first? <a href="/settings/export">Download everything as JSON</a>.</p></div>
<form method="post" action="/settings/delete" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#PASSWORD_ERROR}} has-error{{/PASSWORD_ERROR}}"><label for="password">Your password, to confirm</label>
{{#PASSWORD_ERROR}}<span class="field-error" id="password-error">{{MESSAGE}}</span>{{/PASSWORD_ERROR}}
<input id="password" type="password" name="password" autocomplete="current-password" required{{#PASSWORD_ERROR}} aria-invalid="true" aria-describedby="password-error"{{/PASSWORD_ERROR}}></div>
<div class="actions"><button class="btn-danger solid">Delete my account</button> <a href="/settings">Cancel</a></div>
</form>
