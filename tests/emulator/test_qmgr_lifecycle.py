# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The queue-manager lifecycle (lifecycle.py, commands.py): end modes, the start milestones after log replay, the
multi-instance pair, extra mqweb ports and the timeline, read at exact instants with the frozen clock."""

import pytest
import requests

from conftest import ctl, partner, timeline
from mqemu.lifecycle import DSPMQ_WORDS

# Every phase one second, 1 MiB of active log read at 1 MiB/s: each milestone lands on a whole second after strmqm.
STEPS = {"qmgr_start": 1.0, "log_replay_mib_per_s": 1.0, "cmdserv_start": 1.0, "chinit_start": 1.0, "listener_start": 1.0,
         "service_start": 1.0, "qmgr_end": 1.0, "client_disconnect": 2.0, "client_reconnect_delay": 0.0,
         "client_reconnect_spread": 1.0}


@pytest.fixture
def steps(srv, clock):
    srv.model.set_timing(**STEPS)
    srv.model.set_qmstatus("QM1", loginuse=50, logprim=2, logextsz=1024)  # 1 MiB active log
    return clock


def rest_state(client, qmgr="QM1", base=None):
    resp = client.session.get(f"{base or client.srv.base_url}/admin/qmgr/{qmgr}?status=*", timeout=10)
    return resp.json()["qmgr"][0]


def qmstatus(client):
    return client.ok("DISPLAY", "QMSTATUS", resp=["CMDSERV", "CHINIT"])[0]


def test_strmqm_reaches_each_milestone_in_order_after_the_log_replay(client, steps):
    ctl(client, "endmqm", mode="preemptive")
    assert rest_state(client)["state"] == "endedPreemptively"
    answer = ctl(client, "strmqm")
    assert (answer["exit"], answer["wait"], answer["state"]) == (0, "running", "starting")
    steps.advance(1.5)  # qmgr_start 1 s + replay 1 s
    assert rest_state(client)["state"] == "starting" and client.mqsc("DISPLAY", "QMSTATUS")[0] == 503
    steps.advance(1.0)  # 2.5: running, the command server still starting (MQSC as when it is down)
    item = rest_state(client)
    assert (item["state"], item["status"]["channelInitiatorState"]) == ("running", "starting")
    client.fails(3204, "DISPLAY", "QMSTATUS")
    steps.advance(1.0)  # 3.5: command server up, channel initiator starting, listener not yet started
    assert qmstatus(client) == {"qmname": "QM1", "status": "RUNNING", "cmdserv": "RUNNING", "chinit": "STARTING"}
    steps.advance(1.0)  # 4.5: channel initiator up; CONTROL(QMGR) listener STARTING
    assert qmstatus(client)["chinit"] == "RUNNING" and rest_state(client)["status"]["channelInitiatorState"] == "running"
    assert client.status_of("LSSTATUS", "DEV.LISTENER.TCP") == ["STARTING"]
    steps.advance(1.0)
    assert client.status_of("LSSTATUS", "DEV.LISTENER.TCP") == ["RUNNING"]
    marks = timeline(client)["current"]
    start = marks["start_requested"]
    assert {k: round(marks[k] - start, 3) for k in ("running", "command_server", "channel_initiator", "listeners", "connections")} \
        == {"running": 2.0, "command_server": 3.0, "channel_initiator": 4.0, "listeners": 5.0, "connections": 5.0}
    assert marks["end_mode"] == "preemptive" and marks["ended"] == marks["end_requested"]


def test_replay_time_follows_the_active_log(client, srv, steps):
    seconds = {}
    for loginuse in (20, 80):
        srv.model.set_qmstatus("QM1", loginuse=loginuse, logprim=4, logextsz=16392)
        seconds[loginuse] = timeline(client)["replay_seconds"]
    # LOGINUSE % of LOGPRIM x LOGEXTSZ KiB at 1 MiB/s
    assert seconds == {20: pytest.approx(0.2 * 4 * 16392 / 1024), 80: pytest.approx(0.8 * 4 * 16392 / 1024)}


def test_clients_reconnect_once_the_listeners_run_and_the_timeline_says_when_all_are_back(client, srv, steps):
    srv.model.attach_clients("QM1", "DEV.APP.SVRCONN", 4)
    ctl(client, "endmqm", mode="immediate")
    steps.advance(1.0)
    ctl(client, "strmqm")
    steps.advance(5.0)  # listeners running at 5: the first client reconnects then, the others spread over 1 s
    assert rest_state(client)["status"]["connectionCount"] == 22 + 1
    steps.advance(1.0)
    assert rest_state(client)["status"]["connectionCount"] == 22 + 4
    marks = timeline(client)["current"]
    assert round(marks["connections"] - marks["start_requested"], 3) == 5.75


def test_manual_listener_stays_stopped_and_stopped_svrconn_is_remembered(client, srv, steps):
    client.ok("DEFINE", "LISTENER", "MAN.L", params={"trptype": "TCP", "port": 1500, "control": "MANUAL"})
    client.ok("START", "LISTENER", "MAN.L")
    srv.model.attach_clients("QM1", "DEV.ADMIN.SVRCONN", 1)
    client.ok("STOP", "CHANNEL", "DEV.ADMIN.SVRCONN")
    ctl(client, "endmqm", mode="immediate")
    steps.advance(1.0)
    ctl(client, "strmqm")
    steps.advance(10.0)
    assert client.status_of("LSSTATUS", "MAN.L") == 3250  # MANUAL: not started by the queue manager
    assert client.status_of("CHSTATUS", "DEV.ADMIN.SVRCONN") == ["STOPPED"]


def test_controlled_end_waits_for_the_clients_and_for_an_application_that_never_disconnects(client, srv, steps):
    srv.model.attach_clients("QM1", "DEV.APP.SVRCONN", 2)
    answer = ctl(client, "endmqm")
    assert (answer["exit"], answer["wait"], answer["state"]) == (0, None, "quiescing")
    assert answer["lines"][0].startswith("Quiesce request accepted")
    steps.advance(2.9)  # client_disconnect 2 s + qmgr_end 1 s
    assert rest_state(client)["state"] == "quiescing" and client.mqsc("DISPLAY", "QMSTATUS")[0] == 503
    steps.advance(0.2)
    assert rest_state(client)["state"] == "ended"
    # An application that never disconnects keeps a controlled end quiescing until it goes (the fault is cleared).
    ctl(client, "strmqm")
    steps.advance(10.0)
    srv.model.add_fault({"kind": "never_disconnect", "qmgr": "QM1"})
    ctl(client, "endmqm", mode="wait")
    steps.advance(3600.0)
    assert rest_state(client)["state"] == "quiescing" and timeline(client)["current"]["ended"] is None
    assert ctl(client, "endmqm")["exit"] == 49  # already stopping
    srv.model.clear_faults()
    steps.advance(3.0)
    assert rest_state(client)["state"] == "ended" and timeline(client)["current"]["ended"] is not None


def test_immediate_escalates_a_quiescing_end_and_preemptive_ends_at_once(client, srv, steps):
    srv.model.add_fault({"kind": "never_disconnect", "qmgr": "QM1"})
    ctl(client, "endmqm")
    answer = ctl(client, "endmqm", mode="immediate")
    assert (answer["exit"], answer["state"]) == (0, "endingImmediately")
    steps.advance(1.0)
    assert rest_state(client)["state"] == "endedImmediately"
    assert ctl(client, "endmqm", mode="immediate")["exit"] == 40  # not available
    assert ctl(client, "strmqm", qmgr="NOPE")["exit"] == 16
    assert ctl(client, "strmqm")["exit"] == 0 and ctl(client, "strmqm")["exit"] == 5  # already starting/running
    steps.advance(10.0)
    assert ctl(client, "endmqm", mode="preemptive")["state"] == "endedPreemptively"


def test_crash_and_the_test_doubles_for_failed_starts(client, srv, steps):
    assert ctl(client, "crash")["state"] == "endedUnexpectedly"
    srv.model.add_fault({"kind": "strmqm_fails", "qmgr": "QM1", "exit": 23, "count": 1})
    answer = ctl(client, "strmqm")
    assert answer["exit"] == 23 and "Log not available" in answer["lines"][-1]
    assert rest_state(client)["state"] == "endedUnexpectedly"
    # The queue manager starts but its command server never does while cmdserv_down stays.
    srv.model.add_fault({"kind": "cmdserv_down", "qmgr": "QM1"})
    assert ctl(client, "strmqm")["exit"] == 0
    steps.advance(100.0)
    assert rest_state(client)["state"] == "running" and timeline(client)["current"]["command_server"] is None
    client.fails(3204, "DISPLAY", "QMSTATUS")
    srv.model.clear_faults()
    assert qmstatus(client)["cmdserv"] == "RUNNING" and timeline(client)["current"]["command_server"] is not None


def test_switchover_moves_the_listener_and_partners_follow_only_with_both_hosts_in_conname(client, srv, steps):
    srv.model.set_timing(channel_retry_scale=0.001)
    ctl(client, "instances", qmgr="QM2", hosts=["qm2host", "qm2b"])
    for name, conname in (("TO.BOTH", "qm2host(1414),qm2b(1414)"), ("TO.ONE", "qm2host(1414)")):
        partner(client, name, xmitq=f"XQ.{name}")
        client.ok("DEFINE", "CHANNEL", name, params={"chltype": "SDR", "conname": conname, "xmitq": f"XQ.{name}"})
        client.ok("START", "CHANNEL", name)
    steps.advance(10.0)
    assert client.status_of("CHSTATUS", "TO.BOTH") == ["RUNNING"] == client.status_of("CHSTATUS", "TO.ONE")
    assert timeline(client, "QM2", "qm2b")["state"] == "runningAsStandby"
    answer = ctl(client, "endmqm", qmgr="QM2", mode="immediate", switchover=True)
    assert (answer["exit"], answer["wait"]) == (0, "ended") and "switchover" in answer["then"][0]
    steps.advance(1.0)  # the old active has ended; the standby starts on qm2b
    assert timeline(client, "QM2", "qm2host")["state"] == "runningElsewhere"
    assert timeline(client, "QM2", "qm2b")["state"] == "starting"
    assert [i["host"] for i in timeline(client, "QM2")["instances"]] == ["qm2b"]
    steps.advance(120.0)
    assert client.status_of("CHSTATUS", "TO.BOTH") == ["RUNNING"]
    assert client.status_of("CHSTATUS", "TO.ONE") in (["RETRYING"], ["STOPPED"])
    assert client.ctl("GET", "network")[1]["hosts"]["QM2"] == "qm2b"
    # The old active's host takes the standby role again with strmqm -x there.
    answer = ctl(client, "strmqm", qmgr="QM2", standby=True, host="qm2host")
    assert answer["exit"] == 30 and timeline(client, "QM2", "qm2host")["state"] == "runningAsStandby"
    # A standby ends with -x only ([V] IBM-ENDMQM "reports an error"; the number 79 is unconfirmed)
    assert ctl(client, "endmqm", qmgr="QM2", host="qm2host")["exit"] == 79
    assert ctl(client, "endmqm", qmgr="QM2", host="qm2host", standby=True)["exit"] == 0
    line = timeline(client, "QM2")
    [switchover] = line["failovers"]  # the timeline records it: from the old active's end to the standby running
    assert (switchover["kind"], switchover["from"], switchover["to"]) == ("switchover", "qm2host", "qm2b")
    assert switchover["seconds"] == pytest.approx(STEPS["qmgr_start"] + line["replay_seconds"])


def test_mqweb_ports_show_each_instance_and_an_embedded_one_refuses_connections_while_down(client, srv):
    ctl(client, "instances", qmgr="QM2", hosts=["qm2host", "qm2b"])
    standby = ctl(client, "mqweb", qmgr="QM2", host="qm2b")["base_url"]
    embedded = srv.add_mqweb("QM1", embedded=True)
    assert rest_state(client, "QM2", standby)["state"] == "runningAsStandby"
    body = {"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "QMSTATUS"}
    resp = client.session.post(f"{standby}/admin/action/qmgr/QM2/mqsc", json=body, timeout=10)
    assert resp.status_code == 503 and resp.json()["error"][0]["reasonCode"] == 2543
    assert rest_state(client, "QM1", embedded)["state"] == "running"
    srv.model.stop_qmgr("QM1", "immediate")
    with pytest.raises(requests.ConnectionError):
        for _attempt in range(200):  # the port closes within the watcher's 20 ms tick
            requests.get(f"{embedded}/admin/qmgr/QM1", auth=("admin", "passw0rd"), timeout=5)
    assert rest_state(client, "QM2")["state"] == "running"  # the main mqweb still answers
    srv.model.start_qmgr("QM1")
    for _attempt in range(500):
        try:
            assert rest_state(client, "QM1", embedded)["state"] == "running"
            break
        except requests.ConnectionError:
            pass
    else:
        pytest.fail("the embedded mqweb never came back")


def test_legacy_control_calls_keep_every_milestone_at_running(client, srv, clock):
    srv.model.set_timing(cmdserv_start=5.0, chinit_start=5.0)
    assert ctl(client, "restart", down=1.0, starting=1.0)["state"] == "ended"
    clock.advance(2.0)
    assert qmstatus(client) == {"qmname": "QM1", "status": "RUNNING", "cmdserv": "RUNNING", "chinit": "RUNNING"}
    history = timeline(client)["current"]
    assert history["command_server"] == history["channel_initiator"] == history["running"]


def dspmq(client, *outputs, qmgr=None, **flags):
    status, answer = client.ctl("POST", "dspmq", {"qmgr": qmgr, "outputs": list(outputs or ["status"]), **flags})
    assert status == 200, answer
    return answer["exit"], answer["lines"]


PAD = " " * 47  # QMNAME(QM1) padded to the STATUS column


def test_endmqm_s_with_no_standby_ends_the_queue_manager_where_standbys_are_permitted(client, srv, steps):
    """IBM-SWITCHOVER: "Switchover only takes place if a standby queue manager instance is already started. The endmqm -s
    command releases the active queue manager lock and permits switchover: it does not start a standby." So -s on a pair
    whose standby is not running ends the queue manager (exit 0, no takeover); 77 ("cannot switch over", number
    unconfirmed) stays for a queue manager that permits no standby, and for both with switchover_without_standby=refuse."""
    ctl(client, "instances", qmgr="QM2", hosts=["qm2host", "qm2b"])
    assert ctl(client, "endmqm", qmgr="QM2", host="qm2b", standby=True)["exit"] == 0  # the standby goes first
    srv.model.set_config(switchover_without_standby="refuse")
    assert ctl(client, "endmqm", qmgr="QM2", mode="immediate", switchover=True)["exit"] == 77
    srv.model.set_config(switchover_without_standby="end")
    answer = ctl(client, "endmqm", qmgr="QM2", mode="immediate", switchover=True)
    assert (answer["exit"], answer["then"]) == (0, ["IBM MQ queue manager 'QM2' ended, permitting switchover to a standby instance."])
    steps.advance(1.0)
    line = timeline(client, "QM2")
    assert (line["state"], line["failovers"], line["instances"]) == ("endedImmediately", [], [])
    assert ctl(client, "strmqm", qmgr="QM2")["exit"] == 0  # back on the same host
    refused = ctl(client, "endmqm", mode="immediate", switchover=True)  # QM1 permits no standby
    assert refused["exit"] == 77 and rest_state(client)["state"] == "running"


def test_strmqm_x_where_the_standby_already_runs_answers_47(client):
    """W7 of the fidelity audit: the strmqm table's 47 ("already running as a standby instance"; the number [R] from the
    public mirror of IBM's table), not the 30 of a standby that has just started."""
    ctl(client, "instances", qmgr="QM2", hosts=["qm2host", "qm2b"])
    assert ctl(client, "strmqm", qmgr="QM2", standby=True, host="qm2b")["exit"] == 47
    assert ctl(client, "endmqm", qmgr="QM2", standby=True, host="qm2b")["exit"] == 0
    assert ctl(client, "strmqm", qmgr="QM2", standby=True, host="qm2b")["exit"] == 30
    assert ctl(client, "strmqm", qmgr="QM2", standby=True, host="qm2b")["exit"] == 47
    assert ctl(client, "strmqm", qmgr="QM2", host="qm2b")["exit"] == 31  # without -x: the active runs elsewhere


