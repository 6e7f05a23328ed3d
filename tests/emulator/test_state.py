# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runtime state machines (channels, listeners, services, queue manager), faults and the journal (reference §5, §6)."""

import time

import pytest
import requests

from conftest import Client, partner, wait_for


def _sdr(client, name="TO.QM2", conname="qm2host(1414)"):
    """A sender on QM1 with its partner (XMITQ QM2 here, RCVR TO.QM2 on QM2, which listens on qm2host(1414))."""
    partner(client, name, xmitq="QM2")
    client.ok("DEFINE", "CHANNEL", name, params={"chltype": "SDR", "conname": conname, "xmitq": "QM2"})


def test_sender_start_stop_zero_timing(client):
    _sdr(client)
    client.fails(3065, "DISPLAY", "CHSTATUS", "TO.QM2")  # never run: AMQ8420I
    client.fails(4064, "STOP", "CHANNEL", "TO.QM2", params={"status": "INACTIVE"})  # inactive already (IBM-RC4064)
    assert client.ok("START", "CHANNEL", "TO.QM2") == [["AMQ8018I: Start IBM MQ channel accepted."]]
    row = client.ok("DISPLAY", "CHSTATUS", "TO.QM2")[0]
    assert row == {"channel": "TO.QM2", "chltype": "SDR", "conname": "qm2host(1414)", "current": "", "rqmname": "QM2",
                   "status": "RUNNING", "substate": "MQGET", "xmitq": "QM2"}
    assert client.fails(4031, "START", "CHANNEL", "TO.QM2") == ["AMQ9514E: Channel 'TO.QM2' is in use."]
    client.fails(4031, "DELETE", "CHANNEL", "TO.QM2")
    client.ok("START", "CHANNEL", "TO.QM2", params={"ignstate": "yes"})
    client.ok("STOP", "CHANNEL", "TO.QM2")
    full = client.ok("DISPLAY", "CHSTATUS", "TO.QM2", resp=["all"])[0]
    assert (full["status"], full["mcastat"], full["stopreq"]) == ("STOPPED", "NOTRUNNING", "NO")
    client.fails(4064, "STOP", "CHANNEL", "TO.QM2")  # already stopped
    client.ok("START", "CHANNEL", "TO.QM2")  # re-enables and starts
    assert client.status_of("CHSTATUS", "TO.QM2") == ["RUNNING"]
    client.ok("STOP", "CHANNEL", "TO.QM2", params={"mode": "force", "status": "inactive"})
    client.fails(3065, "DISPLAY", "CHSTATUS", "TO.QM2")
    client.fails(4005, "STOP", "CHANNEL", "TO.QM2", params={"mode": "gently"})
    client.ok("START", "CHANNEL", "TO.QM2")
    client.ok("STOP", "CHANNEL", "TO.QM2")
    client.ok("DELETE", "CHANNEL", "TO.QM2")  # a STOPPED channel can be deleted, and its status goes with it
    client.fails(3065, "DISPLAY", "CHSTATUS", "TO.QM2")


# ----- STOP of an inactive channel: IBM-IT27694 (SVRCONN), IBM-IT40956 (sender); IBM documents no exception by type -----
CHANNEL_TYPES = [("SDR", {"conname": "qm2host(1414)", "xmitq": "QM2"}), ("SVR", {"xmitq": "QM2"}), ("RCVR", {}),
                 ("RQSTR", {"conname": "qm2host(1414)"}), ("SVRCONN", {}), ("CLUSSDR", {"conname": "qm2host(1414)"}),
                 ("CLUSRCVR", {}), ("AMQP", {})]


@pytest.mark.parametrize("chltype,params", CHANNEL_TYPES, ids=[t for t, _p in CHANNEL_TYPES])
def test_stop_of_an_inactive_channel_leaves_a_stopped_record_for_every_type(client, chltype, params):
    # IBM-IT27694: "STOP CHANNEL('APP1.SVRCONN') STATUS(STOPPED)" on an INACTIVE server-connection channel, then DISPLAY
    # CHSTATUS shows "STATUS(STOPPED)"; STATUS(STOPPED) is STOP's default (IBM-STOPPING-CHL).
    client.ok("DEFINE", "CHANNEL", "IDLE", params={"chltype": chltype, **params})
    client.fails(3065, "DISPLAY", "CHSTATUS", "IDLE")  # inactive: no status (IBM-RC3065)
    assert client.ok("STOP", "CHANNEL", "IDLE") == [["AMQ8019I: Stop IBM MQ channel accepted."]]
    assert client.status_of("CHSTATUS", "IDLE") == ["STOPPED"]
    # IBM-RC4064 "the channel was already stopped": a second STOP, with either STATUS.
    assert client.fails(4064, "STOP", "CHANNEL", "IDLE") == ["AMQ9533E: Channel 'IDLE' is not currently active."]
    client.ok("STOP", "CHANNEL", "IDLE", params={"ignstate": "yes"})


