#!/usr/bin/env bash
# The drift_report playbook as a user runs it, over three hosts on the integration run's queue manager: bad input refused
# before any request; no drift says so and exits 0; after out-of-band changes, exactly those changes and the unreachable
# host, the play failing for the unreachable host unless ignored and for drift with drift_report_fail_on_drift; a second
# run gives the same report; two slices merged give it too; and not one mutating command from any of these runs.
set -eux

config="$(cd ../.. && pwd)/integration_config.yml"
out="${OUTPUT_DIR}/drift"
mkdir -p "${out}"
# One prefix for the whole run: the hosts' object names.
prefix="IT$((RANDOM % 10000))."
run() { ansible-playbook -i inventory.yml -e "@${config}" -e "mq_p=${prefix}" "$@"; }
report() { run mqrest.admin.drift_report "$@"; }
trap 'run cleanup.yml' EXIT

run prepare.yml
run journal.yml -e journal=reset

# Bad input: refused by the role's argument spec, naming the option and the value, before any request and any file.
if report -e drift_report_format=pdf -e "drift_report_dir=${out}/bad" > "${out}/bad.log" 2>&1; then exit 1; fi
grep -q "drift_report_format" "${out}/bad.log"
grep -q "pdf" "${out}/bad.log"
test ! -e "${out}/bad"
run journal.yml -e journal=none -e journal_empty=true

# No drift on the host that was left alone: said so, exit 0 even with drift_report_fail_on_drift.
report --limit in_sync -e drift_report_fail_on_drift=true -e "drift_report_dir=${out}/clean" | tee "${out}/clean.log"
grep -q "No drift" "${out}/clean.log"
run verify.yml -e expect=clean -e "report_dir=${out}/clean"

run out_of_band.yml
run journal.yml -e journal=reset

# The host that is down fails the play (after the report is written) unless ignored.
if report -e "drift_report_dir=${out}/default" > "${out}/default.log" 2>&1; then exit 1; fi
grep -q "could not be checked: down" "${out}/default.log"
run verify.yml -e expect=drift -e "report_dir=${out}/default"
# Ignored: exit 0 (drift alone does not fail), the same report, in HTML.
report -e drift_report_ignore_unreachable=true -e drift_report_format=html -e "drift_report_dir=${out}/again"
run verify.yml -e expect=drift -e "report_dir=${out}/again" -e readable_ext=html -e "same_as=${out}/default"
# drift_report_fail_on_drift: fails.
if report -e drift_report_ignore_unreachable=true -e drift_report_fail_on_drift=true -e "drift_report_dir=${out}/strict" \
  > "${out}/strict.log" 2>&1; then exit 1; fi
grep -q "1 queue manager(s) drifted (3 objects)" "${out}/strict.log"
# Two slices of the inventory, then the merge step: the same report.
report --limit in_sync,down -e drift_report_ignore_unreachable=true -e "drift_report_dir=${out}/slice1"
report --limit drifted -e "drift_report_dir=${out}/slice2"
run mqrest.admin.drift_report_merge -e drift_report_ignore_unreachable=true -e "drift_report_dir=${out}/merged" \
  -e "{\"drift_report_merge_files\": [\"${out}/slice1/drift.json\", \"${out}/slice2/drift.json\"]}"
run verify.yml -e expect=drift -e "report_dir=${out}/merged" -e "same_as=${out}/default"

run journal.yml -e journal=none
