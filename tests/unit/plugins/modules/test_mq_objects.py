# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_objects: a whole queue manager's listeners, channels and services in one task; the journal proves what was sent."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand

LISTENERS = [{"name": "APP.L{0}".format(i), "port": 1500 + i, "control": "manual"} for i in range(3)]
CHANNELS = [{"name": "APP.C{0}".format(i), "type": "svrconn", "max_instances": 10 + i} for i in range(3)]
SERVICES = [{"name": "APP.S{0}".format(i), "service_type": "server", "start_command": "/bin/sleep", "start_args": "60",
             "stop_command": "/bin/true"} for i in range(3)]


def mqsc_requests(mq):
    return mq.model.requests()["mqsc"]


def mutating(mq):
    return [e for e in mq.model.journal("QM1") if e["mutating"]]


def fresh(mq):
    mq.model.clear_journal()
    mq.model.clear_requests()


def test_first_run_sends_one_display_per_type_and_one_define_per_object(mq, run_module):
    fresh(mq)
    result = run_module("mq_objects", listeners=LISTENERS, channels=CHANNELS, services=SERVICES)
    assert result["changed"] is True
    assert result["summary"]["created"] == 9
    assert [e["command"] for e in mq.model.journal("QM1")] == ["DISPLAY"] * 3 + ["DEFINE"] * 9
    # The target for a first creation: requests = objects + types.
    assert mqsc_requests(mq) == 9 + 3
    assert {(c["type"], c["name"], c["action"]) for c in result["changes"]} == \
        {(t, e["name"], "created") for t, entries in (("listener", LISTENERS), ("channel", CHANNELS), ("service", SERVICES)) for e in entries}
    assert "DEFINE LISTENER(APP.L0) TRPTYPE(TCP) PORT(1500) CONTROL(MANUAL)" in result["commands"]


def test_second_run_changes_nothing_with_one_request_per_type(mq, run_module):
    run_module("mq_objects", listeners=LISTENERS, channels=CHANNELS, services=SERVICES)
    fresh(mq)
    again = run_module("mq_objects", listeners=LISTENERS, channels=CHANNELS, services=SERVICES)
    assert (again["changed"], again["changes"], again["commands"]) == (False, [], [])
    assert again["summary"]["unchanged"] == 9
    assert mutating(mq) == []
    assert mqsc_requests(mq) == 3
    # Generic names: one DISPLAY covers every declared object of its type.
    assert sorted((e["qualifier"], e["name"]) for e in mq.model.journal("QM1")) == \
        [("CHANNEL", "APP.C*"), ("LISTENER", "APP.L*"), ("SERVICE", "APP.S*")]


def test_check_mode_reports_the_plan_and_sends_nothing(mq, run_module):
    run_module("mq_objects", listeners=LISTENERS)
    fresh(mq)
    changed = [dict(LISTENERS[0], port=1600), LISTENERS[1], LISTENERS[2], {"name": "APP.L9", "port": 1609}]
    plan = run_module("mq_objects", listeners=changed, purge={"prefix": "APP."}, _ansible_check_mode=True, _ansible_diff=True)
    assert plan["changed"] is True
    assert mutating(mq) == []
    assert plan["commands"] == ["ALTER LISTENER(APP.L0) TRPTYPE(TCP) PORT(1600)", "DEFINE LISTENER(APP.L9) TRPTYPE(TCP) PORT(1609)"]
    assert [(c["name"], c["action"], c["changed_attributes"]) for c in plan["changes"]] == \
        [("APP.L0", "updated", ["port"]), ("APP.L9", "created", ["port", "transport_type"])]
    assert plan["diff"]["before"]["listeners"]["APP.L0"] == {"port": 1500}
    assert plan["diff"]["after"]["listeners"]["APP.L0"] == {"port": 1600}
    assert "APP.L9" not in plan["diff"]["before"].get("listeners", {})
    assert "sync_results" not in plan


def test_update_alters_only_the_difference(mq, run_module):
    run_module("mq_objects", channels=CHANNELS)
    fresh(mq)
    result = run_module("mq_objects", channels=[CHANNELS[0], dict(CHANNELS[1], description="Billing"), CHANNELS[2]])
    assert result["commands"] == ["ALTER CHANNEL(APP.C1) CHLTYPE(SVRCONN) DESCR('Billing')"]
    assert [c["changed_attributes"] for c in result["changes"]] == [["description"]]
    assert result["summary"] == {"created": 0, "updated": 1, "recreated": 0, "deleted": 0, "purged": 0, "unchanged": 2, "started": 0, "stopped": 0,
                                 "restarted": 0, "raced": 0}


