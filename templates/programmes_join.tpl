{{%AUTOESCAPE context="HTML"}}
{{>NAV}}
<h1>Join {{PROG_NAME}}</h1>
{{#INVITED}}<p class="lead">You were invited as a <strong>{{INVITE_ROLE}}</strong>, at {{INVITE_EMAIL}}.</p>{{/INVITED}}
{{#ABOUT}}<details class="card about-programme" open><summary>About the programme{{#WHEN}}: {{WHEN_TEXT}}{{/WHEN}}</summary>
<div class="prose">{{DESCRIPTION_HTML:none}}</div>
{{#ORGANISED}}<p class="muted">Organised by {{ORGANISERS}}.</p>{{/ORGANISED}}</details>{{/ABOUT}}
{{#PROBLEMS}}
<div class="errors" role="alert" tabindex="-1"><h2>There is a problem</h2>
<ul>{{#PROBLEM}}<li><a href="#{{P_ID}}">{{P_TEXT}}</a></li>{{/PROBLEM}}</ul>
<p>What you typed is kept{{#PASSWORD_AGAIN}}, but for the password, which is never sent back: type it again{{/PASSWORD_AGAIN}}.</p>
</div>
{{/PROBLEMS}}
<form method="post" action="/programmes/{{PROG_SLUG}}/join" class="form" id="join-form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
{{#INVITED}}{{#TOKEN}}<input type="hidden" name="invite" value="{{INVITE}}">{{/TOKEN}}<input type="hidden" name="role" value="{{INVITE_ROLE}}">{{/INVITED}}
{{#NEW_ACCOUNT}}
<fieldset class="field">
<legend>Your Menteo account</legend>
<input type="hidden" name="timezone" value="" data-browser-zone>
<p class="hint">The invitation proves your address ({{INVITE_EMAIL}}); choose how you appear and a password.</p>
<div class="field{{#DISPLAY_NAME_ERROR}} has-error{{/DISPLAY_NAME_ERROR}}">
<label for="display_name">Your name</label>
{{#DISPLAY_NAME_ERROR}}<p class="field-error" id="display_name-error">{{MESSAGE}}</p>{{/DISPLAY_NAME_ERROR}}
<input type="text" id="display_name" name="display_name" maxlength="80" autocomplete="name" value="{{DISPLAY_NAME}}"{{#DISPLAY_NAME_ERROR}} aria-invalid="true" aria-describedby="display_name-error"{{/DISPLAY_NAME_ERROR}}>
</div>
<div class="field{{#PASSWORD_ERROR}} has-error{{/PASSWORD_ERROR}}">
<label for="password">Password</label>
<p class="hint" id="password-hint">At least 10 characters.</p>
{{#PASSWORD_ERROR}}<p class="field-error" id="password-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
<input type="password" id="password" name="password" autocomplete="new-password" aria-describedby="password-hint{{#PASSWORD_ERROR}} password-error{{/PASSWORD_ERROR}}"{{#PASSWORD_ERROR}} aria-invalid="true"{{/PASSWORD_ERROR}}>
</div>
</fieldset>
{{/NEW_ACCOUNT}}
{{#CHOOSE_ROLE}}
<fieldset class="field{{#ROLE_ERROR}} has-error{{/ROLE_ERROR}}">
<legend>Join as</legend>
{{#ROLE_ERROR}}<p class="field-error" id="role-error">{{MESSAGE}}</p>{{/ROLE_ERROR}}
<div class="checks">
<label class="check"><input type="radio" id="role-mentee" name="role" value="mentee"{{#ROLE_MENTEE}} checked{{/ROLE_MENTEE}}{{#ROLE_ERROR}} aria-invalid="true" aria-describedby="role-error"{{/ROLE_ERROR}}> <span><strong>Mentee</strong>: you want guidance towards goals of your own.</span></label>
<label class="check"><input type="radio" name="role" value="mentor"{{#ROLE_MENTOR}} checked{{/ROLE_MENTOR}}> <span><strong>Mentor</strong>: you guide one or more mentees.{{#APPROVAL}} An organiser approves each mentor first.{{/APPROVAL}}</span></label>
</div>
</fieldset>
{{/CHOOSE_ROLE}}
{{#ASK_CAPACITY}}<div class="field{{#CAPACITY_ERROR}} has-error{{/CAPACITY_ERROR}}" data-audience="mentor">
<label for="capacity">Mentors: how many mentees can you take in this programme?</label>
<p class="hint" id="capacity-hint">1 to 20.{{#CHOOSE_ROLE}} Mentees leave this as it is.{{/CHOOSE_ROLE}}</p>
{{#CAPACITY_ERROR}}<p class="field-error" id="capacity-error">{{MESSAGE}}</p>{{/CAPACITY_ERROR}}
<input type="number" id="capacity" name="capacity" min="1" max="20" value="{{CAPACITY}}" aria-describedby="capacity-hint{{#CAPACITY_ERROR}} capacity-error{{/CAPACITY_ERROR}}"{{#CAPACITY_ERROR}} aria-invalid="true"{{/CAPACITY_ERROR}}>
</div>{{/ASK_CAPACITY}}
{{#WHO_READS}}<p class="hint">The programme's organisers read your answers.</p>{{/WHO_READS}}
{{#QUESTION}}{{>FIELD}}{{/QUESTION}}
<div class="actions"><button class="btn-primary">{{#NEW_ACCOUNT}}Create my account and join{{/NEW_ACCOUNT}}{{#HAS_ACCOUNT}}Join the programme{{/HAS_ACCOUNT}}</button></div>
</form>
