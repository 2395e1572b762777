{{%AUTOESCAPE context="HTML"}}
<section class="narrow" aria-labelledby="decline-heading">
{{#ASK}}
<h1 id="decline-heading">Decline the invitation to {{PROG_NAME}}</h1>
<p class="lead">The organisers of {{PROG_NAME}} invited {{EMAIL}} to join it as a {{ROLE}}.</p>
<p>If you decline, the invitation's link stops working and the organisers see that you declined; their next invitations leave this address out.</p>
<form method="post" action="/programmes/{{PROG_SLUG}}/decline" class="form">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="form_key" value="{{FORM_KEY}}">
<input type="hidden" name="invite" value="{{INVITE}}">
<div class="actions"><button class="btn-danger">Decline the invitation</button>
{{#LIVE}}<a class="btn btn-secondary" href="/programmes/{{PROG_SLUG}}/join?invite={{INVITE}}">Join instead</a>{{/LIVE}}</div>
</form>
{{/ASK}}
{{#DECLINED}}
<h1 id="decline-heading">Invitation to {{PROG_NAME}} declined</h1>
<p class="lead">You declined this invitation on {{ON}}.</p>
<p>Its link no longer works, and the organisers' next invitations leave {{EMAIL}} out. If you change your mind, write to them: they can send you a new invitation.</p>
{{>CONTACT}}
<div class="actions"><a class="btn btn-secondary" href="/">Menteo home page</a></div>
{{/DECLINED}}
</section>
