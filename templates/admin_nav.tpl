{{%AUTOESCAPE context="HTML"}}
<div class="tabs-menu">
<a class="tabs-toggle" href="#admin-tabs" aria-controls="admin-tabs"><span class="menu-icon" aria-hidden="true"></span><span class="visually-hidden">Admin sections: </span>{{TAB_CURRENT}}</a>
<nav class="tabs" id="admin-tabs" aria-label="Admin sections"><a href="/admin"{{#TAB_HEALTH}} aria-current="page"{{/TAB_HEALTH}}>Health</a><a href="/admin/reports"{{#TAB_REPORTS}} aria-current="page"{{/TAB_REPORTS}}>Reports ({{OPEN_REPORTS}} open)</a><a href="/admin/outbox"{{#TAB_OUTBOX}} aria-current="page"{{/TAB_OUTBOX}}>Outbox ({{FAILED_MAIL}} failed)</a><a href="/admin/users"{{#TAB_ACCOUNTS}} aria-current="page"{{/TAB_ACCOUNTS}}>Accounts</a><a href="/admin/roadmaps"{{#TAB_ROADMAPS}} aria-current="page"{{/TAB_ROADMAPS}}>Curated roadmaps</a></nav>
</div>
