# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_restart with baseline: after a queue manager restart (the emulator's control API), start again what ran before and
did not come back by itself. The journal proves what was started, in which order, and that nothing else was."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import control, fresh, mutating  # pylint: disable=import-error

SENDERS = ["OTHER.1", "OTHER.2", "PRIO.A", "PRIO.B"]
OBJECTS = {
    "listeners": [{"name": "APP.QMGR.LSTR", "port": 1601, "control": "qmgr", "state": "started"},
                  {"name": "APP.MANUAL.LSTR", "port": 1602, "control": "manual", "state": "started"}],
    "channels": [{"name": name, "type": "sdr", "conname": "partner(1414)", "xmitq": "XQ", "state": "started"} for name in SENDERS],
    "services": [{"name": "APP.SVC", "service_type": "server", "start_command": "/bin/sleep", "start_args": "60",
                  "stop_command": "/bin/true", "state": "started"}],
}


@pytest.fixture
def restarted(mq, run_module):
    """QM1's baseline with two listeners, four senders and a service running; then QM1 restarted, channel initiator up."""
    result = run_module("mq_objects", **OBJECTS)
    assert not result.get("failed"), result.get("msg")
    base = run_module("mq_qmgr_wait", capture=True)["baseline"]
    assert base["listeners"] == ["APP.MANUAL.LSTR", "APP.QMGR.LSTR"] and base["services"] == ["APP.SVC"]
    assert [c["name"] for c in base["channels"] if c["status"] == "RUNNING"] == SENDERS
    control(mq, "POST", "/qmgr/QM1/restart", {"down": 0.1, "starting": 0.1})
    up = run_module("mq_qmgr_wait", milestones=["channel_initiator"], poll_interval=0.2, wait_timeout=30)
    assert not up.get("failed"), up.get("msg")
    fresh(mq)
    return base


def test_starts_what_did_not_come_back_priority_first_and_nothing_that_runs(mq, run_module, restarted):
    # Given by hand: an inbound channel (its partner's sender brings it back) and one RETRYING before (not running then).
    base = dict(restarted, channels=restarted["channels"] + [
        {"name": "QM2.TO.QM1", "type": "RCVR", "status": "RUNNING", "inbound": True},
        {"name": "DOWN.LINK", "type": "SDR", "status": "RETRYING", "inbound": False}])
    result = run_module("mq_restart", operation="start", baseline=base, priority=["PRIO.B", "NOT.RUNNING.BEFORE", "PRIO.A"])
    assert not result.get("failed"), result.get("msg")
    starts = mutating(mq)
    # The CONTROL(QMGR) listener came back with the queue manager: not started. Priority channels first, in their order.
    assert starts[:3] == [("START", "LISTENER", "APP.MANUAL.LSTR"), ("START", "CHANNEL", "PRIO.B"), ("START", "CHANNEL", "PRIO.A")]
    assert sorted(starts[3:5]) == [("START", "CHANNEL", "OTHER.1"), ("START", "CHANNEL", "OTHER.2")]
    assert starts[5:] == [("START", "SERVICE", "APP.SVC")]
    assert result["changed"] is True
    restored = result["restored"]
    assert restored[:3] == ["listener APP.MANUAL.LSTR", "channel PRIO.B", "channel PRIO.A"] and restored[5:] == ["service APP.SVC"]
    assert sorted(restored[3:5]) == ["channel OTHER.1", "channel OTHER.2"]
    assert [(r["type"], r["name"]) for r in result["sync_results"]][:3] == [
        ("listener", "APP.MANUAL.LSTR"), ("listener", "APP.QMGR.LSTR"), ("channel", "PRIO.B")]
    qmgr_listener = result["sync_results"][1]
    assert (qmgr_listener["status_before"], qmgr_listener["outcome"]) == ("RUNNING", "done")
    assert "listener APP.QMGR.LSTR" not in result["restored"]
    assert result["sync_result"]["operation"] == "started"
    # Everything runs now: a second run sends nothing and restores nothing.
    fresh(mq)
    again = run_module("mq_restart", operation="start", baseline=base, priority=["PRIO.B", "PRIO.A"])
    assert not again.get("failed"), again.get("msg")
    assert (again["changed"], again["restored"], mutating(mq)) == (False, [], [])


def test_an_object_gone_since_the_baseline_fails_after_the_rest_is_started(mq, run_module, restarted, operator):
    operator("DELETE CHANNEL(OTHER.1)")
    fresh(mq)
    result = run_module("mq_restart", operation="start", baseline=restarted)
    assert result["failed"] is True
    assert "channel OTHER.1 ran before the restart and no longer exists" in result["msg"], result["msg"]
    assert ("START", "SERVICE", "APP.SVC") in mutating(mq) and ("START", "CHANNEL", "OTHER.2") in mutating(mq)
    assert "service APP.SVC" in result["restored"]
