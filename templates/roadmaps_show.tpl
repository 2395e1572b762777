{{%AUTOESCAPE context="HTML"}}
<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li><a href="/roadmaps">Roadmaps</a></li></ol></nav>
<div class="page-head">
<div>
<h1>{{RM_TITLE}}</h1>
<p class="small muted">
{{#IS_CURATED}}<span class="badge success">Curated</span> Kept by Menteo's mentors{{/IS_CURATED}}
{{#IS_CUSTOM}}{{#IS_SHARED}}<span class="badge info">Shared</span>{{/IS_SHARED}}{{#IS_PRIVATE}}<span class="badge">Private</span>{{/IS_PRIVATE}} By {{OWNER_NAME}}{{/IS_CUSTOM}}
· {{COUNT}} milestones · updated {{UPDATED}}
{{#COPIED}}· copied from <a href="/roadmaps/{{FROM_ID}}">{{FROM_TITLE}}</a>{{/COPIED}}
</p>
</div>
<div class="actions">
{{#CAN_EDIT}}<a class="btn btn-secondary" href="/roadmaps/{{ID}}/edit">Edit title and summary</a>{{/CAN_EDIT}}
{{#CAN_COPY}}<form method="post" action="/roadmaps/{{ID}}/copy" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><button class="btn btn-primary">Copy to my roadmaps</button></form>{{/CAN_COPY}}
{{#ANON}}<a class="btn btn-primary" href="/login?next=/roadmaps/{{ID}}">Sign in to copy or apply it</a>{{/ANON}}
</div>
</div>
{{#HAS_SUMMARY}}<div class="prose lead">{{SUMMARY_HTML:none}}</div>{{/HAS_SUMMARY}}

<section class="section" aria-labelledby="milestones-heading">
<h2 id="milestones-heading">Milestones</h2>
{{#CAN_EDIT}}<p class="small muted" id="order-note">Milestones are listed by week, as a mentorship lists them by due date. Move up and Move down reorder the milestones of one week; to move one to another week, edit its week.</p>{{/CAN_EDIT}}
{{>STAGE_LEGEND}}
{{#EMPTY}}
<div class="empty"><p>No milestones yet.{{#CAN_EDIT}} Add the first one below.{{/CAN_EDIT}} A roadmap needs at least one milestone before it can be applied to a mentorship.</p></div>
{{/EMPTY}}
<ol class="timeline">
{{#MILESTONES}}
<li id="m{{MID}}">
<p class="when">{{WHEN}}{{#HAS_STAGE}} · <span class="stage-note">during <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span></span>{{/HAS_STAGE}}</p>
<h3>{{N}}. {{M_TITLE}}</h3>
{{#HAS_DESC}}<div class="prose">{{DESCRIPTION_HTML:none}}</div>{{/HAS_DESC}}
{{#TOOLS}}
<div class="actions tight">
<a class="btn btn-secondary btn-small" href="/roadmaps/{{ID}}/milestones/{{MID}}">Edit<span class="visually-hidden"> “{{M_TITLE}}”</span></a>
{{#UP}}<form method="post" action="/roadmaps/{{ID}}/milestones/{{MID}}/move" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="dir" value="up"><button class="btn btn-secondary btn-small">Move up<span class="visually-hidden"> “{{M_TITLE}}”</span></button></form>{{/UP}}
{{#DOWN}}<form method="post" action="/roadmaps/{{ID}}/milestones/{{MID}}/move" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="dir" value="down"><button class="btn btn-secondary btn-small">Move down<span class="visually-hidden"> “{{M_TITLE}}”</span></button></form>{{/DOWN}}
<form method="post" action="/roadmaps/{{ID}}/milestones/{{MID}}/delete" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><button class="btn-link danger" data-confirm="Remove this milestone from the roadmap?">Remove<span class="visually-hidden"> “{{M_TITLE}}”</span></button></form>
</div>
{{/TOOLS}}
</li>
{{/MILESTONES}}
</ol>
</section>

{{#CAN_EDIT}}
<section class="section" aria-labelledby="add-heading">
<h2 id="add-heading">Add a milestone</h2>
{{#ERRORS}}
<div class="errors" role="alert"><h3>The milestone was not added</h3><p>Please correct the fields marked below.</p></div>
{{/ERRORS}}
<form method="post" action="/roadmaps/{{ID}}/milestones" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<div class="field{{#TITLE_ERROR}} has-error{{/TITLE_ERROR}}">
<label for="title">Title</label>
<input type="text" id="title" name="title" value="{{TITLE}}" maxlength="200" required{{#TITLE_ERROR}} aria-invalid="true" aria-describedby="title-error"{{/TITLE_ERROR}}>
{{#TITLE_ERROR}}<p class="field-error" id="title-error">{{MESSAGE}}</p>{{/TITLE_ERROR}}
</div>
<div class="field{{#DESCRIPTION_ERROR}} has-error{{/DESCRIPTION_ERROR}}">
<label for="description">Description <span class="optional">(optional; Markdown)</span></label>
<span class="hint" id="description-hint">What to do, and how you know it is done.</span>
<textarea id="description" name="description" rows="4" maxlength="4000" aria-describedby="description-hint{{#DESCRIPTION_ERROR}} description-error{{/DESCRIPTION_ERROR}}"{{#DESCRIPTION_ERROR}} aria-invalid="true"{{/DESCRIPTION_ERROR}}>{{DESCRIPTION:pre_escape}}</textarea>
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
<div class="actions"><button class="btn btn-primary">Add milestone</button></div>
</form>
</section>
{{/CAN_EDIT}}

{{#APPLY}}
<section class="section" aria-labelledby="apply-heading">
<h2 id="apply-heading">Apply it to a mentorship</h2>
<p class="muted">Its milestones are copied with due dates counted from a start date you choose. Later changes to this roadmap do not change the copy.</p>
<ul class="list">
{{#TO}}
<li><div class="grow"><strong>{{FOCUS}}</strong> <span class="small muted">· with {{OTHER}}, your {{ROLE}}</span></div><a class="btn btn-secondary btn-small" href="/mentorships/{{MID}}/roadmap?roadmap={{RID}}">Apply<span class="visually-hidden"> to “{{FOCUS}}”</span></a></li>
{{/TO}}
</ul>
</section>
{{/APPLY}}

{{#CAN_DELETE}}
<section class="section" aria-labelledby="delete-heading">
<h2 id="delete-heading">Delete this roadmap</h2>
<p class="muted">Mentorships it was applied to keep their milestones.</p>
<form method="post" action="/roadmaps/{{ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><button class="btn btn-danger" data-confirm="Delete this roadmap and its milestones? Mentorships it was applied to keep their own copies.">Delete roadmap</button></form>
</section>
{{/CAN_DELETE}}
