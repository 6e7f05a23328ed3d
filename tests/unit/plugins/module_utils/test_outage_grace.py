# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Outage grace (issue 13): a wait whose mqweb server gives no answer at all fails after a bounded grace, saying how,
for how long and when the last poll succeeded; a 503 (queue manager not available) keeps the whole wait_timeout.

Against the emulator (drop_connection faults, a server stopped mid-wait) with a fake clock: nothing sleeps."""

from __future__ import annotations


import pytest
from mqemu import EmulatorServer

from ansible_collections.mqrest.admin.plugins.module_utils._client import MQClient
from ansible_collections.mqrest.admin.plugins.module_utils._ensure import ensure_present
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQWaitError
from ansible_collections.mqrest.admin.plugins.module_utils._types import LISTENER
from ansible_collections.mqrest.admin.plugins.module_utils._runtime import ObjectRuntime
from ansible_collections.mqrest.admin.plugins.module_utils._transport import RestTransport
from ansible_collections.mqrest.admin.plugins.module_utils._waiter import WaitPolicy


class FakeClock:
    """One second passes per sleep; ``on_sleep(n)`` runs before the n-th sleep returns."""

    def __init__(self, on_sleep=None):
        self.now = 1000.0
        self.sleeps = 0
        self.on_sleep = on_sleep

    def __call__(self):
        return self.now

    def sleep(self, _seconds):
        self.sleeps += 1
        self.now += 1.0
        if self.on_sleep:
            self.on_sleep(self.sleeps)


def start_stuck_listener(mq, client, clock, grace=15.0, timeout=60.0):
    """START a listener that stays STARTING (stuck), so the wait goes on; returns (runtime, outcome) after the wait."""
    ensure_present(client, LISTENER, "L1", {"TRPTYPE": "TCP", "PORT": 1501})
    mq.model.add_fault({"qmgr": "QM1", "kind": "stuck", "qualifier": "LISTENER", "name": "L1"})
    runtime = ObjectRuntime(client, LISTENER, WaitPolicy(timeout=timeout, clock=clock, sleep=clock.sleep, outage_grace=grace))
    with pytest.raises(MQWaitError) as info:
        runtime.run("start", [("L1", None, "no status record")])
    return info.value


def test_connection_reset_on_every_poll_fails_after_the_grace(mq, client_factory):
    client = client_factory()

    def drop(n):
        if n == 2:  # two polls answer (STARTING), then every status read loses its connection
            mq.model.add_fault({"qmgr": "QM1", "kind": "drop_connection", "command": "DISPLAY", "qualifier": "LSSTATUS"})
    error = start_stuck_listener(mq, client, FakeClock(drop))
    failure = error.failures[0]
    assert failure["outcome"] == "failed" and failure["last_status"] == "no answer"
    assert 15 <= failure["elapsed_seconds"] < 60
    assert "the mqweb server stopped answering: connection reset on every poll for 15.0s" in error.msg, error.msg
    assert "the last successful poll was 1.0s before the first failed one" in error.msg, error.msg
    assert "outage_grace" in error.msg


def test_a_server_stopped_mid_wait_is_connection_refused():
    with EmulatorServer(qmgrs=["QM1"], timing="zero") as server:
        client = MQClient(RestTransport(server.base_url, "QM1", username="admin", password="passw0rd", auth_method="basic",
                                        retries=0, request_timeout=5))
        stopped = []

        def stop(n):
            if n == 1 and not stopped:
                server.stop()
                # EmulatorServer.stop() stops accepting but lets open keep-alive connections be served; a real mqweb
                # that stops takes them with it, so the pooled connection is dropped here.
                client.transport.session.close()
                stopped.append(True)
        error = start_stuck_listener(server, client, FakeClock(stop), grace=5.0)
    assert "connection refused on every poll for 5.0s" in error.msg, error.msg
    assert error.failures[0]["elapsed_seconds"] < 60


def test_queue_manager_not_available_keeps_the_whole_wait_timeout(mq, client_factory):
    client = client_factory()

    def qmgr_down(n):
        if n == 1:
            mq.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": 503, "command": "DISPLAY", "qualifier": "LSSTATUS"})
    error = start_stuck_listener(mq, client, FakeClock(qmgr_down), grace=5.0, timeout=60.0)
    failure = error.failures[0]
    assert failure["outcome"] == "timeout" and failure["elapsed_seconds"] >= 60
    assert "stopped answering" not in error.msg and "queue manager went away" in error.msg, error.msg


def test_short_outages_are_ridden_through(mq, client_factory):
    client = client_factory()

    def blip(n):
        if n == 1:
            mq.model.add_fault({"qmgr": "QM1", "kind": "drop_connection", "command": "DISPLAY", "qualifier": "LSSTATUS"})
        if n == 10:  # the server answers again after 9 s, within the 15 s grace
            mq.model.clear_faults()
            mq.model.add_fault({"qmgr": "QM1", "kind": "stuck", "qualifier": "LISTENER", "name": "L1"})
    error = start_stuck_listener(mq, client, FakeClock(blip), grace=15.0, timeout=40.0)
    # The listener never leaves STARTING (stuck), so the wait runs out: the outage did not end it.
    assert error.failures[0]["outcome"] == "timeout" and error.failures[0]["last_status"] == "STARTING", error.msg
