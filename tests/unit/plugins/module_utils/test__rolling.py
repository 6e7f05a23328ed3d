# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""One queue manager's rolling restart in one run, against the emulator: the report names every declared target."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._ensure import ensure_present
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError
from ansible_collections.mqrest.admin.plugins.module_utils._types import CHANNEL, LISTENER
from ansible_collections.mqrest.admin.plugins.module_utils._restart import run_operation
from ansible_collections.mqrest.admin.plugins.module_utils._rolling import RollingRestart
from ansible_collections.mqrest.admin.plugins.module_utils._runtime import ObjectRuntime
from ansible_collections.mqrest.admin.plugins.module_utils._waiter import WaitPolicy

POLICY = dict(timeout=5, poll_interval=0.1)
HEALTH = {"checks": 2, "interval": 0.05, "timeout": 5}


def setup(client):
    """Three running senders, one stopped listener and one running listener."""
    for name in ("APP.TO.A", "APP.TO.B", "APP.TO.C"):
        ensure_present(client, CHANNEL, name, {"CHLTYPE": "SDR", "CONNAME": "partner(1414)", "XMITQ": "XQ"})
    run_operation(ObjectRuntime(client, CHANNEL, WaitPolicy(**POLICY)), [(n, "SDR") for n in ("APP.TO.A", "APP.TO.B", "APP.TO.C")], "start")
    for name, port in (("APP.L1", 1701), ("APP.L2", 1702)):
        ensure_present(client, LISTENER, name, {"TRPTYPE": "TCP", "PORT": port})
    run_operation(ObjectRuntime(client, LISTENER, WaitPolicy(**POLICY)), [("APP.L1", None)], "start")


def rolling(client, targets, **kw):
    kw.setdefault("health", HEALTH)
    kw.setdefault("preflight", {"retrying_channels": True, "max_logutil": 90})
    return RollingRestart(client, targets, WaitPolicy(**POLICY), {}, **kw)


TARGETS = [{"type": "channel", "names": ["APP.TO.*"], "parallel": False}, {"type": "listener", "names": ["APP.L*"]}]


def actions(result):
    return [(r["type"], r["name"], r["action"]) for r in result["report"]]


def test_every_declared_target_is_reported_and_only_successes_count(mq, client_factory, mutations):
    client = client_factory()
    setup(client)
    mq.model.clear_journal()
    result = rolling(client, TARGETS).run()
    assert actions(result) == [("channel", "APP.TO.A", "restarted"), ("channel", "APP.TO.B", "restarted"), ("channel", "APP.TO.C", "restarted"),
                               ("listener", "APP.L1", "restarted"), ("listener", "APP.L2", "not running before (left as is)")]
    assert result["summary"] == {"declared": 5, "restarted": 4, "started": 0, "not_running_before": 1, "not_attempted": 0, "failed": 0,
                                 "would_restart": 0, "left_not_running": 0}
    assert [r["status_after"] for r in result["report"]] == ["RUNNING"] * 4 + ["no status record"]
    assert result["health_checks"] == 2 and result["failure"] is None
    # Priority order; the stopped listener is never touched.
    assert [(e["command"], e["name"]) for e in mutations()] == [
        ("STOP", "APP.TO.A"), ("START", "APP.TO.A"), ("STOP", "APP.TO.B"), ("START", "APP.TO.B"), ("STOP", "APP.TO.C"),
        ("START", "APP.TO.C"), ("STOP", "APP.L1"), ("START", "APP.L1")]


def test_start_not_running_starts_what_was_stopped(mq, client_factory):
    client = client_factory()
    setup(client)
    result = rolling(client, TARGETS, start_not_running=True).run()
    assert actions(result)[-1] == ("listener", "APP.L2", "started (was not running)")
    assert result["summary"]["started"] == 1 and result["report"][-1]["status_after"] == "RUNNING"


def test_a_failure_stops_there_recovers_and_names_what_was_not_attempted(mq, client_factory, mutations):
    client = client_factory()
    setup(client)
    # B cannot reach its partner once restarted: it goes RETRYING.
    ensure_present(client, CHANNEL, "APP.TO.B", {"CHLTYPE": "SDR", "CONNAME": "partner.invalid(1414)", "XMITQ": "XQ"})
    mq.model.clear_journal()
    with pytest.raises(MQError) as info:
        rolling(client, TARGETS).run()
    result = info.value.result
    assert actions(result) == [("channel", "APP.TO.A", "restarted"), ("channel", "APP.TO.B", "failed"),
                               ("channel", "APP.TO.C", "not attempted (an earlier object failed)"),
                               ("listener", "APP.L1", "not attempted (an earlier object failed)"),
                               ("listener", "APP.L2", "not running before (left as is)")]
    assert "RETRYING" in result["report"][1]["reason"]
    assert result["summary"]["restarted"] == 1 and result["summary"]["failed"] == 1 and result["summary"]["not_attempted"] == 2
    assert result["left_not_running"] == ["channel APP.TO.B (RETRYING)"]
    assert info.value.msg.startswith("restart failed: ") and "Left not running: channel APP.TO.B (RETRYING)" in info.value.msg
    # C and L1 were never stopped; recovery sent no START to what was running.
    assert {e["name"] for e in mutations()} == {"APP.TO.A", "APP.TO.B"}


