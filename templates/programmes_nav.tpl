{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/programmes">Programmes</a></li><li><a href="/programmes/{{PROG_SLUG}}">{{PROG_NAME}}</a></li></ol></nav>
{{#ORGANISER}}<div class="tabs-menu">
<a class="tabs-toggle" href="#prog-tabs" aria-controls="prog-tabs"><span class="menu-icon" aria-hidden="true"></span>{{TAB_CURRENT}}</a>
<nav class="tabs" id="prog-tabs" aria-label="Manage the programme"><a href="/programmes/{{PROG_SLUG}}"{{#TAB_OVERVIEW}} aria-current="page"{{/TAB_OVERVIEW}}>Overview</a><a href="/programmes/{{PROG_SLUG}}/dashboard"{{#TAB_DASHBOARD}} aria-current="page"{{/TAB_DASHBOARD}}>Dashboard</a><a href="/programmes/{{PROG_SLUG}}/participants"{{#TAB_PARTICIPANTS}} aria-current="page"{{/TAB_PARTICIPANTS}}>Participants</a><a href="/programmes/{{PROG_SLUG}}/matching"{{#TAB_MATCHING}} aria-current="page"{{/TAB_MATCHING}}>Matching</a><a href="/programmes/{{PROG_SLUG}}/invitations"{{#TAB_INVITATIONS}} aria-current="page"{{/TAB_INVITATIONS}}>Invitations</a><a href="/programmes/{{PROG_SLUG}}/settings"{{#TAB_SETTINGS}} aria-current="page"{{/TAB_SETTINGS}}>Settings</a></nav>
</div>{{/ORGANISER}}
