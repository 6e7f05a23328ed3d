# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scenario 3 of tools/bench.py: restarts of channels on one queue manager (3a), the rolling restart playbook across
many emulated queue managers (3b), and a fan-out start of senders across a network of queue managers (3c)."""

from __future__ import annotations

import json
import math
import os
import time

from with_emulator import mqsc  # tools/ is on sys.path: bench.py runs from it
from bench_lib import PLAYBOOKS, WORK, USERNAME, PASSWORD, AUTH_METHOD, Emulator, ansible_env, client_for, progress, run_playbook, write_json

# 3a: channel stop 0.5 s and start 1.0 s, so one restart has a physical lower bound of 1.5 s.
STOP_SECONDS = 0.5
START_SECONDS = 1.0
PHYSICAL = STOP_SECONDS + START_SECONDS

# 3b: two timing profiles. "fast" is the emulator's own profile of that name. "wan" is what a sender channel to a
# partner across a WAN plausibly takes: a quiesced stop waits for the batch in flight (~2 s), a start resolves the
# partner, connects, negotiates TLS and the channel (~5 s); listeners take the emulator's "realistic" 1 s each way.
ROLLING_PROFILES = {
    "fast": {"channel_stop": 0.15, "channel_start": 0.3, "listener_stop": 0.1, "listener_start": 0.2},
    "wan": {"channel_stop": 2.0, "channel_start": 5.0, "listener_stop": 1.0, "listener_start": 1.0},
}
# One sender channel and one listener per queue manager, restarted in this order (two mq_restart calls, as the role
# restarts its targets one entry after the other).
ROLLING_TARGETS = [{"type": "channel", "names": ["ROLL.TO.PARTNER"]}, {"type": "listener", "names": ["ROLL.LISTENER"]}]


def _modules():
    # pylint: disable=import-outside-toplevel  # importable only once bench_lib.ensure_dev_link() has run
    from ansible_collections.mqrest.admin.plugins.module_utils._ensure import ensure_present
    from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
    from ansible_collections.mqrest.admin.plugins.module_utils._types import CHANNEL, LISTENER
    from ansible_collections.mqrest.admin.plugins.module_utils._restart import run_operation
    from ansible_collections.mqrest.admin.plugins.module_utils._runtime import ObjectRuntime
    from ansible_collections.mqrest.admin.plugins.module_utils._waiter import WaitPolicy

    def runtime_class(client, spec, **policy):
        return ObjectRuntime(client, spec, WaitPolicy(**policy))
    return ensure_present, MQSCCommand, CHANNEL, LISTENER, runtime_class, run_operation


# --- 3a -------------------------------------------------------------------------------------------------------------

def _prepare_channels(emulator, count):
    ensure_present, _cmd, channel, _lst, runtime_class, run_operation = _modules()
    emulator.reset()
    client = client_for(emulator)
    names = ["BENCH.{0:03d}".format(i) for i in range(count)]
    for name in names:
        ensure_present(client, channel, name, {"CHLTYPE": "SDR", "CONNAME": "partner(1414)", "XMITQ": "XQ"})
    run_operation(runtime_class(client, channel), [(n, "SDR") for n in names], "start")
    emulator.set_timing(channel_stop=STOP_SECONDS, channel_start=START_SECONDS)
    return names


def _core_restart(emulator, names, parallel=True):
    _ens, _cmd, channel, _lst, runtime_class, run_operation = _modules()
    client = client_for(emulator, auth_method=AUTH_METHOD)
    runtime = runtime_class(client, channel, timeout=60, poll_interval=1.0)
    started = time.monotonic()
    run_operation(runtime, [(n, "SDR") for n in names], "restart", parallel=parallel)
    return time.monotonic() - started


def _peer_strategy(emulator, names, interval=1.0):
    """One object at a time; each phase sleeps a full interval before every status poll (pymqrest §5.2)."""
    _ens, command_class, _chl, _lst, _rt, _op = _modules()
    transport = client_for(emulator, auth_method=AUTH_METHOD).transport
    started = time.monotonic()
    for name in names:
        for verb, target in (("STOP", ("STOPPED",)), ("START", ("RUNNING",))):
            transport.run_mqsc(command_class(verb, "CHANNEL", name))
            while True:
                time.sleep(interval)
                rows = transport.run_mqsc(command_class("DISPLAY", "CHSTATUS", name, response_parameters=["all"]))
                if any(row.get("status") in target for row in rows):
                    break
    return time.monotonic() - started


def channel_restarts(channels, latencies, slow_latencies):
    """3a. The slow strategies (one at a time, peer) run only at ``slow_latencies``: a few ms matter little next to 1 s sleeps."""
    cases = [("3a", "restart 1 channel (mq_restart core)", 1, _core_restart, {}, latencies),
             ("3a", "restart {0} channels, parallel".format(channels), channels, _core_restart, {}, latencies),
             ("3a", "restart {0} channels, one at a time".format(channels), channels, _core_restart, {"parallel": False}, slow_latencies),
             ("3a", "restart {0} channels, peer strategy (1 s sleep per poll)".format(channels), channels, _peer_strategy, {}, slow_latencies)]
    rows = []
    with Emulator(["QM1"], partner="partner", xmitqs=["XQ"]) as emulator:  # the senders' partner: partner(1414)
        for latency in latencies:
            for scenario, label, count, run, kwargs, wanted in cases:
                if latency not in wanted:
                    continue
                names = _prepare_channels(emulator, count)
                emulator.clear_requests()
                emulator.set_latency(latency)
                seconds = run(emulator, names, **kwargs)
                counts = emulator.requests()
                emulator.set_latency(0)
                rows.append(progress({
                    "scenario": scenario, "label": label, "latency_ms": latency * 1000, "objects": count, "seconds": round(seconds, 2),
                    "mqsc": counts["mqsc"], "login": counts["login"], "lower_bound_seconds": PHYSICAL, "ratio_to_bound": round(seconds / PHYSICAL, 2)}))
    return rows


# --- 3c -------------------------------------------------------------------------------------------------------------

# Three queue managers on their own hosts; QM1's senders fan out to QM2 and QM3, which listen on 1414 and define a
# receiver per sender. The single-qmgr figure: the same senders all to PARTNER (one host, CHAD defines the receivers).
NETWORK = ["QM1@qm1host", "QM2@qm2host", "QM3@qm3host"]
FAN_OUT_PARTNERS = ("QM2", "QM3")


def _prepare_fan_out(emulator, count, fan_out):
    """``count`` stopped senders on QM1: to PARTNER over XQ, or alternately to QM2 and QM3 over XMITQs named after them."""
    ensure_present, _cmd, channel, _lst, _rt, _op = _modules()
    emulator.reset()
    names = ["FAN.{0:03d}".format(i) for i in range(count)]
    if fan_out:
        for qmgr in FAN_OUT_PARTNERS:
            mqsc(emulator.base_url, "QM1", "DEFINE QLOCAL({0}) USAGE(XMITQ)".format(qmgr))
            for command in ("DEFINE LISTENER(TCP.LISTENER) TRPTYPE(TCP) PORT(1414) CONTROL(QMGR)", "START LISTENER(TCP.LISTENER)"):
                mqsc(emulator.base_url, qmgr, command)
    client = client_for(emulator)
    for index, name in enumerate(names):
        partner = FAN_OUT_PARTNERS[index % len(FAN_OUT_PARTNERS)] if fan_out else None
        if partner:
            mqsc(emulator.base_url, partner, "DEFINE CHANNEL({0}) CHLTYPE(RCVR)".format(name))
        ensure_present(client, channel, name, {"CHLTYPE": "SDR", "CONNAME": "{0}host(1414)".format(partner.lower()) if partner else "partner(1414)",
                                               "XMITQ": partner or "XQ"})
    emulator.set_timing(channel_start=START_SECONDS)
    return names


def _core_start(emulator, names):
    _ens, _cmd, channel, _lst, runtime_class, run_operation = _modules()
    client = client_for(emulator, auth_method=AUTH_METHOD)
    started = time.monotonic()
    run_operation(runtime_class(client, channel, timeout=60, poll_interval=1.0), [(n, "SDR") for n in names], "start")
    return time.monotonic() - started


def fan_out_starts(channels, latencies):
    """3c. Starting ``channels`` senders of QM1 at once (mq_restart's core, parallel): each must reach RUNNING, which the
    emulator grants only when its partner listens and defines the receiver; one partner vs fanned out over two."""
    rows = []
    with Emulator(NETWORK, partner="partner", xmitqs=["XQ"]) as emulator:
        for latency in latencies:
            for fan_out, label in ((False, "start {0} senders, one partner qmgr (single-qmgr figure)"),
                                   (True, "start {0} senders, fanned out over a 3-qmgr network")):
                names = _prepare_fan_out(emulator, channels, fan_out)
                emulator.clear_requests()
                emulator.set_latency(latency)
                seconds = _core_start(emulator, names)
                counts = emulator.requests()
                emulator.set_latency(0)
                pairs = len(emulator.control("GET", "/network")["pairs"])
                rows.append(progress({
                    "scenario": "3c", "label": label.format(channels), "latency_ms": latency * 1000, "objects": channels,
                    "seconds": round(seconds, 2), "mqsc": counts["mqsc"], "login": counts["login"],
                    "note": "{0} running pairs; channel start {1} s".format(pairs, START_SECONDS)}))
    return rows


# --- 3b -------------------------------------------------------------------------------------------------------------

def _prepare_rolling(emulator, qmgrs):
    ensure_present, _cmd, channel, listener, runtime_class, run_operation = _modules()
    emulator.reset()
    for qmgr in qmgrs:
        client = client_for(emulator, qmgr)
        ensure_present(client, channel, "ROLL.TO.PARTNER", {"CHLTYPE": "SDR", "CONNAME": "partner.example.com(1414)", "XMITQ": "PARTNER"})
        ensure_present(client, listener, "ROLL.LISTENER", {"TRPTYPE": "TCP", "PORT": 1414})
        run_operation(runtime_class(client, channel), [("ROLL.TO.PARTNER", "SDR")], "start")
        run_operation(runtime_class(client, listener), [("ROLL.LISTENER", None)], "start")
        client.transport.close()


# The role's defaults for the health gate: consecutive healthy checks, this many seconds apart.
HEALTH_DEFAULTS = {"rolling_restart_health_checks": 3, "rolling_restart_health_interval": 2}


def per_qmgr_bound(profile, role_variables=None):
    """The lower bound of one queue manager: its target entries restart one after another, so the sum, per entry, of
    the slowest object's stop + start (one object per entry here), plus the health gate's pauses, interval x (checks-1)."""
    timing = ROLLING_PROFILES[profile]
    health = dict(HEALTH_DEFAULTS, **(role_variables or {}))
    pauses = health["rolling_restart_health_interval"] * (health["rolling_restart_health_checks"] - 1)
    return sum(timing[t["type"] + "_stop"] + timing[t["type"] + "_start"] for t in ROLLING_TARGETS) + pauses


def _category(event):
    action, name = event.get("action", ""), event["name"].split(" : ", 1)[-1]
    if action.endswith("mq_restart"):
        return "restart"
    if name.startswith(("Wait until the queue manager", "Stay healthy")):
        return "health"
    if action.endswith("mq_info"):
        return "preflight"
    return "other"


def analyse_timer(events, started_at, ended_at):
    """Split the run into startup, the guard play and each serial batch; per batch, time by kind of task."""
    boundaries = [e for e in events if e["kind"] in ("play", "task", "end")]
    batches, current = [], None
    for index, event in enumerate(boundaries):
        if event["kind"] == "end":
            break
        following = boundaries[index + 1]["time"] if index + 1 < len(boundaries) else ended_at
        if event["kind"] == "play":
            current = {"play": event["name"], "start": event["time"], "seconds": 0.0, "tasks": 0, "module_tasks": 0,
                       "restart": 0.0, "health": 0.0, "preflight": 0.0, "other": 0.0, "restart_wait": 0.0}
            batches.append(current)
        elif event["kind"] == "task" and current is not None:
            current["tasks"] += 1
            current["module_tasks"] += event.get("action", "").startswith("mqrest.admin.")
            current[_category(event)] += following - event["time"]
        if current is not None:
            current["seconds"] = following - current["start"]
    # The module's own wait (sync_result.elapsed_seconds), slowest host per restart task of each batch.
    restart_tasks = [e for e in events if e["kind"] == "task" and _category(e) == "restart"]
    for event in events:
        if event["kind"] == "sync":
            task = max((t for t in restart_tasks if t["time"] <= event["time"]), key=lambda t: t["time"])
            task.setdefault("waits", []).append(event["seconds"] or 0.0)
    for batch in batches:
        batch["restart_wait"] = sum(max(t.get("waits", [0.0])) for t in restart_tasks
                                    if batch["start"] <= t["time"] < batch["start"] + batch["seconds"])
    guard = [b for b in batches if not b["play"].startswith("Restart")]
    rolled = [b for b in batches if b["play"].startswith("Restart")]
    first = batches[0]["start"] if batches else ended_at
    last = boundaries[-1]["time"] if boundaries else ended_at
    return {"startup_seconds": round(first - started_at, 2), "exit_seconds": round(ended_at - last, 2),
            "guard_seconds": round(sum(b["seconds"] for b in guard), 2),
            "batches": [{k: (round(v, 2) if isinstance(v, float) else v) for k, v in b.items() if k not in ("start", "play")} for b in rolled]}


def rolling_restart(qmgr_count, serial, runs, collections_path=None):
    """3b: mqrest.admin.rolling_restart over ``qmgr_count`` queue managers, ``serial`` per batch.

    ``runs``: (timing profile, latency seconds, extra role variables, label suffix) per run.
    """
    qmgrs = ["QM{0:02d}".format(i) for i in range(1, qmgr_count + 1)]
    batches = int(math.ceil(qmgr_count / float(serial)))
    rows = []
    # One host per queue manager (each ROLL.LISTENER binds 1414 on its own), ROLL.TO.PARTNER's partner and XMITQ.
    with Emulator(["{0}@{1}".format(q, q.lower()) for q in qmgrs], partner="partner.example.com", xmitqs=["PARTNER"]) as emulator:
        inventory = {"qmgrs": {"hosts": {q.lower(): {"mq_qmgr": q} for q in qmgrs}, "vars": {
            "mq_connection": {"rest_url": emulator.base_url, "username": USERNAME, "password": PASSWORD, "auth_method": AUTH_METHOD},
            "rolling_restart_targets": ROLLING_TARGETS}}}
        inventory_path = write_json("rolling_inventory.json", inventory)
        env = ansible_env(**({"ANSIBLE_COLLECTIONS_PATH": collections_path} if collections_path else {}))
        timer_file = os.path.join(WORK, "rolling_timer.json")
        env.update(ANSIBLE_CALLBACK_PLUGINS=os.path.join(PLAYBOOKS, "callback_plugins"), ANSIBLE_CALLBACKS_ENABLED="bench_timer",
                   BENCH_TIMER_FILE=timer_file)
        for profile, latency, extra_vars, suffix in runs:
            vars_path = write_json("rolling_vars.json", dict({"rolling_restart_serial": serial, "rolling_restart_confirm": True}, **extra_vars))
            _prepare_rolling(emulator, qmgrs)
            emulator.set_timing(**ROLLING_PROFILES[profile])
            emulator.clear_requests()
            emulator.set_latency(latency)
            started_at = time.time()
            seconds, recap = run_playbook(["-i", inventory_path, "mqrest.admin.rolling_restart", "-e", "@" + vars_path], env=env,
                                          label="3b {0} qmgrs serial {1} {2} {3:.0f}ms{4}".format(qmgr_count, serial, profile, latency * 1000, suffix))
            ended_at = time.time()
            counts = emulator.requests()
            emulator.set_latency(0)
            with open(timer_file, encoding="utf-8") as handle:
                breakdown = analyse_timer(json.load(handle), started_at, ended_at)
            bound = batches * per_qmgr_bound(profile, extra_vars)
            rows.append(progress({
                "scenario": "3b", "label": "rolling restart {0} qmgrs, serial {1}, timing {2}{3}".format(qmgr_count, serial, profile, suffix),
                "latency_ms": latency * 1000, "objects": qmgr_count * len(ROLLING_TARGETS), "seconds": round(seconds, 2),
                "mqsc": counts["mqsc"], "login": counts["login"], "lower_bound_seconds": round(bound, 2),
                "ratio_to_bound": round(seconds / bound, 2), "batches": batches, "timing": ROLLING_PROFILES[profile],
                "role_variables": extra_vars, "failed_hosts": recap["failed"], "cpu_seconds": recap["cpu_seconds"],
                "cpu_seconds_per_qmgr": round(recap["cpu_seconds"] / qmgr_count, 2),
                # Each task of a batch runs once per host of the batch.
                "module_runs_per_qmgr": round(sum(b["module_tasks"] for b in breakdown["batches"]) / float(batches), 1),
                "breakdown": breakdown}))
    return rows
