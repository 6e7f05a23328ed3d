# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The queue-manager lifecycle (lifecycle.py, commands.py): end modes, the start milestones after log replay, the
multi-instance pair, extra mqweb ports and the timeline, read at exact instants with the frozen clock."""

import pytest
import requests

from conftest import partner

# Every phase one second, 1 MiB of active log read at 1 MiB/s: each milestone lands on a whole second after strmqm.
STEPS = {"qmgr_start": 1.0, "log_replay_mib_per_s": 1.0, "cmdserv_start": 1.0, "chinit_start": 1.0, "listener_start": 1.0,
         "service_start": 1.0, "qmgr_end": 1.0, "client_disconnect": 2.0, "client_reconnect_delay": 0.0,
         "client_reconnect_spread": 1.0}


@pytest.fixture
def steps(srv, clock):
    srv.model.set_timing(**STEPS)
    srv.model.set_qmstatus("QM1", loginuse=50, logprim=2, logextsz=1024)  # 1 MiB active log
    return clock


def ctl(client, action, qmgr="QM1", **body):
    status, answer = client.ctl("POST", f"qmgr/{qmgr}/{action}", body)
    assert status == 200, answer
    return answer


def rest_state(client, qmgr="QM1", base=None):
    resp = client.session.get(f"{base or client.srv.base_url}/admin/qmgr/{qmgr}?status=*", timeout=10)
    return resp.json()["qmgr"][0]


def qmstatus(client):
    return client.ok("DISPLAY", "QMSTATUS", resp=["CMDSERV", "CHINIT"])[0]


def timeline(client, qmgr="QM1", host=None):
    return client.ctl("GET", f"qmgr/{qmgr}/timeline" + (f"?host={host}" if host else ""))[1]


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
    assert ctl(client, "endmqm", qmgr="QM2", host="qm2host")["exit"] == 79  # a standby ends with -x only
    assert ctl(client, "endmqm", qmgr="QM2", host="qm2host", standby=True)["exit"] == 0
    assert ctl(client, "endmqm", qmgr="QM2", switchover=True)["exit"] == 77  # no standby left


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
