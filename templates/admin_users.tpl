{{%AUTOESCAPE context="HTML"}}
<div class="page-head"><h1>Accounts</h1></div>
<form method="get" action="/admin/users" class="search"><div class="field"><label for="q">E-mail starts with</label><input id="q" name="q" value="{{Q}}"></div><button>Search</button></form>
{{#USERS_NONE}}<div class="empty"><h2>No accounts found</h2></div>{{/USERS_NONE}}
<div class="table-wrap"><table class="table table-stack"><thead><tr><th>Name</th><th>E-mail</th><th>Since</th><th>State</th><th><span class="visually-hidden">Actions</span></th></tr></thead><tbody>
{{#USERS}}<tr><td data-label="Name"><a href="/people/{{SLUG}}">{{NAME}}</a></td><td data-label="E-mail">{{EMAIL}}</td><td data-label="Since">{{SINCE_DATE}}</td><td data-label="State">{{#IS_DISABLED}}<span class="badge danger">Disabled</span>{{/IS_DISABLED}}{{#NOT_DISABLED}}<span class="badge success">Active</span>{{/NOT_DISABLED}}{{#IS_ADMIN}} <span class="badge info">Admin</span>{{/IS_ADMIN}}{{#IS_UNLISTED}} <span class="badge warning">Unlisted</span>{{/IS_UNLISTED}}</td>
<td class="actions-cell">{{#NOT_DISABLED}}<form method="post" action="/admin/users/{{ID}}/disable" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn-small btn-danger" data-confirm="Disable this account and sign it out everywhere?">Disable</button></form>{{/NOT_DISABLED}}
{{#IS_DISABLED}}<form method="post" action="/admin/users/{{ID}}/enable" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn-small">Enable</button></form>{{/IS_DISABLED}}
{{#IS_MENTOR}}{{#NOT_UNLISTED}}<form method="post" action="/admin/users/{{ID}}/listing" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="listed" value="0"><button class="btn-small">Unlist</button></form>{{/NOT_UNLISTED}}
{{#IS_UNLISTED}}<form method="post" action="/admin/users/{{ID}}/listing" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="listed" value="1"><button class="btn-small">List again</button></form>{{/IS_UNLISTED}}{{/IS_MENTOR}}</td></tr>{{/USERS}}
</tbody></table></div>
<p class="small muted">A disabled account cannot sign in, its sessions are ended and its public pages are gone. An unlisted mentor keeps the account and the profile but is not in the mentor directory.</p>
