{{%AUTOESCAPE context="HTML"}}
<p>To write to the organisers: {{#ORGANISER}}<a href="mailto:{{EMAIL}}">{{NAME}}</a> ({{EMAIL}}){{#ORGANISER_separator}}, {{/ORGANISER_separator}}{{/ORGANISER}}.</p>