def test_dspmq_status_words_and_untranslated_output(client, srv):
    """CHECKMK (real dspmq -n output): from MQ 8.0 the word is "pre-emptively" (STATUS(ENDED PRE-EMPTIVELY)), and -n
    prints the translated words in upper case (STANDBY(NOT PERMITTED), MODE(ACTIVE)); IBM's container code looks for
    "(RUNNING AS STANDBY)" in `dspmq -n` (MQCONT, MQC-READY)."""
    assert (DSPMQ_WORDS["endingPreemptively"], DSPMQ_WORDS["endedPreemptively"]) == ("Ending pre-emptively", "Ended pre-emptively")
    ctl(client, "endmqm", qmgr="QM2", mode="preemptive")
    assert dspmq(client, qmgr="QM2") == (0, [f"QMNAME(QM2){PAD}STATUS(Ended pre-emptively)"])
    assert dspmq(client, qmgr="QM2", untranslated=True) == (0, [f"QMNAME(QM2){PAD}STATUS(ENDED PRE-EMPTIVELY)"])
    code, lines = dspmq(client, "status", "standby", qmgr="QM1", untranslated=True, extended=True)
    assert lines == [f"QMNAME(QM1){PAD}STATUS(RUNNING) STANDBY(NOT PERMITTED)", "    INSTANCE(localhost) MODE(ACTIVE)"]
    ctl(client, "strmqm", qmgr="QM2")
    ctl(client, "instances", qmgr="QM2", hosts=["qm2host", "qm2b"])
    status, answer = client.ctl("POST", "dspmq", {"qmgr": "QM2", "untranslated": True, "host": "qm2b"})
    assert answer["lines"] == [f"QMNAME(QM2){PAD}STATUS(RUNNING AS STANDBY)"] and status == 200
    assert dspmq(client, qmgr="NOPE") == (72, ["AMQ7048E: The queue manager name is either not valid or not known."])


