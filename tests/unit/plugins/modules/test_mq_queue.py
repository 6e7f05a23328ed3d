# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_queue: local, remote, alias and model queues in one name space; the emulator's journal proves what was sent."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, mutating, sent  # pylint: disable=import-error


LOCAL = {"name": "APP.IN", "max_depth": 20000, "persistence": True, "description": "Orders in"}


def test_create_a_local_queue_by_default_with_one_display_and_one_define(mq, run_module):
    fresh(mq)
    result = run_module("mq_queue", **LOCAL)
    assert (result["changed"], result["action"]) == (True, "created")
    assert result["commands"] == ["DEFINE QLOCAL(APP.IN) DESCR('Orders in') MAXDEPTH(20000) DEFPSIST(YES)"]
    assert sent(mq) == [("DISPLAY", "QUEUE", "APP.IN"), ("DEFINE", "QLOCAL", "APP.IN"), ("DISPLAY", "QUEUE", "APP.IN")]
    queue = result["queue"]
    assert (queue["name"], queue["type"], queue["max_depth"], queue["persistence"], queue["usage"]) == \
        ("APP.IN", "local", 20000, True, "normal")
    assert sorted(result["changed_attributes"]) == ["description", "max_depth", "persistence", "type"]
    assert "run_action" not in result


def test_second_run_and_check_mode_send_nothing_that_mutates(mq, run_module):
    run_module("mq_queue", **LOCAL)
    fresh(mq)
    check = run_module("mq_queue", _ansible_check_mode=True, **LOCAL)
    again = run_module("mq_queue", **LOCAL)
    assert (check["changed"], again["changed"], again["action"], again["commands"]) == (False, False, "unchanged", [])
    assert sent(mq) == [("DISPLAY", "QUEUE", "APP.IN")] * 2


def test_check_mode_predicts_a_creation_and_an_update_without_sending_them(mq, run_module):
    fresh(mq)
    plan = run_module("mq_queue", _ansible_check_mode=True, _ansible_diff=True, **LOCAL)
    assert (plan["changed"], plan["action"]) == (True, "created")
    assert plan["queue"]["type"] == "local" and plan["diff"]["before"] == {}
    run_module("mq_queue", **LOCAL)
    fresh(mq)
    update = run_module("mq_queue", _ansible_check_mode=True, _ansible_diff=True, **dict(LOCAL, max_depth=30000))
    assert update["commands"] == ["ALTER QLOCAL(APP.IN) MAXDEPTH(30000)"]
    assert update["diff"] == {"before": {"max_depth": 20000}, "after": {"max_depth": 30000}}
    assert mutating(mq) == []


def test_update_alters_only_the_difference_with_the_type_as_qualifier(mq, run_module):
    run_module("mq_queue", **LOCAL)
    fresh(mq)
    result = run_module("mq_queue", _ansible_diff=True, **dict(LOCAL, persistence=False))
    assert result["commands"] == ["ALTER QLOCAL(APP.IN) DEFPSIST(NO)"]
    assert result["diff"] == {"before": {"persistence": True}, "after": {"persistence": False}}
    assert [e["parameters"] for e in mq.model.journal("QM1") if e["mutating"]] == [{"defpsist": "NO"}]


@pytest.mark.parametrize("options,command", [
    ({"type": "remote", "remote_name": "BILLING.IN", "remote_qmgr": "QM2", "xmitq": "QM2"},
     "DEFINE QREMOTE(APP.Q) RNAME(BILLING.IN) RQMNAME(QM2) XMITQ(QM2)"),
    ({"type": "alias", "target": "APP.IN"}, "DEFINE QALIAS(APP.Q) TARGET(APP.IN)"),
    ({"type": "model", "max_depth": 10, "attributes": {"DEFTYPE": "permdyn"}}, "DEFINE QMODEL(APP.Q) MAXDEPTH(10) DEFTYPE(PERMDYN)"),
    ({"type": "local", "usage": "xmitq"}, "DEFINE QLOCAL(APP.Q) USAGE(XMITQ)"),
])
def test_every_type_is_defined_with_its_own_qualifier_and_is_idempotent(mq, run_module, options, command):
    created = run_module("mq_queue", name="APP.Q", **options)
    assert created["commands"] == [command], created.get("msg")
    assert created["queue"]["type"] == options["type"]
    fresh(mq)
    again = run_module("mq_queue", name="APP.Q", **options)
    assert (again["changed"], mutating(mq)) == (False, [])


