/*
 * The outbox is the queue: rows are written with the change that causes
 * them and claimed by one notifier at a time (SKIP LOCKED), so a message
 * is sent once even with several notifiers, and retried while the SMTP
 * server is away.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "auth.h"
#include "cfg.h"
#include "db.h"
#include "log.h"
#include "mail.h"
#include "notif.h"

#define MAIL_MAX_ATTEMPTS	8

/*
 * Mail about the account itself: sent whatever the person opted out of,
 * so it offers no way out (way_out) and its foot says why instead.
 */
#define ACCOUNT_NOTE	"Mail about your account itself is sent whatever " \
	"you turn off in Settings."
/* What a mail_link() does, under it: its life is AUTH_LINK_HOURS. */
#define LINK_NOTE	"The link signs you in; it works once, for 7 days."
const char mail_links_note[] =
	"Each link signs you in; it works once, for 7 days.";
_Static_assert(AUTH_LINK_HOURS == 7 * 24, "the link notes say 7 days");
static const char *const account_kinds[] = {
	"verify", "reset", "reset-unknown", "reset-disabled", "signup-exists",
	"email-change", "email-changed", "email-taken", "password-changed",
	"test", NULL
};

static int
account_kind(const char *kind)
{
	size_t i;

	for (i = 0; account_kinds[i] != NULL; i++)
		if (strcmp(kind, account_kinds[i]) == 0)
			return 1;
	return 0;
}

/*
 * A mail's way out: to an account, its signed unsubscribe link for the
 * kind; to a bare address, its own (unsub; NULL: none). The template's
 * UNSUBSCRIBE_URL names it, and, kept with the mail, its List-Unsubscribe
 * header (build). Mail about the account itself has none: it is sent
 * whatever was turned off, so a link would only record a wish ignored.
 */
static const char *
way_out(struct req *r, long long user_id, const char *kind,
    const char *unsub)
{
	if (user_id <= 0)
		return unsub;
	if (account_kind(kind))
		return NULL;
	return req_printf(r, "%s/link/unsubscribe?u=%lld&k=%s&s=%s",
	    cfg_base_url(), user_id, kind, auth_unsub_sig(r, user_id, kind));
}

/*
 * The look of every HTML mail, as inline styles: many mail clients drop
 * a <style> block, so the class names the templates use (mail/layout.html
 * and each message's part) get their rule written into the element. The
 * layout's <style> adds only what inline styles cannot say: dark mode and
 * narrow screens. Colours are the site's (htdocs/menteo.css).
 */
static const struct mail_style {
	const char	*cls;
	const char	*css;
} mail_styles[] = {
	{ "page", "margin:0;padding:0;background:#f5f7fa;" },
	{ "outer", "padding:24px 12px;" },
	{ "wrap", "max-width:600px;width:100%;" },
	{ "brand", "padding:0 4px 12px;font:700 20px/1.2 system-ui,-apple-system,"
	    "'Segoe UI',Roboto,Helvetica,Arial,sans-serif;" },
	{ "brandlink", "color:#1d5c8c;text-decoration:none;" },
	{ "card", "background:#ffffff;color:#1c2430;border:1px solid #d5dbe3;"
	    "border-radius:8px;padding:28px 32px;font:16px/1.55 system-ui,"
	    "-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;" },
	{ "h1", "margin:0 0 16px;font-size:22px;line-height:1.3;color:inherit;" },
	{ "btnrow", "margin:24px 0;" },
	{ "btn", "display:inline-block;background:#1d5c8c;color:#ffffff;"
	    "border:2px solid #1d5c8c;border-radius:6px;padding:12px 22px;"
	    "font-weight:600;text-decoration:none;" },
	{ "quote", "margin:12px 0;padding:8px 14px;border-left:4px solid "
	    "#1d5c8c;background:#f0f3f7;color:#1c2430;" },
	/* a quote of plain text someone typed: its lines (mail_lines) */
	{ "quote-text", "margin:12px 0;padding:8px 14px;border-left:4px solid "
	    "#1d5c8c;background:#f0f3f7;color:#1c2430;" },
	{ "rooms", "padding-left:18px;" },
	{ "small", "font-size:14px;color:#556070;" },
	{ "url", "word-break:break-all;color:#556070;" },
	{ "foot", "margin-top:28px;padding-top:16px;border-top:1px solid "
	    "#d5dbe3;font-size:13px;color:#556070;" },
};

