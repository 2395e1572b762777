{{%AUTOESCAPE context="HTML"}}
{{>NAV}}
<h1>Participants</h1>
{{#ERROR}}<p class="callout danger" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form method="get" action="/programmes/{{PROG_SLUG}}/participants" class="search">
<div class="field"><label for="q">Name or address</label>
<input type="search" id="q" name="q" value="{{Q}}" maxlength="254" autocomplete="off"></div>
<div class="field"><label for="role">Role</label>
<select id="role" name="role"><option value="">Everyone</option><option value="mentee"{{#ROLE_MENTEE}} selected{{/ROLE_MENTEE}}>Mentees</option><option value="mentor"{{#ROLE_MENTOR}} selected{{/ROLE_MENTOR}}>Mentors</option></select></div>
<div class="field"><label for="status">Status</label>
<select id="status" name="status"><option value="">Any</option><option value="invited"{{#STATUS_INVITED}} selected{{/STATUS_INVITED}}>Invited, not joined yet</option><option value="waiting"{{#STATUS_WAITING}} selected{{/STATUS_WAITING}}>Waiting for approval</option><option value="active"{{#STATUS_ACTIVE}} selected{{/STATUS_ACTIVE}}>Joined or approved</option><option value="paired"{{#STATUS_PAIRED}} selected{{/STATUS_PAIRED}}>In a pair</option><option value="unpaired"{{#STATUS_UNPAIRED}} selected{{/STATUS_UNPAIRED}}>Not in a pair</option><option value="rejected"{{#STATUS_REJECTED}} selected{{/STATUS_REJECTED}}>Not approved</option><option value="removed"{{#STATUS_REMOVED}} selected{{/STATUS_REMOVED}}>Removed</option></select></div>
<button>Show</button>
</form>
{{#NONE}}<div class="empty"><h2>Nobody here yet</h2><p><a href="/programmes/{{PROG_SLUG}}/invitations">Invite people</a>: they appear here as they join.</p></div>{{/NONE}}{{#NONE_MATCH}}<div class="empty"><h2>Nobody matches these filters</h2><p><a href="/programmes/{{PROG_SLUG}}/participants">Show everyone</a> or change the filters.</p></div>{{/NONE_MATCH}}
{{#LIST}}<div class="table-wrap"><table class="table table-stack"><thead><tr><th>Name</th><th>Role</th><th>Status</th><th>Joined</th><th><span class="visually-hidden">Actions</span></th></tr></thead><tbody>
{{#PARTICIPANT}}<tr><td data-label="Name">{{#P_LINK}}<a href="/people/{{P_SLUG}}">{{P_NAME}}</a>{{/P_LINK}}{{#P_NAME_ONLY}}{{P_NAME}}{{/P_NAME_ONLY}}{{#P_ADDRESS}}<br><span class="muted small address">{{P_EMAIL}}</span>{{/P_ADDRESS}}{{#P_ANSWERS}}<details class="answers"><summary>Answers ({{N_ANSWERS}})</summary><dl class="details">{{#ANSWER}}<dt>{{A_PROMPT}}</dt><dd>{{A_TEXT}}</dd>{{/ANSWER}}</dl></details>{{/P_ANSWERS}}</td><td data-label="Role">{{P_ROLE}}</td><td data-label="Status">{{P_STATUS}}{{#P_PAIR}} · <a href="/programmes/{{PROG_SLUG}}/pairs/{{PAIR_ID}}">{{PAIR_LINK}}</a>{{/P_PAIR}}{{#P_PAIRS}}<ul class="pair-list">{{#PAIR}}<li><a href="/programmes/{{PROG_SLUG}}/pairs/{{PAIR_ID}}">With {{PAIR_MENTEE}}</a>: {{PAIR_STAGE}}</li>{{/PAIR}}</ul>{{/P_PAIRS}}{{#P_LOAD}}<div class="muted small">{{LOAD}}</div>{{/P_LOAD}}</td><td data-label="Joined" class="nowrap">{{P_JOINED}}</td>
<td class="actions-cell">{{#CAN_DECIDE}}<form method="post" action="/programmes/{{PROG_SLUG}}/participants/{{P_ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="role" value="{{ROLE}}"><input type="hidden" name="status" value="{{STATUS}}"><input type="hidden" name="q" value="{{Q}}"><input type="hidden" name="action" value="approve"><button class="btn-small btn-primary">Approve</button></form>
<form method="post" action="/programmes/{{PROG_SLUG}}/participants/{{P_ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="role" value="{{ROLE}}"><input type="hidden" name="status" value="{{STATUS}}"><input type="hidden" name="q" value="{{Q}}"><input type="hidden" name="action" value="reject"><button class="btn-small" data-confirm="Turn {{P_NAME}} down as a mentor? They will be told by e-mail.">Reject</button></form>{{/CAN_DECIDE}}
{{#CAN_APPROVE_NOW}}<form method="post" action="/programmes/{{PROG_SLUG}}/participants/{{P_ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="role" value="{{ROLE}}"><input type="hidden" name="status" value="{{STATUS}}"><input type="hidden" name="q" value="{{Q}}"><input type="hidden" name="action" value="approve"><button class="btn-small" data-confirm="Approve {{P_NAME}} as a mentor after all? They will be told by e-mail.">Approve after all</button></form>{{/CAN_APPROVE_NOW}}
{{#CAN_REMOVE}}<form method="post" action="/programmes/{{PROG_SLUG}}/participants/{{P_ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="role" value="{{ROLE}}"><input type="hidden" name="status" value="{{STATUS}}"><input type="hidden" name="q" value="{{Q}}"><input type="hidden" name="action" value="remove"><button class="btn-small btn-danger" data-confirm="Remove {{P_NAME}} from the programme? A request or proposed pair of theirs not yet answered is withdrawn; their pairs under way go on. They will be told by e-mail.">Remove</button></form>{{/CAN_REMOVE}}
{{#CAN_RESTORE}}<form method="post" action="/programmes/{{PROG_SLUG}}/participants/{{P_ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="role" value="{{ROLE}}"><input type="hidden" name="status" value="{{STATUS}}"><input type="hidden" name="q" value="{{Q}}"><input type="hidden" name="action" value="restore"><button class="btn-small" data-confirm="Take {{P_NAME}} back into the programme? What was withdrawn when they were removed stays withdrawn. They will be told by e-mail.">Take back in</button></form>{{/CAN_RESTORE}}</td></tr>
{{/PARTICIPANT}}
</tbody></table></div>{{/LIST}}
{{#MORE}}<nav class="pager" aria-label="More participants"><a class="btn btn-secondary btn-small" href="{{MORE_URL}}">Next page</a></nav>{{/MORE}}
{{#HAS_INVITED}}
<section class="section" aria-labelledby="invited-heading">
<h2 id="invited-heading">Invited, not joined yet</h2>
<div class="table-wrap"><table class="table table-stack"><thead><tr><th>Address</th><th>As</th><th>Invited</th></tr></thead><tbody>
{{#INVITED}}<tr><td data-label="Address">{{I_EMAIL}}</td><td data-label="As">{{I_ROLE}}</td><td data-label="Invited">{{I_SENT}}</td></tr>
{{/INVITED}}
</tbody></table></div>
</section>
{{/HAS_INVITED}}
