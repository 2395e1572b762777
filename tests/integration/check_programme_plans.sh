#!/bin/sh
# Every organiser list by an index (tests/integration/programme_plans.py),
# among the checks that run one at a time: it turns on the server's
# general log, which every other test's statements would fill too. TAP.
# The stack at MENTEO_TEST_URL, its state in MENTEO_TEST_VAR.
cd "$(dirname "$0")" || exit 1
exec /usr/bin/python3 programme_plans.py