def test_an_existing_queue_is_managed_by_name_and_its_type_comes_from_its_definition(mq, run_module):
    run_module("mq_queue", name="APP.ALIAS", type="alias", target="APP.IN")
    fresh(mq)
    result = run_module("mq_queue", name="APP.ALIAS", target="APP.OTHER")
    assert result["commands"] == ["ALTER QALIAS(APP.ALIAS) TARGET(APP.OTHER)"]
    assert result["queue"]["type"] == "alias"
    refused = run_module("mq_queue", name="APP.ALIAS", max_depth=10)
    assert refused["failed"] is True and refused["changed"] is False
    assert "max_depth is not valid for an alias queue; it applies to local, model" in refused["msg"]
    assert mutating(mq) == [("ALTER", "QALIAS", "APP.ALIAS")]


@pytest.mark.parametrize("options,message", [
    ({"type": "alias", "max_depth": 10}, "max_depth is not valid for an alias queue; it applies to local, model"),
    ({"type": "local", "target": "X"}, "target is not valid for a local queue; it applies to alias"),
    ({"type": "remote", "usage": "xmitq"}, "usage is not valid for a remote queue; it applies to local, model"),
    ({"type": "model", "remote_qmgr": "QM2"}, "remote_qmgr is not valid for a model queue; it applies to remote"),
    ({"type": "alias", "attributes": {"TRIGTYPE": "FIRST"}}, "attributes.TRIGTYPE is not valid for an alias queue"),
    ({"max_depth": -1}, "max_depth=-1 is out of range: MQ accepts 0 to 999999999"),
    ({"max_message_length": 104857601}, "max_message_length=104857601 is out of range"),
    ({"description": "x" * 65}, "MQ allows at most 64"),
    ({"name": "Q" * 49}, "is not a valid queue name: it is 49 characters long, and it must be 1 to 48 characters"),
    ({"name": "APP IN"}, "is not a valid queue name"),
    ({"target": "BAD NAME", "type": "alias"}, "target='BAD NAME' is not a valid MQ object name"),
    ({"attributes": {"MAXDEPTH": 5}}, "attributes.MAXDEPTH: use the max_depth option instead"),
    ({"attributes": {"TYPE": "QALIAS"}}, "attributes.TYPE: set the TYPE with the type option"),
    ({"attributes": {"DEFPRTY": 10}}, "attributes.DEFPRTY=10 is out of range: MQ accepts 0 to 9"),
    ({"attributes": {"MAXDEPT": 5}}, "MAXDEPTH is managed by the max_depth option"),
])
def test_bad_input_fails_before_any_request(mq, run_module, options, message):
    fresh(mq)
    result = run_module("mq_queue", **dict({"name": "APP.Q"}, **options))
    assert result["failed"] is True and result["changed"] is False
    assert message in result["msg"], result["msg"]
    assert sent(mq) == []


def test_options_of_another_type_are_refused_for_a_queue_created_as_local_after_one_read(mq, run_module):
    fresh(mq)
    result = run_module("mq_queue", name="APP.NEW", target="APP.IN")
    assert result["failed"] is True
    assert "target is not valid for a local queue; it applies to alias" in result["msg"]
    assert sent(mq) == [("DISPLAY", "QUEUE", "APP.NEW")]


