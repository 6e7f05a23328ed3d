# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Another writer changes the object between this task's read and its command: the task converges and says so.

The other writer (the ``another_writer`` fixture) runs inside the emulator right after the request it follows, so the
race happens at an exact point and every command is in the journal.
"""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._ensure import ensure_absent, ensure_present
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError
from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
from ansible_collections.mqrest.admin.plugins.module_utils._types import CHANNEL, LISTENER
from ansible_collections.mqrest.admin.plugins.module_utils._restart import run_operation
from ansible_collections.mqrest.admin.plugins.module_utils._runtime import ObjectRuntime

SVRCONN = {"CHLTYPE": "SVRCONN", "DESCR": "ours"}


def ours(mq):
    """This task's mutating commands and their reason codes."""
    return [(e["command"], e["name"], e["reason_code"]) for e in mq.model.journal("QM1") if e["mutating"] and e["user"] == "admin"]


def define(name, **parameters):
    return MQSCCommand("DEFINE", "CHANNEL", name, dict({"CHLTYPE": "SVRCONN"}, **parameters))


def test_define_that_finds_an_identical_object_is_unchanged_and_raced(mq, client_factory, another_writer):
    another_writer("DISPLAY", "CHANNEL", define("C1", DESCR="ours"))
    result = ensure_present(client_factory(), CHANNEL, "C1", SVRCONN)
    assert (result.action, result.changed, result.raced) == ("unchanged", False, 1)
    assert result.as_result()["raced"] is True
    assert [c[:2] for c in ours(mq)] == [("DEFINE", "C1")]  # 4001, then nothing more to send


def test_define_that_finds_another_description_alters_only_that(mq, client_factory, another_writer):
    another_writer("DISPLAY", "CHANNEL", define("C1", DESCR="theirs", MAXINST=7))
    client = client_factory()
    result = ensure_present(client, CHANNEL, "C1", SVRCONN)
    assert (result.action, result.changed_keywords, result.raced) == ("updated", ["DESCR"], 1)
    assert client.sent[-1] == "ALTER CHANNEL(C1) CHLTYPE(SVRCONN) DESCR('ours')"
    assert result.diff() == {"before": {"description": "theirs"}, "after": {"description": "ours"}}
    assert [c[:2] for c in ours(mq)] == [("DEFINE", "C1"), ("ALTER", "C1")]
    assert result.after["maxinst"] == 7  # the other writer's attribute that we do not manage stays


def test_alter_that_finds_the_object_gone_defines_it(mq, client_factory, another_writer):
    ensure_present(client_factory(), CHANNEL, "C1", dict(SVRCONN, DESCR="old"))
    mq.model.clear_journal()
    another_writer("DISPLAY", "CHANNEL", MQSCCommand("DELETE", "CHANNEL", "C1"))
    result = ensure_present(client_factory(), CHANNEL, "C1", SVRCONN)
    assert (result.action, result.raced, result.changed) == ("created", 1, True)
    assert [c[:2] for c in ours(mq)] == [("ALTER", "C1"), ("DEFINE", "C1")]
    assert result.as_result()["channel"]["description"] == "ours"


def test_delete_that_finds_the_object_gone_is_done(mq, client_factory, another_writer):
    ensure_present(client_factory(), CHANNEL, "C1", SVRCONN)
    mq.model.clear_journal()
    another_writer("DISPLAY", "CHANNEL", MQSCCommand("DELETE", "CHANNEL", "C1"))
    result = ensure_absent(client_factory(), CHANNEL, "C1")
    assert (result.action, result.changed, result.raced) == ("absent", False, 1)
    assert [c[:2] for c in ours(mq)] == [("DELETE", "C1")]


