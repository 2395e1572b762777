{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/roadmaps">Roadmaps</a></li><li><a href="/roadmaps/{{ID}}">{{RM_TITLE}}</a></li></ol></nav>
<h1>Edit milestone</h1>
{{#ERRORS}}
<div class="errors" role="alert"><h2>The milestone was not saved</h2><p>Please correct the fields marked below.</p></div>
{{/ERRORS}}
<form method="post" action="/roadmaps/{{ID}}/milestones/{{MID}}" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#TITLE_ERROR}} has-error{{/TITLE_ERROR}}">
<label for="title">Title</label>
<input type="text" id="title" name="title" value="{{TITLE}}" maxlength="200" required{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="title-error"{{/TITLE_ERROR}}>
{{#TITLE_ERROR}}<p class="field-error" id="title-error">{{MESSAGE}}</p>{{/TITLE_ERROR}}
</div>
<div class="field{{#DESCRIPTION_ERROR}} has-error{{/DESCRIPTION_ERROR}}">
<label for="description">Description <span class="optional">(optional; Markdown)</span></label>
<textarea id="description" name="description" rows="6" maxlength="4000"{{#DESCRIPTION_ERROR}} aria-invalid="true" aria-describedby="description-error"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION:pre_escape}}</textarea>
{{#DESCRIPTION_ERROR}}<p class="field-error" id="description-error">{{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
</div>
<div class="field{{#WEEK_OFFSET_ERROR}} has-error{{/WEEK_OFFSET_ERROR}}">
<label for="week_offset">Weeks from the start</label>
<span class="hint" id="week_offset-hint">0 for the first week, up to 520 (ten years).</span>
<input type="number" class="input-short" id="week_offset" name="week_offset" value="{{WEEK_OFFSET}}" min="0" max="520" required aria-describedby="week_offset-hint{{#WEEK_OFFSET_ERROR}} week_offset-error{{/WEEK_OFFSET_ERROR}}"{{#WEEK_OFFSET_ERROR}} aria-invalid="true"{{/WEEK_OFFSET_ERROR}}>
{{#WEEK_OFFSET_ERROR}}<p class="field-error" id="week_offset-error">{{MESSAGE}}</p>{{/WEEK_OFFSET_ERROR}}
</div>
<div class="field{{#STAGE_ERROR}} has-error{{/STAGE_ERROR}}">
<label for="stage">Stage <span class="optional">(optional)</span></label>
<select id="stage" name="stage"{{#STAGE_ERROR}} aria-invalid="true" aria-describedby="stage-error"{{/STAGE_ERROR}}>
<option value="">Any stage</option>
<option value="initiation"{{#STAGE_INITIATION}} selected{{/STAGE_INITIATION}}>Initiation</option>
<option value="cultivation"{{#STAGE_CULTIVATION}} selected{{/STAGE_CULTIVATION}}>Cultivation</option>
<option value="separation"{{#STAGE_SEPARATION}} selected{{/STAGE_SEPARATION}}>Separation</option>
</select>
{{#STAGE_ERROR}}<p class="field-error" id="stage-error">{{MESSAGE}}</p>{{/STAGE_ERROR}}
</div>
<div class="actions">
<button class="btn btn-primary">Save milestone</button>
<a class="btn btn-secondary" href="/roadmaps/{{ID}}">Cancel</a>
</div>
</form>
