# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Synchronous start/stop/restart against the emulator's state machines."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._ensure import ensure_present
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQInputError, MQWaitError
from ansible_collections.mqrest.admin.plugins.module_utils._types import CHANNEL, LISTENER
from ansible_collections.mqrest.admin.plugins.module_utils._restart import run_operation
from ansible_collections.mqrest.admin.plugins.module_utils._runtime import ObjectRuntime
from ansible_collections.mqrest.admin.plugins.module_utils._waiter import WaitPolicy


def senders(client, count, prefix="TO.QM"):
    names = ["{0}{1:02d}".format(prefix, i) for i in range(count)]
    for name in names:
        ensure_present(client, CHANNEL, name, {"CHLTYPE": "SDR", "CONNAME": "partner(1414)", "XMITQ": "XQ"})
    return names


def runtime(client, spec=CHANNEL, wait_timeout=10, poll_interval=0.2):
    return ObjectRuntime(client, spec, WaitPolicy(timeout=wait_timeout, poll_interval=poll_interval))


def test_parallel_restart_polls_all_objects_together(mq, client_factory):
    client = client_factory()
    names = senders(client, 10)
    run_operation(runtime(client), [(n, "SDR") for n in names], "start")
    mq.model.set_timing(channel_start=0.3, channel_stop=0.2)
    mq.model.clear_journal()
    rt = runtime(client)
    records = run_operation(rt, [(n, "SDR") for n in names], "restart")
    journal = mq.model.journal("QM1")
    assert sorted(e["command"] for e in journal if e["mutating"]) == ["START"] * 10 + ["STOP"] * 10
    status_reads = [e for e in journal if e["qualifier"] == "CHSTATUS"]
    # One before-read plus a few polling rounds per phase, each covering all ten channels with a generic name.
    assert len(status_reads) == 1 + rt.poll_requests
    assert rt.poll_requests < 2 * 8
    assert all(e["name"].startswith("TO.QM") and e["name"].endswith("*") for e in status_reads)
    assert all(r.status_before == "RUNNING" and r.status_after == "RUNNING" for r in records.values())
    assert all(r.elapsed_seconds >= 0.5 for r in records.values())


def test_sequential_restart_keeps_the_given_order(mq, client_factory):
    client = client_factory()
    names = senders(client, 3)
    mq.model.clear_journal()
    run_operation(runtime(client), [(n, "SDR") for n in reversed(names)], "start", parallel=False)
    assert [e["name"] for e in mq.model.journal("QM1") if e["mutating"]] == list(reversed(names))


def test_idempotent_start_and_stop_send_nothing_twice(mq, client_factory):
    client = client_factory()
    ensure_present(client, LISTENER, "L1", {"TRPTYPE": "TCP", "PORT": 1500})
    assert runtime(client, LISTENER).ensure_started("L1").outcome == "done"
    assert runtime(client, LISTENER).ensure_started("L1") is None
    assert runtime(client, LISTENER).ensure_stopped("L1").outcome == "done"
    assert runtime(client, LISTENER).ensure_stopped("L1") is None
    assert [e["command"] for e in mq.model.journal("QM1") if e["mutating"]] == ["DEFINE", "START", "STOP"]


def test_retrying_sender_fails_fast_with_facts(mq, client_factory):
    client = client_factory()
    ensure_present(client, CHANNEL, "LOST", {"CHLTYPE": "SDR", "CONNAME": "nowhere.invalid(1414)", "XMITQ": "XQ"})
    with pytest.raises(MQWaitError) as info:
        runtime(client, wait_timeout=30).ensure_started("LOST", "SDR")
    failure = info.value.failures[0]
    assert (failure["name"], failure["operation"], failure["last_status"]) == ("LOST", "start", "RETRYING")
    assert failure["elapsed_seconds"] < 30
    assert "RETRYING" in info.value.msg


def test_stuck_object_times_out_with_last_status(mq, client_factory):
    client = client_factory()
    ensure_present(client, LISTENER, "L1", {"TRPTYPE": "TCP", "PORT": 1501})
    mq.model.set_timing(listener_start=0.05)
    mq.model.add_fault({"qmgr": "QM1", "kind": "stuck", "qualifier": "LISTENER", "name": "L1"})
    with pytest.raises(MQWaitError) as info:
        runtime(client, LISTENER, wait_timeout=0.6, poll_interval=0.1).ensure_started("L1")
    failure = info.value.failures[0]
    assert failure["outcome"] == "timeout"
    assert 0.6 <= failure["elapsed_seconds"] < 0.6 + 0.1 + 0.5
    assert failure["last_status"] == "STARTING"
    assert "did not start within 0.6s" in info.value.msg


