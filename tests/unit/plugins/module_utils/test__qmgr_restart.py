# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""_qmgr_restart: the rules of one queue manager's restart (commands, escalation, restore, rescue, the plan of a group)
with a fake command runner and a fake clock.

The runner is the queue manager's host: it runs endmqm and strmqm as the emulator's own command code (what its shims
call), in process; REST goes to the in-process emulator (timing zero). A group's status, which the unit emulator has not
got, is a fake client's DISPLAY QMSTATUS TYPE(NATIVEHA) rows, which the fake runner changes as the commands would.
"""

from __future__ import annotations

import threading
import time

import pytest
from mqemu import commands

from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQCommandError, MQError, MQInputError
from ansible_collections.mqrest.admin.plugins.module_utils._qmgr_restart import (
    Options, QmgrRestart, default_commands, preemptive_command, restart_order,
)

MODES = {"-c": "controlled", "-w": "wait", "-i": "immediate", "-p": "preemptive"}


class Clock:
    """A monotonic clock moved only by sleeps; thread-safe, since the milestone wait sleeps in its own thread (each sleep
    also yields a millisecond, so that the other thread runs)."""

    def __init__(self):
        self.now = 100.0
        self.lock = threading.Lock()

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        with self.lock:
            self.now += seconds
        time.sleep(0.001)


class Host:
    """The queue manager's host: endmqm and strmqm as the emulator's shims run them, and what ran, in order."""

    def __init__(self, model, fail=None, on_start=None, host=None):
        self.model, self.ran, self.fail, self.on_start, self.host = model, [], fail or {}, on_start, host

    def __call__(self, command):
        self.ran.append(command)
        words = command.split()
        if words[0] == "strmqm" and self.on_start:
            self.on_start()
        if command in self.fail:
            rc, text = self.fail[command]
            return {"rc": rc, "stdout": "", "stderr": text, "cmd": words, "msg": "non-zero return code"}
        if words[0] == "endmqm":
            mode = next((MODES[w] for w in words if w in MODES), "controlled")
            answer = commands.endmqm(self.model, words[-1], mode=mode, switchover="-s" in words, standby="-x" in words, host=self.host)
        elif words[0] == "strmqm":
            answer = commands.strmqm(self.model, words[-1], standby="-x" in words, host=self.host)
        else:
            answer = commands.dspmq(self.model, words[-1], extended="-x" in words, host=self.host)
        rc = answer["exit"]
        return {"rc": rc, "stdout": "\n".join(answer["lines"] + answer["then"]), "stderr": "", "cmd": words,
                "msg": "non-zero return code" if rc else ""}


@pytest.fixture
def clock():
    return Clock()


def restart(client_factory, host, clock, check_mode=False, **options):
    options.setdefault("poll_interval", 0.2)
    run = QmgrRestart(lambda: client_factory(check_mode=check_mode, retries=0), host, Options("QM1", check_mode=check_mode, **options),
                      clock=clock, wall=time.time, sleep=clock.sleep)
    return run.run()


def define(mq, *commands_):
    for command in commands_:
        status, reply = mq.model.run_mqsc("QM1", {"type": "runCommand", "parameters": {"command": command}})
        assert status == 200 and reply["overallCompletionCode"] == 0, reply
    mq.model.clear_journal()


@pytest.mark.parametrize("args,stop,start", [
    (("immediate",), "endmqm -i QM1", "strmqm QM1"),
    (("controlled", True), "endmqm -c -s QM1", "strmqm -x QM1"),
    # A group's active instance switches over; a multi-instance one comes back as the standby (strmqm -x).
    (("immediate", False, "native_ha", "active"), "endmqm -i -s QM1", "strmqm QM1"),
    (("wait", False, "multi_instance", "active"), "endmqm -w -s QM1", "strmqm -x QM1"),
    # A standby or replica ends alone; the mode is the queue manager's, not its.
    (("immediate", False, "native_ha", "replica"), "endmqm -x QM1", "strmqm QM1"),
    (("immediate", False, "multi_instance", "standby"), "endmqm -x QM1", "strmqm -x QM1"),
])
def test_the_default_commands(args, stop, start):
    assert default_commands("QM1", *args) == (stop, start)


@pytest.mark.parametrize("command,mode,escalated", [
    ("endmqm -i QM1", "immediate", "endmqm -p QM1"),
    ("endmqm -c -s QM1", "controlled", "endmqm -p -s QM1"),
    ("sudo -u mqm /opt/mqm/bin/endmqm -w QM1", "wait", "sudo -u mqm /opt/mqm/bin/endmqm -p QM1"),
    # A container's own stop command has no mode flag: it runs again as it is.
    ("podman stop --time 60 mq-qm1", "immediate", "podman stop --time 60 mq-qm1"),
])
def test_the_escalation_swaps_the_mode_flag_for_p(command, mode, escalated):
    assert preemptive_command(command, mode) == escalated


def test_strmqm_exit_30_is_success_only_where_a_standby_starts():
    assert Options("QM1").start_codes == (0,)
    assert Options("QM1", switchover=True).start_codes == (0, 30)
    assert Options("QM1", group="multi_instance", role="standby").start_codes == (0, 30)
    assert Options("QM1", group="native_ha", role="replica").start_codes == (0,)


def test_a_restart_times_every_milestone_and_starts_again_only_what_the_queue_manager_does_not(mq, client_factory, clock):
    define(mq, "DEFINE LISTENER(APP.QMGR) TRPTYPE(TCP) PORT(1415) CONTROL(QMGR)", "START LISTENER(APP.QMGR)",
           "DEFINE LISTENER(APP.MANUAL) TRPTYPE(TCP) PORT(1416) CONTROL(MANUAL)", "START LISTENER(APP.MANUAL)",
           "DEFINE CHANNEL(TO.QM2) CHLTYPE(SDR) CONNAME('partner(1414)') XMITQ(XQ)", "START CHANNEL(TO.QM2)")
    host = Host(mq.model)
    report = restart(client_factory, host, clock)
    assert report["failure"] == "" and report["outcome"] == "restarted", report
    assert host.ran == ["endmqm -i QM1", "strmqm QM1"]
    assert [m["name"] for m in report["milestones"] if m["reached"]] == [
        "running", "command_server", "channel_initiator", "listeners", "channels", "connections"]
    # CONTROL(QMGR) listeners are the queue manager's to start; the MANUAL one and the sender are the restore's.
    assert report["restored"] == ["listener APP.MANUAL", "channel TO.QM2"]
    assert [(e["command"], e["name"]) for e in mq.model.journal("QM1") if e["mutating"]] == [
        ("START", "APP.MANUAL"), ("START", "TO.QM2")]
    assert report["ended_state"] == "endedImmediately" and report["ended_seconds"] >= 0
    assert (report["state"], report["end_mode"], report["stop_command"], report["start_command"]) == (
        "running", "immediate", "endmqm -i QM1", "strmqm QM1")
    assert report["stopped_at"] <= report["milestones_since"]
    assert report["requests"] > 0 and report["polls"] > 0


def test_check_mode_reads_the_baseline_and_runs_nothing(mq, client_factory, clock):
    host = Host(mq.model)
    report = restart(client_factory, host, clock, check_mode=True)
    assert (report["outcome"], host.ran, report["milestones"], report["stop_command"]) == ("checked", [], [], "")
    assert report["log"]["loginuse"] is not None and report["connections"]["before"] is not None
    assert [e for e in mq.model.journal("QM1") if e["mutating"]] == []


def test_a_failed_start_is_rescued_and_reported_as_failed(mq, client_factory, clock):
    mq.model.add_fault({"kind": "strmqm_fails", "qmgr": "QM1", "exit": 23, "count": 1})
    host = Host(mq.model)
    report = restart(client_factory, host, clock)
    assert host.ran == ["endmqm -i QM1", "strmqm QM1", "strmqm QM1"]
    assert report["outcome"] == "failed"
    assert report["failure"] == ("Start the queue manager: non-zero return code (rc 23: IBM MQ queue manager 'QM1' starting.; "
                                 "AMQ: Log not available.)")
    assert report["rescue"].startswith("started it again: running and accepting commands ")
    assert report["state"] == "running" and mq.model.qmgr_state("QM1") == "running"
    # The milestones were not reached: not measured, rather than "not reached".
    assert report["milestones"] == [] and report["ended_seconds"] is not None


def test_an_end_that_does_not_finish_fails_and_the_rescue_says_it_could_not_start_it(mq, client_factory, clock):
    mq.model.add_fault({"kind": "never_disconnect", "qmgr": "QM1"})
    host = Host(mq.model)
    report = restart(client_factory, host, clock, stop_mode="controlled", end_timeout=5)
    assert host.ran == ["endmqm -c QM1", "strmqm QM1"]
    assert report["failure"].startswith("Wait until it has ended: queue manager QM1 did not reach ended within 5s (last seen: "
                                        "state quiescing)")
    assert report["rescue"] == "its start command failed too (rc 49: AMQ: IBM MQ queue manager 'QM1': Queue manager stopping.)"
    assert report["state"] == "quiescing"


def test_an_end_that_does_not_finish_is_escalated_when_allowed(mq, client_factory, clock):
    mq.model.add_fault({"kind": "never_disconnect", "qmgr": "QM1"})
    host = Host(mq.model)
    report = restart(client_factory, host, clock, stop_mode="controlled", end_timeout=5, escalate_preemptive=True, restore=False)
    assert host.ran == ["endmqm -c QM1", "endmqm -p QM1", "strmqm QM1"]
    assert (report["outcome"], report["end_mode"], report["ended_state"]) == ("restarted", "controlled then preemptive",
                                                                              "endedPreemptively")


def test_a_stop_command_that_fails_leaves_a_running_queue_manager_alone(mq, client_factory, clock):
    host = Host(mq.model, fail={"endmqm -i QM1": (119, "AMQ7077E: You are not authorized to perform the requested operation.")})
    report = restart(client_factory, host, clock)
    assert host.ran == ["endmqm -i QM1"]
    assert report["failure"] == ("Stop the queue manager: non-zero return code (rc 119: AMQ7077E: You are not authorized to "
                                 "perform the requested operation.)")
    assert (report["rescue"], report["state"]) == ("none needed: it runs", "running")


def test_a_queue_manager_that_does_not_run_is_not_stopped(mq, client_factory, clock):
    mq.model.stop_qmgr("QM1")
    host = Host(mq.model)
    report = restart(client_factory, host, clock)
    assert host.ran == []
    assert report["failure"] == ("Preflight, read what runs and the log the next start replays: a baseline needs a running "
                                 "queue manager: QM1 is ended")
    assert report["rescue"] == "nothing to undo: the queue manager was not stopped"


def test_a_milestone_not_reached_fails_after_the_restore_and_leaves_it_running(mq, client_factory, clock):
    # The command server does not start: the queue manager runs, and nothing can be restored or read.
    host = Host(mq.model, on_start=lambda: mq.model.add_fault({"kind": "cmdserv_down", "qmgr": "QM1"}))
    report = restart(client_factory, host, clock, start_timeout=20)
    mq.model.clear_faults()
    assert report["failure"].startswith(
        "Every milestone reached (running, command server, channel initiator, listeners, channels, connections): queue manager QM1 "
        "did not reach command_server within 20s (last seen: command server not running (reason 3204 MQRCCF_COMMAND_INHIBITED))"), \
        report["failure"]
    assert report["rescue"] == "none needed: it runs"
    assert [m["name"] for m in report["milestones"] if m["reached"]] == ["running"]


def test_an_unexpected_error_after_the_stop_still_gets_the_rescue(mq, client_factory, clock):
    host, calls = Host(mq.model), []

    def flaky(command):
        calls.append(command)
        if calls.count(command) == 1 and command.startswith("strmqm"):
            raise RuntimeError("the connection to the host was lost")
        return host(command)

    report = QmgrRestart(lambda: client_factory(retries=0), flaky, Options("QM1", poll_interval=0.2), clock=clock, wall=time.time,
                         sleep=clock.sleep).run()
    assert report["failure"] == "unexpected RuntimeError: the connection to the host was lost"
    assert report["rescue"].startswith("started it again: running and accepting commands ")
    assert calls == ["endmqm -i QM1", "strmqm QM1", "strmqm QM1"] and mq.model.qmgr_state("QM1") == "running"


# -- a group: the plan, and a replica's restart on fakes of DISPLAY QMSTATUS TYPE(NATIVEHA) ------------------------------
class Group:
    """A Native HA group's status as the active instance shows it, and the hosts' endmqm -x / strmqm changing it: a
    stopped replica disconnects; a started one connects, and is in sync after ``sync_polls`` reads (never with None)."""

    def __init__(self, roles, sync_polls=2):
        self.rows = {name: {"instance": name, "role": role.upper(), "connactv": "YES", "insync": "YES", "backlog": "0"}
                     for name, role in roles.items()}
        self.sync_polls, self.pending = sync_polls, {}
        self.ran = []

    def display(self, qualifier, name=None, parameters=None, retry=None):
        assert (qualifier, parameters) == ("QMSTATUS", {"TYPE": "NATIVEHA"})
        for instance, left in list(self.pending.items()):
            if left is not None and left <= 0:
                self.rows[instance].update(insync="YES", backlog="0")
                del self.pending[instance]
            elif left is not None:
                self.pending[instance] = left - 1
        return [dict(row) for row in self.rows.values()]

    def command(self, instance):
        def run(command):
            self.ran.append((instance, command))
            if command.startswith("endmqm -x"):
                self.rows[instance].update(role="UNKNOWN", connactv="NO", insync="NO")
            elif command.startswith("strmqm"):
                self.rows[instance].update(role="REPLICA", connactv="YES", insync="NO", backlog="2048")
                self.pending[instance] = self.sync_polls
            return {"rc": 0, "stdout": "", "stderr": "", "cmd": command.split(), "msg": ""}
        return run


class GroupClient:
    """What the replica's restart reads: the queue manager's state (running: GET /admin/qmgr answers through the active
    instance) and the group."""

    qmgr, request_count = "QM1", 0
    transport = type("Transport", (), {"close": lambda self: None})()

    def __init__(self, group):
        self.group = group

    def qmgr_state(self, retry=False):
        self.request_count += 1
        return "running"

    def display(self, *args, **kwargs):
        self.request_count += 1
        return self.group.display(*args, **kwargs)


def replica(group, name, clock, **options):
    options = dict(dict(poll_interval=0.2, end_timeout=10, start_timeout=10, group="native_ha", role="replica", instance=name), **options)
    return QmgrRestart(lambda: GroupClient(group), group.command(name), Options("QM1", **options), clock=clock, wall=time.time,
                       sleep=clock.sleep).run()


def test_a_replica_leaves_the_group_and_must_be_back_in_sync(clock):
    group = Group({"qm1a": "active", "qm1b": "replica", "qm1c": "replica"})
    report = replica(group, "qm1b", clock)
    assert report["failure"] == "", report
    assert group.ran == [("qm1b", "endmqm -x QM1"), ("qm1b", "strmqm QM1")]
    assert (report["instance"], report["role_before"], report["role_after"], report["active_after"]) == (
        "qm1b", "replica", "replica", "qm1a")
    assert report["left_seconds"] is not None and report["in_sync_seconds"] is not None
    assert report["end_mode"] == "replica only" and report["milestones"] == []


def test_a_replica_that_does_not_come_back_in_sync_fails_and_is_left_running(clock):
    group = Group({"qm1a": "active", "qm1b": "replica", "qm1c": "replica"}, sync_polls=None)
    report = replica(group, "qm1b", clock, start_timeout=4)
    assert report["failure"] == ("Wait until this instance is back in sync: instance qm1b of QM1 did not come back in sync within "
                                 "4s (last seen: ROLE(REPLICA) CONNACTV(YES) INSYNC(NO) BACKLOG(2048 KB))")
    assert report["rescue"] == "none needed: instance qm1b runs (ROLE(REPLICA) CONNACTV(YES) INSYNC(NO) BACKLOG(2048 KB))"
    assert group.ran == [("qm1b", "endmqm -x QM1"), ("qm1b", "strmqm QM1")]


def test_a_replica_whose_start_fails_is_started_again_by_the_rescue(clock):
    group = Group({"qm1a": "active", "qm1b": "replica", "qm1c": "replica"})
    calls = []

    def host(command):
        calls.append(command)
        if command == "strmqm QM1" and calls.count(command) == 1:
            return {"rc": 71, "stdout": "", "stderr": "AMQ: Unexpected error.", "cmd": command.split(), "msg": "non-zero return code"}
        return group.command("qm1b")(command)

    report = QmgrRestart(lambda: GroupClient(group), host, Options("QM1", poll_interval=0.2, group="native_ha", role="replica",
                                                                   instance="qm1b"), clock=clock, sleep=clock.sleep).run()
    assert report["failure"] == "Start this instance: non-zero return code (rc 71: AMQ: Unexpected error.)"
    assert report["rescue"] == "started instance qm1b again"
    assert calls == ["endmqm -x QM1", "strmqm QM1", "strmqm QM1"]


def test_the_active_instance_is_not_ended_while_a_replica_is_out_of_sync(clock):
    group = Group({"qm1a": "active", "qm1b": "replica", "qm1c": "replica"})
    group.rows["qm1c"].update(insync="NO", backlog="4096")
    report = replica(group, "qm1a", clock, role="active")
    assert group.ran == []
    assert report["failure"] == ("Preflight, read what runs and the log the next start replays: not every replica is in sync, so "
                                 "ending the active instance could leave none to take over: qm1c (ROLE(REPLICA) CONNACTV(YES) "
                                 "INSYNC(NO) BACKLOG(4096 KB))")
    assert report["rescue"] == "nothing to undo: the queue manager was not stopped"


def test_an_instance_whose_role_changed_since_the_plan_is_not_touched(clock):
    group = Group({"qm1a": "replica", "qm1b": "active", "qm1c": "replica"})
    report = replica(group, "qm1b", clock)
    assert group.ran == []
    assert "instance qm1b was planned as the replica instance but is now active" in report["failure"]


@pytest.mark.parametrize("instances,order", [
    (["qm1a", "qm1b", "qm1c"], [("qm1b", "replica"), ("qm1c", "replica"), ("qm1a", "active")]),
    # Instances named otherwise than their hosts; the replicas in the order given.
    ([{"host": "h3", "name": "qm1c"}, {"host": "h1", "name": "qm1a"}, {"host": "h2", "name": "qm1b"}],
     [("h3", "replica"), ("h2", "replica"), ("h1", "active")]),
])
def test_the_plan_of_a_native_ha_group_puts_the_active_instance_last(instances, order):
    plan = restart_order(GroupClient(Group({"qm1a": "active", "qm1b": "replica", "qm1c": "replica"})), instances, "QM1", None)
    assert plan["group"] == "native_ha"
    assert [(entry["host"], entry["role"]) for entry in plan["order"]] == order


class SingleInstance(GroupClient):
    """A queue manager that is not Native HA: MQ refuses TYPE(NATIVEHA)."""

    def display(self, *args, **kwargs):
        raise MQCommandError("DISPLAY QMSTATUS TYPE(NATIVEHA)", 2, 4005, [])


def dspmq(output, rc=0):
    return lambda command: {"rc": rc, "stdout": output, "stderr": "", "cmd": command.split(), "msg": ""}


def test_the_plan_of_a_multi_instance_queue_manager_reads_dspmq():
    output = "QMNAME(QM1)    STATUS(Running)\n    INSTANCE(mqa) MODE(Active)\n    INSTANCE(mqb) MODE(Standby)\n"
    plan = restart_order(SingleInstance(Group({})), ["mqa", "mqb"], "QM1", dspmq(output))
    assert plan == {"group": "multi_instance",
                    "order": [{"host": "mqb", "name": "mqb", "role": "standby"}, {"host": "mqa", "name": "mqa", "role": "active"}]}


@pytest.mark.parametrize("instances,client,run,error,message", [
    (["qm1a"], None, None, MQInputError, "instances lists qm1a: a multi-instance queue manager has two instances"),
    (["qm1a", "qm1a"], None, None, MQInputError, "instances names the host 'qm1a' twice"),
    (["qm1a", "qm1b"], Group({"qm1a": "active", "qm1b": "replica", "qm1c": "replica"}), None, MQInputError,
     "instances names qm1a, qm1b, but the Native HA group of QM1 has the instances qm1a, qm1b, qm1c"),
    (["qm1a", "qm1b", "qm1c"], Group({"qm1a": "replica", "qm1b": "replica", "qm1c": "replica"}), None, MQError,
     "QM1 has 0 active instances"),
    (["mqa", "mqb"], None, dspmq("QMNAME(QM1)    STATUS(Running)\n    INSTANCE(mqa) MODE(Active)\n"), MQInputError,
     "instances names mqa, mqb, but dspmq -x shows the instances mqa (active)"),
    (["mqa", "mqb"], None, dspmq("AMQ7048E: The queue manager name is either not valid or not known.", rc=72), MQError,
     "dspmq -x -m QM1 on this host failed, so which instance of QM1 is active is unknown: rc 72: AMQ7048E"),
])
def test_a_plan_that_cannot_be_made_says_why(instances, client, run, error, message):
    with pytest.raises(error) as failure:
        restart_order(GroupClient(client) if client else SingleInstance(Group({})), instances, "QM1", run)
    assert message in failure.value.msg


# -- a group on the emulator: a multi-instance pair and a Native HA group, each instance on its own host ---------------
def group_restart(mq, client_factory, clock, entry, group):
    host = Host(mq.model, host=entry["host"])
    options = Options("QM1", poll_interval=0.2, end_timeout=30, start_timeout=60, group=group, role=entry["role"],
                      instance=entry["name"])
    return host, QmgrRestart(lambda: client_factory(retries=0), host, options, clock=clock, wall=time.time, sleep=clock.sleep).run()


def test_a_multi_instance_queue_manager_restarts_its_standby_then_switches_over(mq, client_factory, clock):
    commands.set_instances(mq.model, "QM1", ["qm1a", "qm1b"])
    commands.strmqm(mq.model, "QM1", standby=True, host="qm1b")
    plan = restart_order(client_factory(), ["qm1a", "qm1b"], "QM1", Host(mq.model, host="qm1a"))
    assert [(e["host"], e["role"]) for e in plan["order"]] == [("qm1b", "standby"), ("qm1a", "active")]
    ran = []
    for entry in plan["order"]:
        host, report = group_restart(mq, client_factory, clock, entry, plan["group"])
        assert report["failure"] == "", report
        ran += [(entry["host"], command) for command in host.ran]
        assert report["role_after"] == "standby"
    assert ran == [("qm1b", "endmqm -x QM1"), ("qm1b", "strmqm -x QM1"), ("qm1a", "endmqm -i -s QM1"), ("qm1a", "strmqm -x QM1")]
    # The takeover's milestones, from the stop command: the queue manager runs on qm1b, qm1a is its standby.
    assert report["end_mode"] == "immediate, switchover" and report["milestones_since"] == report["stopped_at"]
    assert report["failover_seconds"] is not None and report["ended_seconds"] is None
    truth = commands.timeline(mq.model, "QM1")
    assert sorted((i["host"], i["mode"]) for i in truth["instances"]) == [("qm1a", "Standby"), ("qm1b", "Active")], truth


def test_the_switchover_option_restarts_the_active_instance_from_its_host(mq, client_factory, clock):
    commands.set_instances(mq.model, "QM1", ["qm1a", "qm1b"])
    commands.strmqm(mq.model, "QM1", standby=True, host="qm1b")
    host = Host(mq.model, host="qm1a")
    report = restart(client_factory, host, clock, switchover=True, end_timeout=30, start_timeout=60)
    assert report["failure"] == "", report
    assert host.ran == ["endmqm -i -s QM1", "strmqm -x QM1"]
    assert (report["end_mode"], report["ended_seconds"]) == ("immediate, switchover", None)
    assert [m["name"] for m in report["milestones"] if m["reached"]][:3] == ["running", "command_server", "channel_initiator"]


def test_a_native_ha_group_restarts_its_replicas_then_fails_over_once(mq, client_factory, clock):
    commands.set_instances(mq.model, "QM1", ["nha1", "nha2", "nha3"])
    plan = restart_order(client_factory(), ["nha1", "nha2", "nha3"], "QM1", None)
    assert [(e["host"], e["role"]) for e in plan["order"]] == [("nha2", "replica"), ("nha3", "replica"), ("nha1", "active")]
    reports = [group_restart(mq, client_factory, clock, entry, plan["group"])[1] for entry in plan["order"]]
    assert [r["failure"] for r in reports] == ["", "", ""], reports
    assert [(r["role_before"], r["role_after"]) for r in reports] == [("replica", "replica"), ("replica", "replica"), ("active", "replica")]
    active = reports[-1]
    assert active["failover_seconds"] is not None and active["active_after"] in ("nha2", "nha3")
    assert all(m["reached"] or m["skipped"] for m in active["milestones"]) and active["in_sync_seconds"] is not None
    truth = commands.timeline(mq.model, "QM1")
    assert len(truth["failovers"]) == 1 and truth["nativeha"]["quorum"] == "3/3", truth
