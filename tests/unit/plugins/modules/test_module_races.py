# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The modules' results when another writer races them (the ``another_writer`` fixture), and when a run stops part-way."""

from __future__ import annotations

from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand

CHANNELS = [{"name": "APP.C{0}".format(i), "type": "svrconn", "description": "ours"} for i in range(3)]


def ours(mq):
    return [(e["command"], e["name"]) for e in mq.model.journal("QM1") if e["mutating"] and e["user"] == "admin"]


def define_channel(name, descr):
    return MQSCCommand("DEFINE", "CHANNEL", name, {"CHLTYPE": "SVRCONN", "DESCR": descr})


def test_mq_objects_converges_over_objects_another_writer_defined_and_counts_each_race(mq, run_module, another_writer):
    another_writer("DISPLAY", "CHANNEL", define_channel("APP.C1", "ours"), define_channel("APP.C2", "theirs"))
    result = run_module("mq_objects", channels=CHANNELS, _ansible_diff=True)
    assert "failed" not in result, result.get("msg")
    assert ours(mq) == [("DEFINE", "APP.C0"), ("DEFINE", "APP.C1"), ("DEFINE", "APP.C2"), ("ALTER", "APP.C2")]
    assert [(c["name"], c["action"], c["changed_attributes"], c["raced"]) for c in result["changes"]] == [
        ("APP.C0", "created", ["description", "type"], False), ("APP.C1", "unchanged", [], True), ("APP.C2", "updated", ["description"], True)]
    assert {k: v for k, v in result["summary"].items() if v} == {"created": 1, "updated": 1, "unchanged": 1, "raced": 2}
    assert result["diff"]["before"]["channels"]["APP.C2"] == {"description": "theirs"}
    assert "APP.C1" not in result["diff"]["after"]["channels"]


def test_mq_objects_type_conflict_on_the_re_read_fails_with_that_fact_and_reports_the_rest(mq, run_module, another_writer):
    another_writer("DISPLAY", "CHANNEL", MQSCCommand("DEFINE", "CHANNEL", "APP.C1", {"CHLTYPE": "RCVR"}))
    result = run_module("mq_objects", channels=CHANNELS)
    assert result["failed"] is True
    assert "channel 'APP.C1': another writer defined it with CHLTYPE(RCVR)" in result["msg"]
    assert result["msg"].endswith("not attempted (channel 'APP.C2')")
    assert ours(mq) == [("DEFINE", "APP.C0"), ("DEFINE", "APP.C1")]
    assert [(c["name"], c["action"]) for c in result["changes"]] == [("APP.C0", "created")]
    assert (result["summary"]["created"], result["summary"]["raced"]) == (1, 1)
    assert [n["name"] for n in result["not_attempted"]] == ["APP.C2"]


def test_mq_objects_defines_and_starts_a_listener_another_writer_deleted(mq, run_module, another_writer):
    run_module("mq_objects", listeners=[{"name": "APP.L0", "port": 1800, "state": "started"}])
    # After our status read showed it running, someone stops and deletes it: our ALTER finds it gone (2085).
    another_writer("DISPLAY", "LSSTATUS", MQSCCommand("STOP", "LISTENER", "APP.L0"), MQSCCommand("DELETE", "LISTENER", "APP.L0"))
    mq.model.clear_journal()
    result = run_module("mq_objects", listeners=[{"name": "APP.L0", "port": 1801, "state": "started"}])
    assert ours(mq) == [("ALTER", "APP.L0"), ("DEFINE", "APP.L0"), ("START", "APP.L0")]
    assert [(c["action"], c["run_action"], c["raced"]) for c in result["changes"]] == [("created", "started", True)]
    assert result["sync_results"][0]["status_after"] == "RUNNING"


