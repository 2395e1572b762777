{{%AUTOESCAPE context="HTML"}}
<p class="stage-legend small muted" id="stage-legend">The stage named beside a milestone is the part of the mentorship it belongs to: <span class="stage stage-initiation">Initiation</span> writing the contract, <span class="stage stage-cultivation">Cultivation</span> the deep work, <span class="stage stage-separation">Separation</span> reviewing the goals.</p>