def test_dspmq_a_lists_the_active_queue_managers_with_return_code_5(client, srv):
    """IBM-DSPMQ-94 (and the 10.0 page): "Success for dspmq -a is indicated by the return code 5"; the 9.3 page
    (IBM-DSPMQ-93) says nothing of it, so dspmq_active_exit gives 0 for that reading."""
    ctl(client, "endmqm", qmgr="QM2", mode="immediate")
    assert dspmq(client, active_only=True) == (5, [f"QMNAME(QM1){PAD}STATUS(Running)"])
    srv.model.set_config(dspmq_active_exit=0)
    assert dspmq(client, active_only=True)[0] == 0
    assert dspmq(client)[0] == 0 and len(dspmq(client)[1]) == 2  # without -a: every queue manager, exit 0


def test_dspmq_o_all_carries_the_native_ha_fields_and_with_rdqm_ha_and_drrole(client, srv):
    """INSTANA: a real 9.4.2 `dspmq -x -o all` ends with ROLE(Not configured) INSTANCE() INSYNC() QUORUM() GRPLSN()
    GRPNAME() GRPROLE(Not configured); CHECKMK's samples (9.x with the RDQM feature) carry HA() DRROLE() after INSTVER:
    dspmq_all_fields=rdqm adds them ([I] their place before the Native HA fields). -o ha and -o dr show them alone."""
    base = "STATUS(Running) DEFAULT(no) STANDBY(Not permitted) INSTNAME(Installation1) INSTPATH(/opt/mqm) INSTVER(9.4.2.0)"
    nha = "ROLE(Not configured) INSTANCE() INSYNC() QUORUM() GRPLSN() GRPNAME() GRPROLE(Not configured)"
    assert dspmq(client, "all", qmgr="QM1", extended=True)[1] == [f"QMNAME(QM1){PAD}{base} {nha}",
                                                                  "    INSTANCE(localhost) MODE(Active)"]
    assert dspmq(client, "ha", "dr", qmgr="QM1")[1] == [f"QMNAME(QM1){PAD}HA() DRROLE()"]
    assert dspmq(client, "nativeha", qmgr="QM1")[1] == [f"QMNAME(QM1){PAD}{nha}"]
    srv.model.set_config(dspmq_all_fields="rdqm")
    assert dspmq(client, "all", qmgr="QM1")[1] == [f"QMNAME(QM1){PAD}{base} HA() DRROLE() {nha}"]
    assert client.ctl("POST", "dspmq", {"outputs": ["bogus"]})[0] == 400
