/*
 * A path's two bits in the set of unread paths: the session's query is
 * given them from C (lib/notif.c), the triggers compute them in SQL
 * (sql/370, MariaDB's CRC32). The two must agree, or a page would never
 * mark its notifications read; test_notifications compares with MariaDB.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "notif.h"

/* CRC-32's check value: "123456789" is 0xcbf43926 = 3421780262 */
static void
test_path_bits_crc(void **state)
{
	uint32_t c = 0xcbf43926u;

	(void)state;
	assert_int_equal(notif_path_bits("123456789"),
	    1ULL << (c % 63) | 1ULL << (c / 63 % 63));
	assert_int_equal(notif_path_bits("123456789"), 17246978048ULL);
}

/* two bits at most, never the 64th: the set is 63 bits */
static void
test_path_bits_within_63(void **state)
{
	char path[32];
	unsigned long long b;
	int n, i, bits;

	(void)state;
	for (n = 0; n < 5000; n++) {
		snprintf(path, sizeof(path), "/mentorships/%d", n);
		b = notif_path_bits(path);
		for (bits = 0, i = 0; i < 64; i++)
			bits += (b >> i) & 1;
		assert_true(bits == 1 || bits == 2);
		assert_true(b < 1ULL << 63);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path_bits_crc),
		cmocka_unit_test(test_path_bits_within_63),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
