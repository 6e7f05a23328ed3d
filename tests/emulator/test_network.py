# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The channel network (network.py, issue 14): hosts and ports, what a sender needs to reach RUNNING, retries, the
partner's receiving instances, partner restarts, DISCINT, and clients reconnecting after a restart.

Timelines use the `clock` fixture (the emulator's monotonic clock only moves when the test says so) and the zero profile:
channel_start 0, channel_retry_scale 0.001, so SHORTTMR(60) is 0.06 s and LONGTMR(1200) 1.2 s.
"""

import pytest

from conftest import Client
from mqemu import EmulatorServer

SHORT = 0.06  # SHORTTMR(60) * channel_retry_scale 0.001


@pytest.fixture(scope="module")
def srv():
    """QM1 on localhost, QM2 on qm2host, QM3 on qm3host; system seed: no listener runs until a test starts one."""
    with EmulatorServer(qmgrs=["QM1", "QM2", "QM3"], timing="zero", hosts={"QM2": "qm2host", "QM3": "qm3host"}) as server:
        yield server


def _run(c, qmgr, *commands):
    for command in commands:
        status, body = c.text(command, qmgr=qmgr)
        assert status == 200 and body["overallCompletionCode"] == 0, (command, body)


def _listener(c, qmgr="QM2", port=1414, name="L"):
    _run(c, qmgr, f"DEFINE LISTENER({name}) TRPTYPE(TCP) PORT({port}) CONTROL(QMGR) REPLACE",
         f"START LISTENER({name}) IGNSTATE(YES)")


def _pair(c, name="TO.QM2", conname="qm2host(1414)", sender="QM1", partner="QM2", chltype="SDR", rtype="RCVR", extra=""):
    """The complete set: XMITQ on the sender's queue manager, a listener and a receiver of the same name on the partner."""
    _listener(c, partner)
    xmitq = " XMITQ(XQ)" if chltype in ("SDR", "SVR") else ""
    _run(c, sender, "DEFINE QLOCAL(XQ) USAGE(XMITQ) REPLACE",
         f"DEFINE CHANNEL({name}) CHLTYPE({chltype}) CONNAME('{conname}'){xmitq}{extra} REPLACE")
    _run(c, partner, f"DEFINE CHANNEL({name}) CHLTYPE({rtype}) REPLACE")


def _chs(c, name="TO.QM2", qmgr="QM1"):
    """[(status, rqmname)] of every instance, or the reason code when there is no status."""
    status, body = c.mqsc("DISPLAY", "CHSTATUS", name, qmgr=qmgr)
    assert status == 200
    rows = [e["parameters"] for e in body["commandResponse"] if "parameters" in e]
    return [(r["status"], r["rqmname"]) for r in rows] or body["commandResponse"][0]["reasonCode"]


def _info(c, name="TO.QM2", qmgr="QM1"):
    status, body = c.ctl("GET", f"qmgr/{qmgr}/channel/{name}/status")
    assert status == 200
    return body["instances"]


# ----- rule 1: hosts, ports, CONNAME --------------------------------------------------------------------------------
def test_running_pair_shows_both_ends(client):
    _pair(client)
    client.ok("START", "CHANNEL", "TO.QM2")
    assert _chs(client) == [("RUNNING", "QM2")]
    assert _chs(client, qmgr="QM2") == [("RUNNING", "QM1")]  # the receiving instance names its sender's queue manager
    row = client.ok("DISPLAY", "CHSTATUS", "TO.QM2", qmgr="QM2", resp=["all"])[0]
    assert (row["chltype"], row["conname"], row["xmitq"]) == ("RCVR", "localhost", "")
    assert client.ctl("GET", "network")[1] == {"hosts": {"QM1": "localhost", "QM2": "qm2host", "QM3": "qm3host"},
                                               "pairs": [{"qmgr": "QM1", "channel": "TO.QM2", "partner": "QM2"}]}
    assert _info(client)[0]["error"] is None


@pytest.mark.parametrize("conname,ok", [
    ("QM2HOST(1414)", True),  # host names are case-insensitive
    ("qm2host", True),  # the port defaults to 1414
    ("nowhere.invalid(1414),qm2host(1414)", True),  # the list is tried in order
    ("qm2host(1415)", False),  # nothing listens there
    ("partner.invalid(1414)", False),  # .invalid never resolves
    ("localhost(1414)", False),  # QM1's own host: no listener there
])
def test_conname_resolution(client, conname, ok):
    _pair(client, conname=conname)
    client.ok("START", "CHANNEL", "TO.QM2")
    assert _chs(client) == ([("RUNNING", "QM2")] if ok else [("RETRYING", "")])
    if not ok:
        assert {k: _info(client)[0]["error"][k] for k in ("msgid", "reason")} == {"msgid": "AMQ9202E", "reason": 4010}
        client.fails(3065, "DISPLAY", "CHSTATUS", "TO.QM2", qmgr="QM2")  # no receiving instance


def test_localhost_names_are_one_host_and_share_ports(client):
    _listener(client, "QM1")
    assert client.ctl("POST", "qmgr/QM3/host", {"host": "127.0.0.1"}) == (200, {"name": "QM3", "host": "localhost"})
    _listener(client, "QM3")  # port 1414 is taken on this host by QM1's listener
    assert client.status_of("LSSTATUS", "L") == ["RUNNING"]
    assert Client(client.srv, qmgr="QM3").status_of("LSSTATUS", "L") == 3250  # config listener_port_conflict: vanish
    _listener(client, "QM2")  # another host: no clash
    assert Client(client.srv, qmgr="QM2").status_of("LSSTATUS", "L") == ["RUNNING"]
    assert client.ctl("POST", "qmgr/QM3/host", {"host": "a(b)"})[0] == 400
    assert client.ctl("POST", "qmgr/NOPE/host", {"host": "h"})[0] == 404


def test_hosts_come_back_on_reset(srv, client):
    client.ctl("POST", "qmgr/QM2/host", {"host": "elsewhere"})
    srv.model.reset()
    assert client.ctl("GET", "network")[1]["hosts"]["QM2"] == "qm2host"


def test_partner_queue_manager_must_run(srv, client):
    _pair(client)
    srv.model.stop_qmgr("QM2")
    client.ok("START", "CHANNEL", "TO.QM2")
    assert _chs(client) == [("RETRYING", "")]


def test_listener_still_starting_then_next_tick(srv, client, clock):
    srv.model.set_timing(listener_start=0.1)
    _pair(client)
    client.ok("START", "CHANNEL", "TO.QM2")  # attempts at 0 and 0.06 find the listener STARTING, 0.12 connects
    for delta, expected in ((0.03, [("RETRYING", "")]), (0.06, [("RETRYING", "")]), (0.04, [("RUNNING", "QM2")])):
        clock.advance(delta)
        assert _chs(client) == expected


# ----- rule 2: what a sender needs -----------------------------------------------------------------------------------
@pytest.mark.parametrize("xmitq,msgid,reason", [(None, "AMQ9509E", 2085), ("NORMAL", "AMQ9531E", 4037)])
def test_transmission_queue_missing_or_not_xmitq(srv, client, clock, xmitq, msgid, reason):
    _pair(client)
    _run(client, "QM1", "DELETE QLOCAL(XQ)" if xmitq is None else "DEFINE QLOCAL(XQ) USAGE(NORMAL) REPLACE")
    client.ok("START", "CHANNEL", "TO.QM2")
    assert _chs(client) == [("STOPPED", "")]  # the MCA cannot open its queue: no retry (config xmitq_error)
    assert {k: _info(client)[0]["error"][k] for k in ("msgid", "reason")} == {"msgid": msgid, "reason": reason}
    srv.model.set_config(xmitq_error="retrying")
    client.ok("START", "CHANNEL", "TO.QM2")
    assert _chs(client) == [("RETRYING", "")]
    _run(client, "QM1", "DEFINE QLOCAL(XQ) USAGE(XMITQ) REPLACE")  # fixed: the next retry connects
    assert _chs(client) == [("RETRYING", "")]
    clock.advance(SHORT)
    assert _chs(client) == [("RUNNING", "QM2")]


def test_fixed_condition_connects_at_the_next_tick(client, clock):
    _pair(client)
    _run(client, "QM2", "DELETE CHANNEL(TO.QM2)")
    client.ok("START", "CHANNEL", "TO.QM2")
    assert _chs(client) == [("RETRYING", "")]
    assert {k: _info(client)[0]["error"][k] for k in ("msgid", "reason")} == {"msgid": "AMQ9520E", "reason": 4033}
    clock.advance(SHORT * 2.5)  # ticks at 0.06 and 0.12 failed; the next is at 0.18
    _run(client, "QM2", "DEFINE CHANNEL(TO.QM2) CHLTYPE(RCVR)")
    assert _chs(client) == [("RETRYING", "")]
    clock.advance(SHORT * 0.6)
    assert _chs(client) == [("RUNNING", "QM2")]


@pytest.mark.parametrize("chltype,rtype,ok", [
    ("SDR", "RQSTR", True), ("SDR", "SVRCONN", False), ("SVR", "RQSTR", True), ("SVR", "RCVR", True), ("SVR", "SVRCONN", False),
    ("RQSTR", "SVR", True), ("RQSTR", "SDR", True), ("CLUSSDR", "CLUSRCVR", True), ("CLUSSDR", "RCVR", False),
])
def test_partner_types(client, chltype, rtype, ok):
    extra = " XMITQ(XQ2)" if rtype in ("SVR", "SDR") else ""
    _listener(client)
    _run(client, "QM2", "DEFINE QLOCAL(XQ2) USAGE(XMITQ) REPLACE", f"DEFINE CHANNEL(P) CHLTYPE({rtype}){extra}"
         + (" CONNAME('localhost')" if rtype in ("SDR", "RQSTR") else ""))
    xmitq = " XMITQ(XQ)" if chltype in ("SDR", "SVR") else ""
    _run(client, "QM1", "DEFINE QLOCAL(XQ) USAGE(XMITQ) REPLACE", f"DEFINE CHANNEL(P) CHLTYPE({chltype}) CONNAME('qm2host'){xmitq}")
    client.ok("START", "CHANNEL", "P")
    # A requester has no retry attributes: a failed RQSTR stops (IBM-CHL-ERRORS); the others retry.
    assert _chs(client, "P") == ([("RUNNING", "QM2")] if ok else [("RETRYING", "")])
    if ok:
        rows = client.ok("DISPLAY", "CHSTATUS", "P", qmgr="QM2", resp=["all"])
        assert [(r["chltype"], r["status"], r["rqmname"]) for r in rows] == [(rtype, "RUNNING", "QM1")]
    else:
        assert _info(client, "P")[0]["error"]["msgid"] == "AMQ9547E"


def test_channel_auto_definition(client):
    # IBM-PREP-CHL: an undefined receiver is defined from its model SYSTEM.AUTO.RECEIVER, "the same as the system defaults
    # ... except for the description field, which is "Auto-defined by""; the administrator may change the model.
    _pair(client)
    _run(client, "QM2", "DELETE CHANNEL(TO.QM2)", "ALTER QMGR CHAD(ENABLED)", "ALTER CHANNEL(SYSTEM.AUTO.RECEIVER) CHLTYPE(RCVR) MRRTY(3)")
    client.ok("START", "CHANNEL", "TO.QM2")
    assert _chs(client) == [("RUNNING", "QM2")]
    row = client.ok("DISPLAY", "CHANNEL", "TO.QM2", qmgr="QM2", resp=["descr", "mrrty"])[0]
    assert row == {"channel": "TO.QM2", "chltype": "RCVR", "descr": "Auto-defined by", "mrrty": 3}


def test_channel_auto_definition_needs_its_model(client):
    _pair(client, extra=" SHORTRTY(1) LONGRTY(0)")
    _run(client, "QM2", "DELETE CHANNEL(TO.QM2)", "ALTER QMGR CHAD(ENABLED)", "DELETE CHANNEL(SYSTEM.AUTO.RECEIVER)")
    client.ok("START", "CHANNEL", "TO.QM2")
    assert _chs(client) == [("STOPPED", "")] and _info(client)[0]["error"]["msgid"] == "AMQ9520E"  # not defined remotely


def test_svrconn_auto_definition_for_a_client(client):
    # IBM-PREP-CHL: "for a receiver or server-connection channel that has auto-definition enabled, a definition is created
    # automatically" from SYSTEM.AUTO.SVRCONN. The control API's client attach is the client asking for the channel.
    assert client.ctl("POST", "qmgr/QM2/channel/APP.AUTO/clients", {"count": 1})[0] == 404  # CHAD(DISABLED), the default
    _run(client, "QM2", "ALTER QMGR CHAD(ENABLED)")
    assert client.ctl("POST", "qmgr/QM2/channel/APP.AUTO/clients", {"count": 1})[0] == 200
    assert client.ok("DISPLAY", "CHANNEL", "APP.AUTO", qmgr="QM2", resp=["descr"]) == [
        {"channel": "APP.AUTO", "chltype": "SVRCONN", "descr": "Auto-defined by"}]
    rows = client.ok("DISPLAY", "CHSTATUS", "APP.AUTO", qmgr="QM2", resp=["status"])
    assert [r["status"] for r in rows] == ["RUNNING"]


def test_failed_requester_stops(client):
    _listener(client)
    _run(client, "QM1", "DEFINE CHANNEL(RQ) CHLTYPE(RQSTR) CONNAME('qm2host')")
    client.ok("START", "CHANNEL", "RQ")
    assert _chs(client, "RQ") == [("STOPPED", "")]
    assert _info(client, "RQ")[0]["error"]["msgid"] == "AMQ9520E"


def test_retries_run_out_then_stopped(client, clock):
    # IBM-SHORTRTY: "If the initial allocation attempt fails, the short retry count is decremented and the channel retries
    # the remaining number of times ... If it still fails, it retries long retry count number of times": SHORTRTY(2)
    # LONGRTY(1) is three attempts, at 0 and 0.06 (short) and 0.16 (long), then STOPPED.
    _pair(client, conname="nowhere.invalid", extra=" SHORTRTY(2) LONGRTY(1) LONGTMR(100)")
    client.ok("START", "CHANNEL", "TO.QM2")
    assert _info(client)[0]["retries_left"] == {"short": 2, "long": 1}  # the first attempt is at 0, not before it
    clock.advance(0.03)
    assert _chs(client) == [("RETRYING", "")] and _info(client)[0]["retries_left"] == {"short": 1, "long": 1}
    clock.advance(0.06)
    assert _chs(client) == [("RETRYING", "")] and _info(client)[0]["retries_left"] == {"short": 0, "long": 1}
    clock.advance(0.06)
    assert _chs(client) == [("RETRYING", "")]
    clock.advance(0.02)
    assert _chs(client) == [("STOPPED", "")]
    assert _info(client)[0]["error"]["msgid"] == "AMQ9202E"  # the last error stays with the stopped channel
    client.ok("START", "CHANNEL", "TO.QM2")  # a stopped channel needs a START; the counts start again
    assert _info(client)[0]["retries_left"] == {"short": 2, "long": 1}


@pytest.mark.parametrize("short,long_,attempts", [(1, 0, 1), (0, 0, 1), (0, 2, 3), (3, 0, 3)])
def test_a_start_makes_shortrty_plus_longrty_attempts(client, clock, short, long_, attempts):
    # IBM-SHORTRTY: the first attempt counts against SHORTRTY; a START always makes one (SHORTRTY 0: [I]).
    _pair(client, conname="nowhere.invalid", extra=f" SHORTRTY({short}) LONGRTY({long_}) SHORTTMR(1) LONGTMR(2)")
    client.ok("START", "CHANNEL", "TO.QM2")  # attempts every 0.001 s (short), then every 0.002 s (long)
    last = max(short - 1, 0) * 0.001 + (attempts - max(short, 1)) * 0.002  # the time of the last attempt
    if last:
        clock.advance(last - 0.0002)
        assert _chs(client) == [("RETRYING", "")]
        clock.advance(0.0004)
    assert _chs(client) == [("STOPPED", "")]


def test_a_broken_connection_retries_shortrty_times_after_it_broke(srv, client, clock):
    # IBM-CHL-ERRORS: a running sender that loses its partner goes RETRYING; the break is not an attempt, so all of
    # SHORTRTY and LONGRTY follow it. With none, "If it cannot go to RETRY state, the channel goes to STOPPED state".
    _pair(client, extra=" SHORTRTY(2) LONGRTY(0)")
    client.ok("START", "CHANNEL", "TO.QM2")
    srv.model.stop_qmgr("QM2")
    assert _chs(client) == [("RETRYING", "")] and _info(client)[0]["retries_left"] == {"short": 2, "long": 0}
    clock.advance(SHORT * 1.5)
    assert _chs(client) == [("RETRYING", "")]
    clock.advance(SHORT)
    assert _chs(client) == [("STOPPED", "")]
    client.ok("START", "CHANNEL", "TO.QM2")
    _run(client, "QM1", "ALTER CHANNEL(TO.QM2) CHLTYPE(SDR) SHORTRTY(0)")
    srv.model.start_qmgr("QM2")
    client.ok("STOP", "CHANNEL", "TO.QM2")
    client.ok("START", "CHANNEL", "TO.QM2")
    clock.advance(SHORT)
    assert _chs(client) == [("RUNNING", "QM2")]
    srv.model.stop_qmgr("QM2")
    assert _chs(client) == [("STOPPED", "")]


# ----- rule 3: the partner's receiving instances ---------------------------------------------------------------------
def test_one_receiving_instance_per_sender_and_it_ends_with_its_sender(srv, client, clock):
    srv.model.set_timing(channel_stop=0.1)
    _pair(client)
    _pair(client, sender="QM3")
    client.ok("START", "CHANNEL", "TO.QM2")
    client.ok("START", "CHANNEL", "TO.QM2", qmgr="QM3")
    assert sorted(_chs(client, qmgr="QM2")) == [("RUNNING", "QM1"), ("RUNNING", "QM3")]
    client.ok("STOP", "CHANNEL", "TO.QM2")
    assert sorted(_chs(client, qmgr="QM2")) == [("RUNNING", "QM3"), ("STOPPING", "QM1")]
    clock.advance(0.2)
    assert _chs(client, qmgr="QM2") == [("RUNNING", "QM3")]
    assert _chs(client) == [("STOPPED", "")]


def test_stopped_receiver_refuses_then_start_reenables(client, clock):
    _pair(client)
    client.ok("START", "CHANNEL", "TO.QM2")
    client.ok("STOP", "CHANNEL", "TO.QM2", qmgr="QM2")
    assert _chs(client) == [("RETRYING", "")]  # the connection ended at the receiver
    assert _chs(client, qmgr="QM2") == [("STOPPED", "")]
    clock.advance(SHORT * 3)
    assert _chs(client) == [("RETRYING", "")]
    assert _info(client)[0]["error"]["msgid"] == "AMQ9558E"
    client.ok("START", "CHANNEL", "TO.QM2", qmgr="QM2")
    clock.advance(SHORT)
    assert _chs(client) == [("RUNNING", "QM2")]


# ----- rule 4: partner restarts, listener stops, DISCINT -------------------------------------------------------------
def test_partner_restart_retries_and_reconnects_at_the_next_tick(srv, client, clock):
    _pair(client)
    client.ok("START", "CHANNEL", "TO.QM2")
    srv.model.stop_qmgr("QM2")
    assert _chs(client) == [("RETRYING", "")]
    clock.advance(SHORT * 5.5)  # down for 0.33 s: ticks at 0.06 ... 0.30 failed
    srv.model.start_qmgr("QM2")  # its CONTROL(QMGR) listener starts with it
    assert _chs(client) == [("RETRYING", "")]
    clock.advance(SHORT * 0.6)  # the tick at 0.36
    assert _chs(client) == [("RUNNING", "QM2")] and _chs(client, qmgr="QM2") == [("RUNNING", "QM1")]


def test_partner_starting_slowly(srv, client, clock):
    _pair(client)
    client.ok("START", "CHANNEL", "TO.QM2")
    srv.model.restart_qmgr("QM2", down=0.1, starting=0.1)  # running again at 0.2
    for delta, expected in ((0.19, [("RETRYING", "")]), (0.02, [("RETRYING", "")]), (0.04, [("RUNNING", "QM2")])):
        clock.advance(delta)  # the ticks at 0.18 (starting) and 0.24 (running)
        assert _chs(client) == expected


@pytest.mark.parametrize("breaks", [False, True])
def test_listener_stop(srv, client, breaks):
    srv.model.set_config(listener_stop_breaks_channels=breaks)
    _pair(client)
    client.ok("START", "CHANNEL", "TO.QM2")
    _run(client, "QM2", "STOP LISTENER(L)")
    # IBM: STOP LISTENER quiesces (refuses new connections); running channels live in their own process.
    assert _chs(client) == ([("RETRYING", "")] if breaks else [("RUNNING", "QM2")])


def test_idle_sender_goes_inactive_at_discint(client, clock):
    _pair(client, extra=" DISCINT(10)")
    client.ok("START", "CHANNEL", "TO.QM2")
    clock.advance(9.9)
    assert _chs(client) == [("RUNNING", "QM2")]
    clock.advance(0.2)
    assert _chs(client) == 3065 and _chs(client, qmgr="QM2") == 3065  # ended normally: no record on either side
    assert client.ctl("GET", "network")[1]["pairs"] == []
    client.ok("START", "CHANNEL", "TO.QM2")
    assert _chs(client) == [("RUNNING", "QM2")]


def test_message_on_the_xmitq_restarts_an_inactive_sender_and_keeps_a_running_one_busy(client, clock):
    _pair(client, extra=" DISCINT(10)")
    client.ok("START", "CHANNEL", "TO.QM2")
    clock.advance(8)
    assert client.ctl("POST", "qmgr/QM1/queue/XQ/messages", {"count": 1})[0] == 200  # the idle time starts again
    clock.advance(8)
    assert _chs(client) == [("RUNNING", "QM2")]
    clock.advance(2.1)
    assert _chs(client) == 3065  # ended normally at DISCINT
    assert client.ctl("POST", "qmgr/QM1/queue/XQ/messages", {"count": 1})[0] == 200
    assert _chs(client) == [("RUNNING", "QM2")] and _chs(client, qmgr="QM2") == [("RUNNING", "QM1")]
    client.ok("STOP", "CHANNEL", "TO.QM2")
    clock.advance(1)
    client.ctl("POST", "qmgr/QM1/queue/XQ/messages", {"count": 1})
    assert _chs(client) == [("STOPPED", "")]  # a STOPPED channel is not triggered


def test_sender_restart_keeps_its_retry_counts(srv, client, clock):
    _pair(client, conname="nowhere.invalid", extra=" SHORTRTY(3)")
    client.ok("START", "CHANNEL", "TO.QM2")
    clock.advance(SHORT * 1.5)  # two short attempts made, at 0 and 0.06
    srv.model.restart_qmgr("QM1")
    assert _chs(client) == [("RETRYING", "")]
    assert _info(client)[0]["retries_left"]["short"] == 1  # IBM-LONGRTY: counts are not reset by a restart


def test_stuck_fault_holds_binding_then_connects(srv, client, clock):
    _pair(client)
    srv.model.add_fault({"qmgr": "QM1", "kind": "stuck", "qualifier": "CHANNEL", "name": "TO.QM2"})
    client.ok("START", "CHANNEL", "TO.QM2")
    clock.advance(10)
    assert _chs(client) == [("BINDING", "")]
    srv.model.clear_faults()
    assert _chs(client) == [("RUNNING", "QM2")]


# ----- rule 5: clients after a restart -------------------------------------------------------------------------------
def _conns(c):
    return c.ok("DISPLAY", "QMSTATUS", resp=["conns"])[0]["conns"]


def test_clients_reconnect_progressively(srv, client, clock):
    srv.model.set_timing(client_reconnect_delay=1.0, client_reconnect_spread=2.0)
    _run(client, "QM1", "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN)")
    base = _conns(client)
    srv.model.attach_clients("QM1", "APP.SVRCONN", 4)
    assert _conns(client) == base + 4
    srv.model.restart_qmgr("QM1")
    counts = []
    for delta in (0.5, 0.7, 1.0, 1.0):  # reconnects at 1.0, 1.5, 2.0 and 2.5 s after the restart
        clock.advance(delta)
        counts.append(_conns(client) - base)
    assert counts == [0, 1, 3, 4]
    assert client.status_of("CHSTATUS", "APP.SVRCONN") == ["RUNNING"] * 4
    qmgr = client.session.get(f"{srv.base_url}/admin/qmgr/QM1?status=*", timeout=10).json()["qmgr"][0]
    assert qmgr["status"]["connectionCount"] == base + 4


def test_stopped_svrconn_refuses_reconnecting_clients_and_survives_restart(srv, client, clock):
    srv.model.set_timing(client_reconnect_delay=1.0)
    srv.model.set_config(clients_after_channel_stop="forget")
    _run(client, "QM1", "DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN)")
    base = _conns(client)
    srv.model.attach_clients("QM1", "APP.SVRCONN", 2)
    srv.model.restart_qmgr("QM1")
    client.ok("STOP", "CHANNEL", "APP.SVRCONN")  # no instance yet: a STOPPED record (IBM-IT27694)
    clock.advance(2)
    assert client.status_of("CHSTATUS", "APP.SVRCONN") == ["STOPPED"] and _conns(client) == base
    srv.model.restart_qmgr("QM1")
    assert client.status_of("CHSTATUS", "APP.SVRCONN") == ["STOPPED"]  # remembered across the restart (q015680_)
    client.ok("START", "CHANNEL", "APP.SVRCONN")
    clock.advance(2)
    assert _conns(client) == base  # the refused clients gave up