/*
 * html with class="x" of each known class followed by its style. Only
 * template text can say class="...": values are escaped, so a quote a
 * person typed never ends an attribute.
 */
static char *
inline_styles(struct req *r, const char *html)
{
	struct buf b = { NULL, 0, 0 };
	const char *p = html, *q, *end;
	char *out = NULL;
	size_t i, n;
	int rc = 0;

	while ((q = strstr(p, "class=\"")) != NULL) {
		q += 7;
		rc |= buf_add(&b, p, (size_t)(q - p));
		if ((end = strchr(q, '"')) == NULL) {
			p = q;
			break;
		}
		n = (size_t)(end - q);
		rc |= buf_add(&b, q, n + 1);
		for (i = 0; i < sizeof(mail_styles) / sizeof(mail_styles[0]);
		    i++)
			if (strlen(mail_styles[i].cls) == n &&
			    memcmp(mail_styles[i].cls, q, n) == 0)
				rc |= buf_printf(&b, " style=\"%s\"",
				    mail_styles[i].css);
		p = end + 1;
	}
	rc |= buf_adds(&b, p);
	/* a mail cut short is never queued: the caller answers 503 */
	if (rc != 0) {
		log_err("mail: out of memory inlining styles");
		r->db_failed = 1;
	} else
		out = req_strdup(r, b.p != NULL ? b.p : "");
	buf_free(&b);
	return out;
}

static char *
render(struct req *r, const char *tpl, const char *ext, struct tdict *d)
{
	const char *file;
	char *s, *copy;
	size_t len;

	file = strncmp(tpl, "mail/", 5) == 0 ?
	    req_printf(r, "%s.%s", tpl, ext) :
	    req_printf(r, "mail/%s.%s", tpl, ext);
	if ((s = tmpl_expand(file, d, &len)) == NULL) {
		log_err("mail: cannot expand %s", file);
		r->db_failed = 1;	/* the caller's contract: answer 503 */
		return NULL;
	}
	copy = req_strdup(r, s);
	free(s);
	return copy;
}

/* The message's own part inside mail/layout.html, styles inlined. */
static char *
render_html(struct req *r, const char *tpl, const char *subject,
    struct tdict *d)
{
	struct tdict *l;
	char *part, *html;

	if ((part = render(r, tpl, "html", d)) == NULL)
		return NULL;
	l = tmpl_dict_new("mail-layout");
	tmpl_set(l, "SUBJECT", subject);
	tmpl_set(l, "BASE_URL", cfg_base_url());
	tmpl_set(l, "BODY_HTML", part);
	html = render(r, "layout", "html", l);
	tmpl_dict_free(l);
	return html != NULL ? inline_styles(r, html) : NULL;
}

static int
opted_out(struct req *r, long long user_id, const char *kind)
{
	struct db_rows *rows;

	if (user_id <= 0 || account_kind(kind))
		return 0;
	rows = db_query(r, "SELECT 1 FROM mail_optouts WHERE user_id = ? "
	    "AND kind IN (?, 'all')", "is", user_id, kind);
	if (rows == NULL)
		return -1;
	return rows->nrows > 0;
}