def test_a_different_type_found_on_the_re_read_fails_with_that_fact(mq, client_factory, another_writer):
    another_writer("DISPLAY", "CHANNEL", MQSCCommand("DEFINE", "CHANNEL", "C1", {"CHLTYPE": "RCVR"}))
    client = client_factory()
    with pytest.raises(MQError) as info:
        ensure_present(client, CHANNEL, "C1", SVRCONN)
    assert "another writer defined it with CHLTYPE(RCVR) while this task was about to DEFINE it with CHLTYPE(SVRCONN)" in info.value.msg
    assert client.applied == 0
    assert [c[:2] for c in ours(mq)] == [("DEFINE", "C1")]  # nothing deleted or altered


def test_a_writer_that_keeps_flipping_the_object_is_a_fight_not_a_race(mq, client_factory, another_writer):
    for _round in range(2):
        another_writer("DISPLAY", "CHANNEL", define("C1", DESCR="theirs"))
        another_writer("DISPLAY", "CHANNEL", MQSCCommand("DELETE", "CHANNEL", "C1"))
    with pytest.raises(MQError) as info:
        ensure_present(client_factory(), CHANNEL, "C1", SVRCONN)
    assert "channel 'C1' was changed by another writer 4 times while this task converged it" in info.value.msg
    assert [c[:2] for c in ours(mq)] == [("DEFINE", "C1"), ("ALTER", "C1"), ("DEFINE", "C1"), ("ALTER", "C1")]
    assert info.value.result["not_attempted"] == []


def test_a_start_that_another_writer_made_first_is_theirs_not_ours(mq, client_factory, another_writer):
    ensure_present(client_factory(), LISTENER, "L1", {"TRPTYPE": "TCP", "PORT": 1701})
    another_writer("DISPLAY", "LSSTATUS", MQSCCommand("START", "LISTENER", "L1"))
    outcome = ObjectRuntime(client_factory(), LISTENER).ensure_started("L1")
    # Our START was answered 3233 (MQRCCF_LISTENER_STARTED): done, by the other writer.
    assert (outcome.outcome, outcome.by_another_writer, outcome.changed) == ("done", True, False)
    assert outcome.as_dict()["by_another_writer"] is True and outcome.status_after == "RUNNING"
    assert [c for c in ours(mq) if c[0] == "START"] == [("START", "L1", 3008)]


def test_a_stop_that_another_writer_made_first_is_theirs_not_ours(mq, client_factory, another_writer):
    ensure_present(client_factory(), LISTENER, "L1", {"TRPTYPE": "TCP", "PORT": 1702})
    ObjectRuntime(client_factory(), LISTENER).ensure_started("L1")
    another_writer("DISPLAY", "LSSTATUS", MQSCCommand("STOP", "LISTENER", "L1"))
    outcome = ObjectRuntime(client_factory(), LISTENER).ensure_stopped("L1")
    assert (outcome.outcome, outcome.by_another_writer, outcome.changed) == ("done", True, False)


def test_our_own_start_is_not_by_another_writer(mq, client_factory):
    ensure_present(client_factory(), LISTENER, "L1", {"TRPTYPE": "TCP", "PORT": 1703})
    outcome = ObjectRuntime(client_factory(), LISTENER).ensure_started("L1")
    assert (outcome.by_another_writer, outcome.changed) == (False, True)


def test_a_restart_whose_start_another_writer_made_says_so(mq, client_factory, another_writer):
    ensure_present(client_factory(), LISTENER, "L1", {"TRPTYPE": "TCP", "PORT": 1704})
    ObjectRuntime(client_factory(), LISTENER).ensure_started("L1")
    # Our status read before the STOP, then the poll that sees it stopped: right after that poll, someone else starts it.
    another_writer("DISPLAY", "LSSTATUS")
    another_writer("DISPLAY", "LSSTATUS", MQSCCommand("START", "LISTENER", "L1"))
    records = run_operation(ObjectRuntime(client_factory(), LISTENER), [("L1", None)], "restart")
    assert records["L1"].as_dict("restarted")["by_another_writer"] == ["start"]
