{{%AUTOESCAPE context="HTML"}}
<div class="page-head"><h1>Outbox</h1><p class="lead">Every e-mail Menteo queued, sent or gave up on.</p></div>
<form method="get" action="/admin/outbox" class="search">
<div class="field"><label for="status">Status</label><select id="status" name="status"><option value="">Any</option><option value="queued">Queued</option><option value="sent">Sent</option><option value="failed">Failed</option></select></div>
<div class="field"><label for="kind">Kind</label><select id="kind" name="kind"><option value="">Any</option>{{#KINDS}}<option>{{KIND}}</option>{{/KINDS}}</select></div>
<button>Filter</button></form>
<p class="small muted">Showing status “{{STATUS}}”, kind “{{KIND}}” (empty means any).</p>
{{#MAILS_NONE}}<div class="empty"><h2>No mail</h2><p>Nothing matches this filter.</p></div>{{/MAILS_NONE}}
<div class="table-wrap"><table class="table table-stack"><thead><tr><th>When</th><th>Kind</th><th>To</th><th>Subject</th><th>Status</th><th>Last error</th><th><span class="visually-hidden">Actions</span></th></tr></thead><tbody>
{{#MAILS}}<tr><td data-label="When">{{SINCE_DATE}}</td><td data-label="Kind">{{KIND}}</td><td data-label="To">{{TO_ADDR}}</td><td data-label="Subject">{{SUBJECT}}</td><td data-label="Status"><span class="badge">{{STATUS}}</span> <span class="small muted">{{ATTEMPTS}} tries</span></td><td data-label="Last error">{{LAST_ERROR}}</td>
<td class="actions-cell"><form method="post" action="/admin/outbox/{{ID}}/retry" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn-small">Retry</button></form></td></tr>{{/MAILS}}
</tbody></table></div>
{{#MORE}}<p class="pager"><a href="/admin/outbox?before={{BEFORE}}">Older mail</a></p>{{/MORE}}
