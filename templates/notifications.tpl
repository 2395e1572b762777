{{%AUTOESCAPE context="HTML"}}
<div class="page-head"><h1>Notifications</h1><p class="lead">What happened in your mentorships, threads and programmes. Opening one marks it read.</p></div>
{{#READ_ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/READ_ERROR}}
{{#ANY_UNREAD}}<form method="post" action="/notifications" class="notif-actions"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="read" value="all"><button class="btn-secondary btn-small">Mark all read</button></form>{{/ANY_UNREAD}}
{{#NONE}}<div class="empty"><h2>Nothing yet</h2><p>When something happens in your mentorships, threads or programmes, it shows here and in your e-mail.</p></div>{{/NONE}}
<ul class="list notif-list">
{{#ITEMS}}<li class="notif{{#UNREAD}} unread{{/UNREAD}}" id="notification-{{ID}}"><a class="title" href="{{URL}}">{{TITLE}}</a>
<span class="meta">{{WHEN}}{{#UNREAD}} · <strong>Unread</strong> · <form method="post" action="/notifications" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="read" value="{{ID}}"><button class="btn-link">Mark read<span class="visually-hidden">: {{TITLE}}</span></button></form>{{/UNREAD}}</span></li>
{{/ITEMS}}
</ul>
{{#OLDER}}<p class="pager"><a href="/notifications?before={{BEFORE}}">Older notifications</a></p>{{/OLDER}}