/* The message m, and for a bare address its one-click way out. */
static int
queue(struct req *r, const struct mail_msg *m)
{
	struct db_rows *u;
	const char *name = NULL, *to = m->to, *unsub;
	char *text, *html;
	long long rc;
	int out;

	if ((out = opted_out(r, m->user_id, m->kind)) != 0)
		return out < 0 ? -1 : MAIL_QUEUED;
	if (m->user_id > 0) {
		u = db_query(r, "SELECT email, display_name, "
		    "email_verified_at IS NOT NULL AS verified FROM users "
		    "WHERE id = ?", "i", m->user_id);
		if (u == NULL)
			return -1;
		if (u->nrows == 0) {
			log_err("mail: no user %lld for %s", m->user_id,
			    m->kind);
			r->db_failed = 1;
			return -1;
		}
		to = db_get(u, 0, "email");
		/*
		 * Whoever signs up chooses the name: an address that has not
		 * confirmed it wants our mail gets no text of theirs first.
		 */
		if (db_get_int(u, 0, "verified"))
			name = db_get(u, 0, "display_name");
	}
	if (to == NULL || strpbrk(to, "\r\n<>") != NULL) {
		log_err("mail: bad address for %s", m->kind);
		r->db_failed = 1;
		return -1;
	}
	tmpl_set(m->d, "BASE_URL", cfg_base_url());
	if (name != NULL) {
		tmpl_set(m->d, "NAME", name);
		tmpl_show(m->d, "NAMED");
	}
	if (account_kind(m->kind))
		tmpl_set(m->d, "ACCOUNT_NOTE", ACCOUNT_NOTE);
	unsub = way_out(r, m->user_id, m->kind, m->unsub);
	tmpl_set(m->d, "UNSUBSCRIBE_URL", unsub != NULL ? unsub :
	    req_printf(r, "%s/", cfg_base_url()));
	if ((text = render(r, m->tpl, "txt", m->d)) == NULL ||
	    (html = render_html(r, m->tpl, m->subject, m->d)) == NULL)
		return -1;
	rc = db_exec(r, "INSERT INTO outbox (kind, user_id, to_addr, subject, "
	    "body_text, body_html, calendar, dedup_key, list_unsubscribe, "
	    "next_try_at, created_at) VALUES (?, NULLIF(?, 0), ?, LEFT(?, "
	    "200), ?, ?, ?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? SECOND, "
	    "UTC_TIMESTAMP())", "sisssssssi", m->kind, m->user_id, to,
	    m->subject, text, html, m->calendar, m->dedup_key, unsub,
	    (long long)m->hold);
	if (rc == DB_DUPLICATE)
		return MAIL_DUPLICATE;
	return rc < 0 ? -1 : MAIL_QUEUED;
}

int
mail_put(struct req *r, const struct mail_msg *m)
{
	int rc;

	if (m->path != NULL && (rc = notif_add(r, m->user_id, m->kind,
	    m->subject, m->path, m->dedup_key)) != 1)
		return rc == 0 ? MAIL_DUPLICATE : -1;
	return queue(r, m);
}

int
mail_queue(struct req *r, const char *kind, long long user_id,
    const char *to, const char *subject, const char *tpl, struct tdict *d,
    const char *dedup_key)
{
	return mail_put(r, &(struct mail_msg){ .kind = kind,
	    .user_id = user_id, .to = to, .subject = subject, .tpl = tpl,
	    .d = d, .dedup_key = dedup_key });
}

int
mail_queue_bare(struct req *r, const char *kind, const char *to,
    const char *unsub, const char *subject, const char *tpl,
    struct tdict *d, const char *dedup_key)
{
	return mail_put(r, &(struct mail_msg){ .kind = kind, .to = to,
	    .unsub = unsub, .subject = subject, .tpl = tpl, .d = d,
	    .dedup_key = dedup_key });
}

int
mail_notify(struct req *r, const char *kind, long long user_id,
    const char *subject, const char *path, const char *tpl, struct tdict *d,
    const char *dedup_key)
{
	return mail_put(r, &(struct mail_msg){ .kind = kind,
	    .user_id = user_id, .subject = subject, .tpl = tpl, .d = d,
	    .dedup_key = dedup_key, .path = path != NULL ? path : "/" });
}

int
mail_forget(struct req *r, const char *dedup_key)
{
	if (db_exec(r, "DELETE FROM outbox WHERE dedup_key = ? AND status = "
	    "'queued'", "s", dedup_key) < 0 || db_exec(r, "UPDATE "
	    "notifications SET read_at = UTC_TIMESTAMP() WHERE dedup_key = ? "
	    "AND read_at IS NULL", "s", dedup_key) < 0)
		return -1;
	return 0;
}

/* Every kind a caller of mail_queue or mail_notify uses. */
static const struct {
	const char	*kind;
	const char	*label;
} mail_kinds[] = {
	{ "contract", "Contract reminder" },
	{ "digest", "Room messages digest" },
	{ "email-change", "New e-mail address confirmation" },
	{ "email-changed", "E-mail address changed" },
	{ "email-taken", "A move to an address that has an account" },
	{ "mentorship", "Mentorship updates" },
	{ "meeting", "Meeting reminder" },
	{ "milestone", "Milestone reminder" },
	{ "password-changed", "Password changed" },
	{ "programme", "Programme news" },
	{ "programme-invite", "Programme invitation" },
	{ "request", "Request reminder" },
	{ "reset", "Password reset" },
	{ "reset-unknown", "Password reset for an unknown address" },
	{ "reset-disabled", "Password reset for a disabled account" },
	{ "review", "Review reminder" },
	{ "signup-exists", "Sign-up with an existing address" },
	{ "survey", "Survey about a mentorship" },
	{ "test", "Test message" },
	{ "thread-answer", "Answer in a Growth Thread" },
	{ "thread-feedback", "Feedback in a Growth Thread" },
	{ "verify", "E-mail address confirmation" },
};

