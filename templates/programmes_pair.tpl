{{%AUTOESCAPE context="HTML"}}
{{>NAV}}
<div class="page-head">
<div><p class="eyebrow">A pair in the programme</p>
<h1>{{MENTOR}} and {{MENTEE}}</h1>
<p>{{FOCUS}} · in <span class="stage stage-{{STAGE}}">{{STAGE_LABEL}}</span> since {{STAGE_SINCE}}</p></div>
</div>
{{#ERROR}}<p class="callout danger" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<p class="callout">As an organiser you see the pair's stage, contract, goals, milestones, meeting dates and survey answers. Their room, their meeting notes and their private journal are theirs alone.</p>
{{#TAKE_BACK}}<section class="callout" aria-label="The proposal"><p>{{MENTOR}} has not accepted the pair yet. Until then you may take it back, to propose {{MENTEE}} another mentor.</p>
<form method="post" action="/programmes/{{PROG_SLUG}}/pairs/{{PAIR_ID}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}"><input type="hidden" name="action" value="take_back"><button class="btn-secondary btn-small" data-confirm="Take back the pair of {{MENTEE}} with {{MENTOR}}? Both are told by e-mail, and {{MENTEE}} goes back to the matching board.">Take back the proposal</button></form></section>{{/TAKE_BACK}}
<div class="cols">
<div class="stack">
{{#STRIP}}<section class="card" aria-labelledby="strip-h"><h2 id="strip-h">Time in each stage</h2>
{{#NOT_YET}}<p class="muted">No stage reached yet.</p>{{/NOT_YET}}
{{CHART_HTML:none}}
<table class="table figure-numbers"><caption class="visually-hidden">Days in each stage</caption><tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="text-right">{{VALUE}}</td></tr>{{/ROW}}</tbody></table></section>{{/STRIP}}
<section class="card" aria-labelledby="goals-h"><h2 id="goals-h">Goals</h2>
{{#NO_GOALS}}<p class="muted">No goals written yet.</p>{{/NO_GOALS}}
<ul class="list">{{#GOAL}}<li><strong>{{G_TITLE}}</strong> <span class="badge">{{G_OUTCOME}}</span><br><span class="muted small">Measured by: {{G_MEASURE}}{{#G_TARGET}} · target {{AT}}{{/G_TARGET}}</span></li>{{/GOAL}}</ul>
</section>
<section class="card" aria-labelledby="surveys-h"><h2 id="surveys-h">Survey answers</h2>
{{#NO_SURVEYS}}<p class="muted">No survey answered yet.</p>{{/NO_SURVEYS}}
{{#OWN_PAIR}}<p class="muted">You are in this pair, so its surveys are not shown to you: each of you answers alone, and neither reads the other's answers. The dashboard and surveys.csv leave them out for you too.</p>{{/OWN_PAIR}}
{{#SURVEY}}<h3 class="survey-head">{{WHO}}, the {{ROLE}} <span class="muted small">· {{MOMENT}} · answered {{AT}}</span></h3>
<dl class="details">{{#ANS}}<dt>{{Q}}</dt><dd class="pre-line">{{A}}</dd>{{/ANS}}</dl>{{/SURVEY}}
</section>
<section class="card" aria-labelledby="meetings-h"><h2 id="meetings-h">Meetings</h2>
{{#NO_MEETINGS}}<p class="muted">{{WHY}}</p>{{/NO_MEETINGS}}
<ul class="list">{{#MEETING}}<li>{{M_AT}} <span class="muted small">{{M_WHEN}}</span></li>{{/MEETING}}</ul>
</section>
</div>
<aside class="sidebar stack">
<section class="card" aria-labelledby="people-h"><h2 id="people-h">The pair</h2>
<dl class="details"><dt>Mentor</dt><dd>{{MENTOR}}, last active {{MENTOR_ACTIVE}}</dd><dt>Mentee</dt><dd>{{MENTEE}}, last active {{MENTEE_ACTIVE}}</dd><dt>{{ASKED_AS}}</dt><dd>{{ASKED}}</dd></dl></section>
<section class="card" aria-labelledby="contract-h"><h2 id="contract-h">Contract</h2>
{{#NO_CONTRACT}}<p class="muted">{{WHY}}</p>{{/NO_CONTRACT}}{{#CONTRACT}}
<dl class="details"><dt>Meetings</dt><dd>{{CADENCE}}</dd><dt>Channels</dt><dd>{{CHANNELS}}</dd>{{#REVIEW}}<dt>Review date</dt><dd>{{REVIEW_DATE}}</dd>{{/REVIEW}}<dt>Milestones</dt><dd>{{MS_TEXT}}</dd></dl>
<h3>Ground rules</h3><p class="pre-line">{{GROUND_RULES:pre_escape}}</p>{{/CONTRACT}}</section>
<section class="card" aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>
<ol class="timeline">{{#EVENT}}<li>{{E_TO}} <span class="muted small">{{#E_BY}}by {{WHO}}, {{/E_BY}}{{E_AT}}</span></li>{{/EVENT}}</ol></section>
</aside>
</div>
