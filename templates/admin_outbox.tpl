{{%AUTOESCAPE context="HTML"}}
<div class="page-head"><h1>Outbox</h1><p class="lead">Every e-mail Menteo queued, sent or gave up on.</p></div>
{{>ADMIN_NAV}}
<form method="get" action="/admin/outbox" class="search">
<div class="field"><label for="status">Status</label><select id="status" name="status"><option value="">Any</option><option value="queued"{{#SEL_QUEUED}} selected{{/SEL_QUEUED}}>Waiting to be sent</option><option value="sent"{{#SEL_SENT}} selected{{/SEL_SENT}}>Sent</option><option value="failed"{{#SEL_FAILED}} selected{{/SEL_FAILED}}>Failed</option></select></div>
<div class="field"><label for="kind">Kind</label><select id="kind" name="kind"><option value="">Any</option>{{#KINDS}}<option value="{{KIND}}"{{#SELECTED}} selected{{/SELECTED}}>{{KIND_LABEL}}</option>{{/KINDS}}</select></div>
<button>Filter</button></form>
<p class="small muted">{{SHOWING}} Times are in your time zone, {{TZ}} (<a href="/settings">change it</a>).</p>
{{#MAILS_NONE}}<div class="empty"><h2>No mail</h2><p>Nothing matches this filter.</p></div>{{/MAILS_NONE}}
{{#MAILS_ANY}}<div class="table-wrap"><table class="table table-stack"><caption class="visually-hidden">E-mail, newest first</caption><thead><tr><th>Queued</th><th>Kind</th><th>To</th><th>Subject</th><th>Status</th><th>Last error</th><th><span class="visually-hidden">Actions</span></th></tr></thead><tbody>
{{#MAILS}}<tr><td data-label="Queued" class="nowrap">{{SINCE_TIME}}</td><td data-label="Kind">{{KIND_LABEL}}</td><td data-label="To">{{TO_ADDR}}</td><td data-label="Subject">{{SUBJECT}}</td><td data-label="Status"><span class="badge">{{STATUS_LABEL}}</span>{{#SENT}} <span class="small muted nowrap">{{SENT_TIME}}</span>{{/SENT}}{{#TRIES}} <span class="small muted">{{TRIES_TEXT}}</span>{{/TRIES}}</td>{{#ERROR}}<td data-label="Last error">{{LAST_ERROR}}</td>{{/ERROR}}{{#NO_ERROR}}<td></td>{{/NO_ERROR}}
<td class="actions-cell">{{#RETRY}}<form method="post" action="/admin/outbox/{{ID}}/retry" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="status" value="{{STATUS_Q}}"><input type="hidden" name="kind" value="{{KIND_Q}}"><button class="btn-small">Retry</button></form>{{/RETRY}}</td></tr>{{/MAILS}}
</tbody></table></div>{{/MAILS_ANY}}
{{#MORE}}<p class="pager"><a href="{{MORE_URL}}">Older mail</a></p>{{/MORE}}