const char *
mail_kind_label(const char *kind)
{
	size_t i;

	for (i = 0; kind != NULL &&
	    i < sizeof(mail_kinds) / sizeof(mail_kinds[0]); i++)
		if (strcmp(mail_kinds[i].kind, kind) == 0)
			return mail_kinds[i].label;
	return kind != NULL ? kind : "";
}

const char *
mail_mship_about(struct req *r, const char *other, const char *focus)
{
	if (focus == NULL || *focus == '\0')
		return req_printf(r, "with %s", other != NULL ? other : "");
	return req_printf(r, "with %s on “%s”",
	    other != NULL ? other : "", focus);
}

/* Whether s names name as a word of its own ("Yo" is not in "Your"). */
static int
names(const char *s, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	for (p = s; n > 0 && (p = strstr(p, name)) != NULL; p++)
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]))
			return 1;
	return 0;
}

const char *
mail_mship_subject(struct req *r, const char *headline, const char *other,
    const char *focus)
{
	if (other == NULL || !names(headline, other))
		return req_printf(r, "%s — %s", headline,
		    mail_mship_about(r, other, focus));
	if (focus == NULL || *focus == '\0')
		return headline;
	return req_printf(r, "%s — on “%s”", headline, focus);
}

const char *
mail_link(struct req *r, long long user_id, const char *path)
{
	const char *t;

	if (path == NULL || path[0] != '/' || path[1] == '/')
		path = "/";
	if ((t = auth_token_new(r, "link", user_id, path,
	    AUTH_LINK_HOURS)) == NULL)
		return NULL;
	return req_printf(r, "%s/link?t=%s", cfg_base_url(), t);
}

int
mail_link_set(struct req *r, struct tdict *d, long long user_id,
    const char *path)
{
	const char *link;

	if ((link = mail_link(r, user_id, path)) == NULL)
		return -1;
	tmpl_set(d, "LINK", link);
	tmpl_set(d, "LINK_NOTE", LINK_NOTE);
	return 0;
}

void
mail_lines(struct req *r, struct tdict *d, const char *section,
    const char *text)
{
	size_t n;

	for (; text != NULL; text = text[n] != '\0' ? text + n + 1 : NULL) {
		n = strcspn(text, "\n");
		tmpl_set(tmpl_section(d, section), "LINE", arena_strndup(
		    r->arena, text, n > 0 && text[n - 1] == '\r' ? n - 1 : n));
	}
}

/* ---- building a message ---------------------------------------------- */

static void
add_base64(struct buf *b, const char *s, size_t n)
{
	size_t cap = sodium_base64_encoded_len(n,
	    sodium_base64_VARIANT_ORIGINAL), i, len;
	char *enc = malloc(cap);

	if (enc == NULL)
		return;
	sodium_bin2base64(enc, cap, (const unsigned char *)s, n,
	    sodium_base64_VARIANT_ORIGINAL);
	len = strlen(enc);
	for (i = 0; i < len; i += 76) {
		buf_add(b, enc + i, len - i < 76 ? len - i : 76);
		buf_adds(b, "\r\n");
	}
	free(enc);
}

/* RFC 2047: encoded words of whole UTF-8 characters, folded. */
static void
add_subject(struct buf *b, const char *s)
{
	const unsigned char *p;
	size_t n = strlen(s), i, chunk;
	int plain = 1;
	char enc[128];

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p >= 0x80 || *p < 0x20)
			plain = 0;
	buf_adds(b, "Subject: ");
	if (plain && n < 900) {
		buf_adds(b, s);
		buf_adds(b, "\r\n");
		return;
	}
	for (i = 0; i < n; i += chunk) {
		chunk = n - i < 45 ? n - i : 45;
		while (i + chunk < n &&
		    ((unsigned char)s[i + chunk] & 0xc0) == 0x80)
			chunk--;
		sodium_bin2base64(enc, sizeof(enc),
		    (const unsigned char *)s + i, chunk,
		    sodium_base64_VARIANT_ORIGINAL);
		buf_printf(b, "%s=?UTF-8?B?%s?=", i > 0 ? "\r\n " : "", enc);
	}
	buf_adds(b, "\r\n");
}

