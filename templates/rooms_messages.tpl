{{%AUTOESCAPE context="HTML"}}
<ol class="messages">
{{#MESSAGES}}
{{#UNREAD_MARKER}}<li class="unread-marker" id="new"><span>New messages</span></li>
{{/UNREAD_MARKER}}
<li class="message{{#MINE}} mine{{/MINE}}{{#UNREAD}} unread{{/UNREAD}}" id="m{{ID}}">
<div class="meta"><span class="author">{{AUTHOR}}</span> <a href="#m{{ID}}"><time datetime="{{TIME_ISO}}">{{TIME}}</time></a>{{#EDITED}} <span class="edited" title="Edited {{EDITED_TIME}}">(edited)</span>{{/EDITED}}{{#UNREAD}} <span class="visually-hidden">(new)</span>{{/UNREAD}}
<span class="tools">{{#CAN_REPLY}}<a href="/rooms/{{MENTORSHIP_ID}}?reply_to={{ID}}#composer">Reply<span class="visually-hidden"> to {{AUTHOR}}, {{TIME}}</span></a>{{/CAN_REPLY}}{{#CAN_EDIT}} <a href="/rooms/{{MENTORSHIP_ID}}/messages/{{ID}}/edit">Edit<span class="visually-hidden"> your message of {{TIME}}</span></a>{{/CAN_EDIT}}</span></div>
{{#REPLY}}<blockquote class="reply"><a href="{{REPLY_HREF}}">{{REPLY_AUTHOR}}</a>: {{REPLY_TEXT}}</blockquote>
{{/REPLY}}
<div class="body prose">{{BODY_HTML:none}}</div>
</li>
{{/MESSAGES}}
</ol>
