# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Operating existing objects (issue 13): by name alone, state restarted, and run-state changes in the diff and in
run_action. The emulator's journal proves what was sent."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, mutating, sent  # pylint: disable=import-error

SDR = {"name": "TO.P1", "type": "sdr", "conname": "partner(1414)", "xmitq": "XQ"}
SERVER = {"name": "APP.S1", "service_type": "server", "start_command": "/bin/sleep", "start_args": "60", "stop_command": "/bin/true"}


# -- 1. operate an existing object by name -------------------------------------------------------------------------

@pytest.mark.parametrize("state,expected", [
    ("started", [("START", "CHANNEL", "TO.P1")]),
    ("present", []),
])
def test_existing_sender_needs_only_its_name(mq, run_module, state, expected):
    assert not run_module("mq_channel", **SDR).get("failed")
    fresh(mq)
    result = run_module("mq_channel", name="TO.P1", state=state)
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == expected
    assert result["channel"]["type"] == "sdr" and result["changed_attributes"] == []


def test_existing_sender_stopped_and_altered_by_name(mq, run_module):
    run_module("mq_channel", state="started", **SDR)
    fresh(mq)
    result = run_module("mq_channel", name="TO.P1", description="to partner", state="stopped")
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("ALTER", "CHANNEL", "TO.P1"), ("STOP", "CHANNEL", "TO.P1")]
    # ALTER CHANNEL needs CHLTYPE: it comes from the existing definition.
    assert result["commands"][0] == "ALTER CHANNEL(TO.P1) CHLTYPE(SDR) DESCR('to partner')"


@pytest.mark.parametrize("options,message", [
    ({"state": "started"}, "type is required to create channel 'TO.P1', which does not exist; sdr also needs conname and xmitq"),
    ({"type": "sdr", "state": "started"}, "conname and xmitq are required to create sdr channel 'TO.P1', which does not exist"),
    ({"type": "sdr", "xmitq": "XQ"}, "conname is required to create sdr channel 'TO.P1'"),
])
def test_creating_names_every_missing_option_at_once_after_one_read(mq, run_module, options, message):
    fresh(mq)
    result = run_module("mq_channel", name="TO.P1", **options)
    assert result["failed"] is True and result["changed"] is False
    assert message in result["msg"], result["msg"]
    assert sent(mq) == [("DISPLAY", "CHANNEL", "TO.P1")]


def test_options_are_checked_against_the_existing_type_before_any_change(mq, run_module):
    run_module("mq_channel", name="APP.SVRCONN", type="svrconn")
    fresh(mq)
    result = run_module("mq_channel", name="APP.SVRCONN", xmitq="XQ")
    assert result["failed"] is True and "xmitq is not valid for a svrconn channel" in result["msg"], result["msg"]
    assert mutating(mq) == []


def test_existing_server_service_starts_by_name_and_a_new_one_still_needs_service_type(mq, run_module):
    run_module("mq_service", **SERVER)
    fresh(mq)
    result = run_module("mq_service", name="APP.S1", state="started")
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("START", "SERVICE", "APP.S1")]
    fresh(mq)
    refused = run_module("mq_service", name="APP.NEW", state="started")
    assert refused["failed"] is True and "needs service_type='server'" in refused["msg"]
    assert sent(mq) == [("DISPLAY", "SERVICE", "APP.NEW")]


def test_mq_objects_entries_follow_the_same_rule(mq, run_module):
    run_module("mq_channel", **SDR)
    fresh(mq)
    result = run_module("mq_objects", channels=[{"name": "TO.P1", "state": "started"}])
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("START", "CHANNEL", "TO.P1")]
    fresh(mq)
    refused = run_module("mq_objects", channels=[{"name": "TO.P2", "type": "sdr"}])
    assert refused["failed"] is True
    assert "channels[0] (TO.P2): conname and xmitq are required to create sdr channel 'TO.P2'" in refused["msg"], refused["msg"]
    assert mutating(mq) == []


# -- 2. state: restarted -----------------------------------------------------------------------------------------------