/* Who mail comes from, "Name <addr>" or "addr" (mail_from). */
static const char *
mail_from(void)
{
	return cfg_str("mail_from", "Menteo <menteo@localhost>");
}

const char *
mail_from_addr(struct req *r)
{
	const char *from = mail_from(), *lt = strchr(from, '<'), *gt;

	if (lt == NULL || (gt = strchr(lt, '>')) == NULL)
		return from;
	return arena_strndup(r->arena, lt + 1, (size_t)(gt - lt - 1));
}

static void
build(struct req *r, struct buf *b, const struct db_rows *m,
    const char *from)
{
	char date[64], rnd[17], bnd[40], mixed[40];
	unsigned char raw[8];
	const char *at, *text, *html, *unsub, *cal;
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(rnd, sizeof(rnd), raw, sizeof(raw));
	snprintf(bnd, sizeof(bnd), "=_menteo_a_%s", rnd);
	snprintf(mixed, sizeof(mixed), "=_menteo_m_%s", rnd);
	at = strchr(mail_from_addr(r), '@');
	buf_printf(b, "Date: %s\r\nFrom: %s\r\nTo: %s\r\n", date, from,
	    db_get(m, 0, "to_addr"));
	buf_printf(b, "Message-ID: <menteo.%s.%s%s>\r\n", db_get(m, 0, "id"),
	    rnd, at != NULL ? at : "@menteo.invalid");
	add_subject(b, db_get(m, 0, "subject"));
	/*
	 * RFC 8058: mail clients offer the one-click only for an https URL
	 * (docs/admin.md); a header value never holds a line break
	 */
	unsub = db_get(m, 0, "list_unsubscribe");
	if (unsub != NULL && strpbrk(unsub, "\r\n<>") == NULL)
		buf_printf(b, "List-Unsubscribe: <%s>\r\nList-Unsubscribe-Post: "
		    "List-Unsubscribe=One-Click\r\n", unsub);
	buf_adds(b, "Auto-Submitted: auto-generated\r\nMIME-Version: 1.0\r\n");
	/*
	 * An event goes beside the text as an attachment (multipart/mixed),
	 * not as a third alternative: a client that shows the last
	 * alternative it understands would show the event instead of the
	 * words. The outer boundary is no prefix of the inner one, nor the
	 * inner of it.
	 */
	cal = db_get(m, 0, "calendar");
	if (cal != NULL)
		buf_printf(b, "Content-Type: multipart/mixed; boundary=\"%s\""
		    "\r\n\r\n--%s\r\n", mixed, mixed);
	buf_printf(b, "Content-Type: multipart/alternative; boundary=\"%s\""
	    "\r\n\r\n", bnd);
	text = db_get(m, 0, "body_text");
	html = db_get(m, 0, "body_html");
	buf_printf(b, "--%s\r\nContent-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n", bnd);
	add_base64(b, text, strlen(text));
	buf_printf(b, "--%s\r\nContent-Type: text/html; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n", bnd);
	add_base64(b, html, strlen(html));
	buf_printf(b, "--%s--\r\n", bnd);
	if (cal == NULL)
		return;
	buf_printf(b, "--%s\r\nContent-Type: text/calendar; charset=utf-8; "
	    "method=PUBLISH; name=\"event.ics\"\r\nContent-Disposition: "
	    "attachment; filename=\"event.ics\"\r\n"
	    "Content-Transfer-Encoding: base64\r\n\r\n", mixed);
	add_base64(b, cal, strlen(cal));
	buf_printf(b, "--%s--\r\n", mixed);
}

/* ---- sending ------------------------------------------------------------ */

struct upload {
	const struct buf	*b;
	size_t			 off;
};

static size_t
upload_read(char *ptr, size_t size, size_t nmemb, void *arg)
{
	struct upload *u = arg;
	size_t n = size * nmemb, left = u->b->len - u->off;

	if (n > left)
		n = left;
	memcpy(ptr, u->b->p + u->off, n);
	u->off += n;
	return n;
}