def test_one_name_space_a_type_change_needs_recreate(mq, run_module):
    run_module("mq_queue", name="APP.Q", description="first a local queue")
    fresh(mq)
    refused = run_module("mq_queue", name="APP.Q", type="alias", target="APP.IN")
    assert refused["failed"] is True and refused["changed"] is False
    assert "type='alias': queue 'APP.Q' exists with type='local'" in refused["msg"] and "recreate: true" in refused["msg"]
    assert mutating(mq) == []
    plan = run_module("mq_queue", name="APP.Q", type="alias", target="APP.IN", recreate=True, _ansible_check_mode=True)
    assert plan["commands"] == ["DELETE QLOCAL(APP.Q)", "DEFINE QALIAS(APP.Q) TARGET(APP.IN)"]
    assert mutating(mq) == []
    done = run_module("mq_queue", name="APP.Q", type="alias", target="APP.IN", recreate=True)
    assert (done["action"], done["queue"]["type"]) == ("recreated", "alias")
    assert mutating(mq) == [("DELETE", "QLOCAL", "APP.Q"), ("DEFINE", "QALIAS", "APP.Q")]


def test_delete_uses_the_existing_type_and_a_second_delete_finds_nothing(mq, run_module):
    run_module("mq_queue", name="APP.R", type="remote", remote_name="X", remote_qmgr="QM2")
    fresh(mq)
    check = run_module("mq_queue", name="APP.R", state="absent", _ansible_check_mode=True)
    assert (check["changed"], check["commands"], mutating(mq)) == (True, ["DELETE QREMOTE(APP.R)"], [])
    deleted = run_module("mq_queue", name="APP.R", state="absent", _ansible_diff=True)
    assert (deleted["action"], deleted["queue"]) == ("deleted", {})
    assert deleted["diff"]["before"]["remote_qmgr"] == "QM2"
    again = run_module("mq_queue", name="APP.R", state="absent")
    assert (again["changed"], again["action"]) == (False, "absent")
    assert mutating(mq) == [("DELETE", "QREMOTE", "APP.R")]


def test_purge_on_an_empty_local_queue_sends_purge_and_is_refused_by_argspec_for_force(mq, run_module):
    run_module("mq_queue", name="APP.EMPTY")
    fresh(mq)
    result = run_module("mq_queue", name="APP.EMPTY", state="absent", purge=True)
    assert result["commands"] == ["DELETE QLOCAL(APP.EMPTY) PURGE"]
    assert [e["parameters"] for e in mq.model.journal("QM1") if e["mutating"]] == [{"purge": "yes"}]
    # Queues do not run: there is no force and no started state.
    refused = run_module("mq_queue", name="APP.EMPTY", state="started")
    assert refused["failed"] is True and "state" in refused["msg"]
    refused = run_module("mq_queue", name="APP.EMPTY", state="absent", force=True)
    assert refused["failed"] is True and "force" in refused["msg"]


def test_purge_is_not_sent_for_a_queue_that_holds_no_messages_of_its_own(mq, run_module):
    run_module("mq_queue", name="APP.A", type="alias", target="APP.IN")
    result = run_module("mq_queue", name="APP.A", state="absent", purge=True)
    assert result["commands"] == ["DELETE QALIAS(APP.A)"]


def test_deleting_a_local_queue_with_messages_says_how_many_would_be_lost(mq, run_module, queue_control):
    run_module("mq_queue", name="APP.FULL")
    queue_control("APP.FULL", "messages", count=7)
    fresh(mq)
    refused = run_module("mq_queue", name="APP.FULL", state="absent")
    assert refused["failed"] is True and refused["changed"] is False
    assert "local queue 'APP.FULL' holds 7 messages" in refused["msg"] and "purge: true" in refused["msg"]
    check = run_module("mq_queue", name="APP.FULL", state="absent", _ansible_check_mode=True)
    assert check["failed"] is True and "holds 7 messages" in check["msg"]
    assert mutating(mq) == []
    purged = run_module("mq_queue", name="APP.FULL", state="absent", purge=True)
    assert (purged["action"], purged["commands"]) == ("deleted", ["DELETE QLOCAL(APP.FULL) PURGE"])
    assert mutating(mq) == [("DELETE", "QLOCAL", "APP.FULL")]


