{{%AUTOESCAPE context="HTML"}}
<div class="hero">
<div>
<p class="eyebrow">Structured mentorship</p>
<h1>Mentorship run like a project, not booked like a call.</h1>
<p class="lead">Menteo gives a mentor and a mentee a written contract with measurable goals, a roadmap of dated milestones, a private room for guidance between meetings, and a journal for learning in public. It keeps both of you accountable, and tells you when something is due.</p>
<div class="actions">
<a class="btn btn-primary btn-large" href="/signup">Create your account</a>
<a class="btn btn-secondary btn-large" href="/people">Browse mentors</a>
</div>
<p class="small muted">Already have an account? <a href="/login">Sign in</a>.</p>
</div>
<aside class="card sample" aria-label="Example of a mentorship in Menteo">
<p class="eyebrow">Example mentorship</p>
<div class="card-head">
<h2>From senior engineer to engineering manager</h2>
<span class="stage stage-cultivation">Cultivation</span>
</div>
<p class="small muted">Mentor: Helen Okafor · Mentee: Daniel Brandt</p>
<ol class="stepper" aria-label="Stages of the example mentorship">
<li class="done">Initiation<span class="visually-hidden"> (done)</span></li>
<li class="current">Cultivation<span class="visually-hidden"> (current stage)</span></li>
<li>Separation</li>
<li>Redefinition</li>
</ol>
<div class="progress-label"><span id="sample-progress">Roadmap: 4 of 10 milestones</span><span>1 overdue</span></div>
<progress max="10" value="4" aria-labelledby="sample-progress">4 of 10</progress>
<dl class="details small">
<dt>Next meeting</dt><dd>Thursday, 10:00 · weekly, on track</dd>
<dt>Review date</dt><dd>14 March</dd>
<dt>Room</dt><dd><span class="count">2</span> unread</dd>
</dl>
</aside>
</div>

<section class="section" aria-labelledby="stages-heading">
<div class="section-head">
<h2 id="stages-heading">Four stages, each with a clear finish line</h2>
<p class="lead">It starts with a request: the mentee says what they want to work on, and the mentor accepts, declines, or asks a question first. A request unanswered for 14 days expires, so nobody waits forever. Once accepted, the mentorship moves through four stages.</p>
</div>
<ol class="cards stage-cards">
<li><article class="card">
<h3>Initiation</h3>
<p><strong>Agree what success looks like.</strong></p>
<ul>
<li>A written contract with 3 to 5 goals, each with how it will be measured</li>
<li>Ground rules, meeting cadence and how you will talk</li>
<li>A review date, and both of you agree before the work begins</li>
</ul>
</article></li>
<li><article class="card">
<h3>Cultivation</h3>
<p><strong>Do the deep work.</strong></p>
<ul>
<li>A roadmap of milestones with due dates, linked to your goals</li>
<li>A private room for questions and guidance between meetings</li>
<li>A Growth Thread journal, and meetings with agreed actions</li>
</ul>
</article></li>
<li><article class="card">
<h3>Separation</h3>
<p><strong>Review honestly and close the loop.</strong></p>
<ul>
<li>Every goal gets an outcome: achieved, partly, not achieved or dropped</li>
<li>The mentor formally acknowledges what was achieved</li>
<li>A printable record of achievement to keep</li>
</ul>
</article></li>
<li><article class="card">
<h3>Redefinition</h3>
<p><strong>Stay in touch as peers.</strong></p>
<ul>
<li>Occasional, high-value check-ins instead of a weekly slot</li>
<li>You choose the interval; Menteo reminds you both when one is due</li>
</ul>
</article></li>
</ol>
<div class="callout">
<p><strong>Growth is cyclical.</strong> When a new challenge comes up, either of you can take the mentorship back to Cultivation with new goals. The contract gets a new version, and everything that came before stays on the record.</p>
</div>
</section>

<section class="section" aria-labelledby="features-heading">
<div class="section-head">
<h2 id="features-heading">Everything a mentorship needs between meetings</h2>
<p class="lead">Most mentorships fade not because people stop caring, but because nothing holds the thread between calls. Menteo does.</p>
</div>
<ul class="features">
<li>
<h3>A written contract</h3>
<p>Goals with measures and target dates, ground rules, cadence, channels and a review date. Every agreed version is kept; a change after agreement asks both of you to agree again.</p>
</li>
<li>
<h3>Roadmaps</h3>
<p>Start from a curated roadmap, such as landing a director role, launching an MVP or raising a seed round, or write your own. Progress and overdue milestones are visible at a glance.</p>
</li>
<li>
<h3>Private rooms</h3>
<p>One room per mentorship, readable by the two of you and nobody else, administrators included. Markdown, replies, and a clear marker for what is new.</p>
</li>
<li>
<h3>Growth Threads</h3>
<p>A journal of assumptions, experiments, failures, breakthroughs and lessons. Keep a thread private, share it with your mentor for feedback, or publish it with an Atom feed.</p>
</li>
<li>
<h3>E-mail accountability</h3>
<p>Reminders before milestones and review dates, a digest of unread messages, and a nudge when a contract has waited 30 days. Every e-mail links to the exact page it is about.</p>
</li>
<li>
<h3>Meetings and calendar</h3>
<p>Record agendas, notes and agreed actions, see whether the agreed cadence is being kept, and follow meetings and deadlines in your own calendar app.</p>
</li>
</ul>
</section>

<section class="section" aria-labelledby="who-heading">
<h2 id="who-heading" class="visually-hidden">Who Menteo is for</h2>
<div class="cards">
<article class="card">
<h3>For mentees</h3>
<ul>
<li>Find a mentor by skill, and see who is active and who has room</li>
<li>Say what you want to work on before anyone commits time</li>
<li>Leave with evidence: goals, outcomes and a record of achievement</li>
</ul>
</article>
<article class="card">
<h3>For mentors</h3>
<ul>
<li>Set how many mentees you take on, and never overcommit</li>
<li>Guide asynchronously, with context in one place instead of scattered e-mails</li>
<li>See where each mentorship stands, and when it needs you</li>
</ul>
</article>
<article class="card">
<h3>For your data</h3>
<ul>
<li>Self-hosted by your organisation or community</li>
<li>Download everything you own or took part in as one JSON file</li>
<li>Private by default; public only when you choose</li>
</ul>
</article>
</div>
</section>

<section class="cta" aria-labelledby="cta-heading">
<h2 id="cta-heading">Start with one goal you can measure.</h2>
<p>Create an account, confirm your e-mail address, and send your first request. Mentors: tick “I mentor” in your settings to appear in the directory.</p>
<div class="actions">
<a class="btn btn-primary btn-large" href="/signup">Sign up</a>
<a class="btn btn-secondary btn-large" href="/people">Browse mentors</a>
</div>
<p class="small">Already a member? <a href="/login">Sign in</a>.</p>
</section>
