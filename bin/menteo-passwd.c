/*
 * menteo-passwd: reads one password on standard input and prints its
 * argon2id hash (crypto_pwhash_str), for demo data and manual resets.
 * The cost comes from $MENTEO_CONF when set, else libsodium's defaults
 * for interactive use. Exit codes: 0 done, 1 failed, 2 usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "cfg.h"

int
main(int argc, char *argv[])
{
	char pw[1100], out[crypto_pwhash_STRBYTES];
	size_t n;
	long long ops, mem;

	if (argc > 1) {
		fputs("usage: echo PASSWORD | menteo-passwd\n",
		    strcmp(argv[1], "--help") == 0 ? stdout : stderr);
		return strcmp(argv[1], "--help") == 0 ? 0 : 2;
	}
	if (sodium_init() < 0)
		return 1;
	if (getenv("MENTEO_CONF") != NULL && cfg_load(NULL) == -1)
		return 1;
	ops = cfg_int("pwhash_opslimit", 2);
	mem = cfg_int("pwhash_memlimit", 64LL * 1024 * 1024);
	if (fgets(pw, sizeof(pw), stdin) == NULL) {
		fputs("menteo-passwd: no password on standard input\n", stderr);
		return 1;
	}
	n = strcspn(pw, "\r\n");
	pw[n] = '\0';
	if (n == 0 || n > 1024) {
		fputs("menteo-passwd: the password must be 1 to 1024 bytes\n",
		    stderr);
		return 1;
	}
	if (crypto_pwhash_str(out, pw, n, (unsigned long long)ops,
	    (size_t)mem) != 0) {
		fputs("menteo-passwd: out of memory\n", stderr);
		return 1;
	}
	sodium_memzero(pw, sizeof(pw));
	puts(out);
	return 0;
}