def test_check_mode_plans_and_sends_nothing(mq, client_factory, mutations):
    setup(client_factory())
    client = client_factory(check_mode=True)
    mq.model.clear_journal()
    result = rolling(client, TARGETS).run()
    assert [a for _t, _n, a in actions(result)] == ["would restart (check mode)"] * 4 + ["not running before (left as is)"]
    assert mutations() == [] and len(client.sent) == 8
    assert result["summary"]["would_restart"] == 4 and result["summary"]["restarted"] == 0


CLNT = [{"type": "channel", "names": ["APP.TO.A", "X.CLNT"]}]


def retrying(client, name):
    """A sender that cannot reach its partner: RETRYING once started."""
    ensure_present(client, CHANNEL, name, {"CHLTYPE": "SDR", "CONNAME": "partner.invalid(1414)", "XMITQ": "XQ"})
    runtime = ObjectRuntime(client, CHANNEL, WaitPolicy(enabled=False))
    runtime.run("start", [(name, "SDR", None)])


def add_clntconn(mq, client):
    ensure_present(client, CHANNEL, "X.CLNT", {"CHLTYPE": "CLNTCONN", "CONNAME": "h(1)"})


@pytest.mark.parametrize("targets,prepare,options,message", [
    ([{"type": "channel", "names": ["NOPE.*"]}], None, {}, "no such object on the queue manager: channel NOPE.*"),
    (TARGETS, lambda mq, client: mq.model.set_qmstatus("QM1", logutil=95), {}, "LOGUTIL is 95%, above the limit of 90%"),
    (TARGETS, lambda mq, client: retrying(client, "X.TO.NOWHERE"), {},
     "already failing, the queue manager is degraded: channel X.TO.NOWHERE (RETRYING)"),
    # Named explicitly and to be started: refused before the first target is restarted.
    (CLNT, add_clntconn, {"start_not_running": True}, "channel X.CLNT: a clntconn channel cannot be started"),
])
def test_refusals_come_before_any_change(mq, client_factory, mutations, targets, prepare, options, message):
    client = client_factory()
    setup(client)
    if prepare:
        prepare(mq, client)
    mq.model.clear_journal()
    with pytest.raises(MQError) as info:
        rolling(client, targets, **options).run()
    assert message in info.value.msg
    assert info.value.msg.startswith("preflight failed: ")
    assert mutations() == []
    # Every declared target is in the report, not attempted, with the preflight's reason (issue 21, item 6).
    report = info.value.result["report"]
    declared = {"channel": ["APP.TO.A", "APP.TO.B", "APP.TO.C"], "listener": ["APP.L1", "APP.L2"]} if targets is TARGETS else \
        {"channel": ["NOPE.*"]} if targets[0]["names"] == ["NOPE.*"] else {"channel": ["APP.TO.A", "X.CLNT"]}
    assert [(r["type"], r["name"]) for r in report] == [(kind, name) for kind, names in declared.items() for name in names]
    reason = info.value.msg[len("preflight failed: "):]
    assert {r["action"] for r in report} == {"not attempted (preflight: {0})".format(reason)}
    summary = info.value.result["summary"]
    assert (summary["declared"], summary["not_attempted"], summary["not_running_before"]) == (len(report), len(report), 0)


def test_a_preflight_that_cannot_read_still_names_every_declared_target(mq, client_factory, mutations):
    client = client_factory()
    setup(client)
    mq.model.stop_qmgr("QM1", "immediate")
    mq.model.clear_journal()
    with pytest.raises(MQError) as info:
        rolling(client, TARGETS).run()
    reason = info.value.msg[len("preflight failed: "):]
    assert info.value.msg.startswith("preflight failed: ") and "503" in reason
    # The read failed, so the declared names themselves are the targets.
    assert [(r["type"], r["name"], r["action"], r["status_before"]) for r in info.value.result["report"]] == [
        ("channel", "APP.TO.*", "not attempted (preflight: {0})".format(reason), None),
        ("listener", "APP.L*", "not attempted (preflight: {0})".format(reason), None)]
    assert info.value.result["summary"]["declared"] == 2 and mutations() == []


