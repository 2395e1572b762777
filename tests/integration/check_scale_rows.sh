#!/bin/sh
# The rows a page makes MariaDB walk (tests/integration/scale_rows.py),
# among the checks that run one at a time: it reads the server's global
# counters and pauses the notifier, so no other test may run beside it.
# TAP. The stack at MENTEO_TEST_URL, its state in MENTEO_TEST_VAR.
cd "$(dirname "$0")" || exit 1
exec /usr/bin/python3 scale_rows.py
