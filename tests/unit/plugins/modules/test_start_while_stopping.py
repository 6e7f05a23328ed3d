# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""START on a channel that is still STOPPING (issue 13): MQ answers 4031 (AMQ9514E "Channel is in use", APAR IT34083),
the same answer as for a running channel. The task reads the status, waits for the record to go, then sends START
again, within the same deadline. The emulator's journal proves what was sent."""

from __future__ import annotations

from ansible_collections.mqrest.admin.plugins.module_utils._ensure import ensure_present
from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
from ansible_collections.mqrest.admin.plugins.module_utils._types import CHANNEL
from ansible_collections.mqrest.admin.plugins.module_utils._runtime import ObjectRuntime
from ansible_collections.mqrest.admin.plugins.module_utils._waiter import WaitPolicy

SDR = {"name": "TO.P1", "type": "sdr", "conname": "partner(1414)", "xmitq": "XQ"}


def another_writer_stops(mq, name="TO.P1"):
    status, reply = mq.model.run_mqsc("QM1", MQSCCommand("STOP", "CHANNEL", name, {"MODE": "QUIESCE"}).payload(), "admin")
    assert status == 200 and reply["overallCompletionCode"] == 0, reply


def starts(mq):
    """(START, overall completion code) of every START: 2 when MQ refused it."""
    return [(e["command"], e["completion_code"]) for e in mq.model.journal("QM1") if e["command"] == "START"]


def test_a_channel_still_stopping_is_started_once_its_record_has_gone(mq, run_module):
    assert not run_module("mq_channel", state="started", **SDR).get("failed")
    mq.model.set_timing(channel_stop=1.0)  # STOPPING lasts a second: the task's START arrives while it does
    another_writer_stops(mq)
    mq.model.clear_journal()
    result = run_module("mq_channel", name="TO.P1", state="started", wait_timeout=20)
    assert not result.get("failed"), result.get("msg")
    # The first START is refused (4031: in use while STOPPING); the second, after the record has gone, starts it.
    assert starts(mq) == [("START", 2), ("START", 0)]
    assert result["changed"] is True and result["run_action"] == "started"
    assert result["sync_result"]["by_another_writer"] is False
    assert mq.model.run_mqsc("QM1", MQSCCommand("DISPLAY", "CHSTATUS", "TO.P1").payload())[1]["commandResponse"][0][
        "parameters"]["status"] == "RUNNING"


def test_a_running_channel_answered_4031_is_still_another_writers_start(mq, run_module, another_writer):
    assert not run_module("mq_channel", **SDR).get("failed")
    # Another writer starts it between this task's status read and its START: MQ answers 4031 and it is RUNNING.
    another_writer("DISPLAY", "CHSTATUS", MQSCCommand("START", "CHANNEL", "TO.P1"))
    mq.model.clear_journal()
    result = run_module("mq_channel", name="TO.P1", state="started")
    assert not result.get("failed"), result.get("msg")
    assert starts(mq) == [("START", 0), ("START", 2)]  # the other writer's, then this task's (refused)
    assert result["changed"] is False and result["run_action"] is None


def test_stuck_stopping_is_waited_for_within_the_deadline_then_started(mq, client_factory):
    client = client_factory()
    ensure_present(client, CHANNEL, "TO.P1", {"CHLTYPE": "SDR", "CONNAME": "partner(1414)", "XMITQ": "XQ"})
    ObjectRuntime(client, CHANNEL).ensure_started("TO.P1", "SDR")
    fault = mq.model.add_fault({"qmgr": "QM1", "kind": "stuck", "qualifier": "CHANNEL", "name": "TO.P1"})
    another_writer_stops(mq)
    sleeps = []

    def sleep(seconds):
        sleeps.append(seconds)
        if len(sleeps) == 3:  # the channel stays STOPPING for three polls, then the fault is cleared
            mq.model.clear_faults()
    assert fault["id"]
    mq.model.clear_journal()
    outcome = ObjectRuntime(client, CHANNEL, WaitPolicy(timeout=30, sleep=sleep)).ensure_started("TO.P1", "SDR")
    assert (outcome.outcome, outcome.by_another_writer, outcome.status_after) == ("done", False, "RUNNING")
    assert starts(mq) == [("START", 2), ("START", 0)]
    assert len(sleeps) >= 3


def test_stuck_stopping_times_out_with_the_status_seen(mq, client_factory):
    client = client_factory()
    ensure_present(client, CHANNEL, "TO.P1", {"CHLTYPE": "SDR", "CONNAME": "partner(1414)", "XMITQ": "XQ"})
    ObjectRuntime(client, CHANNEL).ensure_started("TO.P1", "SDR")
    mq.model.add_fault({"qmgr": "QM1", "kind": "stuck", "qualifier": "CHANNEL", "name": "TO.P1"})
    another_writer_stops(mq)
    mq.model.clear_journal()
    clock = iter(range(0, 1000))
    policy = WaitPolicy(timeout=5, clock=lambda: float(next(clock)), sleep=lambda s: None)
    try:
        ObjectRuntime(client, CHANNEL, policy).ensure_started("TO.P1", "SDR")
    except Exception as exc:  # noqa: BLE001  pylint: disable=broad-except
        assert "did not start within 5" in exc.msg and "last status: STOPPING" in exc.msg, exc.msg
    else:
        raise AssertionError("a channel stuck in STOPPING cannot have started")
    assert starts(mq) == [("START", 2)]  # never sent again while it was STOPPING
