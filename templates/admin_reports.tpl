{{%AUTOESCAPE context="HTML"}}
<div class="page-head"><h1>Reports</h1></div>
{{>ADMIN_NAV}}
<nav class="tabs" aria-label="Report status"><a href="/admin/reports"{{#SHOWING_OPEN}} aria-current="page"{{/SHOWING_OPEN}}>Open</a>
<a href="/admin/reports?status=closed"{{#SHOWING_CLOSED}} aria-current="page"{{/SHOWING_CLOSED}}>Closed</a></nav>
{{#REPORTS_NONE}}<div class="empty"><h2>No reports here</h2><p>When a party reports a problem with their mentorship, it appears here.</p></div>{{/REPORTS_NONE}}
<ul class="stack list-plain">
{{#REPORTS}}<li><article class="card"><div class="card-head"><h2><span class="badge warning">{{KIND_LABEL}}</span> from {{REPORTER}}</h2><a href="/admin/mentorships/{{MID}}">{{MENTOR}} mentoring {{MENTEE}}</a></div>
<p>{{BODY}}</p><p class="small muted">Reported {{SINCE_DATE}}{{#IS_CLOSED}}; closed {{CLOSED_DATE}} by {{CLOSER}}{{/IS_CLOSED}}</p>
<form method="post" action="/admin/reports/{{ID}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field"><label for="note-{{ID}}">Admin note</label><textarea id="note-{{ID}}" name="note">{{NOTE:pre_escape}}</textarea></div>
{{#NOT_CLOSED}}<label class="check"><input type="checkbox" name="close" value="1"> Close this report</label>{{/NOT_CLOSED}}{{#IS_CLOSED}}<label class="check"><input type="checkbox" name="reopen" value="1"> Reopen this report</label>{{/IS_CLOSED}}
<div class="actions"><button class="btn-primary">Save</button></div></form></article></li>{{/REPORTS}}
</ul>
