#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: drift_report
short_description: Write one drift report of many queue managers on the controller, from their check-mode mq_objects runs
version_added: 0.1.0
description:
  - Reads, for every host of the play, the registered result of a M(mqrest.admin.mq_objects) task run in check and diff mode
    (O(checked)), and writes one report of all of them into the directory O(dest) on the controller, in three files.
    C(drift.json) has, per host, its queue manager, its status and each object that differs from its declaration; for each
    differing attribute the declared and the actual value, objects declared and missing, objects that exist though declared
    absent, and objects not declared whose names start with the purge prefix. C(drift.md) (or C(drift.html), O(format))
    shows the same as tables a person reads, and C(drift.xml) is a JUnit report with one test case per queue manager, which
    AWX and CI systems display.
  - A queue manager whose check could not reach it (the queue manager or its command server not running, mqweb not
    answering, or no check result at all) is reported as V(unreachable), never as in sync; one whose check failed otherwise
    (a declaration the queue manager refuses, missing authority) as V(failed), with the message.
  - With O(reports), merges earlier reports instead (the data of their C(drift.json), or the paths of those files), such as the
    reports of the slices of a sliced AWX job, each of some of the queue managers, into one.
  - The role C(mqrest.admin.drift_report) runs it once per play, after the checks; run it with C(run_once=true). It runs
    on the controller and sends no request.
  - Does not fail because of drift itself; RV(fail_reason) says whether the play should, by O(fail_on_drift) and
    O(ignore_unreachable), so that the report can be handed on (C(ansible.builtin.set_stats)) before the play fails.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: Writes the report in check mode too; it is what the play is for, and the checks it reports on changed nothing.
  diff_mode:
    support: none
  platform:
    support: full
    platforms: all
options:
  dest:
    description: The directory on the controller to write C(drift.json), C(drift.md) or C(drift.html), and C(drift.xml) into; created if missing.
    type: path
    required: true
  format:
    description: The file a person reads, V(markdown) (C(drift.md)) or V(html) (C(drift.html)).
    type: str
    choices: [markdown, html]
    default: markdown
  checked:
    description: The name of the variable each host registered the result of its check-mode M(mqrest.admin.mq_objects) task in.
    type: str
    default: drift_report_checked
  reports:
    description:
      - Merge these reports instead of reading the play's hosts; each the data of a C(drift.json) (as a slice's
        C(ansible.builtin.set_stats) handed it on) or the path of one on the controller.
      - A host in two reports is taken from the one generated last, and a note in the report says so.
    type: list
    elements: raw
  fail_on_drift:
    description: Set RV(fail_reason) when any queue manager drifted.
    type: bool
    default: false
  ignore_unreachable:
    description:
      - Do not set RV(fail_reason) for queue managers that could not be checked; they are still reported as V(unreachable)
        (in the JUnit file as skipped test cases instead of errors). A check that failed otherwise always sets it.
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Converge QM1
  mqrest.admin.mq_objects:
    queues:
      - {name: APP.IN, max_depth: 5000}
  delegate_to: localhost

- name: Later, compare QM1 with its declarations, changing nothing
  mqrest.admin.mq_objects:
    queues:
      - {name: APP.IN, max_depth: 5000}
  check_mode: true
  diff: true
  delegate_to: localhost
  register: drift_report_checked
  ignore_errors: true  # an unreachable queue manager goes into the report

- name: Write the report of every host of the play
  mqrest.admin.drift_report:
    dest: "{{ playbook_dir }}/drift-report"
    fail_on_drift: true
  run_once: true
  register: drift

- name: Fail when the report says so
  ansible.builtin.fail:
    msg: "{{ drift.fail_reason }}"
  when: drift.fail_reason is not none
  run_once: true
"""

RETURN = r"""
report:
  description: The report, as written to C(drift.json).
  returned: always
  type: dict
  contains:
    generated:
      description: When the report was made (UTC, ISO 8601).
      type: str
    drift:
      description: Whether any queue manager drifted.
      type: bool
    summary:
      description: How many hosts have each status, and how many objects drifted in all.
      type: dict
      sample: {hosts: 3, in_sync: 1, drift: 1, unreachable: 1, failed: 0, not_declared: 0, drifted_objects: 3}
    hosts:
      description:
        - Per inventory host, its queue manager (C(qmgr)), its C(status) (V(in_sync), V(drift), V(unreachable), V(failed)
          or V(not_declared)), the C(message) of a check that did not tell, and its C(drifts).
        - Each drift has the object's C(type) and C(name) (and C(subtype) for a channel), the C(drift) (V(differs),
          V(missing), V(needs recreate), V(declared absent) or V(undeclared)), and where it applies C(attributes) (per
          option, the C(declared) and the C(actual) value) and C(state) (the C(declared) and the C(actual) run state).
      type: dict
      sample:
        qm1:
          qmgr: QM1
          status: drift
          message: null
          drifts:
            - {type: queue, name: APP.IN, drift: differs, attributes: {max_depth: {declared: 5000, actual: 100}}}
            - {type: channel, name: QM1.TO.QM2, subtype: sdr, drift: missing}
            - {type: queue, name: APP.EXTRA, drift: undeclared}
    notes:
      description: What a merge had to decide (a host in two reports).
      type: list
      elements: str
files:
  description: The files written.
  returned: always
  type: list
  elements: str
  sample: [drift-report/drift.json, drift-report/drift.md, drift-report/drift.xml]
fail_reason:
  description: Why the play should fail, by O(fail_on_drift) and O(ignore_unreachable); null when it should not.
  returned: always
  type: str
  sample: "1 queue manager(s) drifted (3 objects)"
msg:
  description: One line of what the report says, and where it is.
  returned: always
  type: str
"""
