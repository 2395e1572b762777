{{%AUTOESCAPE context="HTML"}}
{{>NAV}}
<h1>Invitations</h1>
{{#ERROR}}<p class="callout danger" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#RESULT}}
{{#SENT}}<p class="flash" role="status">{{TEXT}}</p>{{/SENT}}
{{#FIX}}<div class="errors" role="alert" tabindex="-1"><h2>{{FIX_TITLE}}</h2>
<p>{{FIX_BACK}}</p>
<ul>
{{#LINE_ROW}}<li><strong>{{LINE}}</strong>: {{REASON}}</li>{{/LINE_ROW}}
</ul></div>{{/FIX}}
{{#PASSED}}<div class="callout result" role="status"><h2>{{PASSED_TITLE}}</h2>
<ul>
{{#LINE_ROW}}<li><strong>{{LINE}}</strong>: {{REASON}}</li>{{/LINE_ROW}}
</ul></div>{{/PASSED}}
{{/RESULT}}
<form method="post" action="/programmes/{{PROG_SLUG}}/invitations" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#EMAILS_ERROR}} has-error{{/EMAILS_ERROR}}">
<label for="emails">E-mail addresses</label>
<p class="hint" id="emails-hint">One a line, or a list copied from your mail program (Jane Doe &lt;jane@example.org&gt;, …), up to {{INVITE_MAX}} at once. Each person gets one e-mail with a link that works once, for 30 days. Someone invited less than a day ago is not mailed again, nor someone who declined an invitation (send theirs again from the list if they ask you to).</p>
{{#EMAILS_ERROR}}<p class="field-error" id="emails-error">{{MESSAGE}}</p>{{/EMAILS_ERROR}}
<textarea id="emails" name="emails" rows="10" aria-describedby="emails-hint{{#EMAILS_ERROR}} emails-error{{/EMAILS_ERROR}}"{{#EMAILS_ERROR}} aria-invalid="true"{{/EMAILS_ERROR}}>{{EMAILS:pre_escape}}</textarea>
</div>
<fieldset class="field{{#ROLE_ERROR}} has-error{{/ROLE_ERROR}}">
<legend>Invite them as</legend>
{{#ROLE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ROLE_ERROR}}
<div class="checks">
<label class="check"><input type="radio" name="role" value="mentee"{{#ROLE_MENTEE}} checked{{/ROLE_MENTEE}}> <span>Mentees</span></label>
<label class="check"><input type="radio" name="role" value="mentor"{{#ROLE_MENTOR}} checked{{/ROLE_MENTOR}}> <span>Mentors</span></label>
</div>
</fieldset>
<div class="actions"><button class="btn-primary">Send the invitations</button></div>
</form>
<section class="section" aria-labelledby="sent-heading">
<h2 id="sent-heading">Sent so far</h2>
{{#HAS_ANY}}<p class="muted">{{N_ALL}} in all: {{N_WAITING}} waiting, {{N_JOINED}} joined, {{#ANY_DECLINED}}{{N_DECLINED}} declined, {{/ANY_DECLINED}}{{N_EXPIRED}} expired.</p>
<form method="get" action="/programmes/{{PROG_SLUG}}/invitations#sent-heading" class="search">
<div class="field"><label for="state">State</label>
<select id="state" name="state"><option value="">Any ({{N_ALL}})</option><option value="waiting"{{#STATE_WAITING}} selected{{/STATE_WAITING}}>Waiting ({{N_WAITING}})</option><option value="joined"{{#STATE_JOINED}} selected{{/STATE_JOINED}}>Joined ({{N_JOINED}})</option><option value="declined"{{#STATE_DECLINED}} selected{{/STATE_DECLINED}}>Declined ({{N_DECLINED}})</option><option value="expired"{{#STATE_EXPIRED}} selected{{/STATE_EXPIRED}}>Expired ({{N_EXPIRED}})</option></select></div>
<div class="field"><label for="q">Address contains</label>
<input type="search" id="q" name="q" value="{{Q}}" maxlength="254" autocomplete="off"></div>
<button>Show</button>
</form>{{/HAS_ANY}}
{{#NO_INVITATIONS}}<p class="muted">No invitations yet.</p>{{/NO_INVITATIONS}}
{{#NONE_MATCH}}<div class="empty"><h2>No invitation matches these filters</h2><p><a href="/programmes/{{PROG_SLUG}}/invitations#sent-heading">Show them all</a> or change the filters.</p></div>{{/NONE_MATCH}}
{{#SENT_LIST}}<div class="table-wrap"><table class="table table-stack"><caption class="visually-hidden">Invitations sent so far</caption><thead><tr><th>Address</th><th>As</th><th>Sent</th><th>State</th></tr></thead><tbody>
{{#INVITATION}}<tr><td data-label="Address">{{I_EMAIL}}</td><td data-label="As">{{I_ROLE}}</td><td data-label="Sent" class="nowrap">{{I_SENT}}</td><td data-label="State">{{I_STATE}}{{#CAN_RESEND}}
<form method="post" action="/programmes/{{PROG_SLUG}}/invitations/{{I_ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="action" value="resend"><input type="hidden" name="state" value="{{STATE}}"><input type="hidden" name="q" value="{{Q}}"><button class="btn-small" data-confirm="{{#DECLINED}}{{I_EMAIL}} declined this invitation: send it again only if they asked you to. {{/DECLINED}}Send {{I_EMAIL}} a new invitation? The link sent before stops working.">Send again</button></form>{{/CAN_RESEND}}{{#CAN_WITHDRAW}}
<form method="post" action="/programmes/{{PROG_SLUG}}/invitations/{{I_ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="action" value="withdraw"><input type="hidden" name="state" value="{{STATE}}"><input type="hidden" name="q" value="{{Q}}"><button class="btn-small btn-danger" data-confirm="Withdraw the invitation to {{I_EMAIL}}? Its link stops working; nobody is mailed.">Withdraw</button></form>{{/CAN_WITHDRAW}}</td></tr>
{{/INVITATION}}
</tbody></table></div>{{/SENT_LIST}}
{{#MORE}}<nav class="pager" aria-label="Older invitations"><a class="btn btn-secondary btn-small" href="{{MORE_URL}}">Older invitations</a></nav>{{/MORE}}
</section>