def test_an_idle_svrconn_stopped_refuses_clients_until_started(client):
    # IBM-IT27694: the idle SVRCONN is STOPPED; a STOPPED SVRCONN refuses a client with 2537 MQRC_CHANNEL_NOT_AVAILABLE
    # (IBM technote 7045669, q045370_). The control API's client attach is that client.
    client.ok("DEFINE", "CHANNEL", "APP.SVRCONN", params={"chltype": "SVRCONN"})
    client.ok("STOP", "CHANNEL", "APP.SVRCONN")
    status, body = client.ctl("POST", "qmgr/QM1/channel/APP.SVRCONN/clients", {"count": 1})
    assert status == 409 and "2537 MQRC_CHANNEL_NOT_AVAILABLE" in body["error"], body
    assert client.status_of("CHSTATUS", "APP.SVRCONN") == ["STOPPED"]
    client.ok("START", "CHANNEL", "APP.SVRCONN")
    assert client.ctl("POST", "qmgr/QM1/channel/APP.SVRCONN/clients", {"count": 1})[0] == 200
    assert client.status_of("CHSTATUS", "APP.SVRCONN") == ["RUNNING"]


@pytest.mark.parametrize("chltype,params", CHANNEL_TYPES, ids=[t for t, _p in CHANNEL_TYPES])
def test_stop_status_inactive_of_an_inactive_channel_is_4064(client, chltype, params):
    # STATUS(INACTIVE) asks for what the channel already is: 4064 "already stopped" (IBM-RC4064), and no record is left.
    client.ok("DEFINE", "CHANNEL", "IDLE", params={"chltype": chltype, **params})
    client.fails(4064, "STOP", "CHANNEL", "IDLE", params={"status": "INACTIVE"})
    client.fails(3065, "DISPLAY", "CHSTATUS", "IDLE")


@pytest.mark.parametrize("mode,answer", [("inactive", None), ("error", 4064)])
def test_stop_status_inactive_of_a_stopped_channel(srv, client, mode, answer):
    # IBM-IT40956: "Later the MQ administrator changed this channel to INACTIVE state" (from STOPPED, no START named): the
    # default moves it; config stop_stopped_channel_inactive "error" answers 4064 as for a channel already stopped.
    srv.model.set_config(stop_stopped_channel_inactive=mode)
    client.ok("DEFINE", "CHANNEL", "RX", params={"chltype": "RCVR"})
    client.ok("STOP", "CHANNEL", "RX")
    if answer:
        client.fails(answer, "STOP", "CHANNEL", "RX", params={"status": "INACTIVE"})
        assert client.status_of("CHSTATUS", "RX") == ["STOPPED"]
    else:
        client.ok("STOP", "CHANNEL", "RX", params={"status": "INACTIVE"})
        client.fails(3065, "DISPLAY", "CHSTATUS", "RX")


@pytest.mark.parametrize("chltype,params", CHANNEL_TYPES, ids=[t for t, _p in CHANNEL_TYPES])
def test_the_7x_answer_to_stop_of_an_inactive_channel_is_behind_a_switch(srv, client, chltype, params):
    # WebSphere MQ 7.0 (a runmqsc transcript of an idle sender): AMQ9533 "not currently active", reason 4064, nothing held.
    srv.model.set_config(stop_inactive_channel="error")
    client.ok("DEFINE", "CHANNEL", "IDLE", params={"chltype": chltype, **params})
    assert client.fails(4064, "STOP", "CHANNEL", "IDLE") == ["AMQ9533E: Channel 'IDLE' is not currently active."]
    client.fails(3065, "DISPLAY", "CHSTATUS", "IDLE")


def test_sender_phases_with_timing_and_stuck_fault(srv, client):
    srv.model.set_timing(channel_start=0.6, channel_stop=0.3)
    _sdr(client)
    client.ok("START", "CHANNEL", "TO.QM2")
    seen = set()
    wait_for(lambda: seen.add(client.status_of("CHSTATUS", "TO.QM2")[0]) or "RUNNING" in seen)
    assert "RUNNING" in seen and seen <= {"INITIALIZING", "STARTING", "BINDING", "RUNNING"} and len(seen) >= 2
    client.ok("STOP", "CHANNEL", "TO.QM2")
    assert client.status_of("CHSTATUS", "TO.QM2") == ["STOPPING"]
    assert wait_for(lambda: client.status_of("CHSTATUS", "TO.QM2") == ["STOPPED"])
    srv.model.add_fault({"qmgr": "QM1", "kind": "stuck", "qualifier": "CHANNEL", "name": "TO.QM2"})
    client.ok("START", "CHANNEL", "TO.QM2")
    assert wait_for(lambda: client.status_of("CHSTATUS", "TO.QM2") == ["BINDING"])
    srv.model.clear_faults()
    assert wait_for(lambda: client.status_of("CHSTATUS", "TO.QM2") == ["RUNNING"])


def test_unreachable_partner_retries_forever(client):
    _sdr(client, conname="partner.invalid(1414)")
    client.ok("START", "CHANNEL", "TO.QM2")
    assert client.status_of("CHSTATUS", "TO.QM2") == ["RETRYING"]
    client.ok("START", "CHANNEL", "TO.QM2")  # RETRYING is not "in use": START restarts the attempt
    client.ok("STOP", "CHANNEL", "TO.QM2")
    assert client.status_of("CHSTATUS", "TO.QM2") == ["STOPPED"]


def test_receiving_types_only_reenable_and_clntconn_is_rejected(client):
    client.ok("DEFINE", "CHANNEL", "R1", params={"chltype": "RCVR"})
    client.ok("START", "CHANNEL", "R1")
    client.fails(3065, "DISPLAY", "CHSTATUS", "R1")  # never RUNNING by START alone
    client.ok("START", "CHANNEL", "DEV.APP.SVRCONN")
    client.fails(3065, "DISPLAY", "CHSTATUS", "DEV.APP.SVRCONN")
    client.ok("DEFINE", "CHANNEL", "CC", params={"chltype": "CLNTCONN", "conname": "h(1)"})
    client.fails(3034, "START", "CHANNEL", "CC")
    client.fails(3034, "STOP", "CHANNEL", "CC")
    client.fails(2085, "START", "CHANNEL", "NOPE")


