# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scenario 5 of tools/bench.py: the qmgr_restart playbook over many emulated queue managers (endmqm/strmqm shims).

Measures the wall time against the lower bound (batches x the slowest emulated restart, read from the emulator's
timeline: stop command to ended, plus start command to the last milestone), the reported milestone times against the
timeline's (ground truth), and the REST requests per queue manager per second of waiting. Then the floor: the same two
host commands alone (tools/bench/qmgr_commands.yml), what any restart through Ansible costs before it measures anything.
"""

from __future__ import annotations

import json
import math
import os
import time

from bench_lib import (
    AUTH_METHOD, DEV, PASSWORD, PLAYBOOKS, ROOT, USERNAME, WORK, Emulator, ansible_env, client_for, progress, run_playbook, write_json,
)

# The milestones the timeline also records (its "listeners" are the CONTROL(QMGR) listeners and services, all of them
# here; its "connections" the last client back, hence connections_share 1.0).
COMPARED = ("running", "command_server", "channel_initiator", "listeners", "connections")
CLIENTS = 5
POLL_INTERVAL = 0.5


def _prepare(emulator, qmgrs):
    # pylint: disable=import-outside-toplevel  # importable only once bench_lib.ensure_dev_link() has run
    from ansible_collections.mqrest.admin.plugins.module_utils._ensure import ensure_present
    from ansible_collections.mqrest.admin.plugins.module_utils._types import CHANNEL, LISTENER
    from ansible_collections.mqrest.admin.plugins.module_utils._restart import run_operation
    from ansible_collections.mqrest.admin.plugins.module_utils._runtime import ObjectRuntime
    from ansible_collections.mqrest.admin.plugins.module_utils._waiter import WaitPolicy
    for index, qmgr in enumerate(qmgrs):
        client = client_for(emulator, qmgr)
        ensure_present(client, LISTENER, "APP.LISTENER", {"TRPTYPE": "TCP", "PORT": 1414, "CONTROL": "QMGR"})
        ensure_present(client, CHANNEL, "APP.SVRCONN", {"CHLTYPE": "SVRCONN"})
        ensure_present(client, CHANNEL, "ROLL.TO.PARTNER", {"CHLTYPE": "SDR", "CONNAME": "partner.example.com(1414)", "XMITQ": "PARTNER"})
        run_operation(ObjectRuntime(client, LISTENER, WaitPolicy()), [("APP.LISTENER", None)], "start")
        run_operation(ObjectRuntime(client, CHANNEL, WaitPolicy()), [("ROLL.TO.PARTNER", "SDR")], "start")
        client.transport.close()
        emulator.control("POST", "/qmgr/{0}/channel/APP.SVRCONN/clients".format(qmgr), {"count": CLIENTS})
        # Active logs of 10% to 86% of a 160 MiB primary log: log replays of 0.2 s to 1.4 s at the realistic 100 MiB/s.
        emulator.control("POST", "/qmgr/{0}/qmstatus".format(qmgr), {"loginuse": 10 + 4 * index, "logprim": 10, "logextsz": 16392})


def _restart_seconds(current):
    return (current["ended"] - current["end_requested"]) + (current["connections"] - current["start_requested"])


def _inventory(emulator, qmgrs, report_path):
    return {"qmgrs": {"hosts": {q.lower(): {"mq_qmgr": q} for q in qmgrs}, "vars": {
        "ansible_connection": "local",
        "mq_connection": {"rest_url": emulator.base_url, "username": USERNAME, "password": PASSWORD, "auth_method": AUTH_METHOD},
        "qmgr_restart_become": False,
        "qmgr_restart_environment": {"PATH": os.path.join(ROOT, "tests", "emulator", "bin") + os.pathsep + os.environ.get("PATH", ""),
                                     "MQEMU_CONTROL_URL": emulator.control_url},
        "qmgr_restart_poll_interval": POLL_INTERVAL, "qmgr_restart_connections_share": 1.0,
        "qmgr_restart_report_path": report_path}}}


def qmgr_restart(qmgr_count, serial, timing="realistic", before=None):
    """mqrest.admin.qmgr_restart over ``qmgr_count`` queue managers, ``serial`` per batch; then the floor. With ``before``
    (the collections path of another copy of the collection, such as the commit before a change), that copy's playbook
    first, so that both are measured in one run on the same machine."""
    rows = _playbook(qmgr_count, serial, timing, before, "before: ") if before else []
    return rows + _playbook(qmgr_count, serial, timing) + _floor(qmgr_count, serial, timing)


def _floor(qmgr_count, serial, timing):
    """The two host commands alone, per queue manager: their wall time against the same kind of bound (stop command to
    ended, plus start command to running) and the controller CPU they cost."""
    qmgrs = ["QM{0:02d}".format(i) for i in range(1, qmgr_count + 1)]
    batches = int(math.ceil(qmgr_count / float(serial)))
    with Emulator(["{0}@{1}".format(q, q.lower()) for q in qmgrs], timing=timing, partner="partner.example.com", xmitqs=["PARTNER"]) as emulator:
        _prepare(emulator, qmgrs)
        inventory_path = write_json("qmgr_floor_inventory.json", _inventory(emulator, qmgrs, ""))
        seconds, recap = run_playbook(["-i", inventory_path, os.path.join(PLAYBOOKS, "qmgr_commands.yml"), "-e",
                                       "qmgr_restart_serial={0}".format(serial)], env=ansible_env(),
                                      label="5 floor {0} qmgrs serial {1} {2}".format(qmgr_count, serial, timing))
        timelines = {q: emulator.control("GET", "/qmgr/{0}/timeline".format(q))["current"] for q in qmgrs}
    slowest = max((t["ended"] - t["end_requested"]) + (t["running"] - t["start_requested"]) for t in timelines.values())
    bound = batches * slowest
    return [progress({
        "scenario": "5", "label": "floor: endmqm and strmqm only, {0} qmgrs, serial {1}".format(qmgr_count, serial),
        "latency_ms": 0.0, "objects": qmgr_count, "seconds": round(seconds, 2), "mqsc": None, "login": None,
        "lower_bound_seconds": round(bound, 2), "ratio_to_bound": round(seconds / bound, 2), "batches": batches,
        "slowest_restart_seconds": round(slowest, 2), "failed_hosts": recap["failed"], "cpu_seconds": recap["cpu_seconds"],
        "cpu_seconds_per_qmgr": round(recap["cpu_seconds"] / qmgr_count, 2), "floor": True, "date": time.strftime("%Y-%m-%d")})]


def _playbook(qmgr_count, serial, timing, collections_path=DEV, what=""):
    qmgrs = ["QM{0:02d}".format(i) for i in range(1, qmgr_count + 1)]
    batches = int(math.ceil(qmgr_count / float(serial)))
    report_path = os.path.join(WORK, "qmgr-restart-report.json")
    with Emulator(["{0}@{1}".format(q, q.lower()) for q in qmgrs], timing=timing, partner="partner.example.com", xmitqs=["PARTNER"]) as emulator:
        _prepare(emulator, qmgrs)
        inventory = _inventory(emulator, qmgrs, report_path)
        inventory_path = write_json("qmgr_inventory.json", inventory)
        emulator.clear_requests()
        seconds, recap = run_playbook(["-i", inventory_path, "mqrest.admin.qmgr_restart", "-e", "qmgr_restart_confirm=true",
                                       "-e", "qmgr_restart_serial={0}".format(serial)],
                                      env=ansible_env(collections_path),
                                      label="5 {0}qmgr_restart {1} qmgrs serial {2} {3}".format(what, qmgr_count, serial, timing))
        counts = emulator.requests()
        timelines = {q: emulator.control("GET", "/qmgr/{0}/timeline".format(q))["current"] for q in qmgrs}
    with open(report_path, encoding="utf-8") as handle:
        report = json.load(handle)["hosts"]
    slowest = max(_restart_seconds(t) for t in timelines.values())
    bound = batches * slowest
    # Reported minus true instant, per milestone: the report's since + elapsed against the timeline's epoch seconds.
    late = {name: [] for name in COMPARED + ("ended",)}
    rates = []
    for qmgr in qmgrs:
        result, truth = report[qmgr.lower()], timelines[qmgr]
        for milestone in result["milestones"]:
            if milestone["name"] in COMPARED and milestone["reached"]:
                late[milestone["name"]].append(result["milestones_since"] + milestone["elapsed_seconds"] - truth[milestone["name"]])
        late["ended"].append(result["stopped_at"] + result["ended_seconds"] - truth["ended"])
        waited = result["ended_seconds"] + max(m["elapsed_seconds"] for m in result["milestones"])
        rates.append(result["requests"] / waited)
    lateness = {name: {"min": round(min(v), 3), "max": round(max(v), 3)} for name, v in late.items() if v}
    # Within one poll interval, plus the time of one request; "ended" is shown but is no milestone: the wait for it starts
    # when the stop command returns (endmqm -i returns once the queue manager has ended).
    within = all(v["max"] <= POLL_INTERVAL + 0.1 and v["min"] >= -0.05 for name, v in lateness.items() if name != "ended")
    return [progress({
        "scenario": "5", "label": "{0}qmgr_restart {1} qmgrs, serial {2}, timing {3}".format(what, qmgr_count, serial, timing),
        "latency_ms": 0.0, "objects": qmgr_count, "seconds": round(seconds, 2), "mqsc": counts["mqsc"], "login": counts["login"],
        "lower_bound_seconds": round(bound, 2), "ratio_to_bound": round(seconds / bound, 2), "batches": batches,
        "slowest_restart_seconds": round(slowest, 2), "failed_hosts": recap["failed"], "cpu_seconds": recap["cpu_seconds"],
        "milestone_lateness_seconds": lateness, "poll_interval": POLL_INTERVAL, "milestones_within_poll_interval": within,
        "requests_per_qmgr_per_second": {"max": round(max(rates), 2), "mean": round(sum(rates) / len(rates), 2)},
        "cpu_seconds_per_qmgr": round(recap["cpu_seconds"] / qmgr_count, 2), "before": bool(what), "date": time.strftime("%Y-%m-%d")})]
