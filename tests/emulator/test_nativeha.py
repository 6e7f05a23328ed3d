# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A Native HA group (nativeha.py): three instances on three hosts, DISPLAY QMSTATUS TYPE(NATIVEHA), dspmq on each host,
a replica's mqweb, endmqm/strmqm on a replica, the quorum check, a replica that stays behind, failover to an in-sync
replica with every restart milestone on the new active, and the timeline's record of it; read at exact instants with the
frozen clock. Sources: README "Native HA" (IBM-ENDMQM, IBM-NHA-STATUS, IBM-QMSTATUS-94, NHAK8S, NHALAB, MQC-READY)."""

import pytest
import requests

from conftest import ctl, timeline
from mqemu import EmulatorServer, parse_qmgrs

# Every phase one second, 1 MiB of active log replayed at 1 MiB/s; the active writes 100 KiB/s, a returning replica
# catches up at 50 KiB/s.
STEPS = {"qmgr_start": 1.0, "log_replay_mib_per_s": 1.0, "cmdserv_start": 1.0, "chinit_start": 1.0, "listener_start": 1.0,
         "service_start": 1.0, "qmgr_end": 1.0, "client_disconnect": 1.0, "client_reconnect_delay": 0.0,
         "client_reconnect_spread": 1.0, "nativeha_failover": 1.0, "nativeha_replica_start": 1.0,
         "nativeha_log_kib_per_s": 100.0, "nativeha_catchup_kib_per_s": 50.0, "channel_retry_scale": 0.001}
HOSTS = ("nha1", "nha2", "nha3")


@pytest.fixture(scope="module")
def srv():
    with EmulatorServer(qmgrs=["QM1@nha1+nha2+nha3", "PARTNER@ph"], timing="zero", seed="dev") as server:
        yield server


@pytest.fixture
def steps(srv, clock):
    srv.model.set_timing(**STEPS)
    srv.model.set_qmstatus("QM1", loginuse=50, logprim=2, logextsz=1024)  # 1 MiB active log
    return clock


def view(client, host):
    return timeline(client, host=host)["state"]


def dspmq(client, host, *outputs, **flags):
    status, answer = client.ctl("POST", "dspmq", {"qmgr": "QM1", "outputs": list(outputs or ["status"]), "host": host, **flags})
    assert status == 200, answer
    return answer["lines"]


def nha_rows(client):
    return {row["instance"]: row for row in client.ok("DISPLAY", "QMSTATUS", params={"type": "NATIVEHA"})}


def qmgr_status(client, *keys):
    return client.ok("DISPLAY", "QMSTATUS", resp=list(keys or ["quorum", "instance", "grprole"]))[0]


def rest_state(client, base=None):
    return client.session.get(f"{base or client.srv.base_url}/admin/qmgr/QM1", timeout=10)


def test_a_group_is_given_at_start_or_through_the_control_api(srv, client):
    assert parse_qmgrs(["QM1@nha1+nha2+nha3", "QM2@a+b,QM3@c"]) == (
        ["QM1", "QM2", "QM3"], {"QM1": ["nha1", "nha2", "nha3"], "QM2": ["a", "b"], "QM3": "c"})
    line = timeline(client)
    assert (line["kind"], line["host"], line["nativeha"]["active"], line["nativeha"]["quorum"]) == ("nativeha", "nha1", "nha1", "3/3")
    assert [(i["host"], i["role"], i["state"]) for i in line["nativeha"]["instances"]] == [
        ("nha1", "Active", "running"), ("nha2", "Replica", "replica"), ("nha3", "Replica", "replica")]
    assert ctl(client, "instances", qmgr="PARTNER", hosts=["p1", "p2", "p3"])["kind"] == "nativeha"
    assert timeline(client, "PARTNER")["nativeha"]["active"] == "p1"
    for hosts in (["a", "b", "c", "d"], ["a", "a", "b"], ["a"]):
        assert client.ctl("POST", "qmgr/PARTNER/instances", {"hosts": hosts})[0] == 400
    assert ctl(client, "instances", qmgr="PARTNER", hosts=[])["kind"] == "single"
    srv.model.reset()  # a reset brings the group given at start back
    assert timeline(client)["kind"] == "nativeha" and timeline(client, "PARTNER")["kind"] == "single"


def test_qmstatus_nativeha_rows_as_the_active_instance_reports_them(client):
    """IBM-QMSTATUS-94 keywords; the row shapes of NHAK8S (a real 9.4 DISPLAY QMSTATUS TYPE(NATIVEHA)): the active row
    has HAINITDA/HAINITL/HAINITTI and HASTATUS, the replicas ACKLSN, BACKLOG, CONNACTV, INSYNC and SYNCTIME."""
    rows = nha_rows(client)
    assert list(rows) == list(HOSTS)
    assert set(rows["nha1"]) == {"instance", "type", "nhatype", "role", "hainitda", "hainitl", "hainitti", "hastatus", "repladdr"}
    assert (rows["nha1"]["role"], rows["nha1"]["hastatus"], rows["nha1"]["repladdr"]) == ("ACTIVE", "NORMAL", "nha1(9414)")
    for host in ("nha2", "nha3"):
        assert set(rows[host]) == {"instance", "type", "nhatype", "role", "acklsn", "backlog", "connactv", "hastatus", "insync",
                                   "repladdr", "synctime"}
        assert (rows[host]["role"], rows[host]["insync"], rows[host]["backlog"], rows[host]["connactv"]) == ("REPLICA", "YES", 0, "YES")
    # TYPE(QMGR): the active instance, QUORUM in sync/configured, a Live group ([V] IBM-QMSTATUS-94, [S] NHALAB)
    assert qmgr_status(client) == {"qmname": "QM1", "status": "RUNNING", "quorum": "3/3", "instance": "nha1", "grprole": "LIVE"}
    assert qmgr_status(client, "quorum", "grprole")["grprole"] == "LIVE"
    assert client.ok("DISPLAY", "QMSTATUS", params={"type": "NATIVEHA", "where": "role eq REPLICA"}, resp=["insync"]) == [
        {"instance": h, "type": "NATIVEHA", "insync": "YES"} for h in ("nha2", "nha3")]
    assert client.ok("DISPLAY", "QMSTATUS", params={"type": "NATIVEHA", "nhatype": "GROUP"}) == []  # no cross-region group
    client.fails(4005, "DISPLAY", "QMSTATUS", params={"type": "NATIVEHA", "nhatype": "BOGUS"})
    client.fails(3014, "DISPLAY", "QMSTATUS", params={"type": "NATIVEHA"}, resp=["logutil"])
    # A queue manager that is not Native HA: TYPE(NATIVEHA) refused, the TYPE(QMGR) fields blank ([S] INSTANA)
    client.fails(4005, "DISPLAY", "QMSTATUS", params={"type": "NATIVEHA"}, qmgr="PARTNER")
    other = client.ok("DISPLAY", "QMSTATUS", resp=["quorum", "instance", "grprole", "grpname", "grplsn"], qmgr="PARTNER")[0]
    assert other == {"qmname": "PARTNER", "status": "RUNNING", "quorum": "", "instance": "", "grprole": "NOTCONFIG",
                     "grpname": "", "grplsn": ""}
    text = client.text("DIS QMSTATUS TYPE(NATIVEHA)")[1]["commandResponse"]
    assert [e["text"][0] for e in text] == ["AMQ8705I: Display Queue Manager Status Details."] * 3


def test_dspmq_on_each_host_shows_that_instance(client):
    """IBM-NHA-STATUS and NHALAB: the active instance reports Running, a replica Replica; `dspmq -n` prints (REPLICA),
    which IBM's container code looks for (MQC-READY); -o nativeha and -x in the 9.4 layout (NHALAB); IBM's drain helper
    counts QUORUM(3 and three CONNACTV(yes) (MQHELM)."""
    pad = " " * 47
    assert dspmq(client, "nha1") == [f"QMNAME(QM1){pad}STATUS(Running)"]
    assert dspmq(client, "nha2") == [f"QMNAME(QM1){pad}STATUS(Replica)"]
    assert dspmq(client, "nha3", untranslated=True) == [f"QMNAME(QM1){pad}STATUS(REPLICA)"]
    line = dspmq(client, "nha2", "nativeha")[0]
    assert line.startswith(f"QMNAME(QM1){pad}ROLE(Replica) INSTANCE(nha2) INSYNC(yes) QUORUM(3/3) GRPLSN(<0:0:")
    assert line.endswith(") GRPNAME() GRPROLE(Live)")
    lines = dspmq(client, "nha1", "nativeha", extended=True)
    assert lines[0].split()[1:5] == ["ROLE(Active)", "INSTANCE(nha1)", "INSYNC(yes)", "QUORUM(3/3)"]
    assert [line.split()[:2] for line in lines[1:]] == [["INSTANCE(nha1)", "ROLE(Active)"], ["INSTANCE(nha2)", "ROLE(Replica)"],
                                                        ["INSTANCE(nha3)", "ROLE(Replica)"]]
    assert all(line.startswith(" INSTANCE(") for line in lines[1:]) and sum("CONNACTV(yes)" in line for line in lines) == 3
    assert all(f"REPLADDR({h})" in line and "BACKLOG(0)" in line and "HASTATUS(Normal)" in line
               for h, line in zip(HOSTS, lines[1:]))
    every = dspmq(client, "nha1", "all", extended=True)
    assert "STANDBY(Not permitted) INSTNAME(Installation1) INSTPATH(/opt/mqm) INSTVER(9.4.2.0) ROLE(Active)" in every[0]
    assert every[1] == "    INSTANCE(nha1) MODE(Active)" and len(every) == 5


def test_a_replicas_own_mqweb_refuses_with_2543(client, srv):
    """NHALAB: GET /admin/qmgr/QM1 on a replica's mqweb answers MQWB0004E with 2543 MQRC_STANDBY_Q_MGR (IBM-RC2543); the HTTP
    status is inferred (qmgr_down_status); replica_mqweb=state answers runningAsStandby instead."""
    replica, active = srv.add_mqweb("QM1", "nha2"), srv.add_mqweb("QM1", "nha1")
    resp = rest_state(client, replica)
    error = resp.json()["error"][0]
    assert resp.status_code == 503 and (error["msgId"], error["reasonCode"]) == ("MQWB0004E", 2543)
    body = {"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "QMSTATUS"}
    resp = client.session.post(f"{replica}/admin/action/qmgr/QM1/mqsc", json=body, timeout=10)
    assert resp.status_code == 503 and resp.json()["error"][0]["reasonCode"] == 2543
    assert rest_state(client, active).json()["qmgr"][0]["state"] == "running"
    assert client.session.post(f"{active}/admin/action/qmgr/QM1/mqsc", json=body, timeout=10).status_code == 200
    listing = client.session.get(f"{replica}/admin/qmgr", timeout=10).json()["qmgr"]
    assert {q["name"]: q["state"] for q in listing} == {"QM1": "runningAsStandby", "PARTNER": "running"}
    srv.model.set_config(replica_mqweb="state")
    assert rest_state(client, replica).json()["qmgr"][0]["state"] == "runningAsStandby"


def test_endmqm_on_a_replica_stops_it_and_strmqm_brings_it_back_in_sync(client, steps):
    """IBM-ENDMQM: endmqm on a replica stops that instance, the active one keeps running and QUORUM drops to 2/3
    (IBM-NHA-STATUS); strmqm there starts it again, its BACKLOG is the log written meanwhile (IBM-NHA-ATTRS), then
    INSYNC(YES) once caught up ([I] timings nativeha_replica_start and nativeha_catchup_kib_per_s)."""
    answer = ctl(client, "endmqm", mode="immediate", host="nha2")
    assert (answer["exit"], answer["wait"], answer["host"], view(client, "nha2")) == (0, "ended", "nha2", "endingImmediately")
    steps.advance(1.0)  # qmgr_end: the replica has ended
    assert view(client, "nha2") == "endedImmediately" and view(client, "nha1") == "running"
    assert qmgr_status(client)["quorum"] == "2/3" and rest_state(client).json()["qmgr"][0]["state"] == "running"
    steps.advance(2.0)
    row = nha_rows(client)["nha2"]
    assert (row["role"], row["connactv"], row["insync"], row["backlog"], row["hastatus"]) == ("UNKNOWN", "NO", "NO", 200, "UNKNOWN")
    assert ctl(client, "endmqm", mode="immediate", host="nha2")["exit"] == 40  # not running there
    assert dspmq(client, "nha2", "nativeha") == [f"QMNAME(QM1){' ' * 47}ROLE(Unknown) INSTANCE(nha2) INSYNC(no) QUORUM(0/3) "
                                                 "GRPLSN() GRPNAME() GRPROLE(Unknown)"]
    answer = ctl(client, "strmqm", host="nha2")
    assert (answer["exit"], answer["wait"], answer["then"]) == (0, "replica", ["IBM MQ queue manager 'QM1' started as a replica instance."])
    assert view(client, "nha2") == "starting"
    steps.advance(1.0)  # connected: 4 s of log missed
    row = nha_rows(client)["nha2"]
    assert (view(client, "nha2"), row["role"], row["insync"], row["backlog"], row["hastatus"]) == (
        "replica", "REPLICA", "NO", 300, "SYNCHRONIZING")
    assert ctl(client, "strmqm", host="nha2")["exit"] == 5
    steps.advance(3.0)  # half caught up at 50 KiB/s
    assert nha_rows(client)["nha2"]["backlog"] == 150 and qmgr_status(client)["quorum"] == "2/3"
    steps.advance(3.0)
    assert (nha_rows(client)["nha2"]["insync"], qmgr_status(client)["quorum"]) == ("YES", "3/3")
    assert [i["insync"] for i in timeline(client)["nativeha"]["instances"]] == [True, True, True]
    assert timeline(client)["failovers"] == [] and timeline(client)["nativeha"]["active"] == "nha1"


def test_endmqm_refuses_to_break_the_quorum(client, srv):
    """IBM-ENDMQM: "A check is performed to see if stopping the specified instance breaks the group's quorum, and the
    command fails if it does." The exit code (77) is unconfirmed; nativeha_quorum_check=false skips the check."""
    assert ctl(client, "endmqm", mode="immediate", host="nha2")["exit"] == 0
    refused = ctl(client, "endmqm", mode="immediate", host="nha3")
    assert refused["exit"] == 77 and "quorum" in refused["lines"][0] and view(client, "nha3") == "replica"
    assert ctl(client, "endmqm", mode="immediate")["exit"] == 77 and view(client, "nha1") == "running"
    srv.model.set_config(nativeha_quorum_check=False)
    assert ctl(client, "endmqm", mode="immediate", host="nha3")["exit"] == 0
    assert qmgr_status(client)["quorum"] == "1/3"


def test_a_replica_that_does_not_come_back_in_sync(client, srv, steps):
    """The replica_out_of_sync fault: the replica restarted on that host runs and connects, but never catches up while
    the fault lasts (BACKLOG grows with the active's log); the active instance cannot be stopped meanwhile (quorum).
    Clearing the faults lets it catch up."""
    assert client.ctl("POST", "faults", {"kind": "strmqm_fails", "host": "nha2"})[0] == 400  # host: this kind only
    srv.model.add_fault({"kind": "replica_out_of_sync", "qmgr": "QM1", "host": "nha2"})
    ctl(client, "endmqm", mode="preemptive", host="nha2")
    assert ctl(client, "strmqm", host="nha2")["exit"] == 0
    steps.advance(100.0)
    row = nha_rows(client)["nha2"]
    assert (view(client, "nha2"), row["insync"], row["connactv"], row["backlog"]) == ("replica", "NO", "YES", 10000)
    assert qmgr_status(client)["quorum"] == "2/3" and ctl(client, "endmqm", mode="immediate")["exit"] == 77
    steps.advance(10.0)
    assert nha_rows(client)["nha2"]["backlog"] == 11000
    srv.model.clear_faults()
    steps.advance(11000 / 50.0)
    assert nha_rows(client)["nha2"]["insync"] == "YES" and qmgr_status(client)["quorum"] == "3/3"
    # The fault names its host: another replica restarted meanwhile catches up as usual
    srv.model.add_fault({"kind": "replica_out_of_sync", "qmgr": "QM1", "host": "nha2"})
    ctl(client, "endmqm", mode="preemptive", host="nha3")
    ctl(client, "strmqm", host="nha3")
    steps.advance(2.0)  # connected after 1 s with 100 KiB behind, half of it received since
    assert (nha_rows(client)["nha3"]["insync"], nha_rows(client)["nha3"]["backlog"]) == ("NO", 50)
    steps.advance(1.0)
    assert nha_rows(client)["nha3"]["insync"] == "YES"


def test_stopping_the_active_fails_over_to_an_in_sync_replica_with_every_milestone(client, srv, steps):
    """IBM-ENDMQM: ending the active instance makes a replica the active one. The new active starts the queue manager as
    strmqm would (running, command server, channel initiator, listeners on its own host), a partner whose CONNAME lists
    the three hosts reconnects to it, clients reconnect, the main REST port answers from it, and the timeline records the
    failover ([I] the election time nativeha_failover, the choice of the first in-sync replica)."""
    client.ok("DEFINE", "QLOCAL", "XQ", params={"usage": "XMITQ"}, qmgr="PARTNER")
    client.ok("DEFINE", "CHANNEL", "TO.QM1", params={"chltype": "SDR", "xmitq": "XQ", "conname": "nha1(1414),nha2(1414),nha3(1414)"},
              qmgr="PARTNER")
    client.ok("DEFINE", "CHANNEL", "TO.QM1", params={"chltype": "RCVR"})
    client.ok("START", "CHANNEL", "TO.QM1", qmgr="PARTNER")
    srv.model.attach_clients("QM1", "DEV.APP.SVRCONN", 3)
    steps.advance(5.0)
    assert client.status_of("CHSTATUS", "TO.QM1") == ["RUNNING"]
    answer = ctl(client, "endmqm", mode="immediate")
    assert (answer["exit"], answer["wait"], answer["host"]) == (0, "ended", "nha1")
    steps.advance(1.0)  # the old active has ended; the replicas elect a new one
    assert rest_state(client).json()["qmgr"][0]["state"] == "endedImmediately"
    assert client.mqsc("DISPLAY", "QMSTATUS")[0] == 503
    assert (view(client, "nha1"), view(client, "nha2"), view(client, "nha3")) == ("endedImmediately", "negotiating", "negotiating")
    assert dspmq(client, "nha3") == [f"QMNAME(QM1){' ' * 47}STATUS(Negotiating)"]
    steps.advance(1.0)  # elected: nha2 starts the queue manager (replay 1 s after qmgr_start 1 s)
    line = timeline(client)
    assert (line["state"], line["host"], line["nativeha"]["active"], view(client, "nha3")) == ("starting", "nha2", "nha2", "replica")
    steps.advance(2.0)
    assert rest_state(client).json()["qmgr"][0]["state"] == "running"
    client.fails(3204, "DISPLAY", "QMSTATUS")  # its command server starts after 'running', as after a restart
    steps.advance(3.0)
    assert client.status_of("LSSTATUS", "DEV.LISTENER.TCP") == ["RUNNING"]
    steps.advance(2.0)
    assert client.status_of("CHSTATUS", "TO.QM1") == ["RUNNING"]
    assert srv.model.channel_status("QM1", "TO.QM1")["instances"][0]["conname"] == "ph"
    assert len(client.ok("DISPLAY", "CHSTATUS", "DEV.APP.SVRCONN")) == 3  # the clients are back
    rows = nha_rows(client)
    assert [rows[h]["role"] for h in HOSTS] == ["UNKNOWN", "ACTIVE", "REPLICA"] and qmgr_status(client)["quorum"] == "2/3"
    line = timeline(client)
    marks = line["current"]
    start = marks["end_requested"]
    assert {k: round(marks[k] - start, 3) for k in ("ended", "start_requested", "running", "command_server", "channel_initiator",
                                                    "listeners")} == {"ended": 1.0, "start_requested": 2.0, "running": 4.0,
                                                                      "command_server": 5.0, "channel_initiator": 6.0,
                                                                      "listeners": 7.0}
    [failover] = line["failovers"]
    assert (failover["kind"], failover["from"], failover["to"], failover["seconds"]) == ("failover", "nha1", "nha2", 3.0)
    assert failover["ended"] == marks["ended"] and failover["running"] == marks["running"]
    # The old active rejoins as a replica and catches up with what nha2 wrote since nha1 ended
    assert ctl(client, "strmqm", host="nha1")["wait"] == "replica"
    steps.advance(1.0)
    assert (view(client, "nha1"), nha_rows(client)["nha1"]["backlog"]) == ("replica", 900)
    steps.advance(18.0)
    assert nha_rows(client)["nha1"]["insync"] == "YES" and qmgr_status(client)["quorum"] == "3/3"
    assert timeline(client)["nativeha"]["active"] == "nha2" and len(timeline(client)["failovers"]) == 1


def test_each_instance_has_its_own_mqweb_and_the_new_active_answers(client, srv, steps):
    """Each instance's host runs its own mqweb (IBM's containers run mqweb in each pod; NHALAB queries the three nodes'
    ports): after a failover the new active's mqweb answers MQSC, the old active's reports its instance ended."""
    old, new = srv.add_mqweb("QM1", "nha1"), srv.add_mqweb("QM1", "nha2")
    body = {"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "QMSTATUS"}
    assert client.session.post(f"{new}/admin/action/qmgr/QM1/mqsc", json=body, timeout=10).json()["error"][0]["reasonCode"] == 2543
    ctl(client, "endmqm", mode="immediate")
    steps.advance(10.0)
    assert rest_state(client, new).json()["qmgr"][0]["state"] == "running"
    assert client.session.post(f"{new}/admin/action/qmgr/QM1/mqsc", json=body, timeout=10).status_code == 200
    assert rest_state(client, old).json()["qmgr"][0]["state"] == "endedImmediately"
    resp = client.session.post(f"{old}/admin/action/qmgr/QM1/mqsc", json=body, timeout=10)
    assert resp.status_code == 503 and resp.json()["error"][0]["reasonCode"] == 2059


def test_a_crashed_active_fails_over_and_a_crashed_replica_drops_out(client, steps):
    assert ctl(client, "crash")["state"] == "endedUnexpectedly"
    steps.advance(1.0)
    assert timeline(client)["nativeha"]["active"] == "nha2"
    steps.advance(10.0)
    assert timeline(client)["state"] == "running" and timeline(client)["failovers"][0]["end_requested"] is not None
    assert ctl(client, "crash", host="nha3")["state"] == "endedUnexpectedly"
    assert qmgr_status(client)["quorum"] == "1/3" and timeline(client)["state"] == "running"
    assert client.ctl("POST", "qmgr/QM1/crash", {"host": "elsewhere"})[0] == 400


def test_without_an_in_sync_replica_the_last_active_instance_must_come_back(client, srv, steps):
    """With the quorum check off, the active instance can be stopped with no replica in sync: the group has no active
    instance (the replicas negotiate) until the instance that was active last runs again with one other ([I])."""
    srv.model.set_config(nativeha_quorum_check=False)
    for host in ("nha2", "nha3", "nha1"):
        ctl(client, "endmqm", mode="preemptive", host=host)
    assert timeline(client)["state"] == "endedPreemptively" and timeline(client)["failovers"] == []
    answer = ctl(client, "strmqm", host="nha2")
    steps.advance(5.0)
    assert (answer["wait"], view(client, "nha2"), timeline(client)["nativeha"]["active"]) == ("replica", "negotiating", None)
    answer = ctl(client, "strmqm", host="nha1")
    assert (answer["wait"], answer["host"]) == ("running", "nha1")  # elected once it is connected (1 s), then started
    steps.advance(2.0)
    assert (view(client, "nha1"), view(client, "nha2")) == ("starting", "replica")
    steps.advance(2.0)
    assert timeline(client)["state"] == "running" and timeline(client)["nativeha"]["active"] == "nha1"


def test_a_controlled_end_of_the_active_waits_for_its_applications_before_the_failover(client, srv, steps):
    srv.model.add_fault({"kind": "never_disconnect", "qmgr": "QM1"})
    ctl(client, "endmqm", mode="controlled")
    steps.advance(50.0)
    assert view(client, "nha1") == "quiescing" and timeline(client)["nativeha"]["active"] == "nha1"
    srv.model.clear_faults()  # the application goes: the instance ends (client_disconnect + qmgr_end), then the election
    steps.advance(3.0)
    assert (view(client, "nha1"), timeline(client)["nativeha"]["active"]) == ("ended", "nha2")
    steps.advance(2.0)
    [failover] = timeline(client)["failovers"]
    assert timeline(client)["state"] == "running" and failover["seconds"] == 3.0
    # Escalated: endmqm -p while a controlled end quiesces re-plans the takeover from the preemptive end; the replica
    # taking over is the first in-sync one in configured order, here nha1 once it has caught up again
    ctl(client, "strmqm", host="nha1")
    steps.advance(20.0)
    srv.model.add_fault({"kind": "never_disconnect", "qmgr": "QM1"})
    ctl(client, "endmqm", mode="controlled")
    steps.advance(1.0)
    assert ctl(client, "endmqm", mode="preemptive")["exit"] == 0
    assert ctl(client, "endmqm", mode="preemptive")["exit"] == 40  # its instance has ended
    steps.advance(1.0)
    assert (timeline(client)["state"], timeline(client)["nativeha"]["active"]) == ("starting", "nha1")
    steps.advance(2.0)
    failovers = [(f["from"], f["to"], f["seconds"]) for f in timeline(client)["failovers"]]
    assert failovers == [("nha1", "nha2", 3.0), ("nha2", "nha1", 3.0)]


def test_requests_to_an_instance_port_follow_the_embedded_rule(srv):
    """An embedded mqweb (a container) runs while its instance runs, as a replica too; it refuses connections once its
    instance has ended."""
    base = srv.add_mqweb("QM1", "nha3", embedded=True)
    assert requests.get(f"{base}/admin/qmgr/QM1", auth=("admin", "passw0rd"), timeout=5).status_code == 503
    srv.model.set_config(nativeha_quorum_check=False)
    requests.post(f"{srv.control_url}/qmgr/QM1/endmqm", json={"mode": "preemptive", "host": "nha3"}, timeout=5)
    with pytest.raises(requests.ConnectionError):
        for _attempt in range(200):
            requests.get(f"{base}/admin/qmgr/QM1", auth=("admin", "passw0rd"), timeout=5)


def test_a_cmdserv_down_fault_holds_the_new_active_command_server_too(client, srv, steps):
    srv.model.add_fault({"kind": "cmdserv_down", "qmgr": "QM1"})
    ctl(client, "endmqm", mode="immediate")
    steps.advance(10.0)
    assert timeline(client)["state"] == "running" and timeline(client)["current"]["command_server"] is None
    srv.model.clear_faults()
    assert timeline(client)["current"]["command_server"] is not None and qmgr_status(client)["instance"] == "nha2"
