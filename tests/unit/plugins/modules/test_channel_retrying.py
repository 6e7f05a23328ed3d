# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A sender RETRYING and state started; the advice after a CONNAME change (issue 21, item 4).

A RETRYING sender is started (MQ retries it) but not running, and it retries with the definition it started with. So
state started stops it and starts it again, for an attempt now with its current definition, and says so; a failure
says what was sent. The warning after a change that applies at the next start gives advice that works, and the test
follows it. The emulator's journal proves what was sent.
"""

from __future__ import annotations

from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, mutating, warning_texts  # pylint: disable=import-error

# QM2 listens at partner(1414) (conftest NETWORK); nothing listens at localhost(1415).
WRONG = {"name": "QM1.TO.QM2", "type": "sdr", "conname": "localhost(1415)", "xmitq": "XQ"}


def chstatus(mq, name="QM1.TO.QM2"):
    """(status, conname) of each instance: the CONNAME a running or retrying channel uses."""
    status, reply = mq.model.run_mqsc("QM1", MQSCCommand("DISPLAY", "CHSTATUS", name, response_parameters=["all"]).payload())
    assert status == 200, reply
    return [(e["parameters"]["status"], e["parameters"].get("conname")) for e in reply["commandResponse"] if "parameters" in e]


def retrying_with_a_corrected_conname(mq, run_module):
    """The new user's path: a sender to the wrong address goes RETRYING; its CONNAME is then corrected (state present)."""
    first = run_module("mq_channel", state="started", **WRONG)
    assert first["failed"] is True and "RETRYING" in first["msg"]
    assert [s for s, _c in chstatus(mq)] == ["RETRYING"]
    return run_module("mq_channel", name="QM1.TO.QM2", conname="partner(1414)")


def test_the_warning_after_a_conname_change_gives_advice_that_works(mq, run_module):
    changed = retrying_with_a_corrected_conname(mq, run_module)
    assert changed["restart_required"] is True
    (warning,) = warning_texts(changed)
    assert warning.startswith("channel 'QM1.TO.QM2' runs with the old conname: MQ applies it when the channel next starts")
    # The advice names what restarts it now, and says that a later state: started does not.
    assert "state: restarted" in warning and "in a later task it leaves a RUNNING channel as it is" in warning
    fresh(mq)
    advised = run_module("mq_channel", name="QM1.TO.QM2", state="restarted")
    assert not advised.get("failed"), advised.get("msg")
    assert mutating(mq) == [("STOP", "CHANNEL", "QM1.TO.QM2"), ("START", "CHANNEL", "QM1.TO.QM2")]
    assert chstatus(mq) == [("RUNNING", "partner(1414)")]


def test_a_running_channel_given_a_new_conname_warns_and_the_advice_works(mq, run_module):
    run_module("mq_channel", state="started", **dict(WRONG, conname="partner(1414)"))
    changed = run_module("mq_channel", name="QM1.TO.QM2", conname="partner(1414),localhost(1415)")
    (warning,) = warning_texts(changed)
    assert "state: restarted" in warning and "in a later task it leaves a RUNNING channel as it is" in warning
    # A later state: started leaves a RUNNING channel alone, as the warning says; state: restarted applies the change.
    fresh(mq)
    assert run_module("mq_channel", name="QM1.TO.QM2", state="started")["changed"] is False and mutating(mq) == []
    assert chstatus(mq) == [("RUNNING", "partner(1414)")]
    run_module("mq_channel", name="QM1.TO.QM2", state="restarted")
    assert chstatus(mq) == [("RUNNING", "partner(1414),localhost(1415)")]


def test_started_on_a_retrying_sender_stops_and_starts_it_and_says_so(mq, run_module):
    retrying_with_a_corrected_conname(mq, run_module)
    fresh(mq)
    result = run_module("mq_channel", name="QM1.TO.QM2", state="started", _ansible_diff=True)
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("STOP", "CHANNEL", "QM1.TO.QM2"), ("START", "CHANNEL", "QM1.TO.QM2")]
    assert (result["changed"], result["run_action"], result["sync_result"]["operation"]) == (True, "restarted", "restarted")
    assert result["diff"]["after"]["state"] == "restarted"
    assert chstatus(mq) == [("RUNNING", "partner(1414)")]
    fresh(mq)
    again = run_module("mq_channel", name="QM1.TO.QM2", state="started")
    assert (again["changed"], again["run_action"], mutating(mq)) == (False, None, [])


def test_check_mode_shows_the_stop_and_start_and_sends_neither(mq, run_module):
    retrying_with_a_corrected_conname(mq, run_module)
    fresh(mq)
    result = run_module("mq_channel", name="QM1.TO.QM2", state="started", _ansible_check_mode=True)
    assert result["commands"] == ["STOP CHANNEL(QM1.TO.QM2) MODE(QUIESCE) STATUS(STOPPED)", "START CHANNEL(QM1.TO.QM2)"]
    assert (result["changed"], result["run_action"]) == (True, "restarted")
    assert mutating(mq) == []


def test_a_retrying_sender_that_fails_again_says_what_was_sent(mq, run_module):
    run_module("mq_channel", state="started", **WRONG)
    fresh(mq)
    result = run_module("mq_channel", name="QM1.TO.QM2", state="started")
    assert result["failed"] is True
    assert result["msg"].startswith("channel 'QM1.TO.QM2' was RETRYING, so this task stopped it and started it again, and it "
                                    "failed to start after "), result["msg"]
    assert "the channel is RETRYING" in result["msg"]
    assert result["commands"] == ["STOP CHANNEL(QM1.TO.QM2) MODE(QUIESCE) STATUS(STOPPED)", "START CHANNEL(QM1.TO.QM2)"]
    assert mutating(mq) == [("STOP", "CHANNEL", "QM1.TO.QM2"), ("START", "CHANNEL", "QM1.TO.QM2")]


def test_a_channel_already_starting_is_watched_and_its_failure_says_no_start_was_sent(mq, run_module, client_factory):
    run_module("mq_channel", **WRONG)
    mq.model.set_timing(channel_start=0.6)  # INITIALIZING, STARTING, BINDING for 0.6 s, then RETRYING
    client_factory().run(MQSCCommand("START", "CHANNEL", "QM1.TO.QM2"))
    fresh(mq)
    result = run_module("mq_channel", name="QM1.TO.QM2", state="started", poll_interval=0.1)
    assert result["failed"] is True and mutating(mq) == [] and result["commands"] == []
    assert result["msg"].startswith("channel 'QM1.TO.QM2' was already starting ("), result["msg"]
    assert "so this task sent no START) and it failed to start after " in result["msg"] and "the channel is RETRYING" in result["msg"]


def test_mq_objects_restarts_a_retrying_sender_for_state_started(mq, run_module):
    retrying_with_a_corrected_conname(mq, run_module)
    fresh(mq)
    entry = {"name": "QM1.TO.QM2", "type": "sdr", "conname": "partner(1414)", "xmitq": "XQ", "state": "started"}
    result = run_module("mq_objects", channels=[entry])
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("STOP", "CHANNEL", "QM1.TO.QM2"), ("START", "CHANNEL", "QM1.TO.QM2")]
    (change,) = result["changes"]
    assert (change["action"], change["run_action"], result["summary"]["restarted"]) == ("unchanged", "restarted", 1)
    assert chstatus(mq) == [("RUNNING", "partner(1414)")]
    fresh(mq)
    assert run_module("mq_objects", channels=[entry])["changed"] is False and mutating(mq) == []