def test_restarted_stops_and_starts_a_running_listener(mq, run_module):
    run_module("mq_listener", name="L.OK", port=1415, state="started")
    fresh(mq)
    result = run_module("mq_listener", name="L.OK", state="restarted")
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("STOP", "LISTENER", "L.OK"), ("START", "LISTENER", "L.OK")]
    assert (result["changed"], result["action"], result["run_action"]) == (True, "unchanged", "restarted")
    assert result["sync_result"]["operation"] == "restarted" and result["sync_result"]["by_another_writer"] is False
    assert {"polls", "elapsed_seconds"} <= set(result["sync_result"])
    assert result["commands"] == ["STOP LISTENER(L.OK)", "START LISTENER(L.OK)"]
    # A restart is never "already done": it restarts again.
    fresh(mq)
    again = run_module("mq_listener", name="L.OK", state="restarted")
    assert again["changed"] is True and mutating(mq) == [("STOP", "LISTENER", "L.OK"), ("START", "LISTENER", "L.OK")]


@pytest.mark.parametrize("module,options,stop,start", [
    ("mq_channel", dict(SDR), "STOP CHANNEL(TO.P1) MODE(QUIESCE) STATUS(STOPPED)", "START CHANNEL(TO.P1)"),
    ("mq_service", dict(SERVER), "STOP SERVICE(APP.S1)", "START SERVICE(APP.S1)"),
])
def test_restarted_in_check_mode_reports_and_sends_nothing(mq, run_module, module, options, stop, start):
    run_module(module, state="started", **options)
    fresh(mq)
    name = options.pop("name")
    result = run_module(module, name=name, state="restarted", _ansible_check_mode=True, _ansible_diff=True)
    assert not result.get("failed"), result.get("msg")
    assert (result["changed"], result["run_action"], result["commands"]) == (True, "restarted", [stop, start])
    assert "sync_result" not in result
    assert (result["diff"]["before"]["state"], result["diff"]["after"]["state"]) == ("started", "restarted")
    assert mutating(mq) == []


@pytest.mark.parametrize("module,options,rule", [
    ("mq_channel", {"name": "C1", "type": "clntconn", "conname": "h(1)"}, "is not supported for a clntconn channel"),
    ("mq_service", {"name": "S1", "service_type": "command"}, "needs service_type='server'"),
])
def test_restarted_refuses_what_cannot_run_before_any_request(mq, run_module, module, options, rule):
    fresh(mq)
    result = run_module(module, state="restarted", **options)
    assert result["failed"] is True and rule in result["msg"] and "state='restarted'" in result["msg"], result["msg"]
    assert mq.model.requests()["total"] == 0


def test_mq_objects_entries_do_not_take_restarted(mq, run_module):
    fresh(mq)
    result = run_module("mq_objects", listeners=[{"name": "L1", "state": "restarted"}])
    assert result["failed"] is True
    assert "value of state must be one of: present, absent, started, stopped, got: restarted" in result["msg"]
    assert mq.model.requests()["total"] == 0


# -- 3. run-state changes in the diff and in run_action ---------------------------------------------------------------

def test_check_diff_of_a_start_shows_the_state_transition(mq, run_module):
    run_module("mq_listener", name="L.OK", port=1415)
    fresh(mq)
    result = run_module("mq_listener", name="L.OK", port=1415, state="started", _ansible_check_mode=True, _ansible_diff=True)
    assert (result["changed"], result["action"], result["run_action"]) == (True, "unchanged", "started")
    assert (result["diff"]["before"]["state"], result["diff"]["after"]["state"]) == ("stopped", "started")
    assert result["diff"]["before"] != result["diff"]["after"]
    assert mutating(mq) == []


def test_stop_reports_run_action_and_state_and_an_unchanged_run_reports_none(mq, run_module):
    run_module("mq_listener", name="L.OK", port=1415, state="started")
    stopped = run_module("mq_listener", name="L.OK", state="stopped", _ansible_diff=True)
    assert (stopped["changed"], stopped["run_action"]) == (True, "stopped")
    assert (stopped["diff"]["before"]["state"], stopped["diff"]["after"]["state"]) == ("started", "stopped")
    again = run_module("mq_listener", name="L.OK", state="stopped", _ansible_diff=True)
    assert (again["changed"], again["run_action"]) == (False, None)
    assert "state" not in again["diff"]["after"]


def test_a_created_and_started_object_has_state_only_after(mq, run_module):
    result = run_module("mq_listener", name="L.NEW", port=1416, state="started", _ansible_diff=True)
    assert (result["action"], result["run_action"]) == ("created", "started")
    assert result["diff"]["before"] == {} and result["diff"]["after"]["state"] == "started"
