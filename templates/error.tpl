{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1><p>{{MESSAGE}}</p>