def test_svrconn_instances(srv, client):
    srv.model.set_config(clients_after_channel_stop="forget")  # clients that do not reconnect: see the test below
    assert client.ctl("POST", "qmgr/QM1/channel/DEV.APP.SVRCONN/clients", {"count": 3})[0] == 200
    rows = client.ok("DISPLAY", "CHSTATUS", "DEV.APP.SVRCONN", resp=["all"])
    assert [r["status"] for r in rows] == ["RUNNING"] * 3 and len({r["conname"] for r in rows}) == 3
    assert rows[0]["maxshcnv"] == 10
    assert client.ok("DISPLAY", "QMSTATUS", resp=["conns"])[0]["conns"] == 25
    client.fails(4031, "START", "CHANNEL", "DEV.APP.SVRCONN")
    client.fails(4031, "DELETE", "CHANNEL", "DEV.APP.SVRCONN")
    client.ok("STOP", "CHANNEL", "DEV.APP.SVRCONN")
    rows = client.ok("DISPLAY", "CHSTATUS", "DEV.APP.SVRCONN")
    assert [(r["status"], r["conname"]) for r in rows] == [("STOPPED", "")]
    assert client.ctl("POST", "qmgr/QM1/channel/DEV.APP.SVRCONN/clients", {"count": 1})[0] == 409  # disabled channel
    client.ok("START", "CHANNEL", "DEV.APP.SVRCONN")
    client.fails(3065, "DISPLAY", "CHSTATUS", "DEV.APP.SVRCONN")
    srv.model.attach_clients("QM1", "DEV.APP.SVRCONN", 2)
    client.ok("STOP", "CHANNEL", "DEV.APP.SVRCONN", params={"status": "inactive"})
    client.fails(3065, "DISPLAY", "CHSTATUS", "DEV.APP.SVRCONN")
    assert client.ctl("POST", "qmgr/QM1/channel/NOPE/clients", {"count": 1})[0] == 404


def test_reconnectable_clients_come_back_when_their_svrconn_is_started_again(srv, client):
    srv.model.attach_clients("QM1", "DEV.APP.SVRCONN", 3)
    client.ok("STOP", "CHANNEL", "DEV.APP.SVRCONN")
    assert client.status_of("CHSTATUS", "DEV.APP.SVRCONN") == ["STOPPED"]
    assert client.ok("DISPLAY", "QMSTATUS", resp=["conns"])[0]["conns"] == 22  # refused with 2537 while STOPPED
    client.ok("START", "CHANNEL", "DEV.APP.SVRCONN")
    assert client.status_of("CHSTATUS", "DEV.APP.SVRCONN") == ["RUNNING"] * 3
    client.ok("STOP", "CHANNEL", "DEV.APP.SVRCONN", params={"status": "inactive"})  # not held stopped: back at once
    assert client.status_of("CHSTATUS", "DEV.APP.SVRCONN") == ["RUNNING"] * 3
    assert client.ok("DISPLAY", "QMSTATUS", resp=["conns"])[0]["conns"] == 25


def test_listener_lifecycle(client):
    client.fails(3250, "DISPLAY", "LSSTATUS", "SYSTEM.DEFAULT.LISTENER.TCP")
    rows = client.ok("DISPLAY", "LSSTATUS", "*", resp=["all"])  # dev seed: DEV.LISTENER.TCP CONTROL(QMGR) is running
    assert [(r["listener"], r["status"], r["port"], r["backlog"], r["ipaddr"], r["control"]) for r in rows] == \
        [("DEV.LISTENER.TCP", "RUNNING", 1414, 100, "*", "QMGR")]
    assert set(rows[0]) == {"listener", "status", "pid", "startda", "startti", "descr", "trptype", "control", "ipaddr", "port", "backlog"}
    client.ok("DEFINE", "LISTENER", "L1", params={"trptype": "TCP", "port": 1500, "ipaddr": "10.0.0.1", "backlog": 50})
    client.fails(3234, "STOP", "LISTENER", "L1")
    client.ok("START", "LISTENER", "L1")
    assert client.ok("DISPLAY", "LSSTATUS", "L1", resp=["ipaddr", "backlog"]) == [
        {"listener": "L1", "status": "RUNNING", "pid": client.ok("DISPLAY", "LSSTATUS", "L1")[0]["pid"], "ipaddr": "10.0.0.1",
         "backlog": 50}]
    client.fails(3233, "START", "LISTENER", "L1")
    client.fails(3249, "DELETE", "LISTENER", "L1")
    client.ok("ALTER", "LISTENER", "L1", params={"trptype": "TCP", "port": 1600})  # effective at the next start
    assert client.ok("DISPLAY", "LSSTATUS", "L1", resp=["port"])[0]["port"] == 1500
    client.ok("STOP", "LISTENER", "L1")
    client.fails(3250, "DISPLAY", "LSSTATUS", "L1")
    client.ok("DELETE", "LISTENER", "L1")


