# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""state=stopped on an idle svrconn/rcvr (issue 13): it must be held STOPPED so that clients and partners are refused.

IBM MQ 9.x leaves a STOPPED record for STOP ... STATUS(STOPPED) on an inactive channel (APAR IT27694; the emulator's
default, ``stop_inactive_channel=stopped_record``); a WebSphere MQ 7.0 transcript answers 4064 and holds nothing
(``stop_inactive_channel=error``). The modules are checked under both, with the emulator's journal proving what was sent.
"""

from __future__ import annotations

import pytest
from mqemu.control import ControlError

from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import warning_texts  # pylint: disable=import-error

MODES = ("error", "stopped_record")


def mutating(mq):
    return [(e["command"], e["name"], e["parameters"]) for e in mq.model.journal("QM1") if e["mutating"]]


def chstatus(mq, name):
    status, reply = mq.model.run_mqsc("QM1", MQSCCommand("DISPLAY", "CHSTATUS", name).payload())
    assert status == 200
    return [e["parameters"]["status"] for e in reply["commandResponse"] if "parameters" in e]


def warnings(result):
    """The warnings' texts, as one string."""
    return " ".join(warning_texts(result))


def define(run_module, name, chltype):
    assert not run_module("mq_channel", name=name, type=chltype).get("failed")


@pytest.mark.parametrize("chltype", ["svrconn", "rcvr"])
def test_idle_passive_channel_stopped_is_held_as_mq_9_holds_it(mq, run_module, chltype):
    define(run_module, "APP.IN", chltype)  # the emulator's default: a STOPPED record, as APAR IT27694 shows
    mq.model.clear_journal()
    result = run_module("mq_channel", name="APP.IN", state="stopped")
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("STOP", "APP.IN", {"mode": "QUIESCE", "status": "STOPPED"})]
    assert result["changed"] is True and result["run_action"] == "stopped" and result["held_stopped"] is True
    assert result["sync_result"]["held_stopped"] is True and not warnings(result)
    assert chstatus(mq, "APP.IN") == ["STOPPED"]
    # Second run: the STOPPED record is there, nothing is sent.
    mq.model.clear_journal()
    again = run_module("mq_channel", name="APP.IN", state="stopped")
    assert again["changed"] is False and mutating(mq) == [] and "held_stopped" not in again


def test_an_idle_svrconn_held_stopped_refuses_clients_until_started(mq, run_module):
    define(run_module, "APP.IN", "svrconn")
    assert run_module("mq_channel", name="APP.IN", state="stopped")["held_stopped"] is True
    # A client connecting now is refused: 2537 MQRC_CHANNEL_NOT_AVAILABLE (the emulator's client attach is that client).
    with pytest.raises(ControlError, match="2537 MQRC_CHANNEL_NOT_AVAILABLE") as refused:
        mq.model.attach_clients("QM1", "APP.IN", 1)
    assert refused.value.status == 409
    started = run_module("mq_channel", name="APP.IN", state="started")
    assert started["changed"] is True and started["run_action"] == "started"
    mq.model.attach_clients("QM1", "APP.IN", 1)
    assert chstatus(mq, "APP.IN") == ["RUNNING"]


@pytest.mark.parametrize("chltype", ["svrconn", "rcvr"])
def test_idle_passive_channel_that_mq_will_not_hold_says_so(mq, run_module, chltype):
    mq.model.set_config(stop_inactive_channel="error")  # a queue manager answering 4064, AMQ9533, as WebSphere MQ 7.0 did
    define(run_module, "APP.IN", chltype)
    mq.model.clear_journal()
    result = run_module("mq_channel", name="APP.IN", state="stopped")
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("STOP", "APP.IN", {"mode": "QUIESCE", "status": "STOPPED"})]
    assert result["changed"] is False and result["run_action"] is None and result["held_stopped"] is False
    assert result["sync_result"]["held_stopped"] is False and result["sync_result"]["by_another_writer"] is False
    warning = warnings(result)
    assert "4064 MQRCCF_CHANNEL_NOT_ACTIVE" in warning and "held_stopped: false" in warning and "max_instances: 0" in warning
    assert "diff" not in result or "state" not in result["diff"]["after"]


