# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scenario 6 of tools/bench.py: a fleet of emulated queue managers (200, one emulator process), each with 50 declared
objects of every kind: the drift report playbook over all of them (6a), and an export of all of them (6b), with 20 forks.

Measures the wall time of each ansible-playbook run, the controller's CPU (ansible-playbook, its workers and the modules
they ran, from wait4) per queue manager, and the REST requests per queue manager, with the DISPLAYs of each queue manager
counted per object type from the emulator's journal (the target: one per type, and the status DISPLAYs of the types that
run where a declaration has a run state).
"""

from __future__ import annotations

import collections
import json
import os

from bench_lib import AUTH_METHOD, PASSWORD, USERNAME, WORK, Emulator, client_for, progress, run_playbook, write_json

FORKS = 20
PREFIX = "FLEET."
# One in ten queue managers has an attribute changed out of band, so that the report has something to say.
DRIFTED_EVERY = 10


def declarations():
    """50 objects of every kind, the same on each queue manager: 25 queues, 5 topics, 2 listeners (one running), 15
    channels, 3 services; the provision role's variables (the drift report reads them)."""
    return {
        "mq_queues": [{"name": "{0}Q.{1:02d}".format(PREFIX, i), "max_depth": 10000 + i, "description": "fleet queue {0}".format(i)}
                      for i in range(24)] + [{"name": PREFIX + "XQ", "usage": "xmitq"}],
        "mq_topics": [{"name": "{0}T.{1}".format(PREFIX, i), "topic_string": "fleet/{0}".format(i), "durable_subscriptions": "yes"}
                      for i in range(5)],
        "mq_listeners": [{"name": PREFIX + "LISTENER", "port": 1414, "control": "qmgr", "state": "started"},
                         {"name": PREFIX + "SPARE", "port": 1415}],
        "mq_channels": [{"name": "{0}SVRCONN.{1}".format(PREFIX, i), "type": "svrconn", "max_instances": 100 + i} for i in range(10)]
        + [{"name": "{0}FROM.{1}".format(PREFIX, i), "type": "rcvr", "description": "from partner {0}".format(i)} for i in range(5)],
        "mq_services": [{"name": "{0}CMD.{1}".format(PREFIX, i), "start_command": "/opt/app/bin/job", "start_args": str(i)} for i in range(3)],
    }


def _provision(emulator, qmgrs, declared):
    """Every queue manager converged to the declarations with the mq_objects core in Python (no Ansible: set-up, not measured),
    then the out-of-band changes."""
    # pylint: disable=import-outside-toplevel  # importable only once bench_lib.ensure_dev_link() has run
    from ansible_collections.mqrest.admin.plugins.module_utils._converge import converge, parse_entries
    from ansible_collections.mqrest.admin.plugins.module_utils._argspec import entry_options
    from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY
    from ansible_collections.mqrest.admin.plugins.module_utils._waiter import WaitPolicy
    managed = []
    for otype in REGISTRY:
        if "mq_" + otype.list_option not in declared:
            continue  # a kind the fleet declares nothing of (a row added after this scenario)
        options = entry_options(otype, restart=False)
        entries = [dict({k: v.get("default") for k, v in options.items()}, **entry) for entry in declared["mq_" + otype.list_option]]
        managed.append((otype, entries))
    for index, qmgr in enumerate(qmgrs):
        client = client_for(emulator, qmgr)
        converge(client, [(otype, parse_entries(otype, otype.list_option, entries)) for otype, entries in managed], WaitPolicy(),
                 stop={"stop_mode": "quiesce", "stop_status": "stopped"})
        if index % DRIFTED_EVERY == 0:
            client.run(_command("ALTER", "QLOCAL", PREFIX + "Q.00", {"MAXDEPTH": 99}))
        client.transport.close()


def _command(verb, qualifier, name, parameters):
    from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand  # pylint: disable=import-outside-toplevel
    return MQSCCommand(verb, qualifier, name, parameters)


