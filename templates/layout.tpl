{{%AUTOESCAPE context="HTML"}}
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{#FORM_ERROR}}Error: {{/FORM_ERROR}}{{TITLE}} · Menteo</title>
<meta name="description" content="Menteo is structured mentorship: a written contract with measurable goals, a roadmap, a private room and a learning journal, with reminders that keep both people accountable.">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/static/menteo.css">
<script src="/static/menteo.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<div class="container">
<a class="brand" href="/"><svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true"><rect width="32" height="32" rx="8" fill="currentColor"/><path d="M7 23l6-6 5 3 7-10" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/><circle cx="7" cy="23" r="2.6" fill="#fff"/><circle cx="13" cy="17" r="2.6" fill="#fff"/><circle cx="18" cy="20" r="2.6" fill="#fff"/><circle cx="25" cy="10" r="2.6" fill="#fff"/></svg><span>Menteo</span></a>
{{#NOTIFICATIONS}}<a class="notif-link" href="/notifications"><svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15zM10 20.5a2 2 0 0 0 4 0" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round" stroke-linecap="round"/></svg><span class="notif-label">Notifications</span>{{#UNREAD}} <span class="badge">{{UNREAD_COUNT}}<span class="visually-hidden"> unread</span></span>{{/UNREAD}}</a>{{/NOTIFICATIONS}}
{{#SIGNED_IN}}<details class="account-menu">
<summary><svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><circle cx="12" cy="8.5" r="4" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M4.5 20a7.5 7.5 0 0 1 15 0" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg><span class="account-name">{{USER_NAME}}</span><span class="visually-hidden">: your account</span></summary>
<div class="account-panel">
<p>Signed in as <a class="user" href="/people/{{USER_SLUG}}" title="Your public profile">{{USER_NAME}}</a></p>
<ul>
<li><a href="/people/{{USER_SLUG}}">Your public profile</a></li>
<li><a href="/settings">Settings</a></li>
{{#ADMIN}}<li><a href="/admin">Admin</a></li>{{/ADMIN}}
<li><form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button class="btn-link">Sign out</button></form></li>
</ul>
</div>
</details>{{/SIGNED_IN}}
<a class="menu-toggle" href="#site-nav" aria-controls="site-nav"><span class="menu-icon" aria-hidden="true"></span><span class="menu-label">Menu</span></a>
<nav class="site-nav" id="site-nav" aria-label="Main">
<ul>
{{#SIGNED_IN}}
<li><a href="/">Dashboard</a></li>
<li><a href="/people">Mentors</a></li>
<li><a href="/mentorships">Mentorships</a></li>
<li><a href="/roadmaps">Roadmaps</a></li>
<li><a href="/threads">Threads</a></li>
<li><a href="/programmes">Programmes</a></li>
{{/SIGNED_IN}}
{{#SIGNED_OUT}}
<li><a href="/people">Mentors</a></li>
<li><a href="/roadmaps">Roadmaps</a></li>
<li class="push"><a href="/login">Sign in</a></li>
<li><a class="btn btn-primary" href="/signup">Sign up</a></li>
{{/SIGNED_OUT}}
<li class="menu-close"><a href="#main">Close the menu</a></li>
</ul>
</nav>
</div>
</header>
<main id="main" tabindex="-1">
{{#UNVERIFIED}}
<div class="banner">
<p>Confirm your e-mail address to request or accept mentorships.</p>
<form method="post" action="/verify/resend" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="next" value="{{HERE}}"><button class="btn-secondary btn-small">Send the link again</button></form>
</div>
{{/UNVERIFIED}}
{{#FLASH}}
<p class="flash" role="status">{{FLASH_TEXT}}</p>
{{/FLASH}}
{{>CONTENT}}
</main>
<footer class="site-footer">
<div class="container">
<p><strong>Menteo</strong> · structured mentorship: a contract, a roadmap, and someone who checks in.</p>
<nav aria-label="Footer">
<ul>
<li><a href="/people">Mentors</a></li>
<li><a href="/roadmaps">Roadmaps</a></li>
{{#SIGNED_IN}}
<li><a href="/mentorships">Mentorships</a></li>
<li><a href="/settings">Settings and data export</a></li>
{{/SIGNED_IN}}
{{#SIGNED_OUT}}
<li><a href="/signup">Sign up</a></li>
<li><a href="/login">Sign in</a></li>
{{/SIGNED_OUT}}
</ul>
</nav>
</div>
</footer>
</body>
</html>
