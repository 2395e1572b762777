/*
 * cfg: the configuration file (key = value lines) with environment
 * overrides: MENTEO_DB_SOCKET overrides db_socket, and so on.
 */
#ifndef MENTEO_CFG_H
#define MENTEO_CFG_H

int		 cfg_load(const char *path);
void		 cfg_free(void);
const char	*cfg_str(const char *key, const char *def);
long long	 cfg_int(const char *key, long long def);
/* body_max's default: the largest request body a program reads. */
#define CFG_BODY_MAX	(1024 * 1024)
/* base_url without a trailing slash: links in mail and feeds start with it. */
const char	*cfg_base_url(void);

#endif
