{{%AUTOESCAPE context="HTML"}}
{{#EDITING}}
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/roadmaps">Roadmaps</a></li><li><a href="/roadmaps/{{ID}}">{{RM_TITLE}}</a></li></ol></nav>
<h1>Edit roadmap</h1>
{{/EDITING}}
{{#CREATING}}
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/roadmaps">Roadmaps</a></li></ol></nav>
<h1>Write a roadmap</h1>
<p class="lead">Give it a title and say who it is for. You add the milestones on the next page.</p>
{{/CREATING}}
{{#ERRORS}}
<div class="errors" role="alert"><h2>The roadmap was not saved</h2><p>Please correct the fields marked below.</p></div>
{{/ERRORS}}
<form method="post" action="{{#EDITING}}{{ACTION}}{{/EDITING}}{{#CREATING}}{{ACTION}}{{/CREATING}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#TITLE_ERROR}} has-error{{/TITLE_ERROR}}">
<label for="title">Title</label>
<input type="text" id="title" name="title" value="{{TITLE}}" maxlength="200" required{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="title-error"{{/TITLE_ERROR}}>
{{#TITLE_ERROR}}<p class="field-error" id="title-error">{{MESSAGE}}</p>{{/TITLE_ERROR}}
</div>
<div class="field{{#SUMMARY_ERROR}} has-error{{/SUMMARY_ERROR}}">
<label for="summary">Summary <span class="optional">(optional; Markdown)</span></label>
<span class="hint" id="summary-hint">Who it is for, what it achieves and roughly how long it takes.</span>
<textarea id="summary" name="summary" rows="4" maxlength="2000" aria-describedby="summary-hint{{#SUMMARY_ERROR}} summary-error{{/SUMMARY_ERROR}}"{{#SUMMARY_ERROR}} aria-invalid="true"{{/SUMMARY_ERROR}}>{{SUMMARY:pre_escape}}</textarea>
{{#SUMMARY_ERROR}}<p class="field-error" id="summary-error">{{MESSAGE}}</p>{{/SUMMARY_ERROR}}
</div>
{{#HAS_VISIBILITY}}
<fieldset class="field{{#VISIBILITY_ERROR}} has-error{{/VISIBILITY_ERROR}}"{{#VISIBILITY_ERROR}} aria-describedby="visibility-error"{{/VISIBILITY_ERROR}}>
<legend>Who can see it</legend>
{{#VISIBILITY_ERROR}}<p class="field-error" id="visibility-error">{{MESSAGE}}</p>{{/VISIBILITY_ERROR}}
<div class="checks">
<label class="check" for="visibility-private"><input type="radio" id="visibility-private" name="visibility" value="private"{{#VISIBILITY_PRIVATE}} checked{{/VISIBILITY_PRIVATE}}> Private <span class="hint">Only you can see it and apply it.</span></label>
<label class="check" for="visibility-shared"><input type="radio" id="visibility-shared" name="visibility" value="shared"{{#VISIBILITY_SHARED}} checked{{/VISIBILITY_SHARED}}> Shared <span class="hint">Listed in the library; any member can view, copy and apply it.</span></label>
</div>
</fieldset>
{{/HAS_VISIBILITY}}
{{#ADMIN_CURATED}}
<div class="field">
<label class="check" for="curated"><input type="checkbox" id="curated" name="curated" value="1"{{#CURATED_CHECKED}} checked{{/CURATED_CHECKED}}> Add to the curated library <span class="hint">Administrators only: curated roadmaps are kept by the admins, not by one person.</span></label>
</div>
{{/ADMIN_CURATED}}
<div class="actions">
<button class="btn btn-primary">{{#EDITING}}Save roadmap{{/EDITING}}{{#CREATING}}Create roadmap{{/CREATING}}</button>
{{#EDITING}}<a class="btn btn-secondary" href="/roadmaps/{{ID}}">Cancel</a>{{/EDITING}}
{{#CREATING}}<a class="btn btn-secondary" href="/roadmaps">Cancel</a>{{/CREATING}}
</div>
</form>
