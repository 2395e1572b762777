/*
 * log: one line per event on stderr, which the web server or systemd
 * keeps. Bytes outside printable ASCII are escaped: log lines carry
 * untrusted input (paths, addresses) and must not forge other lines.
 */
#ifndef MENTEO_LOG_H
#define MENTEO_LOG_H

void	log_set_name(const char *);
void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_err(const char *, ...) __attribute__((format(printf, 1, 2)));

#endif
