{{%AUTOESCAPE context="HTML"}}
<section class="calendar" aria-labelledby="calendar-heading"><h2 id="calendar-heading" class="visually-hidden">Days with entries</h2>{{CAL_HTML:none}}<p class="muted small">{{CAL_TEXT}}</p></section>
