# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Changes that only take effect on restart (issue 13). A running listener keeps the PORT it started with (the emulator's
LSSTATUS shows the values captured at start): state started restarts it for such a change, state present says that it
needs a restart. The emulator's journal proves what was sent."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, mutating, warning_texts as warnings  # pylint: disable=import-error

SDR = {"name": "TO.P1", "type": "sdr", "conname": "partner(1414)", "xmitq": "XQ"}
SERVER = {"name": "APP.S1", "service_type": "server", "start_command": "/bin/sleep", "start_args": "60", "stop_command": "/bin/true"}


def running_port(mq, name):
    """The port a running listener listens on (LSSTATUS shows the values it started with)."""
    status, reply = mq.model.run_mqsc("QM1", MQSCCommand("DISPLAY", "LSSTATUS", name, response_parameters=["all"]).payload())
    assert status == 200, reply
    return reply["commandResponse"][0]["parameters"]["port"]


def test_present_alters_a_running_listener_and_says_it_needs_a_restart(mq, run_module):
    run_module("mq_listener", name="L1", port=1415, state="started")
    fresh(mq)
    result = run_module("mq_listener", name="L1", port=1416, ip_address="127.0.0.1")
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("ALTER", "LISTENER", "L1")]
    assert (result["restart_required"], result["restarted_for"], result["run_action"]) == (True, [], None)
    assert any("listener 'L1' runs with the old port, ip_address" in w for w in warnings(result)), warnings(result)
    assert running_port(mq, "L1") == 1415  # still the old one: that is why it says so


def test_started_restarts_a_running_listener_for_a_new_port(mq, run_module):
    run_module("mq_listener", name="L1", port=1415, state="started")
    fresh(mq)
    result = run_module("mq_listener", name="L1", port=1416, state="started", _ansible_diff=True)
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("ALTER", "LISTENER", "L1"), ("STOP", "LISTENER", "L1"), ("START", "LISTENER", "L1")]
    assert (result["action"], result["run_action"], result["restarted_for"], result["restart_required"]) == \
        ("updated", "restarted", ["port"], False)
    assert result["sync_result"]["operation"] == "restarted"
    assert result["diff"] == {"before": {"port": 1415, "state": "started"}, "after": {"port": 1416, "state": "restarted"}}
    assert running_port(mq, "L1") == 1416
    assert not warnings(result)
    fresh(mq)
    again = run_module("mq_listener", name="L1", port=1416, state="started")
    assert again["changed"] is False and mutating(mq) == [] and again["restarted_for"] == []


def test_check_mode_predicts_the_restart_and_sends_nothing(mq, run_module):
    run_module("mq_listener", name="L1", port=1415, state="started")
    fresh(mq)
    result = run_module("mq_listener", name="L1", port=1416, state="started", _ansible_check_mode=True)
    assert result["commands"] == ["ALTER LISTENER(L1) TRPTYPE(TCP) PORT(1416)", "STOP LISTENER(L1)", "START LISTENER(L1)"]
    assert (result["changed"], result["run_action"], result["restarted_for"]) == (True, "restarted", ["port"])
    assert mutating(mq) == []


@pytest.mark.parametrize("state,options,expected", [
    # Stopped: it takes the new port when it starts, so nothing more than the START.
    ("started", {"port": 1416}, [("ALTER", "LISTENER", "L1"), ("START", "LISTENER", "L1")]),
    # DESCR changes nothing that runs; CONTROL is read when the queue manager starts.
    ("started", {"description": "x", "control": "qmgr"}, [("ALTER", "LISTENER", "L1")]),
])
def test_no_restart_when_nothing_runs_on_old_values(mq, run_module, state, options, expected):
    run_module("mq_listener", name="L1", port=1415, state="started" if "port" not in options else "stopped")
    fresh(mq)
    result = run_module("mq_listener", name="L1", state=state, **options)
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == expected
    assert (result["restarted_for"], result["restart_required"]) == ([], False)


def test_a_running_sender_is_restarted_for_a_new_conname(mq, run_module):
    run_module("mq_channel", state="started", **SDR)
    fresh(mq)
    # A new address list whose second address is the partner's listener: the channel must restart to use it.
    result = run_module("mq_channel", name="TO.P1", conname="partner(1415),partner(1414)", state="started")
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("ALTER", "CHANNEL", "TO.P1"), ("STOP", "CHANNEL", "TO.P1"), ("START", "CHANNEL", "TO.P1")]
    assert result["restarted_for"] == ["conname"]


def test_a_svrconn_with_clients_is_not_cut_off_but_warned_about(mq, run_module):
    run_module("mq_channel", name="APP.SVRCONN", type="svrconn")
    mq.model.attach_clients("QM1", "APP.SVRCONN", 2)
    fresh(mq)
    result = run_module("mq_channel", name="APP.SVRCONN", mcauser="app", state="started")
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("ALTER", "CHANNEL", "APP.SVRCONN")]
    assert (result["restart_required"], result["restarted_for"]) == (True, [])
    assert any("its running instances keep the old mcauser" in w for w in warnings(result)), warnings(result)


def test_a_running_service_is_restarted_for_its_start_args_but_not_its_stop_command(mq, run_module):
    run_module("mq_service", state="started", **SERVER)
    fresh(mq)
    result = run_module("mq_service", name="APP.S1", stop_command="/bin/false", state="started")
    assert mutating(mq) == [("ALTER", "SERVICE", "APP.S1")] and result["restart_required"] is False
    fresh(mq)
    result = run_module("mq_service", name="APP.S1", start_args="120", state="started")
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("ALTER", "SERVICE", "APP.S1"), ("STOP", "SERVICE", "APP.S1"), ("START", "SERVICE", "APP.S1")]
    assert result["restarted_for"] == ["start_args"]


def test_mq_objects_restarts_per_entry_and_says_so_in_changes(mq, run_module):
    listeners = [{"name": "APP.L1", "port": 1501, "state": "started"}, {"name": "APP.L2", "port": 1502, "state": "started"}]
    assert not run_module("mq_objects", listeners=listeners).get("failed")
    fresh(mq)
    result = run_module("mq_objects", listeners=[dict(listeners[0], port=1511), dict(listeners[1], port=1512, state="present")])
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("ALTER", "LISTENER", "APP.L1"), ("ALTER", "LISTENER", "APP.L2"), ("STOP", "LISTENER", "APP.L1"),
                            ("START", "LISTENER", "APP.L1")]
    changes = {c["name"]: c for c in result["changes"]}
    assert (changes["APP.L1"]["run_action"], changes["APP.L1"]["restarted_for"], changes["APP.L1"]["restart_required"]) == \
        ("restarted", ["port"], False)
    assert (changes["APP.L2"]["run_action"], changes["APP.L2"]["restarted_for"], changes["APP.L2"]["restart_required"]) == \
        (None, [], True)
    assert result["summary"]["restarted"] == 1 and result["summary"]["updated"] == 2
    assert [(s["name"], s["operation"]) for s in result["sync_results"]] == [("APP.L1", "restarted")]
    assert any("listener 'APP.L2' runs with the old port" in w for w in warnings(result)), warnings(result)
    assert (running_port(mq, "APP.L1"), running_port(mq, "APP.L2")) == (1511, 1502)
