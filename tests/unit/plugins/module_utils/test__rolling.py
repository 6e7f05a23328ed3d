# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""One queue manager's rolling restart in one run, against the emulator: the report names every declared target."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._ensure import ensure_present
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError
from ansible_collections.mqrest.admin.plugins.module_utils._objects import CHANNEL, LISTENER
from ansible_collections.mqrest.admin.plugins.module_utils._restart import operate
from ansible_collections.mqrest.admin.plugins.module_utils._rolling import RollingRestart
from ansible_collections.mqrest.admin.plugins.module_utils._runtime import ObjectRuntime
from ansible_collections.mqrest.admin.plugins.module_utils._waiter import WaitPolicy

POLICY = dict(timeout=5, poll_interval=0.1)
HEALTH = {"checks": 2, "interval": 0.05, "timeout": 5}


def setup(client):
    """Three running senders, one stopped listener and one running listener."""
    for name in ("APP.TO.A", "APP.TO.B", "APP.TO.C"):
        ensure_present(client, CHANNEL, name, {"CHLTYPE": "SDR", "CONNAME": "partner(1414)", "XMITQ": "XQ"})
    operate(ObjectRuntime(client, CHANNEL, WaitPolicy(**POLICY)), [(n, "SDR") for n in ("APP.TO.A", "APP.TO.B", "APP.TO.C")], "start")
    for name, port in (("APP.L1", 1701), ("APP.L2", 1702)):
        ensure_present(client, LISTENER, name, {"TRPTYPE": "TCP", "PORT": port})
    operate(ObjectRuntime(client, LISTENER, WaitPolicy(**POLICY)), [("APP.L1", None)], "start")


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


def test_a_clntconn_that_is_not_to_be_started_is_reported_as_not_running(mq, client_factory):
    client = client_factory()
    setup(client)
    add_clntconn(mq, client)
    assert actions(rolling(client, CLNT).run())[-1] == ("channel", "X.CLNT", "not running before (left as is)")
