{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumb" aria-label="Breadcrumb"><a href="/programmes">Programmes</a> › <a href="/programmes/{{PROG_SLUG}}">{{PROG_NAME}}</a></nav>
{{#ORGANISER}}<nav class="tabs" aria-label="Manage the programme"><a href="/programmes/{{PROG_SLUG}}">Overview</a><a href="/programmes/{{PROG_SLUG}}/dashboard">Dashboard</a><a href="/programmes/{{PROG_SLUG}}/participants">Participants</a><a href="/programmes/{{PROG_SLUG}}/invitations">Invitations</a><a href="/programmes/{{PROG_SLUG}}/settings">Settings</a></nav>{{/ORGANISER}}
