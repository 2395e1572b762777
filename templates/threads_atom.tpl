{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>{{FEED_ID}}</id>
<title type="text">{{FEED_TITLE}}</title>
{{#SUBTITLE}}<subtitle type="text">{{FEED_SUBTITLE}}</subtitle>
{{/SUBTITLE}}
<updated>{{UPDATED}}</updated>
<author><name>{{AUTHOR_NAME}}</name><uri>{{AUTHOR_URI}}</uri></author>
<link rel="self" type="application/atom+xml" href="{{SELF_URL}}"/>
<link rel="alternate" type="text/html" href="{{ALT_URL}}"/>
<generator>Menteo</generator>
{{#ENTRY}}
<entry>
<id>{{ENTRY_ID}}</id>
<title type="text">{{ENTRY_TITLE}}</title>
<link rel="alternate" type="text/html" href="{{ENTRY_URL}}"/>
<published>{{PUBLISHED}}</published>
<updated>{{ENTRY_UPDATED}}</updated>
<category term="{{ENTRY_KIND}}" label="{{ENTRY_KIND_LABEL}}"/>
<content type="html">{{CONTENT}}</content>
</entry>
{{/ENTRY}}
</feed>
