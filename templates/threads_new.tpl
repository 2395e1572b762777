{{%AUTOESCAPE context="HTML"}}
{{#NEW}}<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/threads">Growth Threads</a></li><li>New thread</li></ol></nav>
<h1>Start a thread</h1>{{/NEW}}
{{#EDIT}}<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/threads">Growth Threads</a></li><li><a href="/threads/{{THREAD_ID}}">{{THREAD_TITLE}}</a></li><li>Edit</li></ol></nav>
<h1>Edit the thread</h1>{{/EDIT}}
{{#ERRORS}}
<div class="errors" role="alert" tabindex="-1"><h2>There is a problem</h2>
<ul>
{{#TITLE_ERROR}}<li><a href="#title">Title: {{MESSAGE}}</a></li>{{/TITLE_ERROR}}
{{#PURPOSE_ERROR}}<li><a href="#purpose">Purpose: {{MESSAGE}}</a></li>{{/PURPOSE_ERROR}}
{{#VISIBILITY_ERROR}}<li><a href="#vis-private">Who can read it: {{MESSAGE}}</a></li>{{/VISIBILITY_ERROR}}
{{#MENTORSHIP_ERROR}}<li><a href="#mentorship">Mentorship: {{MESSAGE}}</a></li>{{/MENTORSHIP_ERROR}}
</ul></div>
{{/ERRORS}}
<form method="post" action="{{#NEW}}/threads/new{{/NEW}}{{#EDIT}}/threads/{{THREAD_ID}}/edit{{/EDIT}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#TITLE_ERROR}} has-error{{/TITLE_ERROR}}">
<label for="title">Title</label>
<p class="hint" id="title-hint">The question or skill this thread follows, e.g. “Learning to delegate”. Up to 120 characters.</p>
{{#TITLE_ERROR}}<p class="field-error" id="title-error">{{MESSAGE}}</p>{{/TITLE_ERROR}}
<input type="text" id="title" name="title" maxlength="120" required value="{{TITLE}}" aria-describedby="title-hint{{#TITLE_ERROR}} title-error{{/TITLE_ERROR}}"{{#TITLE_ERROR}} aria-invalid="true"{{/TITLE_ERROR}}>
</div>
<div class="field{{#PURPOSE_ERROR}} has-error{{/PURPOSE_ERROR}}">
<label for="purpose">Purpose <span class="optional">(optional)</span></label>
<p class="hint" id="purpose-hint">Why you keep it and what you hope to learn. Markdown works. Up to 2,000 characters.</p>
{{#PURPOSE_ERROR}}<p class="field-error" id="purpose-error">{{MESSAGE}}</p>{{/PURPOSE_ERROR}}
<textarea id="purpose" name="purpose" rows="4" aria-describedby="purpose-hint{{#PURPOSE_ERROR}} purpose-error{{/PURPOSE_ERROR}}"{{#PURPOSE_ERROR}} aria-invalid="true"{{/PURPOSE_ERROR}}>{{PURPOSE:pre_escape}}</textarea>
</div>
<fieldset class="field{{#VISIBILITY_ERROR}} has-error{{/VISIBILITY_ERROR}}"{{#VISIBILITY_ERROR}} aria-describedby="visibility-error"{{/VISIBILITY_ERROR}}>
<legend>Who can read it</legend>
{{#VISIBILITY_ERROR}}<p class="field-error" id="visibility-error">{{MESSAGE}}</p>{{/VISIBILITY_ERROR}}
<div class="checks">
<label class="check"><input type="radio" id="vis-private" name="visibility" value="private"{{#VISIBILITY_PRIVATE}} checked{{/VISIBILITY_PRIVATE}}> <span><strong>Private</strong>: only you.</span></label>
<label class="check"><input type="radio" id="vis-mentorship" name="visibility" value="mentorship"{{#VISIBILITY_MENTORSHIP}} checked{{/VISIBILITY_MENTORSHIP}}> <span><strong>Mentorship</strong>: you and the other member of the mentorship chosen below.</span></label>
<label class="check"><input type="radio" id="vis-public" name="visibility" value="public"{{#VISIBILITY_PUBLIC}} checked{{/VISIBILITY_PUBLIC}}> <span><strong>Public</strong>: anyone, on your profile and in an Atom feed.</span></label>
</div>
</fieldset>
<div class="field{{#MENTORSHIP_ERROR}} has-error{{/MENTORSHIP_ERROR}}">
<label for="mentorship">Linked mentorship <span class="optional">(required for “Mentorship”)</span></label>
<p class="hint" id="mentorship-hint">The mentor of a linked mentorship can leave feedback on the entries they can read, and public entries appear in the mentorship's record of achievement.</p>
{{#MENTORSHIP_ERROR}}<p class="field-error" id="mentorship-error">{{MESSAGE}}</p>{{/MENTORSHIP_ERROR}}
<select id="mentorship" name="mentorship" aria-describedby="mentorship-hint{{#MENTORSHIP_ERROR}} mentorship-error{{/MENTORSHIP_ERROR}}"{{#MENTORSHIP_ERROR}} aria-invalid="true"{{/MENTORSHIP_ERROR}}>
<option value="">None</option>
{{#MSHIP_OPTION}}<option value="{{OPT_ID}}"{{#OPT_SELECTED}} selected{{/OPT_SELECTED}}>{{OPT_LABEL}}</option>
{{/MSHIP_OPTION}}
</select>
{{#NO_MENTORSHIPS}}<p class="hint">You have no mentorships yet, so a thread can be private or public for now.</p>{{/NO_MENTORSHIPS}}
</div>
<div class="actions">
{{#NEW}}<button class="btn-primary">Start the thread</button>
<a href="/threads">Cancel</a>{{/NEW}}
{{#EDIT}}<button class="btn-primary">Save the thread</button>
<a href="/threads/{{THREAD_ID}}">Cancel</a>{{/EDIT}}
</div>
</form>