def test_mq_objects_purge_of_an_object_already_gone_is_done(mq, run_module, another_writer):
    run_module("mq_objects", channels=CHANNELS)
    another_writer("DISPLAY", "CHANNEL", MQSCCommand("DELETE", "CHANNEL", "APP.C2"))
    mq.model.clear_journal()
    result = run_module("mq_objects", channels=CHANNELS[:2], purge={"prefix": "APP."})
    assert ours(mq) == [("DELETE", "APP.C2")]
    assert (result["changed"], [(c["action"], c["raced"]) for c in result["changes"]]) == (False, [("absent", True)])
    assert result["summary"]["purged"] == 0


def test_mq_objects_start_that_another_writer_made_first_is_reported_unchanged(mq, run_module, another_writer):
    run_module("mq_objects", listeners=[{"name": "APP.L0", "port": 1802}])
    another_writer("DISPLAY", "LSSTATUS", MQSCCommand("START", "LISTENER", "APP.L0"))
    result = run_module("mq_objects", listeners=[{"name": "APP.L0", "port": 1802, "state": "started"}])
    assert ("START", "APP.L0") in ours(mq)  # sent, and answered 3233 MQRCCF_LISTENER_STARTED
    assert (result["changed"], result["changes"], result["summary"]["started"]) == (False, [], 0)
    assert [(r["name"], r["by_another_writer"], r["status_after"]) for r in result["sync_results"]] == [("APP.L0", True, "RUNNING")]


def test_single_object_module_reports_the_race(mq, run_module, another_writer):
    another_writer("DISPLAY", "CHANNEL", define_channel("APP.C0", "theirs"))
    result = run_module("mq_channel", name="APP.C0", type="svrconn", description="ours")
    assert (result["action"], result["raced"], result["changed_attributes"]) == ("updated", True, ["description"])
    assert ours(mq) == [("DEFINE", "APP.C0"), ("ALTER", "APP.C0")]
    again = run_module("mq_channel", name="APP.C0", type="svrconn", description="ours")
    assert (again["changed"], again["raced"]) == (False, False)


def test_single_object_module_start_by_another_writer_is_not_our_change(mq, run_module, another_writer):
    run_module("mq_listener", name="APP.L0", port=1803)
    another_writer("DISPLAY", "LSSTATUS", MQSCCommand("START", "LISTENER", "APP.L0"))
    result = run_module("mq_listener", name="APP.L0", port=1803, state="started")
    assert (result["changed"], result["sync_result"]["by_another_writer"]) == (False, True)
    assert result["commands"] == ["START LISTENER(APP.L0)"]


def test_single_object_module_names_what_it_did_and_did_not_send(mq, run_module):
    run_module("mq_listener", name="APP.L0", port=1804, state="started")
    mq.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": 500, "command": "STOP", "count": 1})
    result = run_module("mq_listener", name="APP.L0", state="absent", force=True)
    assert result["failed"] is True and result["changed"] is False
    assert result["not_attempted"] == ["DELETE LISTENER(APP.L0)"] and "action" not in result
    assert result["msg"].endswith("; the task stopped there, and did not send: DELETE LISTENER(APP.L0)")
    run_module("mq_channel", name="APP.R0", type="svrconn")
    mq.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": 500, "command": "DEFINE", "count": 1})
    failed = run_module("mq_channel", name="APP.R0", type="rcvr", recreate=True)
    # The DELETE of the recreate went through, the DEFINE did not: the result says deleted, not recreated.
    assert (failed["failed"], failed["changed"], failed["action"], failed["not_attempted"]) == (True, True, "deleted", [])


def test_mq_restart_start_that_another_writer_made_first_changes_nothing(mq, run_module, another_writer):
    run_module("mq_listener", name="APP.L0", port=1805)
    another_writer("DISPLAY", "LSSTATUS", MQSCCommand("START", "LISTENER", "APP.L0"))
    result = run_module("mq_restart", type="listener", names=["APP.L0"], operation="start")
    assert (result["changed"], result["commands"]) == (False, ["START LISTENER(APP.L0)"])
    assert result["sync_results"][0]["status_after"] == "RUNNING"
