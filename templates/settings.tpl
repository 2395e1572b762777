{{%AUTOESCAPE context="HTML"}}
<div class="page-head">
<div>
<h1>Settings</h1>
<p>Your public profile is what mentors and mentees see. <a href="{{PROFILE_URL}}">View your profile</a>.</p>
</div>
</div>

<div class="cols">
<div class="stack-lg">
<form method="post" action="/settings" class="form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#ERRORS}}
<div class="errors" role="alert" tabindex="-1">
<h2>There is a problem</h2>
<p>Check the fields marked below; nothing was saved yet.</p>
</div>
{{/ERRORS}}

<fieldset class="plain">
<legend><h2>Profile</h2></legend>

<div class="field{{#DISPLAY_NAME_ERROR}} has-error{{/DISPLAY_NAME_ERROR}}">
<label for="display_name">Display name</label>
{{#DISPLAY_NAME_ERROR}}<p class="field-error" id="display_name-error">{{MESSAGE}}</p>{{/DISPLAY_NAME_ERROR}}
<input type="text" id="display_name" name="display_name" value="{{DISPLAY_NAME}}" maxlength="80" autocomplete="name" required{{#DISPLAY_NAME_ERROR}} aria-invalid="true" aria-describedby="display_name-error"{{/DISPLAY_NAME_ERROR}}>
</div>

<div class="field{{#HEADLINE_ERROR}} has-error{{/HEADLINE_ERROR}}">
<label for="headline">Headline <span class="optional">(optional)</span></label>
<span class="hint" id="headline-hint">One line under your name, such as “Engineering director, ex-Spotify”.</span>
{{#HEADLINE_ERROR}}<p class="field-error" id="headline-error">{{MESSAGE}}</p>{{/HEADLINE_ERROR}}
<input type="text" id="headline" name="headline" value="{{HEADLINE}}" maxlength="140" aria-describedby="headline-hint{{#HEADLINE_ERROR}} headline-error{{/HEADLINE_ERROR}}"{{#HEADLINE_ERROR}} aria-invalid="true"{{/HEADLINE_ERROR}}>
</div>

<div class="field{{#BIO_ERROR}} has-error{{/BIO_ERROR}}">
<label for="bio">Bio <span class="optional">(optional)</span></label>
<span class="hint" id="bio-hint">What you have done and what you can help with. Markdown works.</span>
{{#BIO_ERROR}}<p class="field-error" id="bio-error">{{MESSAGE}}</p>{{/BIO_ERROR}}
<textarea id="bio" name="bio" maxlength="5000" rows="8" aria-describedby="bio-hint{{#BIO_ERROR}} bio-error{{/BIO_ERROR}}"{{#BIO_ERROR}} aria-invalid="true"{{/BIO_ERROR}}>{{BIO:pre_escape}}</textarea>
</div>

<div class="field{{#SKILLS_ERROR}} has-error{{/SKILLS_ERROR}}">
<label for="skills">Skills <span class="optional">(optional)</span></label>
<span class="hint" id="skills-hint">Separate skills with commas, such as “hiring, leadership, go”. Up to 20, each up to 40 characters.</span>
{{#SKILLS_ERROR}}<p class="field-error" id="skills-error">{{MESSAGE}}</p>{{/SKILLS_ERROR}}
<input type="text" id="skills" name="skills" value="{{SKILLS}}" aria-describedby="skills-hint{{#SKILLS_ERROR}} skills-error{{/SKILLS_ERROR}}"{{#SKILLS_ERROR}} aria-invalid="true"{{/SKILLS_ERROR}}>
</div>

<div class="field{{#LOOKING_FOR_ERROR}} has-error{{/LOOKING_FOR_ERROR}}">
<label for="looking_for">Looking for <span class="optional">(optional)</span></label>
<span class="hint" id="looking_for-hint">The skills you want to learn, separated by commas, such as “fundraising, public speaking”. Menteo suggests mentors who have them.</span>
{{#LOOKING_FOR_ERROR}}<p class="field-error" id="looking_for-error">{{MESSAGE}}</p>{{/LOOKING_FOR_ERROR}}
<input type="text" id="looking_for" name="looking_for" value="{{LOOKING_FOR}}" aria-describedby="looking_for-hint{{#LOOKING_FOR_ERROR}} looking_for-error{{/LOOKING_FOR_ERROR}}"{{#LOOKING_FOR_ERROR}} aria-invalid="true"{{/LOOKING_FOR_ERROR}}>
</div>

<div class="field{{#LANGUAGES_ERROR}} has-error{{/LANGUAGES_ERROR}}">
<label for="languages">Languages <span class="optional">(optional)</span></label>
<span class="hint" id="languages-hint">The languages you speak, separated by commas, such as “English, Español”. Shown on your profile; mentees and mentors with none in common are not suggested to each other.</span>
{{#LANGUAGES_ERROR}}<p class="field-error" id="languages-error">{{MESSAGE}}</p>{{/LANGUAGES_ERROR}}
<input type="text" id="languages" name="languages" maxlength="200" value="{{LANGUAGES}}" aria-describedby="languages-hint{{#LANGUAGES_ERROR}} languages-error{{/LANGUAGES_ERROR}}"{{#LANGUAGES_ERROR}} aria-invalid="true"{{/LANGUAGES_ERROR}}>
</div>

<div class="field{{#TIMEZONE_ERROR}} has-error{{/TIMEZONE_ERROR}}">
<label for="timezone">Time zone</label>
<span class="hint" id="timezone-hint">Dates, meetings and reminders are shown in it. Choose the city nearest to you; type a city's name to jump to it.</span>
{{#TIMEZONE_ERROR}}<p class="field-error" id="timezone-error">{{MESSAGE}}</p>{{/TIMEZONE_ERROR}}
<select id="timezone" name="timezone" required{{#ZONE_GUESS}} data-zone-guess="1"{{/ZONE_GUESS}} aria-describedby="timezone-hint{{#TIMEZONE_ERROR}} timezone-error{{/TIMEZONE_ERROR}}"{{#TIMEZONE_ERROR}} aria-invalid="true"{{/TIMEZONE_ERROR}}>
<option value="UTC"{{#UTC_SELECTED}} selected{{/UTC_SELECTED}}>UTC (Coordinated Universal Time)</option>
{{#OTHER_ZONE}}<optgroup label="As you typed it">{{#ZONE_OPT}}<option value="{{ZONE}}" selected>{{ZONE_LABEL}}</option>{{/ZONE_OPT}}</optgroup>{{/OTHER_ZONE}}
{{#REGION}}<optgroup label="{{REGION_LABEL}}">
{{#ZONE_OPT}}<option value="{{ZONE}}"{{#ZONE_SELECTED}} selected{{/ZONE_SELECTED}}>{{ZONE_LABEL}}</option>
{{/ZONE_OPT}}</optgroup>
{{/REGION}}
</select>
</div>

<div class="field{{#SLUG_ERROR}} has-error{{/SLUG_ERROR}}">
<label for="slug">Profile address</label>
<span class="hint" id="slug-hint">Your profile lives at /people/<em>address</em>: 3 to 40 lower-case letters, digits and dashes.</span>
{{#SLUG_ERROR}}<p class="field-error" id="slug-error">{{MESSAGE}}</p>{{/SLUG_ERROR}}
<input type="text" id="slug" name="slug" value="{{SLUG}}" maxlength="40" required aria-describedby="slug-hint{{#SLUG_ERROR}} slug-error{{/SLUG_ERROR}}"{{#SLUG_ERROR}} aria-invalid="true"{{/SLUG_ERROR}}>
</div>
</fieldset>

<fieldset class="plain">
<legend><h2>Mentoring</h2></legend>
<div class="field{{#MENTOR_ERROR}} has-error{{/MENTOR_ERROR}}">
{{#MENTOR_ERROR}}<p class="field-error" id="mentor-error">{{MESSAGE}}</p>{{/MENTOR_ERROR}}
<label class="check" for="mentor"><input type="checkbox" id="mentor" name="mentor" value="1"{{#MENTOR_ERROR}} aria-invalid="true" aria-describedby="mentor-error"{{/MENTOR_ERROR}}{{#MENTOR_CHECKED}} checked{{/MENTOR_CHECKED}}> I mentor <span class="hint">You appear in the mentor directory while you have room for another mentee.</span></label>
</div>
<div class="field{{#CAPACITY_ERROR}} has-error{{/CAPACITY_ERROR}}">
<label for="capacity">How many mentees at most</label>
<span class="hint" id="capacity-hint">From 0 to 20. Mentorships in initiation, cultivation and separation count.</span>
{{#CAPACITY_ERROR}}<p class="field-error" id="capacity-error">{{MESSAGE}}</p>{{/CAPACITY_ERROR}}
<input type="number" id="capacity" name="capacity" value="{{CAPACITY}}" min="0" max="20" aria-describedby="capacity-hint{{#CAPACITY_ERROR}} capacity-error{{/CAPACITY_ERROR}}"{{#CAPACITY_ERROR}} aria-invalid="true"{{/CAPACITY_ERROR}}>
</div>
</fieldset>

<div class="actions">
<button type="submit" class="btn-primary">Save profile</button>
</div>
</form>

<section class="card" id="notifications" aria-labelledby="notify-heading">
<h2 id="notify-heading">E-mail notifications</h2>
<p>Choose which e-mails Menteo sends you. Mail about your account itself, such as confirming your address or resetting your password, always arrives.</p>
<form method="post" action="/settings/notifications" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset class="plain">
<legend class="visually-hidden">E-mails you receive</legend>
<ul class="checks">
{{#NOTIFY}}<li><label class="check" for="notify-{{KIND}}"><input type="checkbox" id="notify-{{KIND}}" name="notify" value="{{KIND}}"{{#NOTIFY_ON}} checked{{/NOTIFY_ON}}> <span><strong>{{LABEL}}</strong>: {{HINT}}</span></label></li>
{{/NOTIFY}}
</ul>
</fieldset>
<div class="actions"><button type="submit" class="btn-primary">Save e-mail choices</button></div>
</form>
</section>

<section class="card" id="calendar" aria-labelledby="calendar-heading">
<h2 id="calendar-heading">Calendar feed</h2>
<p>Subscribe to this private address in your calendar app to see your meetings, milestone due dates and review dates. Anyone who has the address can read the feed, so keep it to yourself.</p>
<div class="field">
<label for="calendar-url">Your calendar address</label>
<input type="text" id="calendar-url" class="mono" value="{{CALENDAR_URL}}" readonly>
</div>
<form method="post" action="/settings/calendar" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="actions"><button type="submit" data-confirm="The current address will stop working. Make a new one?">Make a new secret link</button></div>
</form>
</section>
</div>

<aside class="sidebar">
<nav class="card" aria-labelledby="account-heading">
<h2 id="account-heading">Account</h2>
<ul class="list">
<li><a href="/settings/password">Change password</a></li>
<li><a href="/settings/email">Change e-mail address</a></li>
<li><a href="/settings/sessions">Signed-in devices</a></li>
</ul>
</nav>
<nav class="card" aria-labelledby="data-heading">
<h2 id="data-heading">Your data</h2>
<ul class="list">
<li><a href="/settings/export">Download everything (JSON)</a></li>
<li><a href="/settings/delete">Delete your account</a></li>
</ul>
</nav>
</aside>
</div>
