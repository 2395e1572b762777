{{%AUTOESCAPE context="HTML"}}
{{>NAV}}
<div class="page-head">
<div><h1>Dashboard</h1>
<p>How the cohort is doing: numbers from the pairs' stages, goals, meetings and activity. Nobody's messages, meeting notes or private journal is read to make them.</p></div>
<div class="actions"><a class="btn btn-secondary" href="/programmes/{{PROG_SLUG}}/export.csv">Download the pairs (CSV)</a></div>
</div>
<section class="section" aria-labelledby="risk-h">
<h2 id="risk-h">Pairs at risk</h2>
{{#NO_RISK}}<p class="muted">No pair matches a known warning sign right now.</p>{{/NO_RISK}}
{{#RISK}}<h3>{{RISK_LABEL}} ({{RISK_N}})</h3>
<ul class="list">{{#PAIR}}<li><a href="/programmes/{{PROG_SLUG}}/pairs/{{PAIR_ID}}">{{MENTOR}} mentoring {{MENTEE}}</a> <span class="muted small">{{FOCUS}} · since {{SINCE}}</span></li>{{/PAIR}}</ul>
{{>MORE}}
{{/RISK}}
</section>
<div class="figures">
{{#FUNNEL}}<section class="card figure" aria-labelledby="funnel-h"><h2 id="funnel-h">From invitation to Redefinition</h2>{{CHART_HTML:none}}
<table class="table figure-numbers"><caption class="visually-hidden">Mentees at each step</caption><tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="text-right">{{VALUE}}</td></tr>{{/ROW}}</tbody></table></section>{{/FUNNEL}}
{{#STAGES}}<section class="card figure" aria-labelledby="stages-h"><h2 id="stages-h">Pairs by stage</h2>{{CHART_HTML:none}}
<table class="table figure-numbers"><caption class="visually-hidden">Pairs in each stage now</caption><tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="text-right">{{VALUE}}</td></tr>{{/ROW}}</tbody></table></section>{{/STAGES}}
{{#OUTCOMES}}<section class="card figure" aria-labelledby="outcomes-h"><h2 id="outcomes-h">Goal outcomes</h2>{{CHART_HTML:none}}
<table class="table figure-numbers"><caption class="visually-hidden">Goals by outcome</caption><tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="text-right">{{VALUE}}</td></tr>{{/ROW}}</tbody></table></section>{{/OUTCOMES}}
{{#MEDIANS}}<section class="card figure" aria-labelledby="medians-h"><h2 id="medians-h">Median days in each stage</h2>{{CHART_HTML:none}}
<table class="table figure-numbers"><caption class="visually-hidden">Median days pairs spent in each stage they have left</caption><tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="text-right">{{VALUE}}{{#HAS_VALUE}} days{{/HAS_VALUE}}</td></tr>{{/ROW}}</tbody></table></section>{{/MEDIANS}}
{{#CADENCE}}<section class="card figure" aria-labelledby="cadence-h"><h2 id="cadence-h">Keeping the agreed cadence: {{CADENCE_SHARE}}</h2>{{CHART_HTML:none}}
<table class="table figure-numbers"><caption class="visually-hidden">Pairs in Cultivation by cadence</caption><tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="text-right">{{VALUE}}</td></tr>{{/ROW}}</tbody></table></section>{{/CADENCE}}
</div>
{{#ACTIVITY}}<section class="card figure" aria-labelledby="activity-h"><h2 id="activity-h">Weekly activity {{SINCE}} {{START}}</h2>{{#QUIET}}<p class="muted">{{QUIET_TEXT}}</p>{{/QUIET}}{{#DRAWN}}{{CHART_HTML:none}}
<div class="table-wrap figure-weeks" tabindex="0" role="region" aria-labelledby="weeks-c"><table class="table figure-numbers"><caption id="weeks-c">The numbers, week by week, newest first: room messages, journal entries, meetings</caption><thead><tr><th scope="col">Week of</th><th scope="col">Messages</th><th scope="col">Entries</th><th scope="col">Meetings</th></tr></thead><tbody>
{{#WEEK}}<tr><th scope="row">{{WEEK_N}}</th><td>{{MESSAGES}}</td><td>{{ENTRIES}}</td><td>{{MEETINGS}}</td></tr>{{/WEEK}}
</tbody></table></div>{{/DRAWN}}</section>{{/ACTIVITY}}
<h2>Surveys</h2>
<p class="muted">Each party answers alone as Cultivation starts, every 30 days in it, and on entering Separation. <a href="/programmes/{{PROG_SLUG}}/surveys.csv">Download every answer (CSV)</a></p>
<div class="figures">
{{#SURVEY}}<section class="card figure"><h3>{{QUESTION}}</h3>
{{#NONE}}<p class="muted">No answers yet.</p>{{/NONE}}
{{#SOME}}<p>{{ANSWERS}}, average {{AVERAGE}}{{#NPS}}; recommendation score (promoters minus detractors): <strong>{{SCORE}}</strong>{{/NPS}}</p>
{{#NPS}}<p class="small muted">Promoters answer 9 or 10 (green), detractors 0 to 6 (red); 7 and 8 are passive (grey).</p>{{/NPS}}
{{CHART_HTML:none}}
<table class="table figure-numbers"><caption class="visually-hidden">Answers by score</caption><tbody>{{#ROW}}<tr><th scope="row">{{LABEL}}</th><td class="text-right">{{VALUE}}</td></tr>{{/ROW}}</tbody></table>{{/SOME}}</section>{{/SURVEY}}
{{#TEXTS}}<section class="card figure written"><h3>{{QUESTION}}</h3>
{{#NO_ANSWER}}<p class="muted">No written answer yet.</p>{{/NO_ANSWER}}{{#SOME}}<p>{{ANSWERS}}:</p>{{/SOME}}
<ul class="list">{{#ANSWER}}<li><p class="pre-line">{{TEXT}}</p><p class="small muted">A {{ROLE}}, {{WHEN}}</p></li>{{/ANSWER}}</ul></section>{{/TEXTS}}
</div>