def test_a_clntconn_that_is_not_to_be_started_is_reported_as_not_running(mq, client_factory):
    client = client_factory()
    setup(client)
    add_clntconn(mq, client)
    assert actions(rolling(client, CLNT).run())[-1] == ("channel", "X.CLNT", "not running before (left as is)")


# wait_for_partner: QM2 is the queue manager restarted; QM1's sender APP.TO.QM2 keeps its receiver on QM2 RUNNING. Seen
# from QM2 alone, the partner is back when the receiver shows a RUNNING instance again (conftest NETWORK: QM2 listens on
# host "partner"). SHORTTMR 1000 MQ seconds is 1 s in the zero timing profile: the sender's retry comes well after the
# health gate's first read, so the gate has to wait for it.
PARTNER = [{"type": "channel", "names": ["APP.TO.QM2"], "wait_for_partner": True}]


def connected_pair(client_factory, sender=None):
    qm1, qm2 = client_factory(), client_factory(qmgr="QM2")
    ensure_present(qm2, CHANNEL, "APP.TO.QM2", {"CHLTYPE": "RCVR"})
    ensure_present(qm1, CHANNEL, "APP.TO.QM2", dict({"CHLTYPE": "SDR", "CONNAME": "partner(1414)", "XMITQ": "XQ", "SHORTTMR": 1000},
                                                    **(sender or {})))
    run_operation(ObjectRuntime(qm1, CHANNEL, WaitPolicy(**POLICY)), [("APP.TO.QM2", "SDR")], "start")
    assert ObjectRuntime(qm2, CHANNEL).statuses(["APP.TO.QM2"])["APP.TO.QM2"][0]["status"] == "RUNNING"
    return qm1, qm2


def test_wait_for_partner_waits_until_the_partner_reconnected_and_says_when(mq, client_factory):
    _qm1, qm2 = connected_pair(client_factory)
    result = rolling(qm2, PARTNER, health={"checks": 2, "interval": 0.05, "timeout": 10}).run()
    row = result["report"][0]
    assert row["action"] == "restarted" and row["status_after"] == "RUNNING"
    # Restarting the receiver ended the connection: the partner's sender went RETRYING and came back.
    assert result["health_checks"] > 2 and row["partner_back_seconds"] > 0
    assert mq.model.channel_status("QM1", "APP.TO.QM2")["instances"][0]["status"] == "RUNNING"


def test_without_wait_for_partner_the_gate_passes_before_the_partner_is_back(mq, client_factory):
    _qm1, qm2 = connected_pair(client_factory)
    result = rolling(qm2, [dict(PARTNER[0], wait_for_partner=False)]).run()
    assert result["health_checks"] == 2 and result["report"][0]["partner_back_seconds"] is None
    assert result["report"][0]["status_after"] == "no status record"


def test_a_partner_that_does_not_come_back_fails_the_gate(mq, client_factory):
    # No retries left: once its receiver is restarted, the sender stops instead of retrying.
    _qm1, qm2 = connected_pair(client_factory, {"SHORTRTY": 0, "LONGRTY": 0})
    with pytest.raises(MQError) as info:
        rolling(qm2, PARTNER, health={"checks": 2, "interval": 0.05, "timeout": 0.3}).run()
    assert info.value.msg.startswith(
        "health failed: not healthy within 0.3s: channel APP.TO.QM2 (no status record; its partner has not reconnected)")
    assert info.value.result["report"][0]["partner_back_seconds"] is None


@pytest.mark.parametrize("targets,message,requests", [
    ([{"type": "listener", "names": ["APP.L1"], "wait_for_partner": True}],
     "targets[0].wait_for_partner=true: a listener has no partner channel", 0),
    ([{"type": "channel", "names": ["APP.TO.A"], "wait_for_partner": True}],
     "targets[0].wait_for_partner=true: channel APP.TO.A: a sdr channel is not started by a partner channel: it connects to "
     "its partner itself, so the health gate already requires it RUNNING; wait_for_partner applies to clusrcvr, rcvr channels", None),
    ([{"type": "channel", "names": ["APP.SVRCONN"], "wait_for_partner": True}],
     "a svrconn channel is not started by a partner channel: its clients reconnect at their own pace", None),
])
def test_wait_for_partner_is_refused_where_no_partner_channel_reconnects(mq, client_factory, mutations, targets, message, requests):
    client = client_factory()
    setup(client)
    ensure_present(client, CHANNEL, "APP.SVRCONN", {"CHLTYPE": "SVRCONN"})
    mq.model.clear_journal()
    mq.model.clear_requests()
    with pytest.raises(MQError) as info:
        rolling(client, targets).run()
    assert message in info.value.msg and info.value.msg.startswith("preflight failed: ")
    assert mutations() == []
    if requests is not None:
        assert mq.model.requests()["total"] == requests
