# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""ensure_present / ensure_absent against the emulator; its journal proves what was sent."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._ensure import ensure_absent, ensure_present
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError, MQInputError
from ansible_collections.mqrest.admin.plugins.module_utils._types import CHANNEL, LISTENER
from ansible_collections.mqrest.admin.plugins.module_utils._runtime import ObjectRuntime
from ansible_collections.mqrest.admin.plugins.module_utils._waiter import WaitPolicy

LSTR = {"TRPTYPE": "TCP", "PORT": 1415, "CONTROL": "QMGR", "DESCR": "Orders"}


def test_create_then_idempotent(mq, client_factory, mutations):
    created = ensure_present(client_factory(), LISTENER, "L1", LSTR)
    assert (created.changed, created.action) == (True, "created")
    assert created.commands == ["DEFINE LISTENER(L1) TRPTYPE(TCP) PORT(1415) CONTROL(QMGR) DESCR('Orders')"]
    assert created.as_result()["listener"]["port"] == 1415
    assert created.as_result()["listener"]["backlog"] == 0  # MQ's default, read back after the DEFINE
    mq.model.clear_journal()
    again = ensure_present(client_factory(), LISTENER, "L1", LSTR)
    assert (again.changed, again.action, again.commands) == (False, "unchanged", [])
    assert [e["command"] for e in mq.model.journal("QM1")] == ["DISPLAY"]


def test_check_mode_predicts_and_sends_nothing(mq, client_factory, mutations):
    result = ensure_present(client_factory(check_mode=True), LISTENER, "L1", LSTR)
    assert (result.changed, result.action) == (True, "created")
    assert result.as_result()["listener"] == {"name": "L1", "transport_type": "tcp", "port": 1415, "control": "qmgr", "description": "Orders"}
    assert mutations() == []


def test_alter_sends_only_the_difference_plus_trptype(mq, client_factory, mutations):
    ensure_present(client_factory(), LISTENER, "L1", LSTR)
    mq.model.clear_journal()
    result = ensure_present(client_factory(), LISTENER, "L1", dict(LSTR, PORT=1416, DESCR="Orders"))
    assert result.changed_keywords == ["PORT"]
    assert [m["parameters"] for m in mutations()] == [{"trptype": "TCP", "port": 1416}]
    assert result.diff() == {"before": {"port": 1415}, "after": {"port": 1416}}


def test_description_case_is_significant(mq, client_factory):
    ensure_present(client_factory(), LISTENER, "L1", LSTR)
    assert ensure_present(client_factory(), LISTENER, "L1", dict(LSTR, DESCR="ORDERS")).changed_keywords == ["DESCR"]


def test_immutable_type_needs_recreate(mq, client_factory, mutations):
    ensure_present(client_factory(), CHANNEL, "C1", {"CHLTYPE": "SVRCONN"})
    mq.model.clear_journal()
    with pytest.raises(MQInputError, match="recreate: true"):
        ensure_present(client_factory(), CHANNEL, "C1", {"CHLTYPE": "RCVR"})
    assert mutations() == []
    client = client_factory()
    result = ensure_present(client, CHANNEL, "C1", {"CHLTYPE": "RCVR"}, runtime=ObjectRuntime(client, CHANNEL), recreate=True)
    assert result.action == "recreated"
    assert result.as_result()["channel"]["type"] == "rcvr"
    assert [m["command"] for m in mutations()] == ["DELETE", "DEFINE"]


def test_absent_refuses_an_active_object_without_force(mq, client_factory, mutations):
    ensure_present(client_factory(), LISTENER, "L1", LSTR)
    client = client_factory()
    ObjectRuntime(client, LISTENER).ensure_started("L1")
    mq.model.clear_journal()
    with pytest.raises(MQError, match="force: true"):
        ensure_absent(client_factory(), LISTENER, "L1", runtime=ObjectRuntime(client, LISTENER))
    assert mutations() == []
    client = client_factory()
    mq.model.clear_journal()
    result = ensure_absent(client, LISTENER, "L1", runtime=ObjectRuntime(client, LISTENER), force=True)
    assert result.commands == ["STOP LISTENER(L1)", "DELETE LISTENER(L1)"]
    journal = [(e["command"], e["qualifier"]) for e in mq.model.journal("QM1")]
    # One status read decides to stop; the STOP follows it directly.
    assert journal[:3] == [("DISPLAY", "LISTENER"), ("DISPLAY", "LSSTATUS"), ("STOP", "LISTENER")]
    assert ensure_absent(client_factory(), LISTENER, "L1").action == "absent"


def test_a_rejected_command_is_listed_but_not_counted_as_applied(mq, client_factory):
    mq.model.add_fault({"qmgr": "QM1", "kind": "cmdserv_down", "command": "DEFINE"})
    client = client_factory()
    with pytest.raises(MQError, match="3204"):
        ensure_present(client, LISTENER, "L1", LSTR)
    assert client.sent == ["DEFINE LISTENER(L1) TRPTYPE(TCP) PORT(1415) CONTROL(QMGR) DESCR('Orders')"]
    assert client.applied == 0


def test_force_delete_waits_for_the_stop_even_without_wait(mq, client_factory, mutations):
    # MQ refuses to delete a listener that is still stopping (3249), whatever the caller's wait option says.
    ensure_present(client_factory(), LISTENER, "L1", LSTR)
    client = client_factory()
    ObjectRuntime(client, LISTENER).ensure_started("L1")
    mq.model.set_timing(listener_stop=0.4)
    client = client_factory()
    result = ensure_absent(client, LISTENER, "L1", runtime=ObjectRuntime(client, LISTENER, WaitPolicy(enabled=False, poll_interval=0.1)), force=True)
    assert result.commands == ["STOP LISTENER(L1)", "DELETE LISTENER(L1)"]
    assert ensure_absent(client_factory(), LISTENER, "L1").action == "absent"
