#!/usr/bin/env bash
# The time-sensitive tests, run with the app's clock (TEST_CLOCK) at fixed instants: four times of today
# in UTC and two days on which clocks change (Europe's spring forward, America's fall back). A test that
# passes only at some hours fails here, whatever hour this runs at. Files that read no clock of their own
# (no weekday, no time of day, no tick: decisions-vote) run once, in `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
day=$(date -u +%F)
files=(tests/e2e/{dates,standups,standups-discord,standup-now,standup-nudge,pairing-groups,reminders,events,events-manage,events-discord-scheduled,pairing,strategy-campaigns,tasks,tasks-manage,assign,oneonones,debrief,expansion,language,decisions-walkthrough,decisions-log,decisions-discord,decisions-close,decisions-create,decisions-stages,coalitions,coalitions-isolation,coalitions-campaign,report,home,calendar}.test.ts)
for at in "${day}T00:30:00Z" "${day}T07:49:00Z" "${day}T15:30:00Z" "${day}T23:50:00Z" 2027-03-28T00:30:00Z 2027-11-07T05:30:00Z; do
  echo "TEST_CLOCK=$at"
  TEST_CLOCK=$at npx vitest run "${files[@]}"
done