def test_states_start_everything_with_one_wait_and_rerun_reads_status_once_per_type(mq, run_module):
    run_module("mq_objects", listeners=LISTENERS, services=SERVICES)
    fresh(mq)
    started = run_module("mq_objects", listeners=[dict(e, state="started") for e in LISTENERS],
                         services=[dict(e, state="started") for e in SERVICES], poll_interval=0.2)
    assert sorted(c["command"] + " " + c["name"] for c in mutating(mq)) == \
        sorted(["START " + e["name"] for e in LISTENERS + SERVICES])
    assert {(r["type"], r["name"], r["operation"], r["status_after"]) for r in started["sync_results"]} == \
        {("listener", e["name"], "started", "RUNNING") for e in LISTENERS} | {("service", e["name"], "started", "RUNNING") for e in SERVICES}
    # Every polling round reads each type's status once, for all of its objects.
    rounds = [e for e in mq.model.journal("QM1") if e["qualifier"] in ("LSSTATUS", "SVSTATUS")]
    assert all(e["name"].endswith("*") for e in rounds)
    assert started["summary"]["started"] == 6
    fresh(mq)
    again = run_module("mq_objects", listeners=[dict(e, state="started") for e in LISTENERS],
                       services=[dict(e, state="started") for e in SERVICES])
    assert (again["changed"], mutating(mq)) == (False, [])
    assert mqsc_requests(mq) == 4  # a definition DISPLAY and a status DISPLAY per type


def test_stopped_state_stops_only_what_runs(mq, run_module):
    run_module("mq_objects", listeners=[dict(LISTENERS[0], state="started"), LISTENERS[1]])
    fresh(mq)
    result = run_module("mq_objects", listeners=[dict(e, state="stopped") for e in LISTENERS[:2]])
    assert [(e["command"], e["name"]) for e in mutating(mq)] == [("STOP", "APP.L0")]
    assert [(c["name"], c["action"], c["run_action"]) for c in result["changes"]] == [("APP.L0", "unchanged", "stopped")]


def test_a_start_that_times_out_names_the_object_and_the_others_still_start(mq, run_module, client_factory):
    run_module("mq_objects", listeners=LISTENERS)
    mq.model.add_fault({"qmgr": "QM1", "kind": "stuck", "qualifier": "LISTENER", "name": "APP.L1"})
    result = run_module("mq_objects", listeners=[dict(e, state="started") for e in LISTENERS], wait_timeout=1, poll_interval=0.2)
    assert result["failed"] is True and result["changed"] is True
    assert "listener 'APP.L1' did not start within 1.0s" in result["msg"]
    assert [t["name"] for t in result["timeouts"]] == ["APP.L1"]
    statuses = {r["listener"]: r["status"] for r in client_factory().display("LSSTATUS", "APP.*")}
    assert (statuses["APP.L0"], statuses["APP.L2"]) == ("RUNNING", "RUNNING")
    assert {e["name"] for e in mutating(mq) if e["command"] == "START"} == {"APP.L0", "APP.L1", "APP.L2"}


def test_senders_start_together_and_one_already_starting_is_waited_for_not_started_twice(mq, run_module, client_factory):
    senders = [{"name": "APP.TO.QM{0}".format(i), "type": "sdr", "conname": "partner(1414)", "xmitq": "XQ"} for i in range(3)]
    run_module("mq_objects", channels=senders)
    mq.model.set_timing(channel_start=0.6)
    client_factory().run(MQSCCommand("START", "CHANNEL", "APP.TO.QM0"))
    fresh(mq)
    result = run_module("mq_objects", channels=[dict(e, state="started") for e in senders], poll_interval=0.2)
    assert sorted(e["name"] for e in mutating(mq)) == ["APP.TO.QM1", "APP.TO.QM2"]
    assert {r["name"]: r["status_after"] for r in result["sync_results"]} == dict.fromkeys((e["name"] for e in senders), "RUNNING")
    assert [c["name"] for c in result["changes"]] == ["APP.TO.QM1", "APP.TO.QM2"]


