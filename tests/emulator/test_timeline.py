# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""State machines with their timings, read at exact points in time (reference §5; README "Runtime state").

The `clock` fixture freezes the emulator's monotonic clock, so each assertion reads the state at a known offset from the
command through the real HTTP path. No test here sleeps or asserts that anything was fast.
"""

import pytest

from conftest import partner
from mqemu.settings import PROFILES


def _sdr(client, name="TO.QM2", conname="qm2host(1414)"):
    """A sender on QM1 with its partner: XMITQ XQ here, RCVR of the same name on QM2 (host qm2host, port 1414)."""
    partner(client, name)
    # DISCINT(0): these timelines read a RUNNING sender for days; an idle one would end at DISCINT (test_network.py).
    client.ok("DEFINE", "CHANNEL", name, params={"chltype": "SDR", "conname": conname, "xmitq": "XQ", "discint": 0})


def _timeline(client, clock, qualifier, name, points):
    """[(seconds since the previous point, expected status list or reason code)] -> asserts each in turn."""
    seen = []
    for delta, expected in points:
        clock.advance(delta)
        seen.append(client.status_of(qualifier, name))
        assert seen[-1] == expected, (seen, points)


@pytest.mark.parametrize("profile", ["fast", "realistic"])
def test_sender_start_phases_per_profile(srv, client, clock, profile):
    srv.model.set_timing(profile)
    third = PROFILES[profile]["channel_start"] / 3
    _sdr(client)
    client.ok("START", "CHANNEL", "TO.QM2")
    _timeline(client, clock, "CHSTATUS", "TO.QM2", [
        (0.5 * third, ["INITIALIZING"]), (third, ["STARTING"]), (third, ["BINDING"]), (third, ["RUNNING"]), (3600, ["RUNNING"])])
    row = client.ok("DISPLAY", "CHSTATUS", "TO.QM2", resp=["substate", "mcastat"])[0]
    assert (row["substate"], row["mcastat"]) == ("MQGET", "RUNNING")


def test_start_while_starting_is_in_use_and_ignstate(srv, client, clock):
    srv.model.set_timing("fast")
    _sdr(client)
    client.ok("START", "CHANNEL", "TO.QM2")
    clock.advance(0.15)
    assert client.status_of("CHSTATUS", "TO.QM2") == ["STARTING"]
    client.fails(4031, "START", "CHANNEL", "TO.QM2")
    client.ok("START", "CHANNEL", "TO.QM2", params={"ignstate": "yes"})
    clock.advance(0.1)
    assert client.status_of("CHSTATUS", "TO.QM2") == ["BINDING"]  # IGNSTATE did not restart the sequence


@pytest.mark.parametrize("mode,stopped_after", [("QUIESCE", 0.15), ("FORCE", 0.075), ("TERMINATE", 0.075)])
def test_stop_phases_and_modes(srv, client, clock, mode, stopped_after):
    srv.model.set_timing("fast")  # channel_stop 0.15; FORCE/TERMINATE take half
    _sdr(client)
    client.ok("START", "CHANNEL", "TO.QM2")
    clock.advance(1)
    client.ok("STOP", "CHANNEL", "TO.QM2", params={"mode": mode})
    # The STOPPED record stays until START.
    _timeline(client, clock, "CHSTATUS", "TO.QM2", [(0.9 * stopped_after, ["STOPPING"]), (0.2 * stopped_after, ["STOPPED"]), (3600, ["STOPPED"])])
    row = client.ok("DISPLAY", "CHSTATUS", "TO.QM2", resp=["stopreq", "mcastat"])[0]
    assert (row["stopreq"], row["mcastat"]) == ("NO", "NOTRUNNING")
    client.ok("START", "CHANNEL", "TO.QM2")
    _timeline(client, clock, "CHSTATUS", "TO.QM2", [(0.05, ["INITIALIZING"]), (1, ["RUNNING"])])


def test_stop_status_inactive_removes_the_record_after_stopping(srv, client, clock):
    srv.model.set_timing("fast")
    _sdr(client)
    client.ok("START", "CHANNEL", "TO.QM2")
    clock.advance(1)
    client.ok("STOP", "CHANNEL", "TO.QM2", params={"status": "inactive"})
    _timeline(client, clock, "CHSTATUS", "TO.QM2", [(0.05, ["STOPPING"]), (0.2, 3065)])
    client.fails(4064, "STOP", "CHANNEL", "TO.QM2", params={"status": "inactive"})  # already inactive (IBM-RC4064)
    client.ok("DELETE", "CHANNEL", "TO.QM2")


@pytest.mark.parametrize("conname,final", [
    ("partner.invalid(1414)", "RETRYING"),
    ("a.invalid(1414),b.INVALID(1415)", "RETRYING"),
    ("a.invalid(1414),qm2host(1414)", "RUNNING"),  # one reachable address is enough
])
def test_unreachable_partner_retries_forever(srv, client, clock, conname, final):
    srv.model.set_timing("fast")
    _sdr(client, conname=conname)
    client.ok("START", "CHANNEL", "TO.QM2")
    _timeline(client, clock, "CHSTATUS", "TO.QM2", [(0.05, ["INITIALIZING"]), (0.3, [final]), (86400, [final])])


def test_retrying_channel_restarts_on_start_and_stops(srv, client, clock):
    srv.model.set_timing("fast")
    _sdr(client, conname="partner.invalid(1414)")
    client.ok("START", "CHANNEL", "TO.QM2")
    clock.advance(1)
    client.ok("START", "CHANNEL", "TO.QM2")  # RETRYING is not "in use": a new attempt begins
    _timeline(client, clock, "CHSTATUS", "TO.QM2", [(0.05, ["INITIALIZING"]), (1, ["RETRYING"])])
    client.ok("STOP", "CHANNEL", "TO.QM2")
    _timeline(client, clock, "CHSTATUS", "TO.QM2", [(0.05, ["STOPPING"]), (1, ["STOPPED"])])


def test_stuck_fault_holds_the_last_transitional_phase(srv, client, clock):
    srv.model.set_timing("fast")
    _sdr(client)
    _sdr(client, "OTHER")
    srv.model.add_fault({"qmgr": "QM1", "kind": "stuck", "qualifier": "CHANNEL", "name": "TO.*"})
    client.ok("START", "CHANNEL", "TO.QM2")
    client.ok("START", "CHANNEL", "OTHER")
    clock.advance(3600)
    assert client.status_of("CHSTATUS", "TO.QM2") == ["BINDING"] and client.status_of("CHSTATUS", "OTHER") == ["RUNNING"]
    client.ok("STOP", "CHANNEL", "TO.QM2")  # a stop that begins while stuck stays STOPPING
    clock.advance(3600)
    assert client.status_of("CHSTATUS", "TO.QM2") == ["STOPPING"]
    srv.model.clear_faults()
    assert client.status_of("CHSTATUS", "TO.QM2") == ["STOPPED"]


def test_stuck_fault_on_another_qmgr_or_added_later_does_not_apply(srv, client, clock):
    srv.model.set_timing("fast")
    _sdr(client)
    srv.model.add_fault({"qmgr": "QM2", "kind": "stuck", "qualifier": "CHANNEL", "name": "*"})
    client.ok("START", "CHANNEL", "TO.QM2")
    clock.advance(0.15)
    srv.model.add_fault({"qmgr": "QM1", "kind": "stuck", "qualifier": "CHANNEL", "name": "*"})  # the transition already began
    clock.advance(1)
    assert client.status_of("CHSTATUS", "TO.QM2") == ["RUNNING"]


def test_listener_phases(srv, client, clock):
    srv.model.set_timing("fast")  # listener_start 0.2, listener_stop 0.1
    client.ok("DEFINE", "LISTENER", "L1", params={"trptype": "TCP", "port": 1501})
    client.ok("START", "LISTENER", "L1")
    _timeline(client, clock, "LSSTATUS", "L1", [(0.1, ["STARTING"]), (0.2, ["RUNNING"]), (3600, ["RUNNING"])])
    client.fails(3233, "START", "LISTENER", "L1")
    client.ok("STOP", "LISTENER", "L1")
    _timeline(client, clock, "LSSTATUS", "L1", [(0.05, ["STOPPING"]), (0.1, 3250)])  # a stopped listener has no record
    client.fails(3234, "STOP", "LISTENER", "L1")
    client.ok("DELETE", "LISTENER", "L1")


@pytest.mark.parametrize("mode,late", [("vanish", 3250), ("starting", ["STARTING"]), ("ignore", ["RUNNING"])])
def test_listener_port_conflict_modes(srv, client, clock, mode, late):
    srv.model.set_timing("fast")
    srv.model.set_config(listener_port_conflict=mode)
    client.ok("DEFINE", "LISTENER", "CLASH", params={"trptype": "TCP", "port": 1414})  # DEV.LISTENER.TCP holds 1414
    client.ok("START", "LISTENER", "CLASH")
    _timeline(client, clock, "LSSTATUS", "CLASH", [(0.1, ["STARTING"]), (0.2, late), (86400, late)])
    assert client.status_of("LSSTATUS", "DEV.LISTENER.TCP") == ["RUNNING"]


def test_port_zero_and_other_qmgr_never_clash(srv, client, clock):
    srv.model.set_timing("fast")
    for name in ("Z1", "Z2"):
        client.ok("DEFINE", "LISTENER", name, params={"trptype": "TCP"})  # PORT(0)
        client.ok("START", "LISTENER", name)
    for qmgr in ("QM1", "QM2"):  # the same port on two hosts (QM2 runs on qm2host; clashes are per host)
        client.ok("DEFINE", "LISTENER", "L1600", params={"trptype": "TCP", "port": 1600}, qmgr=qmgr)
        client.ok("START", "LISTENER", "L1600", qmgr=qmgr)
    clock.advance(1)
    assert [r["status"] for r in client.ok("DISPLAY", "LSSTATUS", "Z*")] == ["RUNNING", "RUNNING"]
    for qmgr in ("QM1", "QM2"):
        assert client.ok("DISPLAY", "LSSTATUS", "L1600", qmgr=qmgr)[0]["status"] == "RUNNING"


def test_listener_port_freed_by_stop_can_be_reused(srv, client, clock):
    srv.model.set_timing("fast")
    client.ok("STOP", "LISTENER", "DEV.LISTENER.TCP")
    clock.advance(1)
    client.ok("DEFINE", "LISTENER", "NEW", params={"trptype": "TCP", "port": 1414})
    client.ok("START", "LISTENER", "NEW")
    _timeline(client, clock, "LSSTATUS", "NEW", [(1, ["RUNNING"])])


def test_service_phases_and_missing_program(srv, client, clock):
    srv.model.set_timing("fast")  # service_start 0.2, service_stop 0.1
    client.ok("DEFINE", "SERVICE", "GOOD", params={"servtype": "SERVER", "startcmd": "+MQ_INSTALL_PATH+/bin/amqsx", "stopcmd": "/opt/mqm/x"})
    client.ok("DEFINE", "SERVICE", "BAD", params={"servtype": "SERVER", "startcmd": "/no/such/program", "stopcmd": "/bin/true"})
    client.ok("START", "SERVICE", "GOOD")
    client.ok("START", "SERVICE", "BAD")
    clock.advance(0.1)
    assert client.status_of("SVSTATUS", "GOOD") == ["STARTING"] and client.status_of("SVSTATUS", "BAD") == ["STARTING"]
    clock.advance(0.2)
    assert client.status_of("SVSTATUS", "GOOD") == ["RUNNING"]
    client.fails(3252, "DISPLAY", "SVSTATUS", "BAD")  # the program does not exist: it never reaches RUNNING
    clock.advance(86400)
    client.fails(3252, "DISPLAY", "SVSTATUS", "BAD")
    client.fails(3253, "STOP", "SERVICE", "BAD")
    client.ok("STOP", "SERVICE", "GOOD")
    _timeline(client, clock, "SVSTATUS", "GOOD", [(0.05, ["STOPPING"]), (0.1, 3252)])


def test_service_stuck_fault(srv, client, clock):
    srv.model.set_timing("fast")
    client.ok("DEFINE", "SERVICE", "SV", params={"servtype": "SERVER", "startcmd": "/opt/mqm/bin/x", "stopcmd": "/opt/mqm/bin/y"})
    fault = srv.model.add_fault({"kind": "stuck", "qualifier": "service", "name": "SV"})
    client.ok("START", "SERVICE", "SV")
    clock.advance(3600)
    assert client.status_of("SVSTATUS", "SV") == ["STARTING"]
    assert srv.model.list_faults() == [fault]  # stuck faults are never consumed
    srv.model.clear_faults()
    assert client.status_of("SVSTATUS", "SV") == ["RUNNING"]


def test_qmgr_start_timeline_and_control_objects(srv, client, clock):
    srv.model.set_timing("fast")  # qmgr_start 0.3, listener_start 0.2, service_start 0.2
    client.ok("DEFINE", "LISTENER", "AUTO.L", params={"trptype": "TCP", "port": 1600, "control": "STARTONLY"})
    client.ok("DEFINE", "LISTENER", "MANUAL.L", params={"trptype": "TCP", "port": 1601})
    client.ok("START", "LISTENER", "MANUAL.L")
    client.ok("DEFINE", "SERVICE", "AUTO.S", params={"servtype": "SERVER", "control": "QMGR", "startcmd": "/opt/mqm/bin/x"})
    client.ok("DEFINE", "SERVICE", "AUTO.CMD", params={"control": "QMGR", "startcmd": "/opt/mqm/bin/x"})  # COMMAND: no status
    clock.advance(1)
    assert client.ctl("POST", "qmgr/QM1/stop", {}) == (200, {"name": "QM1", "state": "ended"})
    assert client.ctl("POST", "qmgr/QM1/start", {}) == (200, {"name": "QM1", "state": "starting"})  # default: timing qmgr_start
    clock.advance(0.15)
    status, body = client.mqsc("DISPLAY", "QMSTATUS")
    assert status == 503 and body["error"][0]["msgId"] == "MQWB0009E"
    assert client.ctl("GET", "qmgr")[1]["qmgr"][0] == {"name": "QM1", "state": "starting"}
    clock.advance(0.2)  # running since 0.05 s: CONTROL objects started when the qmgr reached running
    assert client.status_of("LSSTATUS", "DEV.LISTENER.TCP") == ["STARTING"]
    assert client.status_of("LSSTATUS", "AUTO.L") == ["STARTING"]
    assert client.status_of("SVSTATUS", "AUTO.S") == ["STARTING"]
    clock.advance(0.2)
    assert [r["listener"] for r in client.ok("DISPLAY", "LSSTATUS", "*")] == ["AUTO.L", "DEV.LISTENER.TCP"]  # not MANUAL.L
    assert client.status_of("SVSTATUS", "AUTO.S") == ["RUNNING"]
    client.fails(3252, "DISPLAY", "SVSTATUS", "AUTO.CMD")


def test_restart_via_control_api_timeline(srv, client, clock):
    srv.model.set_timing("fast")
    assert client.ctl("POST", "qmgr/QM1/restart", {"down": 1.0, "starting": 1.0}) == (200, {"name": "QM1", "state": "ended"})
    clock.advance(0.5)
    assert client.mqsc("DISPLAY", "QMGR")[0] == 503 and srv.model.qmgr_state("QM1") == "ended"
    clock.advance(1.0)
    assert client.mqsc("DISPLAY", "QMGR")[0] == 503 and srv.model.qmgr_state("QM1") == "starting"
    clock.advance(1.0)
    assert srv.model.qmgr_state("QM1") == "running"
    client.ok("DISPLAY", "QMGR")
    assert client.mqsc("DISPLAY", "QMGR", qmgr="QM2")[0] == 200  # the other queue manager never went down


def test_svrconn_clients_and_stop_timeline(srv, client, clock):
    srv.model.set_timing("fast")
    assert client.ctl("POST", "qmgr/QM1/channel/DEV.APP.SVRCONN/clients", {"count": 2}) == (200, {"channel": "DEV.APP.SVRCONN", "count": 2})
    assert client.status_of("CHSTATUS", "DEV.APP.SVRCONN") == ["RUNNING", "RUNNING"]
    client.ok("STOP", "CHANNEL", "DEV.APP.SVRCONN")
    _timeline(client, clock, "CHSTATUS", "DEV.APP.SVRCONN", [(0.05, ["STOPPING"]), (0.2, ["STOPPED"])])
    assert client.ok("DISPLAY", "QMSTATUS", resp=["conns"])[0]["conns"] == 22  # clients are gone