/* 0 sent, -1 failed with the reason in err. */
static int
smtp_send(struct req *r, const struct db_rows *m, char err[CURL_ERROR_SIZE])
{
	const char *from = mail_from();
	const char *user = cfg_str("smtp_user", ""), *to;
	struct curl_slist *rcpt = NULL;
	struct buf b = { NULL, 0, 0 };
	struct upload up;
	CURL *c;
	CURLcode rc = CURLE_FAILED_INIT;

	err[0] = '\0';
	build(r, &b, m, from);
	if ((c = curl_easy_init()) == NULL)
		goto out;
	to = db_get(m, 0, "to_addr");
	rcpt = curl_slist_append(NULL, req_printf(r, "<%s>", to));
	up.b = &b;
	up.off = 0;
	curl_easy_setopt(c, CURLOPT_URL, cfg_str("smtp_url",
	    "smtp://127.0.0.1:25"));
	if (cfg_int("smtp_starttls", 0))
		curl_easy_setopt(c, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (*user != '\0') {
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
		curl_easy_setopt(c, CURLOPT_PASSWORD,
		    cfg_str("smtp_password", ""));
	}
	curl_easy_setopt(c, CURLOPT_MAIL_FROM,
	    req_printf(r, "<%s>", mail_from_addr(r)));
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, upload_read);
	curl_easy_setopt(c, CURLOPT_READDATA, &up);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 120L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, err);
	rc = curl_easy_perform(c);
	if (rc != CURLE_OK && err[0] == '\0')
		snprintf(err, CURL_ERROR_SIZE, "%s", curl_easy_strerror(rc));
out:
	if (rc == CURLE_FAILED_INIT && err[0] == '\0')
		snprintf(err, CURL_ERROR_SIZE, "curl could not start");
	curl_slist_free_all(rcpt);
	if (c != NULL)
		curl_easy_cleanup(c);
	buf_free(&b);
	return rc == CURLE_OK ? 0 : -1;
}

/*
 * Claims up to `max` due rows in a short transaction: the claim moves
 * next_try_at ahead, so a notifier that dies mid-send only delays them.
 * SKIP LOCKED keeps notifiers apart on one database node only; on a
 * Galera cluster two nodes' notifiers may claim the same rows, and the
 * commit decides: the loser's certification failure runs the claim
 * again (db_tx_run), which then finds those rows claimed.
 */
struct claim_rows {
	int		 max;
	long long	 id;	/* that row only; 0 any due */
	struct db_rows	*rows;
};

static int
claim_tx(struct req *r, void *arg)
{
	struct claim_rows *c = arg;
	size_t i;

	/* one row by its key, or the due ones: each its own plan */
	c->rows = c->id > 0 ? db_query(r, "SELECT id FROM outbox WHERE id = ? "
	    "AND status = 'queued' AND next_try_at <= UTC_TIMESTAMP() "
	    "FOR UPDATE SKIP LOCKED", "i", c->id) : db_query(r, "SELECT id "
	    "FROM outbox WHERE status = 'queued' AND next_try_at <= "
	    "UTC_TIMESTAMP() ORDER BY next_try_at, id LIMIT ? FOR UPDATE "
	    "SKIP LOCKED", "i", (long long)c->max);
	if (c->rows == NULL)
		return -1;
	for (i = 0; i < c->rows->nrows; i++)
		if (db_exec(r, "UPDATE outbox SET attempts = attempts + 1, "
		    "next_try_at = UTC_TIMESTAMP() + INTERVAL 10 MINUTE "
		    "WHERE id = ?", "i", db_get_int(c->rows, i, "id")) < 0)
			return -1;
	return 0;
}

static struct db_rows *
claim(struct req *r, int max, long long id)
{
	struct claim_rows c = { max, id, NULL };

	return db_tx_run(r, claim_tx, &c) == 0 ? c.rows : NULL;
}

/*
 * Who a message went to, for the log: the account's id, or a short hash
 * of a bare address (a log is read by more people than the outbox).
 */
static const char *
rcpt_for_log(struct req *r, const struct db_rows *m)
{
	const char *to = db_get(m, 0, "to_addr");
	unsigned char h[6];
	char hex[13];

	if (db_get_int(m, 0, "user_id") > 0)
		return req_printf(r, "user %lld", db_get_int(m, 0, "user_id"));
	crypto_generichash(h, sizeof(h), (const unsigned char *)to,
	    strlen(to), (const unsigned char *)"menteo-log", 10);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	return req_printf(r, "address #%s", hex);
}

/*
 * A sent mail's copy keeps its links without their tokens (sign-in,
 * confirmation, reset, an invitation's join and decline, the unsubscribe
 * header): the person has them in their inbox, and whoever reads the
 * database or a backup of it must not. Every token is 64 hex digits
 * (sess_token), wherever it stands (a next= URL-encodes its own); the
 * hashes in email_tokens and invitations still let the mailed links work.
 */