def test_listener_port_conflict(srv, client):
    srv.model.set_timing(listener_start=0.3)
    client.ok("DEFINE", "LISTENER", "L2", params={"trptype": "TCP", "port": 1414})
    client.ok("START", "LISTENER", "L2")
    assert client.status_of("LSSTATUS", "L2") == ["STARTING"]
    assert wait_for(lambda: client.status_of("LSSTATUS", "L2") == 3250)  # runmqlsr failed to bind: record vanishes
    srv.model.set_config(listener_port_conflict="starting")
    client.ok("START", "LISTENER", "L2")
    assert wait_for(lambda: client.status_of("LSSTATUS", "DEV.LISTENER.TCP") == ["RUNNING"])
    assert client.status_of("LSSTATUS", "L2") == ["STARTING"]


def test_listener_phases_fast_profile(srv, client):
    srv.model.set_timing("fast")
    srv.model.add_fault({"kind": "stuck", "qualifier": "LISTENER", "name": "SYSTEM.*"})
    client.ok("START", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP")
    assert client.status_of("LSSTATUS", "SYSTEM.DEFAULT.LISTENER.TCP") == ["STARTING"]
    srv.model.clear_faults()
    assert wait_for(lambda: client.status_of("LSSTATUS", "SYSTEM.DEFAULT.LISTENER.TCP") == ["RUNNING"])
    client.ok("STOP", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP")
    assert client.status_of("LSSTATUS", "SYSTEM.DEFAULT.LISTENER.TCP") in (["STOPPING"], 3250)
    assert wait_for(lambda: client.status_of("LSSTATUS", "SYSTEM.DEFAULT.LISTENER.TCP") == 3250)


def test_services(srv, client, tmp_path):
    script = tmp_path / "svc.sh"
    script.write_text("#!/bin/sh\n")
    client.ok("DEFINE", "SERVICE", "S1", params={"servtype": "SERVER", "startcmd": str(script), "stopcmd": str(script)})
    client.ok("DEFINE", "SERVICE", "S2", params={"servtype": "SERVER"})
    client.ok("DEFINE", "SERVICE", "S3", params={"startcmd": "/opt/mqm/bin/amqsstop"})  # COMMAND (default type)
    client.ok("DEFINE", "SERVICE", "S4", params={"servtype": "SERVER", "startcmd": "/no/such/binary", "stopcmd": "/bin/true"})
    client.fails(3262, "START", "SERVICE", "S2")
    client.fails(3263, "STOP", "SERVICE", "S2")
    client.fails(3263, "STOP", "SERVICE", "S3")
    client.fails(3253, "STOP", "SERVICE", "S1")
    client.fails(3252, "DISPLAY", "SVSTATUS", "S1")
    client.ok("START", "SERVICE", "S1")
    row = client.ok("DISPLAY", "SVSTATUS", "S1", resp=["all"])[0]
    assert (row["status"], row["servtype"], row["startcmd"]) == ("RUNNING", "SERVER", str(script))
    assert set(row) == {"service", "status", "pid", "servtype", "control", "startcmd", "startarg", "stopcmd", "stoparg", "stdout",
                        "stderr", "startda", "startti", "descr"}
    client.fails(3251, "START", "SERVICE", "S1")
    client.fails(3251, "DELETE", "SERVICE", "S1")
    client.ok("STOP", "SERVICE", "S1")
    client.fails(3252, "DISPLAY", "SVSTATUS", "S1")
    client.ok("START", "SERVICE", "S3")
    client.ok("START", "SERVICE", "S3")  # COMMAND services may run many times and have no status
    client.fails(3252, "DISPLAY", "SVSTATUS", "S3")
    client.ok("START", "SERVICE", "S4")
    client.fails(3252, "DISPLAY", "SVSTATUS", "S4")  # the program does not exist: never RUNNING
    srv.model.set_config(service_command_check="always")
    client.ok("START", "SERVICE", "S4")
    assert client.status_of("SVSTATUS", "S4") == ["RUNNING"]


def test_qmgr_stop_start_and_control_objects(srv, client):
    _sdr(client)
    client.ok("DEFINE", "QLOCAL", "X", params={"usage": "XMITQ"})
    client.ok("DEFINE", "CHANNEL", "TO.X", params={"chltype": "SDR", "conname": "x.invalid", "xmitq": "X"})
    client.ok("DEFINE", "CHANNEL", "RUN", params={"chltype": "SVR", "xmitq": "X"})
    client.ok("DEFINE", "SERVICE", "AUTO", params={"servtype": "SERVER", "control": "STARTONLY", "startcmd": "+MQ_INSTALL_PATH+/bin/x"})
    for name in ("TO.QM2", "TO.X", "RUN"):
        client.ok("START", "CHANNEL", name)
    client.ok("STOP", "CHANNEL", "TO.QM2")
    srv.model.attach_clients("QM1", "DEV.APP.SVRCONN", 2)
    client.ok("STOP", "CHANNEL", "DEV.APP.SVRCONN")
    assert client.ctl("POST", "qmgr/QM1/stop", {})[1]["state"] == "ended"
    status, body = client.mqsc("DISPLAY", "QMGR")
    assert status == 503 and body["error"][0]["msgId"] == "MQWB0009E"
    assert client.session.get(f"{srv.base_url}/admin/qmgr/QM1").json() == {"qmgr": [{"name": "QM1", "state": "ended"}]}
    assert client.ctl("POST", "qmgr/QM1/start", {"duration": 30})[1]["state"] == "starting"
    assert client.mqsc("DISPLAY", "QMGR")[0] == 503
    assert client.session.get(f"{srv.base_url}/admin/qmgr/QM1").json()["qmgr"][0]["state"] == "starting"
    client.ctl("POST", "qmgr/QM1/stop", {"mode": "immediate"})
    assert srv.model.qmgr_state("QM1") == "endedImmediately"
    srv.model.start_qmgr("QM1")
    assert client.status_of("CHSTATUS", "TO.QM2") == ["STOPPED"]  # saved STOPPED status survives
    assert client.status_of("CHSTATUS", "TO.X") == ["RETRYING"]  # RETRYING is remembered and retried
    client.fails(3065, "DISPLAY", "CHSTATUS", "RUN")
    # SVRCONN STOPPED status is remembered too from MQ 8.0 (q015680_; IBM-RESTART-CHL's reset is a z/OS rule).
    assert client.status_of("CHSTATUS", "DEV.APP.SVRCONN") == ["STOPPED"]
    assert client.status_of("LSSTATUS", "DEV.LISTENER.TCP") == ["RUNNING"]
    assert client.status_of("SVSTATUS", "AUTO") == ["RUNNING"]
    assert client.ok("DISPLAY", "QMSTATUS") == [{"qmname": "QM1", "status": "RUNNING"}]


def test_restart_timeline(srv, client):
    srv.model.restart_qmgr("QM1", down=0.2, starting=0.2)
    assert srv.model.qmgr_state("QM1") == "ended"
    assert wait_for(lambda: srv.model.qmgr_state("QM1") == "starting")
    assert wait_for(lambda: srv.model.qmgr_state("QM1") == "running")
    assert client.status_of("LSSTATUS", "DEV.LISTENER.TCP") == ["RUNNING"]
    assert client.ctl("POST", "qmgr/NOPE/stop")[0] == 404


def test_restart_held_down_until_it_has_refused_requests(srv, client, clock):
    # The emulator's own control, no MQ behaviour: a restart that stays down until /mqsc has refused N requests, so that a
    # test polling through the outage sees it however loaded the machine (tests/integration mq_faults).
    assert client.ctl("POST", "qmgr/QM1/restart", {"down": 1.0, "starting": 0.5, "refusals": 2})[0] == 200
    clock.advance(10)  # long past `down`: nothing refused yet, so still ended
    assert srv.model.qmgr_state("QM1") == "ended"
    assert client.mqsc("DISPLAY", "QMGR")[0] == 503 and srv.model.qmgr_state("QM1") == "ended"
    assert client.mqsc("DISPLAY", "QMGR")[0] == 503  # the second refusal starts it
    assert srv.model.qmgr_state("QM1") == "starting"
    clock.advance(0.6)
    assert srv.model.qmgr_state("QM1") == "running" and client.mqsc("DISPLAY", "QMGR")[0] == 200
    # Refused early: it starts when `down` is over, as without refusals.
    client.ctl("POST", "qmgr/QM1/restart", {"down": 1.0, "starting": 0.0, "refusals": 1})
    assert client.mqsc("DISPLAY", "QMGR")[0] == 503
    clock.advance(0.9)
    assert srv.model.qmgr_state("QM1") == "ended"
    clock.advance(0.2)
    assert srv.model.qmgr_state("QM1") == "running"
    # Another start ends the hold: a later refusal starts nothing.
    client.ctl("POST", "qmgr/QM1/restart", {"down": 0.0, "refusals": 3})
    srv.model.start_qmgr("QM1")
    srv.model.stop_qmgr("QM1")
    for _refusal in range(3):
        assert client.mqsc("DISPLAY", "QMGR")[0] == 503
    assert srv.model.qmgr_state("QM1") == "ended"
    assert client.ctl("POST", "qmgr/QM1/restart", {"refusals": -1})[0] == 400


def test_cmdserv_down(srv, client):
    srv.model.add_fault({"qmgr": "QM1", "kind": "cmdserv_down", "command": "DEFINE"})
    client.fails(3204, "DEFINE", "QLOCAL", "Q1")
    assert client.ok("DISPLAY", "QMSTATUS", resp=["cmdserv"])[0]["cmdserv"] == "STOPPED"
    srv.model.set_config(cmdserv_down_mode="http500")
    status, body = client.mqsc("DEFINE", "QLOCAL", "Q1")
    assert status == 500 and body["error"][0]["msgId"] == "MQWB0004E" and body["error"][0]["reasonCode"] == 3204
    srv.model.clear_faults()
    client.ok("DEFINE", "QLOCAL", "Q1")


def test_http_faults_counts_and_filters(srv, client):
    code, fault = client.ctl("POST", "faults", {"qmgr": "QM1", "kind": "http_error", "status": 503, "count": 2, "command": "DISPLAY"})
    assert code == 200 and fault["id"] >= 1
    assert client.ctl("GET", "faults")[1]["faults"][0]["count"] == 2
    client.ok("DEFINE", "QLOCAL", "F.Q")  # not a DISPLAY: unaffected
    assert client.mqsc("DISPLAY", "QLOCAL", "F.Q")[0] == 503
    assert client.mqsc("DISPLAY", "QLOCAL", "F.Q", qmgr="QM2")[1]["overallReasonCode"] == 3008  # other qmgr: not found
    assert client.mqsc("DISPLAY", "QLOCAL", "F.Q")[0] == 503
    client.ok("DISPLAY", "QLOCAL", "F.Q")  # count exhausted
    assert client.ctl("GET", "faults")[1] == {"faults": []}
    srv.model.add_fault({"kind": "drop_connection", "count": 1, "qualifier": "QLOCAL"})
    try:
        client.mqsc("DISPLAY", "QLOCAL", "F.Q")
        raise AssertionError("connection should drop")
    except requests.ConnectionError:
        pass
    client.ok("DISPLAY", "QLOCAL", "F.Q")
    srv.model.add_fault({"kind": "latency", "seconds": 0.2, "count": 1})
    client.ok("DISPLAY", "QLOCAL", "F.Q")
    srv.model.add_fault({"kind": "http_error", "status": 500, "scope": "all", "count": 1})
    assert client.session.get(f"{srv.base_url}/admin/qmgr").status_code == 500
    assert client.ctl("POST", "faults", {"kind": "nope"})[0] == 400
    assert client.ctl("DELETE", "faults")[1] == {"faults": []}


def test_journal_and_request_counts(srv, client):
    client.ctl("DELETE", "requests")
    client.ok("DEFINE", "QLOCAL", "J.Q", params={"descr": "x"})
    client.fails(2085, "DISPLAY", "QLOCAL", "NOPE", resp=["all"])
    client.text("dis ql(J.Q)")
    Client(srv, "admin", "wrong").mqsc("DISPLAY", "QMGR", qmgr="QM2")
    journal = client.ctl("GET", "journal")[1]["commands"]
    assert [(e["qmgr"], e["command"], e["qualifier"], e["mutating"], e["http_status"], e["reason_code"]) for e in journal] == [
        ("QM1", "DEFINE", "QLOCAL", True, 200, 0), ("QM1", "DISPLAY", "QLOCAL", False, 200, 3008),
        ("QM1", "DISPLAY", "QLOCAL", False, 200, 0), ("QM2", "DISPLAY", "QMGR", False, 401, None)]
    first = journal[0]
    assert set(first) == {"qmgr", "type", "command", "qualifier", "name", "parameters", "response_parameters", "mutating", "user",
                          "http_status", "completion_code", "reason_code", "time", "gateway"}
    assert (first["name"], first["parameters"], first["user"], first["type"]) == ("J.Q", {"descr": "x"}, "admin", "runCommandJSON")
    assert journal[1]["response_parameters"] == ["all"] and journal[1]["completion_code"] == 2
    assert journal[2]["type"] == "runCommand" and journal[2]["name"] == "J.Q"
    assert client.ctl("GET", "journal?qmgr=QM2")[1]["commands"] == journal[3:]
    assert srv.model.journal(qmgr="QM2") == journal[3:]
    client.session.get(f"{srv.base_url}/admin/qmgr")
    client.session.get(f"{srv.base_url}/admin/installation")
    assert client.ctl("GET", "requests")[1] == {"mqsc": 4, "login": 0, "qmgr": 1, "other": 1, "total": 6}
    client.ctl("DELETE", "journal")
    assert srv.model.journal() == []


def test_control_timing_config_reset(client):
    assert client.ctl("POST", "timing", {"profile": "realistic"})[1]["channel_start"] == 1.5
    assert client.ctl("POST", "timing", {"channel_start": 0.0})[1]["channel_start"] == 0.0
    assert client.ctl("POST", "timing", {"bogus": 1})[0] == 400
    cfg = client.ctl("GET", "config")[1]
    assert cfg["stop_inactive_channel"] == "stopped_record" and cfg["ltpa_cookie_name"].startswith("LtpaToken2_")
    assert client.ctl("POST", "config", {"stop_inactive_channel": "error"})[1]["stop_inactive_channel"] == "error"
    assert client.ctl("POST", "config", {"open_queue_reason": 4004})[1]["open_queue_reason"] == 4004
    assert client.ctl("POST", "config", {"open_queue_reason": 2085})[0] == 400
    assert client.ctl("POST", "config", {"replace_mode": "alter"})[0] == 400  # matched no MQ release: removed
    assert client.ctl("POST", "config", {"stop_inactive_channel": "maybe"})[0] == 400
    client.ok("DEFINE", "QLOCAL", "GONE")
    client.ctl("POST", "reset")
    client.fails(2085, "DISPLAY", "QLOCAL", "GONE")
    assert client.ctl("GET", "config")[1]["stop_inactive_channel"] == "stopped_record"
    assert client.ctl("GET", "timing")[1]["channel_start"] == 0.0
    assert client.ctl("GET", "qmgr")[1] == {"qmgr": [{"name": "QM1", "state": "running"}, {"name": "QM2", "state": "running"}]}
    assert client.ctl("GET", "nope")[0] == 404


def test_latency_fault_delays_and_filters(srv, client):
    srv.model.add_fault({"kind": "latency", "seconds": 0.3, "qmgr": "QM1", "qualifier": "QLOCAL", "count": 1})
    client.ok("DISPLAY", "QMGR")  # other qualifier: not consumed
    client.ok("DISPLAY", "QLOCAL", "DEV.QUEUE.1", qmgr="QM2")  # other qmgr: not consumed
    assert srv.model.list_faults()[0]["count"] == 1
    started = time.monotonic()
    client.ok("DISPLAY", "QLOCAL", "DEV.QUEUE.1")
    assert time.monotonic() - started >= 0.3  # a lower bound only
    assert srv.model.list_faults() == []


@pytest.mark.parametrize("status,msgid", [(401, "MQWB0104E"), (403, "MQWB0103E"), (404, "MQWB0116E"), (500, "MQWB0004E"),
                                          (503, "MQWB0004E")])
def test_http_error_fault_default_bodies(srv, client, status, msgid):
    srv.model.add_fault({"kind": "http_error", "status": status, "count": 1})
    code, body = client.mqsc("DEFINE", "QLOCAL", "NOT.MADE")
    assert code == status and body["error"][0]["msgId"] == msgid
    client.fails(2085, "DISPLAY", "QLOCAL", "NOT.MADE")  # the command never ran
    entry = srv.model.journal()[0]
    assert (entry["http_status"], entry["completion_code"], entry["command"], entry["mutating"]) == (status, None, "DEFINE", True)


def test_http_error_fault_custom_body_persists_until_cleared(client):
    body = {"error": [{"msgId": "MQWB9999E", "message": "custom"}]}
    fault = client.ctl("POST", "faults", {"kind": "http_error", "status": 502, "body": body, "qmgr": "QM2"})[1]
    for _attempt in range(3):
        assert client.mqsc("DISPLAY", "QMGR", qmgr="QM2") == (502, body)
    client.ok("DISPLAY", "QMGR")
    assert client.ctl("GET", "faults")[1] == {"faults": [fault]}
    client.ctl("DELETE", "faults")
    client.ok("DISPLAY", "QMGR", qmgr="QM2")


def test_fault_order_auth_first_then_fault_then_qmgr_lookup(srv, client):
    srv.model.add_fault({"kind": "http_error", "status": 500, "count": 1})
    assert Client(srv, "admin", "wrong").mqsc("DISPLAY", "QMGR")[0] == 401  # authentication comes first ...
    assert srv.model.list_faults()[0]["count"] == 1  # ... and does not consume the fault
    assert client.mqsc("DISPLAY", "QMGR", qmgr="NOSUCH")[0] == 500  # faults come before the queue manager lookup
    assert client.mqsc("DISPLAY", "QMGR", qmgr="NOSUCH")[0] == 404


def test_drop_connection_is_journalled_without_status(srv, client):
    srv.model.add_fault({"kind": "drop_connection", "qmgr": "QM2", "command": "START", "count": 1})
    client.ok("START", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP")  # QM1: unaffected
    with pytest.raises(requests.ConnectionError):
        client.mqsc("START", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP", qmgr="QM2")
    entry = srv.model.journal(qmgr="QM2")[0]
    assert (entry["http_status"], entry["completion_code"], entry["reason_code"], entry["command"]) == (None, None, None, "START")
    client.fails(3250, "DISPLAY", "LSSTATUS", "SYSTEM.DEFAULT.LISTENER.TCP", qmgr="QM2")  # the command never ran
    client.ok("START", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP", qmgr="QM2")


def test_drop_connection_after_the_command_ran(srv, client):
    srv.model.add_fault({"kind": "drop_connection", "qmgr": "QM1", "command": "DEFINE", "count": 1, "after": True})
    with pytest.raises(requests.ConnectionError):
        client.mqsc("DEFINE", "QLOCAL", "DROP.Q")
    entry = srv.model.journal(qmgr="QM1")[0]
    assert (entry["http_status"], entry["completion_code"], entry["command"]) == (200, 0, "DEFINE")
    client.ok("DISPLAY", "QLOCAL", "DROP.Q")  # it ran
    client.fails(4001, "DEFINE", "QLOCAL", "DROP.Q")  # count used up: answered again
    with pytest.raises(ValueError, match="drop_connection only"):
        srv.model.add_fault({"kind": "latency", "seconds": 1, "after": True})


def test_cmdserv_down_hits_every_command_while_present(srv, client):
    srv.model.add_fault({"kind": "cmdserv_down", "qmgr": "QM1", "count": 2})
    client.fails(3204, "DISPLAY", "QMSTATUS")
    body = client.text("DEFINE QLOCAL(CS.Q)")[1]
    assert body["commandResponse"][0]["reasonCode"] == 3204 and body["overallReasonCode"] == 3008
    assert client.ok("DISPLAY", "QMSTATUS", resp=["cmdserv"])[0]["cmdserv"] == "RUNNING"  # count used up
    client.fails(2085, "DISPLAY", "QLOCAL", "CS.Q")
    client.ok("DISPLAY", "QMSTATUS", qmgr="QM2")


def test_scope_all_faults_hit_other_resources(srv, client):
    srv.model.add_fault({"kind": "http_error", "status": 500, "count": 5})
    assert client.session.get(f"{srv.base_url}/admin/qmgr", timeout=5).status_code == 200  # scope mqsc (default)
    srv.model.clear_faults()
    srv.model.add_fault({"kind": "http_error", "status": 503, "scope": "all", "count": 3})
    assert requests.post(f"{srv.base_url}/login", json={"username": "admin", "password": "passw0rd"}, timeout=5).status_code == 503
    assert client.session.get(f"{srv.base_url}/admin/installation", timeout=5).status_code == 503
    assert client.mqsc("DISPLAY", "QMGR")[0] == 503
    assert client.session.get(f"{srv.base_url}/admin/qmgr", timeout=5).status_code == 200


@pytest.mark.parametrize("fault", [
    {"kind": "latency"}, {"kind": "latency", "seconds": -1}, {"kind": "http_error"}, {"kind": "http_error", "status": 200},
    {"kind": "stuck", "qualifier": "QLOCAL", "name": "X"}, {"kind": "stuck", "qualifier": "CHANNEL"},
    {"kind": "http_error", "status": 500, "count": 0}, {"kind": "http_error", "status": 500, "scope": "some"},
    {"kind": "http_error", "status": 500, "colour": "red"}, {},
])
def test_invalid_faults_are_rejected(client, fault):
    assert client.ctl("POST", "faults", fault)[0] == 400
    assert client.ctl("GET", "faults")[1] == {"faults": []}


def test_journal_records_every_request_shape(srv, client):
    started = time.time()
    client.ok("DISPLAY", "QMGR", qmgr="QM2", headers={"ibm-mq-rest-gateway-qmgr": "QM1"})
    client.text("DEFINE QLOCAL(j.q) descr('x') REPLACE")
    client.post({"type": "runCommandJSON", "command": "DISPLAY"})  # 400
    requests.post(f"{srv.base_url}/admin/action/qmgr/QM1/mqsc", auth=("admin", "passw0rd"), timeout=5,  # no CSRF header
                  json={"type": "runCommandJSON", "command": "delete", "qualifier": "qlocal", "name": "J.Q"})
    journal = client.ctl("GET", "journal")[1]["commands"]
    assert [(e["qmgr"], e["gateway"], e["http_status"], e["command"], e["qualifier"], e["mutating"]) for e in journal] == [
        ("QM2", "QM1", 200, "DISPLAY", "QMGR", False), ("QM1", None, 200, "DEFINE", "QLOCAL", True),
        ("QM1", None, 400, None, None, None), ("QM1", None, 403, "DELETE", "QLOCAL", True)]
    assert journal[1]["parameters"] == {"DESCR": "x", "REPLACE": "YES"} and journal[1]["name"] == "J.Q"
    assert all(started - 1 <= e["time"] <= time.time() + 1 for e in journal)  # epoch seconds
    assert journal[3]["user"] == "admin" and journal[3]["name"] == "J.Q" and journal[3]["reason_code"] is None


@pytest.mark.parametrize("chltype,params", [("RCVR", {}), ("CLUSRCVR", {}), ("AMQP", {}), ("SVRCONN", {})])
def test_receiving_types_start_only_removes_a_stopped_record(client, chltype, params):
    client.ok("DEFINE", "CHANNEL", "RX", params={"chltype": chltype, **params})
    client.ok("STOP", "CHANNEL", "RX")  # never active: a STOPPED record, which disables the channel (IBM-IT27694)
    assert client.status_of("CHSTATUS", "RX") == ["STOPPED"]
    client.fails(4064, "STOP", "CHANNEL", "RX")  # already stopped
    client.ok("START", "CHANNEL", "RX")  # re-enable: the record goes, nothing starts
    client.fails(3065, "DISPLAY", "CHSTATUS", "RX")
    client.ok("START", "CHANNEL", "RX")  # START of an enabled, inactive receiving channel is accepted again


def test_svrconn_clients_detach_and_count_validation(srv, client):
    assert client.ctl("POST", "qmgr/QM1/channel/DEV.ADMIN.SVRCONN/clients", {"count": 4})[0] == 200
    assert len(client.status_of("CHSTATUS", "DEV.ADMIN.SVRCONN")) == 4
    assert client.ok("DISPLAY", "QMSTATUS", resp=["conns"])[0]["conns"] == 26
    assert client.ctl("POST", "qmgr/QM1/channel/DEV.ADMIN.SVRCONN/clients", {"count": 0})[0] == 200
    client.fails(3065, "DISPLAY", "CHSTATUS", "DEV.ADMIN.SVRCONN")
    client.ok("DELETE", "CHANNEL", "DEV.ADMIN.SVRCONN")  # no longer in use
    for body in ({"count": -1}, {"count": "2"}, {}):
        assert client.ctl("POST", "qmgr/QM1/channel/DEV.APP.SVRCONN/clients", body)[0] == 400
    assert client.ctl("POST", "qmgr/QM1/channel/SYSTEM.DEF.RECEIVER/clients", {"count": 1})[0] == 404  # not SVRCONN
    assert client.ctl("POST", "qmgr/NOPE/channel/DEV.APP.SVRCONN/clients", {"count": 1})[0] == 404


def test_qmgr_stop_ends_manual_listeners_and_services_for_good(srv, client):
    client.ok("DEFINE", "SERVICE", "MAN.S", params={"servtype": "SERVER", "startcmd": "/opt/mqm/bin/x"})
    client.ok("START", "SERVICE", "MAN.S")
    client.ok("START", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP")
    partner(client, "RUNNER")
    client.ok("DEFINE", "CHANNEL", "RUNNER", params={"chltype": "SDR", "conname": "qm2host(1414)", "xmitq": "XQ"})
    client.ok("START", "CHANNEL", "RUNNER")
    assert client.status_of("CHSTATUS", "RUNNER") == ["RUNNING"]
    srv.model.restart_qmgr("QM1")
    client.fails(3252, "DISPLAY", "SVSTATUS", "MAN.S")
    client.fails(3250, "DISPLAY", "LSSTATUS", "SYSTEM.DEFAULT.LISTENER.TCP")
    client.fails(3065, "DISPLAY", "CHSTATUS", "RUNNER")  # a RUNNING sender is not restarted with the qmgr
    assert client.status_of("LSSTATUS", "DEV.LISTENER.TCP") == ["RUNNING"]
