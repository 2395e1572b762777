{{%AUTOESCAPE context="HTML"}}
<p class="muted small">The {{SHOWN}} pairs waiting longest of {{TOTAL}} are listed.</p>
