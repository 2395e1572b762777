{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{TITLE}} · Menteo</title>
<link rel="stylesheet" href="/static/menteo.css"></head>
<body><header><a href="/">Menteo</a>{{#SIGNED_IN}} {{USER_NAME}}{{/SIGNED_IN}}</header>
<main id="main">{{#FLASH}}<p class="flash" role="status">{{FLASH_TEXT}}</p>{{/FLASH}}{{>CONTENT}}</main></body></html>