def test_purge_deletes_only_undeclared_objects_with_the_prefix_of_managed_types(mq, run_module):
    run_module("mq_objects", listeners=LISTENERS, channels=CHANNELS + [{"name": "OTHER.C", "type": "svrconn"}], services=SERVICES)
    fresh(mq)
    result = run_module("mq_objects", listeners=LISTENERS[:1], channels=[], purge={"prefix": "APP."})
    assert sorted((e["command"], e["qualifier"], e["name"]) for e in mutating(mq)) == \
        [("DELETE", "CHANNEL", "APP.C0"), ("DELETE", "CHANNEL", "APP.C1"), ("DELETE", "CHANNEL", "APP.C2"),
         ("DELETE", "LISTENER", "APP.L1"), ("DELETE", "LISTENER", "APP.L2")]
    assert result["summary"]["purged"] == 5
    fresh(mq)
    # SYSTEM.* objects are never candidates, and services were not managed, so they stay.
    rerun = run_module("mq_objects", listeners=LISTENERS[:1], channels=[], services=SERVICES, purge={"prefix": "APP."})
    assert (rerun["changed"], mutating(mq)) == (False, [])


def test_purge_refuses_an_active_object_before_changing_anything(mq, run_module):
    run_module("mq_objects", listeners=[dict(LISTENERS[0], state="started"), LISTENERS[1]])
    fresh(mq)
    refused = run_module("mq_objects", listeners=[{"name": "APP.NEW", "port": 1700}], purge={"prefix": "APP."})
    assert refused["failed"] is True and refused["changed"] is False
    assert "listener 'APP.L0' is active" in refused["msg"] and "purge.force" in refused["msg"]
    assert mutating(mq) == []
    forced = run_module("mq_objects", listeners=[{"name": "APP.NEW", "port": 1700}], purge={"prefix": "APP.", "force": True},
                        poll_interval=0.2)
    assert [(e["command"], e["name"]) for e in mutating(mq)] == \
        [("STOP", "APP.L0"), ("DELETE", "APP.L0"), ("DELETE", "APP.L1"), ("DEFINE", "APP.NEW")]
    assert forced["summary"]["purged"] == 2


@pytest.mark.parametrize("how", [{"purge": {"prefix": "APP.", "force": True}, "listeners": []},
                                 {"listeners": [dict(LISTENERS[0], state="absent", force=True)]}])
def test_a_stop_before_a_delete_is_waited_for_even_without_wait(mq, run_module, how):
    run_module("mq_objects", listeners=[dict(LISTENERS[0], state="started")])
    mq.model.set_timing(listener_stop=0.4)
    fresh(mq)
    result = run_module("mq_objects", wait=False, poll_interval=0.1, **how)
    assert result.get("failed") is not True, result.get("msg")
    assert [(e["command"], e["name"]) for e in mutating(mq)] == [("STOP", "APP.L0"), ("DELETE", "APP.L0")]


def test_a_purge_prefix_longer_than_a_channel_name_reads_with_a_valid_generic_name(mq, run_module):
    run_module("mq_objects", channels=[{"name": "APP.LONG.PREFIX.C01", "type": "svrconn"}])
    fresh(mq)
    result = run_module("mq_objects", channels=[], purge={"prefix": "APP.LONG.PREFIX.C0123456789"})
    assert [(e["qualifier"], e["name"]) for e in mq.model.journal("QM1")] == [("CHANNEL", "APP.LONG.PREFIX.C01*")]
    assert (result["changed"], mutating(mq)) == (False, [])  # the channel does not start with the whole prefix
    run_module("mq_objects", channels=[], purge={"prefix": "APP.LONG.PREFIX.C0"})
    assert [(e["command"], e["name"]) for e in mutating(mq)] == [("DELETE", "APP.LONG.PREFIX.C01")]


def test_a_recreated_running_channel_reports_its_real_states(mq, run_module):
    sdr = {"name": "APP.SDR", "type": "sdr", "conname": "partner(1414)", "xmitq": "XQ", "state": "started"}
    run_module("mq_objects", channels=[sdr])
    fresh(mq)
    result = run_module("mq_objects", channels=[dict(sdr, type="svr", recreate=True)], _ansible_diff=True, poll_interval=0.1)
    assert [(e["command"], e["name"]) for e in mutating(mq)] == \
        [("STOP", "APP.SDR"), ("DELETE", "APP.SDR"), ("DEFINE", "APP.SDR"), ("START", "APP.SDR")]
    assert result["diff"]["before"]["channels"]["APP.SDR"]["state"] == "started"
    assert result["diff"]["after"]["channels"]["APP.SDR"]["type"] == "svr"
    # The stop before the DELETE is reported as well (issue 13: every stop this task made has its record).
    assert [(r["operation"], r["status_before"], r["status_after"]) for r in result["sync_results"]] == \
        [("stopped", "RUNNING", "STOPPED"), ("started", "no status record", "RUNNING")]


