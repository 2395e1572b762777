#!/bin/bash
# lib/db.c: a transaction that ended without an error saying so is run
# again, never taken for committed (tests/unit/test_db_tx.c, which needs
# a MariaDB: the test stack's, through its menteo.conf). Prints TAP.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=$(cd "${MENTEO_TEST_VAR:-$ROOT/var/test}" && pwd)
BUILD=${MENTEO_BUILD:-$ROOT/build}
MENTEO_CONF=${MENTEO_CONF:-$VAR/menteo.conf} MENTEO_DB_TX=1 \
	CMOCKA_MESSAGE_OUTPUT=TAP "$BUILD/tests/test_db_tx"
