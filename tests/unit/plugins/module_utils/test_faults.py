# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Faults injected through the emulator: each test asserts the outcome and that nothing was lost or sent twice.

A mutating command whose answer is lost is never resent; the object is read again to learn the truth.
The emulator's drop_connection fault closes the socket *before* it runs the command, so "applied but
the answer was lost" is produced with its latency fault instead: the client times out, and the server
still runs the command once the delay has passed.
"""

from __future__ import annotations

import time

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._client import SETTLE_PROXY, MQClient
from ansible_collections.mqrest.admin.plugins.module_utils._ensure import ensure_present
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQCommandError, MQError, MQTransportError, MQUnconfirmedError, MQWaitError
from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
from ansible_collections.mqrest.admin.plugins.module_utils._types import LISTENER
from ansible_collections.mqrest.admin.plugins.module_utils._restart import run_operation
from ansible_collections.mqrest.admin.plugins.module_utils._runtime import ObjectRuntime
from ansible_collections.mqrest.admin.plugins.module_utils._waiter import StatusTracker, Unavailable, WaitPolicy, wait_all

LSTR = {"TRPTYPE": "TCP", "PORT": 1600, "CONTROL": "MANUAL"}
# The client gives up after TIMEOUT; the server runs the command after LATE. The re-read comes after
# the settle pause (request_timeout), at about 2 x TIMEOUT: well after LATE, which is well after TIMEOUT.
TIMEOUT, LATE = 0.5, 0.75


def commands(mq, verb=None):
    return [e for e in mq.model.journal("QM1") if verb is None or e["command"] == verb]


def slow_client(client_factory):
    client = client_factory(request_timeout=TIMEOUT)
    client.sleep = time.sleep  # the settle pause must really pass for the late command to land
    return client


# -- mutations: no blind retry, the truth after a lost answer -----------------------------------

def test_define_dropped_before_it_ran_is_reported_as_not_applied(mq, client_factory):
    mq.model.add_fault({"qmgr": "QM1", "kind": "drop_connection", "count": 1, "command": "DEFINE"})
    client = client_factory()
    with pytest.raises(MQUnconfirmedError) as info:
        ensure_present(client, LISTENER, "L1", LSTR)
    assert "did not take effect" in info.value.msg and "changed nothing" in info.value.msg
    assert info.value.details["applied"] is False
    assert client.applied == 0
    assert [e["http_status"] for e in commands(mq, "DEFINE")] == [None]  # sent once, never again
    assert client.display_one("LISTENER", "L1") is None


def test_define_whose_connection_dropped_after_it_ran_is_reported_as_applied_and_sent_once(mq, client_factory):
    mq.model.add_fault({"qmgr": "QM1", "kind": "drop_connection", "count": 1, "command": "DEFINE", "after": True})
    client = client_factory()
    result = ensure_present(client, LISTENER, "L1", LSTR)
    assert (result.changed, result.action, client.applied) == (True, "created", 1)
    assert "shows the command took effect" in client.warnings[0]
    assert [e["http_status"] for e in commands(mq, "DEFINE")] == [200]  # ran once, its answer lost, never sent again


def test_a_mutation_refused_by_mqweb_or_mq_says_it_was_not_applied(mq, client_factory):
    mq.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": 503, "count": 1, "command": "DEFINE"})
    with pytest.raises(MQError) as info:
        ensure_present(client_factory(), LISTENER, "L1", LSTR)
    assert info.value.details["applied"] is False and info.value.details["mq_command"].startswith("DEFINE LISTENER(L1)")
    ensure_present(client_factory(), LISTENER, "L1", LSTR)
    with pytest.raises(MQCommandError) as info:
        client_factory().run(MQSCCommand("DELETE", "LISTENER", "NOSUCH"))
    assert info.value.details["applied"] is False


def test_define_that_ran_after_the_client_timed_out_is_reported_as_applied(mq, client_factory):
    mq.model.add_fault({"qmgr": "QM1", "kind": "latency", "seconds": LATE, "count": 1, "command": "DEFINE"})
    client = slow_client(client_factory)
    result = ensure_present(client, LISTENER, "L1", LSTR)
    assert (result.changed, result.action) == (True, "created")
    assert result.after["port"] == 1600
    assert client.applied == 1
    assert len(client.warnings) == 1 and "took effect" in client.warnings[0]
    assert len(commands(mq, "DEFINE")) == 1


def test_alter_that_timed_out_and_never_ran_says_so(mq, client_factory):
    ensure_present(client_factory(), LISTENER, "L1", LSTR)
    # Longer than the client's timeout plus its settle pause: the re-read sees the old port.
    mq.model.add_fault({"qmgr": "QM1", "kind": "latency", "seconds": 3 * TIMEOUT, "count": 1, "command": "ALTER"})
    client = slow_client(client_factory)
    with pytest.raises(MQUnconfirmedError) as info:
        ensure_present(client, LISTENER, "L1", dict(LSTR, PORT=1601))
    assert "did not take effect" in info.value.msg and "may yet take effect" in info.value.msg
    assert client.applied == 0
    time.sleep(3 * TIMEOUT)
    # It did land later, as the message warned; a second run converges without sending anything.
    again = ensure_present(client_factory(), LISTENER, "L1", dict(LSTR, PORT=1601))
    assert again.action == "unchanged"
    assert len(commands(mq, "ALTER")) == 1


@pytest.mark.parametrize("status", [502, 504])
def test_proxy_error_on_a_mutation_is_checked_not_retried(mq, client_factory, status):
    mq.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": status, "count": 1, "command": "DEFINE"})
    with pytest.raises(MQUnconfirmedError) as info:
        ensure_present(client_factory(), LISTENER, "L1", LSTR)
    assert "HTTP {0}".format(status) in info.value.msg and "changed nothing" in info.value.msg
    assert len(commands(mq, "DEFINE")) == 1


def test_after_a_proxy_error_the_re_read_waits_a_moment(mq, transport_factory):
    # mqweb may still be finishing the command behind the proxy that gave up: do not race it with the re-read.
    mq.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": 502, "count": 1, "command": "DEFINE"})
    pauses = []
    with pytest.raises(MQUnconfirmedError):
        ensure_present(MQClient(transport_factory(), sleep=pauses.append), LISTENER, "L1", LSTR)
    assert pauses == [SETTLE_PROXY]


def test_mutation_that_could_not_connect_was_not_sent(transport_factory, client_factory):
    command = MQSCCommand("DEFINE", "LISTENER", "L1", {"TRPTYPE": "TCP"})
    with pytest.raises(MQTransportError) as info:
        transport_factory(base_url="http://127.0.0.1:9/ibmmq/rest/v2").run_mqsc(command)
    assert info.value.reached is False
    client = client_factory(base_url="http://127.0.0.1:9/ibmmq/rest/v2")
    with pytest.raises(MQUnconfirmedError) as info:
        client.run(command, took_effect=lambda: pytest.fail("nothing to re-read: the command never left"))
    assert "not sent, so it changed nothing" in info.value.msg and "Connection refused" in info.value.msg
    assert client.applied == 0


def test_start_that_ran_after_a_timeout_goes_on_into_the_wait(mq, client_factory):
    ensure_present(client_factory(), LISTENER, "L1", LSTR)
    mq.model.add_fault({"qmgr": "QM1", "kind": "latency", "seconds": LATE, "count": 1, "command": "START"})
    client = slow_client(client_factory)
    outcome = ObjectRuntime(client, LISTENER, WaitPolicy(timeout=10, poll_interval=0.2)).ensure_started("L1")
    assert (outcome.outcome, outcome.status_after) == ("done", "RUNNING")
    assert client.applied == 1 and "took effect" in client.warnings[0]
    assert len(commands(mq, "START")) == 1


def test_a_lost_start_fails_that_object_only(mq, client_factory):
    client = client_factory()
    for name, port in (("L1", 1601), ("L2", 1602)):
        ensure_present(client, LISTENER, name, dict(LSTR, PORT=port))
    mq.model.add_fault({"qmgr": "QM1", "kind": "drop_connection", "count": 1, "command": "START"})  # the first START: L1
    with pytest.raises(MQWaitError) as info:
        run_operation(ObjectRuntime(client, LISTENER, WaitPolicy(timeout=10, poll_interval=0.2)), [("L1", None), ("L2", None)], "start")
    assert "'L1' failed to start" in info.value.msg and "did not take effect" in info.value.msg
    results = {r["name"]: r for r in info.value.result["sync_results"]}
    assert results["L2"]["status_after"] == "RUNNING"
    assert [e["name"] for e in commands(mq, "START")] == ["L1", "L2"]


# -- reads: retried with backoff --------------------------------------------------------------------

@pytest.mark.parametrize("fault", [
    {"kind": "http_error", "status": 502, "count": 2},
    {"kind": "http_error", "status": 503, "count": 2},
    {"kind": "drop_connection", "count": 2},
    {"kind": "latency", "seconds": LATE, "count": 1},
])
def test_display_survives_transient_faults(mq, client_factory, fault):
    mq.model.add_fault(dict(fault, qmgr="QM1", command="DISPLAY"))
    slept = []
    client = client_factory(request_timeout=TIMEOUT, sleep=slept.append)
    assert ensure_present(client, LISTENER, "L1", LSTR).action == "created"
    assert slept and slept == sorted(slept)  # backed off, growing
    assert len(commands(mq, "DEFINE")) == 1


# -- the queue manager goes away during a wait -----------------------------------------------------

class QmgrOutage:
    """A sleep for the waiter that takes the queue manager away on its first call, as a restart would."""

    def __init__(self, mq, down, starting=0.1):
        self.mq, self.down, self.starting, self.done = mq, down, starting, False

    def __call__(self, seconds):
        if not self.done:
            self.done = True
            if self.down is None:
                self.mq.model.stop_qmgr("QM1")
            else:
                self.mq.model.restart_qmgr("QM1", down=self.down, starting=self.starting)
        time.sleep(seconds)


def unavailable_polls(mq, qualifier="LSSTATUS"):
    return [e for e in commands(mq, "DISPLAY") if e["qualifier"] == qualifier and e["http_status"] == 503]


def test_start_wait_survives_a_qmgr_restart_and_issues_the_undone_start_again(mq, client_factory):
    ensure_present(client_factory(), LISTENER, "L1", LSTR)  # CONTROL(MANUAL): the restart ends it for good
    mq.model.set_timing(listener_start=0.3)
    client = client_factory()
    outcome = ObjectRuntime(client, LISTENER, WaitPolicy(timeout=15, poll_interval=0.2, sleep=QmgrOutage(mq, down=1.0))).ensure_started("L1")
    assert (outcome.outcome, outcome.status_after) == ("done", "RUNNING")
    assert unavailable_polls(mq)
    assert [e["http_status"] for e in commands(mq, "START")] == [200, 200]


def test_stop_wait_survives_a_qmgr_restart_that_started_the_object_again(mq, client_factory):
    ensure_present(client_factory(), LISTENER, "L1", dict(LSTR, CONTROL="QMGR"))  # starts with the queue manager
    ObjectRuntime(client_factory(), LISTENER).ensure_started("L1")
    mq.model.set_timing(listener_stop=0.3, listener_start=0.05)
    outcome = ObjectRuntime(client_factory(), LISTENER,
                            WaitPolicy(timeout=15, poll_interval=0.2, sleep=QmgrOutage(mq, down=1.0))).ensure_stopped("L1")
    assert outcome.outcome == "done"
    assert ObjectRuntime(client_factory(), LISTENER).statuses(["L1"])["L1"] == []
    assert len(commands(mq, "STOP")) == 2


def test_wait_fails_saying_the_qmgr_went_away_when_it_does_not_come_back(mq, client_factory):
    ensure_present(client_factory(), LISTENER, "L1", LSTR)
    mq.model.set_timing(listener_start=0.3)
    with pytest.raises(MQWaitError) as info:
        ObjectRuntime(client_factory(), LISTENER, WaitPolicy(timeout=1.0, poll_interval=0.2, sleep=QmgrOutage(mq, down=None))).ensure_started("L1")
    assert "queue manager went away" in info.value.msg and "HTTP 503" in info.value.msg
    failure = info.value.failures[0]
    assert (failure["outcome"], failure["last_status"]) == ("timeout", "queue manager unavailable")
    assert len(commands(mq, "START")) == 1


def test_restart_across_a_qmgr_restart_ends_running(mq, client_factory):
    client = client_factory()
    for name, port in (("L1", 1601), ("L2", 1602)):
        ensure_present(client, LISTENER, name, dict(LSTR, PORT=port))
    run_operation(ObjectRuntime(client, LISTENER), [("L1", None), ("L2", None)], "start")
    mq.model.set_timing(listener_start=0.3, listener_stop=0.3)
    rt = ObjectRuntime(client_factory(), LISTENER, WaitPolicy(timeout=15, poll_interval=0.2, sleep=QmgrOutage(mq, down=0.8)))
    records = run_operation(rt, [("L1", None), ("L2", None)], "restart")
    assert all(r.status_after == "RUNNING" for r in records.values())
    assert unavailable_polls(mq)


# -- the queue manager's command server ---------------------------------------------------------------

def test_command_server_down_says_how_to_fix_it(mq, client_factory):
    mq.model.add_fault({"qmgr": "QM1", "kind": "cmdserv_down"})
    with pytest.raises(MQCommandError) as info:
        ensure_present(client_factory(), LISTENER, "L1", LSTR)
    assert "MQRCCF_COMMAND_INHIBITED" in info.value.msg and "strmqcsv" in info.value.msg
    assert [e for e in commands(mq) if e["mutating"]] == []


def scripted_wait(answers, reissue):
    """wait_all over scripted fetch answers (a dict of rows, or an Unavailable to raise), one per poll, on a fake clock."""
    answers, ticks = iter(answers), iter(range(1000))

    def fetch(names):
        answer = next(answers)
        if isinstance(answer, Unavailable):
            raise answer
        return answer

    return wait_all({"L1": StatusTracker(LISTENER.lifecycle, "start")}, fetch, timeout=3, poll_interval=1, started={"L1": 0},
                    clock=lambda: next(ticks), sleep=lambda seconds: None, reissue=reissue)["L1"]


def test_mqweb_outage_is_not_taken_for_a_qmgr_restart():
    # No answer from mqweb says nothing about the queue manager: the START is not issued again.
    result = scripted_wait([Unavailable("Connection refused", qmgr_down=False)] + [{}] * 3, reissue=pytest.fail)
    assert (result.outcome, result.last_status) == ("timeout", "no status record")


def test_wait_that_ends_without_answers_blames_mqweb():
    result = scripted_wait([Unavailable("Connection refused", qmgr_down=False)] * 4, reissue=pytest.fail)
    assert (result.outcome, result.last_status) == ("timeout", "no answer")
    assert result.reason == "the mqweb server stopped answering (Connection refused)"


def test_undone_command_is_issued_again_only_once():
    issued = []
    down = Unavailable("HTTP 503", qmgr_down=True)
    result = scripted_wait([down, {}, down, {}], reissue=issued.append)
    assert issued == ["L1"]
    assert result.outcome == "failed" and "came back with it no status record" in result.reason and "already issued again once" in result.reason
