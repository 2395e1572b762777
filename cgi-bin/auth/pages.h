/*
 * auth: what the program's page files share, and the handlers the route
 * table (main.c) names. Not auth.h: that name is lib/auth.h's (tokens,
 * passwords, throttles), which every page file includes too.
 */
#ifndef MENTEO_AUTH_PAGES_H
#define MENTEO_AUTH_PAGES_H

#include "field.h"
#include "req.h"

/* A throttle's key: what is counted ("reset:ip"), and for whom. */
const char	*au_bucket(struct req *, const char *what, const char *key);
/* 429 when either bucket (b2 may be NULL) is blocked: 1 then; -1 answered. */
int		 au_throttled(struct req *, const char *b1, const char *b2);
/* Requests an address may make of a throttled form in its window. */
int		 au_ip_limit(void);
/* The 400 page of a mailed link that no longer works; kind: its section. */
void		 au_token_bad(struct req *, const char *kind);
/* Queues a mail whose template needs only the recipient's address. */
int		 au_queue_simple(struct req *, const char *kind, long long uid,
		    const char *to, const char *subject, const char *tpl);
/* Both new-password fields checked as a pair: the errors it added. */
int		 au_new_password_check(struct fval *pw, struct fval *pw2);
/* A flash's last words when auth_feed_renew gave the feed a new address. */
#define AU_FEED_RENEWED	" Your calendar feed has a new address: a calendar " \
	"subscribed to the old one needs the new one, from your settings."

/* Handlers, one page file each. */
void	au_signup_form(struct req *);	/* signup.c */
void	au_signup_post(struct req *);
void	au_verify(struct req *);
void	au_verify_resend(struct req *);
void	au_login_form(struct req *);	/* login.c */
void	au_login_post(struct req *);
void	au_logout(struct req *);
void	au_reset_form(struct req *);
void	au_reset_post(struct req *);
void	au_reset_confirm_form(struct req *);
void	au_reset_confirm_post(struct req *);
void	au_link_land(struct req *);	/* links.c */
void	au_link_switch(struct req *);
void	au_unsub_form(struct req *);
void	au_unsub_post(struct req *);
void	au_password_form(struct req *);	/* account.c */
void	au_password_post(struct req *);
void	au_email_form(struct req *);
void	au_email_post(struct req *);
void	au_sessions_list(struct req *);
void	au_sessions_post(struct req *);

#endif