def test_a_failure_part_way_reports_what_was_done_and_apart_what_was_not_attempted(mq, run_module):
    run_module("mq_objects", listeners=LISTENERS[:2])
    mq.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": 500, "command": "DEFINE", "count": 1})
    fresh(mq)
    result = run_module("mq_objects", listeners=[dict(LISTENERS[0], port=1600), {"name": "APP.NEW", "port": 1601},
                                                 {"name": "APP.NEW2", "port": 1602, "state": "started"}], _ansible_diff=True)
    assert result["failed"] is True and result["changed"] is True
    assert result["commands"] == ["ALTER LISTENER(APP.L0) TRPTYPE(TCP) PORT(1600)", "DEFINE LISTENER(APP.NEW) TRPTYPE(TCP) PORT(1601)"]
    # Only the ALTER was sent and accepted: the DEFINE that got HTTP 500 changed nothing, and APP.NEW2 was never sent.
    assert [(c["name"], c["action"]) for c in result["changes"]] == [("APP.L0", "updated")]
    assert {k: v for k, v in result["summary"].items() if v} == {"updated": 1}  # not created, started or unchanged
    assert result["not_attempted"] == [{"type": "listener", "name": "APP.NEW2", "action": "created",
                                        "changed_attributes": ["port", "transport_type"], "run_action": "started"}]
    assert result["msg"].endswith("; the task stopped there: 1 planned change(s) not attempted (listener 'APP.NEW2')")
    assert list(result["diff"]["after"]["listeners"]) == ["APP.L0"]
    # Every request is journalled; the DEFINE got the injected HTTP 500.
    assert [(e["command"], e["name"], e["http_status"]) for e in mutating(mq)] == [("ALTER", "APP.L0", 200), ("DEFINE", "APP.NEW", 500)]


def test_system_objects_survive_a_purge_whose_prefix_covers_them(mq, run_module):
    fresh(mq)
    run_module("mq_objects", channels=[], purge={"prefix": "S"})
    assert [e for e in mutating(mq) if e["name"].startswith("SYSTEM.")] == []


def test_type_change_without_recreate_fails_before_any_change(mq, run_module):
    run_module("mq_objects", channels=CHANNELS[:1])
    fresh(mq)
    result = run_module("mq_objects", channels=[{"name": "APP.NEW", "type": "svrconn"},
                                                {"name": "APP.C0", "type": "rcvr"}])
    assert result["failed"] is True
    assert "type='rcvr': channel 'APP.C0' exists with type='svrconn'" in result["msg"]
    assert mutating(mq) == []
    recreated = run_module("mq_objects", channels=[{"name": "APP.C0", "type": "rcvr", "recreate": True}])
    assert [(e["command"], e["name"]) for e in mutating(mq)] == [("DELETE", "APP.C0"), ("DEFINE", "APP.C0")]
    assert recreated["changes"][0]["action"] == "recreated"


def test_absent_entries_delete_and_are_idempotent(mq, run_module):
    run_module("mq_objects", services=SERVICES)
    fresh(mq)
    gone = run_module("mq_objects", services=[{"name": "APP.S0", "state": "absent"}, {"name": "APP.NONE", "state": "absent"}])
    assert [(e["command"], e["name"]) for e in mutating(mq)] == [("DELETE", "APP.S0")]
    assert [(c["name"], c["action"]) for c in gone["changes"]] == [("APP.S0", "deleted")]
    fresh(mq)
    again = run_module("mq_objects", services=[{"name": "APP.S0", "state": "absent"}])
    assert (again["changed"], mutating(mq)) == (False, [])


