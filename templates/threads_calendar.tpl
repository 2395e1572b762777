{{%AUTOESCAPE context="HTML"}}
<section class="calendar" aria-labelledby="calendar-heading"><h2 id="calendar-heading" class="visually-hidden">Days with entries</h2>{{CAL_HTML:none}}<p class="muted small">{{CAL_TEXT}}</p>
<details class="cal-list"><summary>Day by day <span class="muted">(dates in {{CAL_ZONE}})</span></summary><ul>{{#CAL_DAY}}<li><time datetime="{{ISO}}">{{DAY}}</time>: {{ENTRIES}}</li>{{/CAL_DAY}}</ul></details></section>
