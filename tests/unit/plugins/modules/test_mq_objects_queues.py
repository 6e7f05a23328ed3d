# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_objects queues: every queue type read with one DISPLAY QUEUE, purge within one name space; the journal proves it."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, mutating, sent as journal  # pylint: disable=import-error

QUEUES = [
    {"name": "APP.IN", "max_depth": 1000},
    {"name": "APP.ALIAS", "type": "alias", "target": "APP.IN"},
    {"name": "APP.REMOTE", "type": "remote", "remote_name": "IN", "remote_qmgr": "QM2", "xmitq": "APP.XQ"},
    {"name": "APP.MODEL", "type": "model", "persistence": True},
    {"name": "APP.XQ", "usage": "xmitq"},
]


def test_one_display_for_every_queue_type_then_one_define_each_and_a_rerun_reads_once(mq, run_module):
    fresh(mq)
    result = run_module("mq_objects", queues=QUEUES)
    assert result["summary"]["created"] == 5
    assert journal(mq) == [("DISPLAY", "QUEUE", "APP.*"), ("DEFINE", "QLOCAL", "APP.IN"), ("DEFINE", "QALIAS", "APP.ALIAS"),
                           ("DEFINE", "QREMOTE", "APP.REMOTE"), ("DEFINE", "QMODEL", "APP.MODEL"), ("DEFINE", "QLOCAL", "APP.XQ")]
    assert result["changes"][0] == {"type": "queue", "name": "APP.IN", "action": "created", "changed_attributes": ["max_depth", "type"],
                                    "run_action": None, "raced": False}
    fresh(mq)
    again = run_module("mq_objects", queues=QUEUES)
    assert (again["changed"], again["summary"]["unchanged"], journal(mq)) == (False, 5, [("DISPLAY", "QUEUE", "APP.*")])


def test_check_mode_plans_a_change_and_a_type_change_without_sending_them(mq, run_module):
    run_module("mq_objects", queues=QUEUES)
    fresh(mq)
    declared = [dict(QUEUES[0], max_depth=2000), {"name": "APP.ALIAS", "target": "APP.XQ"}, QUEUES[2],
                {"name": "APP.MODEL", "type": "local", "recreate": True}, QUEUES[4]]
    plan = run_module("mq_objects", queues=declared, _ansible_check_mode=True, _ansible_diff=True)
    assert plan["commands"] == ["ALTER QLOCAL(APP.IN) MAXDEPTH(2000)", "ALTER QALIAS(APP.ALIAS) TARGET(APP.XQ)",
                                "DELETE QMODEL(APP.MODEL)", "DEFINE QLOCAL(APP.MODEL)"]
    assert plan["diff"]["before"]["queues"]["APP.IN"] == {"max_depth": 1000}
    assert plan["diff"]["after"]["queues"]["APP.MODEL"] == {"type": "local"}
    assert mutating(mq) == []


def test_queues_are_defined_before_the_channels_that_use_them(mq, run_module):
    fresh(mq)
    run_module("mq_objects", channels=[{"name": "APP.TO.QM2", "type": "sdr", "conname": "qm2(1414)", "xmitq": "APP.XQ"}],
               queues=[QUEUES[4]])
    assert [q for _c, q, _n in journal(mq)] == ["QUEUE", "CHANNEL", "QLOCAL", "CHANNEL"]


def test_a_type_change_without_recreate_fails_before_any_change(mq, run_module):
    run_module("mq_objects", queues=QUEUES[:1])
    fresh(mq)
    result = run_module("mq_objects", queues=[{"name": "APP.NEW"}, {"name": "APP.IN", "type": "alias", "target": "X"}])
    assert result["failed"] is True and "type='alias': queue 'APP.IN' exists with type='local'" in result["msg"]
    assert mutating(mq) == []


def test_purge_deletes_undeclared_queues_of_every_type_and_never_system_ones(mq, run_module):
    run_module("mq_objects", queues=QUEUES)
    fresh(mq)
    result = run_module("mq_objects", queues=QUEUES[:1], purge={"prefix": "APP."})
    assert sorted(mutating(mq)) == [("DELETE", "QALIAS", "APP.ALIAS"), ("DELETE", "QLOCAL", "APP.XQ"),
                                    ("DELETE", "QMODEL", "APP.MODEL"), ("DELETE", "QREMOTE", "APP.REMOTE")]
    assert result["summary"]["purged"] == 4
    fresh(mq)
    run_module("mq_objects", queues=[], purge={"prefix": "S"})
    assert [m for m in mutating(mq) if m[2].startswith("SYSTEM.")] == []


def test_purge_of_a_queue_with_messages_needs_purge_messages(mq, run_module, queue_control):
    run_module("mq_objects", queues=QUEUES[:1] + [{"name": "APP.FULL"}])
    queue_control("APP.FULL", "messages", count=3)
    fresh(mq)
    refused = run_module("mq_objects", queues=QUEUES[:1] + [{"name": "APP.NEW"}], purge={"prefix": "APP."})
    assert refused["failed"] is True and refused["changed"] is False
    assert "local queue 'APP.FULL' holds 3 messages" in refused["msg"] and "purge.messages: true" in refused["msg"]
    assert mutating(mq) == []
    done = run_module("mq_objects", queues=QUEUES[:1], purge={"prefix": "APP.", "messages": True})
    assert done["commands"] == ["DELETE QLOCAL(APP.FULL) PURGE"]


def test_an_absent_entry_with_messages_needs_its_purge(mq, run_module, queue_control):
    run_module("mq_objects", queues=[{"name": "APP.FULL"}])
    queue_control("APP.FULL", "messages", count=2)
    fresh(mq)
    refused = run_module("mq_objects", queues=[{"name": "APP.FULL", "state": "absent"}])
    assert refused["failed"] is True and "holds 2 messages" in refused["msg"] and "purge: true" in refused["msg"]
    assert mutating(mq) == []
    done = run_module("mq_objects", queues=[{"name": "APP.FULL", "state": "absent", "purge": True}])
    assert [(c["name"], c["action"]) for c in done["changes"]] == [("APP.FULL", "deleted")]
    assert done["commands"] == ["DELETE QLOCAL(APP.FULL) PURGE"]


@pytest.mark.parametrize("options,message", [
    ({"queues": [{"name": "Q1", "type": "alias", "max_depth": 5}]}, "queues[0] (Q1): max_depth is not valid for an alias queue"),
    ({"queues": [{"name": "Q1", "state": "started"}]}, "value of state must be one of: present, absent, got: started found in queues"),
    ({"queues": [{"name": "Q1", "force": True}]}, "queues.force"),
    ({"queues": [{"name": "Q1"}, {"name": "Q1", "type": "alias"}]}, "queues[1] (Q1): queue 'Q1' is already declared by queues[0] (Q1)"),
    ({"queues": [{"name": "Q1", "attributes": {"NOSUCH": 1}}]}, "attributes.NOSUCH is not a queue attribute"),
])
def test_bad_queue_entries_fail_before_any_request(mq, run_module, options, message):
    fresh(mq)
    result = run_module("mq_objects", **options)
    assert result["failed"] is True and message in result["msg"], result["msg"]
    assert journal(mq) == []