def test_restart_that_cannot_start_again_says_so_and_how_it_was_left(mq, client_factory):
    client = client_factory()
    ensure_present(client, CHANNEL, "FLAKY", {"CHLTYPE": "SDR", "CONNAME": "partner(1414)", "XMITQ": "XQ"})
    runtime(client).ensure_started("FLAKY", "SDR")
    # A CONNAME change takes effect at the next start: the restart stops cleanly, then cannot reconnect.
    ensure_present(client, CHANNEL, "FLAKY", {"CHLTYPE": "SDR", "CONNAME": "moved.invalid(1414)", "XMITQ": "XQ"})
    with pytest.raises(MQWaitError) as info:
        run_operation(runtime(client, wait_timeout=5, poll_interval=0.1), [("FLAKY", "SDR")], "restart")
    # It is RETRYING, not stopped: the message must not claim otherwise.
    assert "did not start again (last status: RETRYING)" in info.value.msg
    assert "left stopped" not in info.value.msg
    assert info.value.result["sync_results"][0]["status_before"] == "RUNNING"


def test_wait_survives_503_while_polling(mq, client_factory):
    client = client_factory()
    ensure_present(client, LISTENER, "L1", {"TRPTYPE": "TCP", "PORT": 1502})
    mq.model.set_timing(listener_start=0.3)
    rt = runtime(client, LISTENER)
    mq.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": 503, "count": 2, "command": "DISPLAY", "qualifier": "LSSTATUS"})
    assert rt.ensure_started("L1") is not None
    assert rt.statuses(["L1"])["L1"][0]["status"] == "RUNNING"


def test_check_mode_sends_no_start(mq, client_factory):
    client = client_factory(check_mode=True)
    outcome = runtime(client, LISTENER).ensure_started("SYSTEM.DEFAULT.LISTENER.TCP")
    assert outcome is not None and outcome.polls == 0
    assert client.sent == ["START LISTENER(SYSTEM.DEFAULT.LISTENER.TCP)"]
    assert [e for e in mq.model.journal("QM1") if e["mutating"]] == []


def test_restart_that_ends_without_status_says_it_is_left_stopped(mq, client_factory):
    client = client_factory()
    for name, port in (("L9", 1509), ("L10", 1510)):
        ensure_present(client, LISTENER, name, {"TRPTYPE": "TCP", "PORT": port})
        runtime(client, LISTENER).ensure_started(name)
    # The new port takes effect at the next start, where it collides with L9: the listener ends.
    ensure_present(client, LISTENER, "L10", {"TRPTYPE": "TCP", "PORT": 1509})
    mq.model.set_timing(listener_start=0.2)
    with pytest.raises(MQWaitError) as info:
        run_operation(runtime(client, LISTENER, wait_timeout=5), [("L10", None)], "restart")
    assert "stopped cleanly but did not start again, so it is left stopped" in info.value.msg
    assert info.value.failures[0]["last_status"] == "no status record"


def test_a_failed_start_in_a_fan_out_does_not_leave_the_others_stopped(mq, client_factory):
    client = client_factory()
    for name, port in (("APP.L1", 1601), ("APP.L2", 1602)):
        ensure_present(client, LISTENER, name, {"TRPTYPE": "TCP", "PORT": port})
        runtime(client, LISTENER).ensure_started(name)
    mq.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": 503, "count": 1, "command": "START"})
    with pytest.raises(MQWaitError) as info:
        run_operation(runtime(client, LISTENER), [("APP.L1", None), ("APP.L2", None)], "restart")
    assert [f["name"] for f in info.value.failures] == ["APP.L1"]
    assert "HTTP 503" in info.value.msg
    results = {r["name"]: r for r in info.value.result["sync_results"]}
    assert results["APP.L2"]["status_after"] == "RUNNING"  # the other listener was still started
    assert [e["name"] for e in mq.model.journal("QM1") if e["command"] == "START"][-2:] == ["APP.L1", "APP.L2"]


def test_an_unstartable_object_is_refused_before_anything_is_stopped(mq, client_factory):
    client = client_factory()
    names = senders(client, 1)
    run_operation(runtime(client), [(names[0], "SDR")], "start")
    mq.model.clear_journal()
    with pytest.raises(MQInputError, match="clntconn"):
        run_operation(runtime(client), [(names[0], "SDR"), ("APP.CLNT", "CLNTCONN")], "restart")
    assert [e for e in mq.model.journal("QM1") if e["mutating"]] == []


def test_one_at_a_time_stops_at_the_first_failure_and_names_what_it_did_not_attempt(mq, client_factory):
    client = client_factory()
    names = senders(client, 3)
    run_operation(runtime(client), [(n, "SDR") for n in names], "start")
    ensure_present(client, CHANNEL, names[1], {"CHLTYPE": "SDR", "CONNAME": "partner.invalid(1414)", "XMITQ": "XQ"})
    mq.model.clear_journal()
    with pytest.raises(MQWaitError) as info:
        run_operation(runtime(client, wait_timeout=5, poll_interval=0.1), [(n, "SDR") for n in names], "restart", parallel=False)
    assert info.value.result["not_attempted"] == [names[2]]
    assert info.value.msg.endswith("; not attempted after that failure: " + names[2])
    assert names[2] not in {e["name"] for e in mq.model.journal("QM1") if e["mutating"]}
