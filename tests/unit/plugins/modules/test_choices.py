# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Choices accept MQ's own upper case (issue 13), folded to the documented lower case before Ansible checks them."""

from __future__ import annotations


def mutating(mq):
    return [(e["command"], e["qualifier"], e["name"], e["parameters"]) for e in mq.model.journal("QM1") if e["mutating"]]


def test_upper_case_choices_of_a_channel_and_its_stop(mq, run_module):
    created = run_module("mq_channel", name="TO.P1", type="SDR", conname="partner(1414)", xmitq="XQ",
                         state="started")
    assert not created.get("failed"), created.get("msg")
    assert created["channel"]["type"] == "sdr"
    stopped = run_module("mq_channel", name="TO.P1", state="stopped", stop_mode="FORCE", stop_status="Inactive")
    assert not stopped.get("failed"), stopped.get("msg")
    assert stopped["commands"] == ["STOP CHANNEL(TO.P1) MODE(FORCE) STATUS(INACTIVE)"]


def test_upper_case_choices_of_listener_service_and_connection(mq, run_module):
    listener = run_module("mq_listener", name="L.UP", transport_type="TCP", control="QMGR", port=1490, auth_method="BASIC",
                          state="present")
    assert not listener.get("failed"), listener.get("msg")
    assert (listener["listener"]["control"], listener["listener"]["transport_type"]) == ("qmgr", "tcp")
    service = run_module("mq_service", name="S.UP", service_type="SERVER", control="StartOnly", start_command="/bin/sleep")
    assert not service.get("failed"), service.get("msg")
    assert service["service"]["service_type"] == "server"
    # A second run with the lower-case spelling changes nothing: the folded value is the same value.
    assert run_module("mq_listener", name="L.UP", transport_type="tcp", control="qmgr", port=1490)["changed"] is False


def test_mq_objects_entries_fold_their_choices(mq, run_module):
    result = run_module("mq_objects", channels=[{"name": "APP.SVRCONN", "type": "SVRCONN", "state": "PRESENT"}],
                        listeners=[{"name": "L.UP", "control": "QMGR", "port": 1491}])
    assert not result.get("failed"), result.get("msg")
    changes = [(c["type"], c["name"], c["action"]) for c in result["changes"]]
    assert changes == [("listener", "L.UP", "created"), ("channel", "APP.SVRCONN", "created")]


def test_a_value_that_is_no_choice_in_any_case_is_still_refused_before_any_request(mq, run_module):
    result = run_module("mq_channel", name="TO.P1", type="SENDER")
    assert result["failed"] is True
    assert "type" in result["msg"] and "sdr" in result["msg"], result["msg"]
    assert mq.model.journal("QM1") == []
