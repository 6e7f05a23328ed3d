# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_qmgr_wait against the in-process emulator; the queue manager is ended and restarted through the control API.

No assertion depends on how fast the emulator or this machine is: the helper thread acts only once the journal shows
that the module has judged the milestone it is about to satisfy, and the only time bound asserted is one the control
API sets (a queue manager kept down, then starting, for 0.8 s after ``since`` cannot be running before).
"""

from __future__ import annotations

import threading
import time

import pytest

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import control  # pylint: disable=import-error

ALL = ["running", "command_server", "channel_initiator", "listeners", "channels", "connections"]
OBJECTS = {"listeners": [{"name": "APP.QMGR.LSTR", "port": 1601, "control": "qmgr", "state": "started"},
                         {"name": "APP.MANUAL.LSTR", "port": 1602, "control": "manual", "state": "started"}],
           "channels": [{"name": "QM1.TO.QM2", "type": "sdr", "conname": "partner(1414)", "xmitq": "XQ", "state": "started"},
                        {"name": "APP.SVRCONN", "type": "svrconn"}]}


def after_module_reads(mq, *steps):
    """In a thread, for each (verb, qualifier, action): wait until the module (user admin) sent that DISPLAY once more
    than when the step began, then act. So the module has judged a milestone not reached before the action reaches it."""
    def count(qualifier, reason=None):
        return sum(1 for e in mq.model.journal("QM1") if e["user"] == "admin" and e["qualifier"] == qualifier
                   and (reason is None or e["reason_code"] == reason))

    def run():
        for qualifier, reason, action in steps:
            seen, deadline = count(qualifier, reason), time.monotonic() + 30
            while count(qualifier, reason) <= seen and time.monotonic() < deadline:
                time.sleep(0.02)
            action()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def restart_ready(mq, run_module):
    """QM1 with a CONTROL(QMGR) and a MANUAL listener, a running sender, 5 clients, a linear log with LOGINUSE 40."""
    assert not run_module("mq_objects", **OBJECTS).get("failed")
    mq.model.attach_clients("QM1", "APP.SVRCONN", 5)
    control(mq, "POST", "/qmgr/QM1/qmstatus", {"logtype": "LINEAR", "recsz": 42, "loginuse": 40, "logutil": 35})
    mq.model.clear_journal()
    mq.model.clear_requests()


def test_capture_reads_the_baseline_with_few_displays(mq, run_module, restart_ready):
    result = run_module("mq_qmgr_wait", capture=True)
    base = result["baseline"]
    assert result["changed"] is False and result["state"] == "running"
    assert base["qmgr"] == "QM1" and base["state"] == "running"
    assert abs(base["captured_at"] - time.time()) < 600
    assert (base["loginuse"], base["logutil"], base["logtype"], base["recsz"]) == (40, 35, "LINEAR", 42)
    assert base["connections"] == 22 + 5  # the emulator's own CONNS plus the five clients
    assert base["listeners"] == ["APP.MANUAL.LSTR", "APP.QMGR.LSTR"]
    assert base["services"] == []
    # Client channels are counted in connections, not listed; a sender is not inbound.
    assert base["channels"] == [{"name": "QM1.TO.QM2", "type": "SDR", "status": "RUNNING", "inbound": False}]
    assert base["manual"] == {"listeners": ["APP.MANUAL.LSTR"], "services": []}
    journal = mq.model.journal("QM1")
    assert [(e["command"], e["qualifier"], e["name"]) for e in journal] == [
        ("DISPLAY", "QMSTATUS", None), ("DISPLAY", "LSSTATUS", "*"), ("DISPLAY", "CHSTATUS", "*"), ("DISPLAY", "SVSTATUS", "*"),
        ("DISPLAY", "LISTENER", "APP.*")]  # no DISPLAY SERVICE: no service runs
    assert result["requests"] == control(mq, "GET", "/requests")["total"] == len(journal) + 1  # + GET /admin/qmgr


def test_capture_refuses_a_queue_manager_that_is_not_running(mq, run_module):
    control(mq, "POST", "/qmgr/QM1/stop")
    result = run_module("mq_qmgr_wait", capture=True)
    assert result["failed"] is True
    assert "a baseline needs a running queue manager: QM1 is ended" in result["msg"]


def test_restart_milestones_are_reached_in_order_and_timed_from_since(mq, run_module, restart_ready, operator):
    base = run_module("mq_qmgr_wait", capture=True)["baseline"]
    since = time.time()
    # Ended 0.5 s, starting 0.3 s; then the command server answers 3204 until the helper clears the fault. The MANUAL
    # listener, the sender and the clients come back only when the helper starts and reconnects them (as the role and the
    # applications would): the emulator triggers nothing.
    control(mq, "POST", "/faults", {"kind": "cmdserv_down", "qmgr": "QM1"})
    # The emulator's clients reconnect by themselves after a restart; an hour's delay leaves that to the helper here.
    control(mq, "POST", "/timing", {"client_reconnect_delay": 3600})
    control(mq, "POST", "/qmgr/QM1/restart", {"down": 0.5, "starting": 0.3})
    mq.model.clear_journal()
    mq.model.clear_requests()
    helper = after_module_reads(
        mq,
        ("QMSTATUS", 3008, lambda: control(mq, "DELETE", "/faults")),  # 3204 answered (overall 2/3008)
        ("LSSTATUS", None, lambda: operator("START LISTENER(APP.MANUAL.LSTR)")),
        ("CHSTATUS", None, lambda: operator("START CHANNEL(QM1.TO.QM2)")),
        ("QMSTATUS", None, lambda: mq.model.attach_clients("QM1", "APP.SVRCONN", 5)),
    )
    result = run_module("mq_qmgr_wait", baseline=base, since=since, poll_interval=0.2, wait_timeout=60, _ansible_check_mode=True)
    helper.join(5)
    assert not result.get("failed"), result["msg"]
    assert result["changed"] is False and result["state"] == "running"
    milestones = result["milestones"]
    assert [m["name"] for m in milestones] == ALL
    assert all(m["reached"] and m["skipped"] is None for m in milestones), milestones
    times = [m["elapsed_seconds"] for m in milestones]
    assert times == sorted(times)
    assert times[0] >= 0.8  # the control API kept it ended, then starting, for 0.8 s after since
    assert result["elapsed_seconds"] >= times[-1]
    # Each of these was judged not reached before the helper made it true.
    for name in ("command_server", "listeners", "channels", "connections"):
        assert milestones[ALL.index(name)]["polls"] > 1, name
    assert milestones[ALL.index("connections")]["last_seen"] == "CONNS 27 (waiting for 25)"
    journal = mq.model.journal("QM1")
    mine = [e for e in journal if e["user"] == "admin"]
    # Read only, in check mode too; nothing went to /mqsc before GET /admin/qmgr showed the queue manager running.
    assert not any(e["mutating"] for e in mine)
    assert all(e["http_status"] == 200 for e in mine)
    assert result["requests"] == control(mq, "GET", "/requests")["total"]  # the operator's commands are in-process, not HTTP
    assert result["requests"] <= result["polls"] + len(ALL)


def test_capture_with_milestones_waits_then_reads_what_runs(mq, run_module, restart_ready):
    before = run_module("mq_qmgr_wait", capture=True)["baseline"]
    since = time.time()
    control(mq, "POST", "/qmgr/QM1/restart", {"down": 0.5, "starting": 0.3})
    mq.model.clear_requests()
    result = run_module("mq_qmgr_wait", capture=True, milestones=["running", "command_server", "channel_initiator", "listeners"],
                        baseline=before, listeners=["APP.QMGR.LSTR"], since=since, poll_interval=0.2, wait_timeout=30)
    assert not result.get("failed"), result.get("msg")
    assert [(m["name"], m["reached"]) for m in result["milestones"]] == [
        ("running", True), ("command_server", True), ("channel_initiator", True), ("listeners", True)]
    after = result["baseline"]
    # Read after the wait: the control API kept the queue manager down for 0.8 s after since. The MANUAL listener and the
    # sender did not come back by themselves, and this baseline says so.
    assert after["captured_at"] - since >= 0.8 and after["state"] == "running" == result["state"]
    assert (after["listeners"], after["channels"]) == (["APP.QMGR.LSTR"], [])
    assert result["requests"] == control(mq, "GET", "/requests")["total"]  # the wait's and the capture's, one task


def test_capture_after_a_wait_that_times_out_reads_nothing(mq, run_module):
    result = run_module("mq_qmgr_wait", capture=True, milestones=["listeners"], listeners=["NOT.THERE"], poll_interval=0.2, wait_timeout=0.5)
    assert result["failed"] is True and "did not reach listeners" in result["msg"], result["msg"]
    assert "baseline" not in result and result["milestones"][0]["reached"] is False


def test_timeout_names_the_milestone_what_was_seen_and_what_was_reached(mq, run_module):
    result = run_module("mq_qmgr_wait", listeners=["NOT.STARTED"], channels=[], wait_timeout=0.6, poll_interval=0.2)
    assert result["failed"] is True
    msg = result["msg"]
    assert msg.startswith("queue manager QM1 did not reach listeners within 0.6s (last seen: not running: NOT.STARTED "
                          "(no status record)); reached: running after ")
    assert "command_server after " in msg and "channel_initiator after " in msg
    assert "skipped: channels (channels is empty), connections (no baseline: connections_share is a share of the baseline's CONNS)" in msg
    by_name = {m["name"]: m for m in result["milestones"]}
    assert [m["name"] for m in result["milestones"]] == ALL
    assert by_name["listeners"]["reached"] is False and by_name["listeners"]["elapsed_seconds"] is None
    assert by_name["listeners"]["polls"] >= 2  # judged again at the deadline
    assert by_name["running"]["reached"] is True and by_name["running"]["elapsed_seconds"] is not None
    assert result["changed"] is False and result["requests"] >= result["polls"]


def test_timeout_while_down_reports_the_state(mq, run_module):
    control(mq, "POST", "/qmgr/QM1/stop", {"mode": "immediate"})
    result = run_module("mq_qmgr_wait", wait_timeout=0.5, poll_interval=0.2)
    assert result["failed"] is True
    assert "did not reach running within 0.5s (last seen: state endedImmediately); reached: none" in result["msg"]
    assert result["state"] == "endedImmediately"
    assert mq.model.journal("QM1") == []  # only GET /admin/qmgr while it is down
    assert control(mq, "GET", "/requests")["qmgr"] == result["requests"] == result["polls"]


def test_without_a_baseline_the_milestones_that_need_one_are_skipped_not_passed(mq, run_module):
    result = run_module("mq_qmgr_wait")
    assert not result.get("failed"), result.get("msg")
    skipped = {m["name"]: m["skipped"] for m in result["milestones"]}
    assert skipped == {"running": None, "command_server": None, "channel_initiator": None,
                       "listeners": "no baseline and no listeners given", "channels": "no baseline and no channels given",
                       "connections": "no baseline: connections_share is a share of the baseline's CONNS"}
    assert [m["reached"] for m in result["milestones"]] == [True, True, True, False, False, False]
    assert {e["qualifier"] for e in mq.model.journal("QM1")} == {"QMSTATUS"}  # one QMSTATUS served two milestones
    assert result["requests"] == 2 and result["polls"] == 1


def test_a_baseline_with_nothing_running_skips_with_that_reason(mq, run_module):
    base = {"qmgr": "QM1", "listeners": [], "channels": [{"name": "TO.QM3", "type": "SDR", "status": "RETRYING", "inbound": False}],
            "connections": 0}
    result = run_module("mq_qmgr_wait", baseline=base, milestones=["listeners", "channels", "connections", "running"])
    assert [(m["name"], m["skipped"]) for m in result["milestones"]] == [
        ("running", None), ("listeners", "no listener was RUNNING in the baseline"),
        ("channels", "no channel was RUNNING in the baseline"), ("connections", "the baseline had no connections")]


def test_ended_waits_for_the_stop(mq, run_module):
    def stop_once_polled():
        deadline = time.monotonic() + 30
        while mq.model.requests()["qmgr"] < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        control(mq, "POST", "/qmgr/QM1/stop")
    threading.Thread(target=stop_once_polled, daemon=True).start()
    result = run_module("mq_qmgr_wait", state="ended", poll_interval=0.2, wait_timeout=30)
    assert not result.get("failed"), result.get("msg")
    (ended,) = result["milestones"]
    assert (ended["name"], ended["reached"], ended["last_seen"], ended["skipped"]) == ("ended", True, "state ended", None)
    assert ended["polls"] >= 2 and ended["elapsed_seconds"] > 0  # seen running first
    assert result["state"] == "ended"
    assert mq.model.journal("QM1") == []


def test_the_deadline_is_wait_timeout_as_in_every_other_module_and_timeout_an_alias(mq, run_module):
    # Issue 21, item 13: one name for the deadline everywhere; the first name stays an alias.
    for option in ("wait_timeout", "timeout"):
        result = run_module("mq_qmgr_wait", state="ended", poll_interval=0.2, **{option: 0.4})
        assert "did not reach ended within 0.4s" in result["msg"], result["msg"]
    result = run_module("mq_qmgr_wait", state="ended", poll_interval=0.2, timeout=0)
    assert "wait_timeout=0.0 must be greater than 0" in result["msg"], result["msg"]


def test_ended_is_not_reached_while_the_queue_manager_runs(mq, run_module):
    result = run_module("mq_qmgr_wait", state="ended", poll_interval=0.2, wait_timeout=0.4)
    assert result["failed"] is True
    assert "did not reach ended within 0.4s (last seen: state running)" in result["msg"]


@pytest.mark.parametrize("options,rule", [
    ({"poll_interval": 0.1}, "poll_interval=0.1 must be at least 0.2 seconds"),
    ({"wait_timeout": 0}, "wait_timeout=0.0 must be greater than 0"),
    ({"connections_share": 1.5}, "connections_share=1.5 must be between 0 and 1"),
    ({"milestones": ["running", "running"]}, "milestones=['running', 'running'] must name each milestone once"),
    ({"milestones": ["replayed"]}, "milestones"),
    ({"capture": True, "baseline": {"qmgr": "QM1"}}, "capture=true waits only for the milestones given: add milestones or drop baseline"),
    ({"capture": True, "state": "ended"}, "capture=true reads what runs: drop state=ended"),
    ({"capture": True, "state": "ended", "milestones": ["running"]}, "capture=true reads what runs: drop state=ended"),
    ({"state": "ended", "listeners": ["L"]}, "state=ended waits for the queue manager to end; listeners apply to state=started"),
    ({"baseline": {"qmgr": "QM2"}}, "baseline is of queue manager 'QM2', not qmgr='QM1'"),
    ({"baseline": {"qmgr": "QM1", "listeners": "APP.LSTR"}}, "baseline.listeners must be a list"),
    ({"baseline": {"qmgr": "QM1", "channels": ["TO.QM2"]}}, "baseline.channels must be a list of {name, type, status}"),
    ({"baseline": {"qmgr": "QM1", "connections": "many"}}, "baseline.connections='many' must be the CONNS count"),
    ({"listeners": ["BAD NAME"]}, "listeners='BAD NAME' is not a valid listener name"),
    ({"since": time.time() + 3600}, "is later than now"),
    ({"since": -5}, "since=-5.0 must be epoch seconds"),
])
def test_bad_input_fails_before_any_request(mq, run_module, options, rule):
    result = run_module("mq_qmgr_wait", **options)
    assert result["failed"] is True
    assert rule in result["msg"], result["msg"]
    assert result.get("changed", False) is False
    assert control(mq, "GET", "/requests")["total"] == 0
