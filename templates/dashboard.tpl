{{%AUTOESCAPE context="HTML"}}<h1>Menteo</h1>
