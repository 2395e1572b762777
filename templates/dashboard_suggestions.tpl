{{%AUTOESCAPE context="HTML"}}
<section class="section" aria-labelledby="for-you-h" id="for-you">
<h2 id="for-you-h">Mentors for you</h2>
{{>SUGGESTIONS}}
<p><a href="/people/suggestions">More suggestions, and why</a></p>
</section>