@pytest.mark.parametrize("mode", MODES)
def test_check_mode_sends_nothing_and_reports_the_stop(mq, run_module, mode):
    mq.model.set_config(stop_inactive_channel=mode)
    define(run_module, "APP.IN", "svrconn")
    mq.model.clear_journal()
    result = run_module("mq_channel", name="APP.IN", state="stopped", _ansible_check_mode=True)
    assert mutating(mq) == []
    assert result["changed"] is True and result["commands"] == ["STOP CHANNEL(APP.IN) MODE(QUIESCE) STATUS(STOPPED)"]
    assert "held_stopped" not in result  # unknown until MQ answers


@pytest.mark.parametrize("mode", MODES)
def test_inactive_stop_status_and_senders_keep_no_record_as_stopped(mq, run_module, mode):
    mq.model.set_config(stop_inactive_channel=mode)
    define(run_module, "APP.IN", "svrconn")
    assert not run_module("mq_channel", name="TO.P1", type="sdr", conname="p(1414)", xmitq="XQ").get("failed")
    mq.model.clear_journal()
    # STATUS(INACTIVE) lets the next client in anyway: an idle svrconn already is where it asks.
    assert run_module("mq_channel", name="APP.IN", state="stopped", stop_status="inactive")["changed"] is False
    # A sender with no record does not run; there is no partner to refuse.
    assert run_module("mq_channel", name="TO.P1", state="stopped")["changed"] is False
    assert mutating(mq) == []


@pytest.mark.parametrize("mode", MODES)
def test_svrconn_with_clients_is_stopped_and_held_in_either_mode(mq, run_module, mode):
    mq.model.set_config(stop_inactive_channel=mode)
    define(run_module, "APP.IN", "svrconn")
    mq.model.attach_clients("QM1", "APP.IN", 2)
    result = run_module("mq_channel", name="APP.IN", state="stopped")
    assert result["changed"] is True and result["held_stopped"] is True and chstatus(mq, "APP.IN") == ["STOPPED"]


def test_stopped_by_another_writer_between_read_and_stop_counts_as_held_not_changed(mq, run_module, another_writer):
    define(run_module, "APP.IN", "svrconn")
    another_writer("DISPLAY", "CHSTATUS", MQSCCommand("STOP", "CHANNEL", "APP.IN"))
    result = run_module("mq_channel", name="APP.IN", state="stopped")
    assert result["changed"] is False and result["held_stopped"] is True
    assert result["sync_result"]["by_another_writer"] is True and not warnings(result)


@pytest.mark.parametrize("mode,held,stopped", [("error", False, 0), ("stopped_record", True, 1)])
def test_mq_objects_holds_idle_svrconns_and_counts_only_what_mq_held(mq, run_module, mode, held, stopped):
    mq.model.set_config(stop_inactive_channel=mode)
    channels = [{"name": "APP.IN", "type": "svrconn", "state": "stopped"}]
    assert not run_module("mq_objects", channels=[{"name": "APP.IN", "type": "svrconn"}]).get("failed")
    mq.model.clear_journal()
    result = run_module("mq_objects", channels=channels)
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == [("STOP", "APP.IN", {"mode": "QUIESCE", "status": "STOPPED"})]
    assert result["summary"]["stopped"] == stopped and result["changed"] is held
    assert [(r["name"], r["held_stopped"]) for r in result["sync_results"]] == [("APP.IN", held)]
    assert ("4064 MQRCCF_CHANNEL_NOT_ACTIVE" in warnings(result)) is not held
    mq.model.clear_journal()
    again = run_module("mq_objects", channels=channels)
    # Held: nothing more to send. Not held: the STOP is asked again (MQ may hold it one day) and changes nothing.
    assert again["changed"] is False and len(mutating(mq)) == (0 if held else 1)


@pytest.mark.parametrize("mode", ["inactive", "error"])
def test_stop_status_inactive_of_a_stopped_channel_is_never_sent(mq, run_module, mode):
    # Whether MQ moves a STOPPED channel to INACTIVE on STOP STATUS(INACTIVE) is unsettled (emulator config
    # stop_stopped_channel_inactive; APAR IT40956 suggests it does): the modules never ask, since every record STOPPED
    # already is stopped for stop_status=inactive.
    mq.model.set_config(stop_stopped_channel_inactive=mode)
    define(run_module, "APP.IN", "svrconn")
    assert run_module("mq_channel", name="APP.IN", state="stopped")["held_stopped"] is True
    mq.model.clear_journal()
    result = run_module("mq_channel", name="APP.IN", state="stopped", stop_status="inactive")
    assert result["changed"] is False and mutating(mq) == [] and chstatus(mq, "APP.IN") == ["STOPPED"]