#define MAIL_UNTOKEN(col) \
	col " = REGEXP_REPLACE(" col ", '[0-9a-f]{64}', 'removed-once-sent')"

static int
send_one(struct req *r, long long id)
{
	struct db_rows *m;
	char err[CURL_ERROR_SIZE];

	m = db_query(r, "SELECT id, kind, user_id, to_addr, subject, "
	    "body_text, body_html, calendar, list_unsubscribe, attempts "
	    "FROM outbox WHERE id = ?", "i", id);
	if (m == NULL || m->nrows == 0)
		return -1;
	if (smtp_send(r, m, err) == 0) {
		db_exec(r, "UPDATE outbox SET status = 'sent', sent_at = "
		    "UTC_TIMESTAMP(), last_error = NULL, "
		    MAIL_UNTOKEN("body_text") ", " MAIL_UNTOKEN("body_html")
		    ", " MAIL_UNTOKEN("list_unsubscribe") " WHERE id = ?", "i",
		    id);
		log_info("mail %lld sent to %s", id, rcpt_for_log(r, m));
		return 1;
	}
	log_err("mail %lld to %s: %s", id, rcpt_for_log(r, m), err);
	db_exec(r, "UPDATE outbox SET last_error = LEFT(?, 500), "
	    "status = IF(attempts >= ?, 'failed', 'queued'), "
	    "next_try_at = UTC_TIMESTAMP() + INTERVAL LEAST(? * POW(2, "
	    "attempts - 1), 21600) SECOND WHERE id = ?", "siii", err,
	    (long long)MAIL_MAX_ATTEMPTS, cfg_int("mail_retry_seconds", 30), id);
	return 0;
}

int
mail_send_due(struct req *r, int max)
{
	struct db_rows *rows;
	size_t i;
	int sent = 0;

	if ((rows = claim(r, max, 0)) == NULL)
		return -1;
	for (i = 0; i < rows->nrows; i++)
		if (send_one(r, db_get_int(rows, i, "id")) == 1)
			sent++;
	return sent;
}

int
mail_send_queued(struct req *r, long long id)
{
	struct db_rows *rows = claim(r, 1, id);

	if (rows == NULL)
		return -1;
	return rows->nrows == 1 ? send_one(r, id) : 0;
}

/*
 * Written only when the row is older than half a minute: every notifier
 * of a host shares it (three on three Galera nodes in check_galera.sh,
 * the tests' loop beside their --once runs), and a row just written says
 * enough. A row another notifier holds (SKIP LOCKED) is being written
 * by it: nothing to wait for. Two nodes that write at once: the loser
 * runs again (db_tx_run) and finds the row fresh or held.
 */
struct passed {
	const char	*host;
	long long	 every;
};

static int
passed_tx(struct req *r, void *arg)
{
	const struct passed *p = arg;
	struct db_rows *q;

	q = db_query(r, "SELECT passed_at > UTC_TIMESTAMP() - INTERVAL 30 "
	    "SECOND AND every_seconds = ? AS fresh FROM notifier_passes WHERE "
	    "host = ?", "is", p->every, p->host);
	if (q == NULL)
		return -1;
	if (q->nrows == 0)
		return db_exec(r, "INSERT IGNORE INTO notifier_passes (host, "
		    "every_seconds, passed_at) VALUES (?, ?, UTC_TIMESTAMP())",
		    "si", p->host, p->every) < 0 ? -1 : 0;
	if (db_get_int(q, 0, "fresh") == 1)
		return 0;
	q = db_query(r, "SELECT host FROM notifier_passes WHERE host = ? "
	    "FOR UPDATE SKIP LOCKED", "s", p->host);
	if (q == NULL)
		return -1;
	if (q->nrows == 0)
		return 0;	/* another writes it now */
	return db_exec(r, "UPDATE notifier_passes SET every_seconds = ?, "
	    "passed_at = UTC_TIMESTAMP() WHERE host = ?", "is", p->every,
	    p->host) < 0 ? -1 : 0;
}

int
mail_notifier_passed(struct req *r, long long every)
{
	char host[256];
	struct passed p = { host, every };

	if (gethostname(host, sizeof(host)) == -1)
		snprintf(host, sizeof(host), "unknown");
	host[sizeof(host) - 1] = '\0';
	return db_tx_run(r, passed_tx, &p);
}
