#!/bin/sh
# The dashboard with no mentor to suggest (tests/integration/
# dashboard_alone.py), among the checks that run one at a time: it unlists
# every mentor for a moment, which no test beside it may see. TAP.
cd "$(dirname "$0")" || exit 1
exec /usr/bin/python3 dashboard_alone.py