def test_recreating_a_local_queue_with_messages_needs_purge_too(mq, run_module, queue_control):
    run_module("mq_queue", name="APP.FULL")
    queue_control("APP.FULL", "messages", count=1)
    fresh(mq)
    refused = run_module("mq_queue", name="APP.FULL", type="alias", target="APP.IN", recreate=True)
    assert refused["failed"] is True and "holds 1 message," in refused["msg"] and "purge: true" in refused["msg"]
    assert mutating(mq) == []
    done = run_module("mq_queue", name="APP.FULL", type="alias", target="APP.IN", recreate=True, purge=True)
    assert done["commands"] == ["DELETE QLOCAL(APP.FULL) PURGE", "DEFINE QALIAS(APP.FULL) TARGET(APP.IN)"]


# IBM's DELETE queues page says only that the command fails while the queue is open: 2042 MQRC_OBJECT_IN_USE (runmqsc's
# AMQ8148E "object in use") or 4004 MQRCCF_OBJECT_OPEN; the emulator gives either (config open_queue_reason).
@pytest.mark.parametrize("reason,name", [(2042, "MQRC_OBJECT_IN_USE"), (4004, "MQRCCF_OBJECT_OPEN")])
def test_mq_refusing_to_delete_an_open_queue_is_shown_with_its_reason_code_and_message(mq, run_module, queue_control,
                                                                                       reason, name):
    mq.model.set_config(open_queue_reason=reason)
    run_module("mq_queue", name="APP.OPEN")
    queue_control("APP.OPEN", "open", ipprocs=1)
    result = run_module("mq_queue", name="APP.OPEN", state="absent", purge=True)
    assert result["failed"] is True and result["changed"] is False
    assert "DELETE QLOCAL(APP.OPEN) PURGE" in result["msg"] and "reason {0} ({1})".format(reason, name) in result["msg"]
    assert ("AMQ8148E" in result["msg"]) is (reason == 2042) and "DISPLAY QSTATUS(name) TYPE(HANDLE)" in result["msg"]
    assert (result["mq_reason_code"], result["mq_reason_name"]) == (reason, name)


@pytest.mark.parametrize("busy", [{"action": "messages", "count": 1}, {"action": "open", "opprocs": 1}])
def test_a_usage_change_of_a_queue_in_use_is_refused_with_3210_and_what_to_do(mq, run_module, queue_control, busy):
    # IBM-RC3210 MQRCCF_OBJECT_OPEN_FORCE: the queue is open or holds messages; only FORCE would change it, and the
    # collection does not send FORCE.
    run_module("mq_queue", name="APP.XQ", usage="xmitq")
    queue_control("APP.XQ", **busy)
    fresh(mq)
    result = run_module("mq_queue", name="APP.XQ", usage="normal")
    assert result["failed"] is True and result["changed"] is False
    assert (result["mq_reason_code"], result["mq_reason_name"]) == (3210, "MQRCCF_OBJECT_OPEN_FORCE")
    assert "ALTER QLOCAL(APP.XQ) USAGE(NORMAL)" in result["msg"] and "only with FORCE" in result["msg"]
    assert [e["parameters"] for e in mq.model.journal("QM1") if e["mutating"]] == [{"usage": "NORMAL"}]  # no FORCE sent


def test_another_writer_defining_the_queue_with_another_type_is_reported_not_overwritten(mq, run_module, another_writer):
    another_writer("DISPLAY", "QUEUE", MQSCCommand("DEFINE", "QALIAS", "APP.RACE", {"TARGET": "APP.IN"}))
    result = run_module("mq_queue", name="APP.RACE", max_depth=10)
    assert result["failed"] is True
    assert "another writer defined it with TYPE(QALIAS)" in result["msg"]
    assert [(e["command"], e["qualifier"], e["user"]) for e in mq.model.journal("QM1") if e["mutating"]] == \
        [("DEFINE", "QALIAS", "other"), ("DEFINE", "QLOCAL", "admin")]
