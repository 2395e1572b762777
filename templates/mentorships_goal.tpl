{{%AUTOESCAPE context="HTML"}}
<li class="{{STATUS}}"><span class="title">{{TITLE}}</span> <span class="badge">{{STATUS_LABEL}}</span>
<span class="meta">Measured by: {{MEASURE}}{{#TARGET}} · target {{TARGET_DATE}}{{/TARGET}}</span>
{{#REVIEW_NOTE}}<p class="note">{{TEXT}}</p>{{/REVIEW_NOTE}}</li>