def _displays(emulator, qmgrs):
    """Per queue manager, the DISPLAYs of each qualifier since the journal was cleared: the most any one got, and the total."""
    per_qmgr = collections.defaultdict(collections.Counter)
    for entry in emulator.control("GET", "/journal")["commands"]:
        if entry["command"] == "DISPLAY":
            per_qmgr[entry["qmgr"]][entry["qualifier"]] += 1
    qualifiers = sorted({q for counts in per_qmgr.values() for q in counts})
    most = {q: max(per_qmgr[m][q] for m in qmgrs) for q in qualifiers}
    return most, sum(sum(c.values()) for c in per_qmgr.values())


def _inventory(emulator, qmgrs, declared):
    return {"qmgrs": {"hosts": {q.lower(): {"mq_qmgr": q} for q in qmgrs}, "vars": dict(declared, **{
        "ansible_connection": "local",
        "mq_connection": {"rest_url": emulator.base_url, "username": USERNAME, "password": PASSWORD, "auth_method": AUTH_METHOD},
        "provision_purge": {"prefix": PREFIX}})}}


EXPORT_PLAYBOOK = """---
# tools/bench.py scenario 6b: every queue manager of the fleet exported into a host_vars file of its own.
- name: Export every queue manager
  hosts: all
  gather_facts: false
  tasks:
    - name: Export the objects and what runs
      mqrest.admin.mq_export:
        rest_url: "{{ mq_connection.rest_url }}"
        username: "{{ mq_connection.username }}"
        password: "{{ mq_connection.password }}"
        auth_method: "{{ mq_connection.auth_method }}"
        qmgr: "{{ mq_qmgr }}"
        include_state: true
        dest: "{{ fleet_export_dir }}/{{ inventory_hostname }}.yml"
      delegate_to: localhost
"""


def fleet(qmgr_count, objects=50):
    """6a and 6b over ``qmgr_count`` queue managers."""
    qmgrs = ["QM{0:03d}".format(i) for i in range(1, qmgr_count + 1)]
    declared = declarations()
    assert sum(len(v) for v in declared.values()) == objects
    rows = []
    with Emulator(["{0}@{1}".format(q, q.lower()) for q in qmgrs]) as emulator:
        _provision(emulator, qmgrs, declared)
        inventory = write_json("fleet_inventory.json", _inventory(emulator, qmgrs, declared))
        report_dir = os.path.join(WORK, "fleet-drift-report")
        export_dir = os.path.join(WORK, "fleet-export")
        book = os.path.join(WORK, "fleet_export.yml")
        with open(book, "w", encoding="utf-8") as handle:
            handle.write(EXPORT_PLAYBOOK)
        runs = [("6a", "drift report of the fleet, {0} forks".format(FORKS),
                 ["mqrest.admin.drift_report", "-e", json.dumps({"drift_report_dir": report_dir, "drift_report_artifact": ""})]),
                ("6b", "export of the fleet, {0} forks".format(FORKS), [book, "-e", json.dumps({"fleet_export_dir": export_dir})])]
        for scenario, label, args in runs:
            emulator.clear_requests()
            emulator.control("DELETE", "/journal")
            before = emulator.proc()
            seconds, recap = run_playbook(["-i", inventory, "-f", str(FORKS)] + args, label="{0} {1} qmgrs".format(scenario, qmgr_count))
            after = emulator.proc()
            counts = emulator.requests()
            most, displays = _displays(emulator, qmgrs)
            row = {"scenario": scenario, "label": label, "latency_ms": 0.0, "objects": qmgr_count * objects, "qmgrs": qmgr_count,
                   "seconds": round(seconds, 2), "mqsc": counts["mqsc"], "login": counts["login"], "cpu_seconds": recap["cpu_seconds"],
                   "cpu_seconds_per_qmgr": round(recap["cpu_seconds"] / qmgr_count, 3),
                   "requests_per_qmgr": round(counts["total"] / float(qmgr_count), 2),
                   "mqsc_per_qmgr": round(counts["mqsc"] / float(qmgr_count), 2), "displays": displays,
                   "most_displays_per_qmgr": most, "emulator_cpu_seconds": round(after["cpu_seconds"] - before["cpu_seconds"], 2),
                   "failed_hosts": recap["failed"]}
            if scenario == "6a":
                with open(os.path.join(report_dir, "drift.json"), encoding="utf-8") as handle:
                    row["report_summary"] = json.load(handle)["summary"]
            rows.append(progress(row))
    return rows