@pytest.mark.parametrize("options,message", [
    ({"listeners": [{"name": "L1", "prt": 1414}]}, "module: listeners.prt. Supported parameters include: attributes, backlog"),
    ({"listeners": [{"name": "L1", "wait_timeout": 5}]}, "Unsupported parameters for (basic.py) module: listeners.wait_timeout."),
    ({"listeners": [{"name": "L1"}, {"name": "L1"}]}, "listeners[1] (L1): listener 'L1' is already declared by listeners[0] (L1)"),
    ({"channels": [{"name": "C1", "type": "clntconn", "conname": "h(1)", "state": "started"}]}, "a clntconn channel cannot be started"),
    ({"listeners": [{"name": "L1", "port": 70000}]}, "listeners[0] (L1): port=70000 is out of range: MQ accepts 0 to 65535"),
    ({"listeners": [{"name": "BAD NAME"}]}, "listeners[0] (BAD NAME): name='BAD NAME' is not a valid listener name"),
    ({"listeners": [{"port": 1414}]}, "missing required arguments: name found in listeners"),
    ({"listeners": ["L1"]}, "dictionary requested, could not parse JSON or key=value"),
    ({"listeners": [{"name": "L1", "state": "running"}]},
     "value of state must be one of: present, absent, started, stopped, got: running found in listeners"),
    ({"listeners": [{"name": "L1", "force": "maybe"}]},
     "argument 'force' is of type str found in 'listeners'. and we were unable to convert to bool: The value 'maybe' is not a valid boolean"),
    ({"services": [{"name": "S1", "service_type": "command", "state": "started"}]},
     "services[0] (S1): state='started' needs service_type='server'"),
    ({"channels": [{"name": "C1", "type": "amqp", "state": "started"}]}, "state='started' is not supported for an amqp channel"),
    ({"channels": [{"name": "C1", "type": "bogus", "state": "absent"}]},
     "value of type must be one of: sdr, svr, rcvr, rqstr, svrconn, clntconn, clussdr, clusrcvr, amqp, got: bogus found in channels"),
    ({"listeners": [{"name": "L1", "state": "absent", "attributes": {"NOSUCH": 1}}]}, "attributes.NOSUCH is not a listener attribute"),
    ({"services": [{"name": "S1", "attributes": {"STARTCMDX": "x"}}]}, "attributes.STARTCMDX is not a service attribute"),
    ({"channels": [], "purge": {"prefix": "SYSTEM.ADMIN"}}, "purge.prefix='SYSTEM.ADMIN' names queue manager objects"),
    ({"channels": [], "purge": {"prefix": "APP.*"}}, "purge.prefix='APP.*' is a literal prefix"),
    ({"channels": [], "purge": {"prefix": ""}}, "purge.prefix='' must be a non-empty name prefix"),
    ({}, "nothing to manage"),
])
def test_bad_input_fails_before_any_request(mq, run_module, options, message):
    fresh(mq)
    result = run_module("mq_objects", **options)
    assert result["failed"] is True
    assert message in result["msg"]
    assert mqsc_requests(mq) == 0


def test_a_numeric_name_from_yaml_is_the_same_name_as_a_string(mq, run_module):
    run_module("mq_objects", listeners=[{"name": 1414, "port": 1414}])
    fresh(mq)
    again = run_module("mq_objects", listeners=[{"name": "1414", "port": 1414}])
    assert (again["changed"], mutating(mq)) == (False, [])


@pytest.mark.parametrize("entries,message", [
    ({"listeners": [{"name": "APP.L1", "port": 1600, "state": "started"}, {"name": "APP.L2", "port": 1600, "state": "started"}]},
     "listeners[1] (APP.L2): listener 'APP.L2' and listeners[0] (APP.L1) would both listen on port 1600"),
    ({"services": [{"name": "APP.S1", "service_type": "server", "stop_command": "/bin/true", "state": "started"}]},
     "services[0] (APP.S1): state='started' needs start_command"),
])
def test_runs_mq_would_refuse_after_the_defines_are_refused_before_any_change(mq, run_module, entries, message):
    run_module("mq_objects", channels=CHANNELS[:1])
    fresh(mq)
    result = run_module("mq_objects", channels=[dict(CHANNELS[0], description="changed")], **entries)
    assert result["failed"] is True and message in result["msg"]
    assert mutating(mq) == []


def test_one_session_for_the_whole_task(mq, run_module):
    fresh(mq)
    run_module("mq_objects", listeners=LISTENERS, channels=CHANNELS, services=SERVICES, auth_method="ltpa")
    counts = mq.model.requests()
    assert counts["login"] == 2  # one POST /login, one DELETE /login at the end
    assert counts["mqsc"] == 12
