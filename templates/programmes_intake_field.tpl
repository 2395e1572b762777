{{%AUTOESCAPE context="HTML"}}
<div class="field{{#Q_ERROR}} has-error{{/Q_ERROR}}" data-audience="{{Q_AUDIENCE}}">
{{#IS_SHORT}}<label for="{{Q_NAME}}">{{Q_PROMPT}}{{#Q_OPTIONAL}} <span class="optional">(optional)</span>{{/Q_OPTIONAL}}</label>{{/IS_SHORT}}
{{#IS_LONG}}<label for="{{Q_NAME}}">{{Q_PROMPT}}{{#Q_OPTIONAL}} <span class="optional">(optional)</span>{{/Q_OPTIONAL}}</label>{{/IS_LONG}}
{{#IS_CHOICE}}<p class="label" id="{{Q_NAME}}-label">{{Q_PROMPT}}{{#Q_OPTIONAL}} <span class="optional">(optional)</span>{{/Q_OPTIONAL}}</p>{{/IS_CHOICE}}
{{#FOR}}<p class="hint">{{Q_FOR}} only.</p>{{/FOR}}
{{#Q_SHARED}}<p class="hint">Shown to your pair too: the person you are proposed to, or asked by, in the programme reads this answer.</p>{{/Q_SHARED}}
{{#Q_SHARED_NEXT}}<p class="hint">Your answer so far is for the organisers alone; a changed answer is shown to your pair too (the person you are proposed to, or asked by).</p>{{/Q_SHARED_NEXT}}
{{#Q_ERROR}}<p class="field-error" id="{{Q_NAME}}-error">{{MESSAGE}}</p>{{/Q_ERROR}}
{{#IS_SHORT}}<input type="text" id="{{Q_NAME}}" name="{{Q_NAME}}" maxlength="200" value="{{Q_VALUE}}"{{#Q_ERROR}} aria-invalid="true" aria-describedby="{{Q_NAME}}-error"{{/Q_ERROR}}>{{/IS_SHORT}}
{{#IS_LONG}}<textarea id="{{Q_NAME}}" name="{{Q_NAME}}" rows="4"{{#Q_ERROR}} aria-invalid="true" aria-describedby="{{Q_NAME}}-error"{{/Q_ERROR}}>{{Q_VALUE:pre_escape}}</textarea>{{/IS_LONG}}
{{#IS_CHOICE}}<div class="checks" role="radiogroup" aria-labelledby="{{Q_NAME}}-label">{{#OPTION}}<label class="check"><input type="radio" id="{{OPT_ID}}" name="{{Q_NAME}}" value="{{OPT_VALUE}}"{{#OPT_CHECKED}} checked{{/OPT_CHECKED}}> <span>{{OPT_VALUE}}{{#OPT_GONE}} <span class="muted">(your answer; no longer offered)</span>{{/OPT_GONE}}</span></label>{{/OPTION}}{{#NO_ANSWER}}<label class="check"><input type="radio" id="{{Q_NAME}}-none" name="{{Q_NAME}}" value=""{{#NONE_CHECKED}} checked{{/NONE_CHECKED}}> <span>No answer</span></label>{{/NO_ANSWER}}</div>{{/IS_CHOICE}}
</div>
