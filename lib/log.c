#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static const char *progname = "menteo";

void
log_set_name(const char *name)
{
	progname = name;
}

static void
log_write(const char *level, const char *fmt, va_list ap)
{
	char msg[1024], out[4200];
	size_t i, o = 0;
	time_t now = time(NULL);
	struct tm tm;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	for (i = 0; msg[i] != '\0' && o < sizeof(out) - 5; i++) {
		unsigned char c = (unsigned char)msg[i];
		if (c >= 0x20 && c < 0x7f && c != '\\')
			out[o++] = (char)c;
		else
			o += (size_t)snprintf(out + o, 5, "\\x%02x", c);
	}
	out[o] = '\0';
	gmtime_r(&now, &tm);
	fprintf(stderr, "%04d-%02d-%02dT%02d:%02d:%02dZ %s[%d] %s: %s\n",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, progname, (int)getpid(), level, out);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_write("info", fmt, ap);
	va_end(ap);
}

void
log_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_write("error", fmt, ap);
	va_end(ap);
}
