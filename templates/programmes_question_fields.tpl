{{%AUTOESCAPE context="HTML"}}
<div class="field{{#QUESTION_ERROR}} has-error{{/QUESTION_ERROR}}">
<label for="question">Question</label>
{{#QUESTION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/QUESTION_ERROR}}
<input type="text" id="question" name="question" maxlength="300" value="{{QUESTION}}">
</div>
<div class="row">
<div class="field{{#KIND_ERROR}} has-error{{/KIND_ERROR}}">
<label for="kind">Answer</label>
{{#KIND_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/KIND_ERROR}}
<select id="kind" name="kind">
<option value="short"{{#KIND_SHORT}} selected{{/KIND_SHORT}}>A short text</option>
<option value="long"{{#KIND_LONG}} selected{{/KIND_LONG}}>A longer text</option>
<option value="choice"{{#KIND_CHOICE}} selected{{/KIND_CHOICE}}>One of several choices</option>
</select>
</div>
<div class="field{{#AUDIENCE_ERROR}} has-error{{/AUDIENCE_ERROR}}">
<label for="audience">Asked of</label>
{{#AUDIENCE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/AUDIENCE_ERROR}}
<select id="audience" name="audience">
<option value="both"{{#AUDIENCE_BOTH}} selected{{/AUDIENCE_BOTH}}>Everyone</option>
<option value="mentee"{{#AUDIENCE_MENTEE}} selected{{/AUDIENCE_MENTEE}}>Mentees</option>
<option value="mentor"{{#AUDIENCE_MENTOR}} selected{{/AUDIENCE_MENTOR}}>Mentors</option>
</select>
</div>
</div>
<div class="field{{#CHOICES_ERROR}} has-error{{/CHOICES_ERROR}}">
<label for="choices">Choices <span class="optional">(for “one of several choices”: one a line)</span></label>
{{#CHOICES_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CHOICES_ERROR}}
<textarea id="choices" name="choices" rows="3">{{CHOICES:pre_escape}}</textarea>
</div>
<div class="field{{#OPTIONAL_ERROR}} has-error{{/OPTIONAL_ERROR}}">
{{#OPTIONAL_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OPTIONAL_ERROR}}
<label class="check"><input type="checkbox" id="optional" name="optional" value="1"{{#OPTIONAL_CHECKED}} checked{{/OPTIONAL_CHECKED}}> <span>Optional: whoever joins may leave it blank</span></label>
</div>
<div class="field">
<label class="check"><input type="checkbox" id="shared" name="shared" value="1"{{#SHARED_CHECKED}} checked{{/SHARED_CHECKED}}> <span>Shown to the pair: whoever someone is proposed to, or asked by, reads their answer (the form says so; answers given before it is ticked stay yours alone)</span></label>
</div>
