# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""_qmgr: the milestone table, the plan, the polling bound (on a fake clock) and what counts as "down"."""

from __future__ import annotations

import socket

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError
from ansible_collections.mqrest.admin.plugins.module_utils._qmgr import ENDED, MILESTONES, PAUSE_CAP, QmgrWait, plan, share_of
from ansible_collections.mqrest.admin.plugins.module_utils._waiter import WaitPolicy

BY_NAME = {m.name: m for m in MILESTONES}


def test_the_table_is_in_restart_order_with_a_reason_for_each():
    assert [m.name for m in MILESTONES] == ["running", "command_server", "channel_initiator", "listeners", "channels", "connections"]
    assert all(m.what and m.why for m in MILESTONES + (ENDED,))


@pytest.mark.parametrize("rows,reached,seen", [
    ([{"channel": "TO.QM2", "chltype": "SDR", "status": "RUNNING"}, {"channel": "QM2.TO.QM1", "chltype": "RCVR", "status": "RUNNING"}],
     True, "TO.QM2, QM2.TO.QM1 RUNNING"),
    # The partner's sender has not reconnected yet: the inbound channel has no record.
    ([{"channel": "TO.QM2", "chltype": "SDR", "status": "RUNNING"}], False, "not running: QM2.TO.QM1 (no status record)"),
    ([{"channel": "TO.QM2", "chltype": "SDR", "status": "RETRYING"}, {"channel": "QM2.TO.QM1", "chltype": "RCVR", "status": "RUNNING"}],
     False, "not running: TO.QM2 (RETRYING)"),
])
def test_channels_are_back_when_each_runs_again(rows, reached, seen):
    assert BY_NAME["channels"].check(rows, ["TO.QM2", "QM2.TO.QM1"]) == (reached, seen)


def test_connections_need_the_share_rounded_up():
    steps = plan("started", ["connections"], {"qmgr": "QM1", "connections": 41}, None, None, 0.9, "QM1")
    (milestone, minimum, skipped), = steps
    assert (milestone.name, minimum, skipped) == ("connections", 37, None)
    assert milestone.check({"conns": 36}, minimum) == (False, "CONNS 36 (waiting for 37)")
    assert milestone.check({"conns": 37}, minimum)[0] is True


@pytest.mark.parametrize("count,share,needed", [(25, 0.28, 7), (50, 0.56, 28), (10, 0.9, 9), (41, 0.9, 37), (3, 0.5, 2), (5, 0.0, 0), (5, 1.0, 5)])
def test_a_share_of_the_connections_is_rounded_up_without_the_float_error(count, share, needed):
    assert share_of(count, share) == needed  # 0.28 * 25 is 7.000000000000001 in floating point


def test_retrying_channels_of_the_baseline_are_not_waited_for_and_names_given_win():
    base = {"qmgr": "QM1", "listeners": ["A.LSTR"], "channels": [{"name": "UP", "status": "RUNNING"}, {"name": "DOWN", "status": "RETRYING"}]}
    steps = {m.name: (target, skipped) for m, target, skipped in plan("started", None, base, None, None, 0.9, "QM1")}
    assert steps["channels"] == (["UP"], None)
    assert steps["listeners"] == (["A.LSTR"], None)
    assert steps["connections"] == (None, "the baseline has no connections count")
    steps = {m.name: target for m, target, _skipped in plan("started", None, base, ["B.LSTR"], ["OTHER"], 0.9, "QM1")}
    assert (steps["listeners"], steps["channels"]) == (["B.LSTR"], ["OTHER"])


def test_a_long_outage_is_polled_ever_more_lightly_up_to_the_cap(mq, client_factory, fake_clock):
    """Ended for the whole (fake) 120 s: pauses start at poll_interval, never shrink while nothing changes, never exceed
    the cap, and each poll is one request."""
    mq.model.stop_qmgr("QM1")
    fake = fake_clock
    client = client_factory(retries=0)
    wait = QmgrWait(client, plan("started", None, None, None, None, 0.9, "QM1"),
                    WaitPolicy(timeout=120.0, poll_interval=0.5, clock=fake, sleep=fake.sleep), wall=lambda: 5000.0)
    with pytest.raises(MQError) as failure:
        wait.run()
    result = failure.value.result
    assert "did not reach running within 120s (last seen: state ended); reached: none" in failure.value.msg
    assert min(fake.sleeps) == 0.5 and max(fake.sleeps) <= PAUSE_CAP
    assert fake.sleeps[:-1] == sorted(fake.sleeps[:-1])  # the last one is cut at the deadline
    assert result["polls"] == len(fake.sleeps) + 1 == result["requests"] == mq.model.requests()["qmgr"]
    # About 10 polls at 0.5 s, then growing pauses, then 5 s: far fewer than the 240 a fixed 0.5 s would make.
    assert result["polls"] < 60
    assert result["milestones"][0]["polls"] == result["polls"]


def test_503_and_3204_are_states_of_a_starting_queue_manager(mq, client_factory, fake_clock):
    mq.model.add_fault({"kind": "http_error", "status": 503, "scope": "all", "count": 2})
    mq.model.add_fault({"kind": "cmdserv_down", "qmgr": "QM1"})
    fake = fake_clock
    wait = QmgrWait(client_factory(retries=0), plan("started", ["running", "command_server"], None, None, None, 0.9, "QM1"),
                    WaitPolicy(timeout=3.0, poll_interval=0.5, clock=fake, sleep=fake.sleep), wall=lambda: 5000.0)
    with pytest.raises(MQError) as failure:
        wait.run()
    running, command_server = failure.value.result["milestones"]
    assert running["reached"] is True and running["polls"] == 3  # two 503s first
    assert command_server["last_seen"] == "command server not running (reason 3204 MQRCCF_COMMAND_INHIBITED)"
    mq.model.clear_faults()
    assert QmgrWait(client_factory(retries=0), plan("started", ["command_server"], None, None, None, 0.9, "QM1")).run()[
        "milestones"][0]["reached"] is True


def test_a_refused_connection_is_ended_but_never_running(client_factory, fake_clock):
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        url = "http://127.0.0.1:{0}/ibmmq/rest/v2".format(sock.getsockname()[1])
    fake = fake_clock
    policy = WaitPolicy(timeout=1.0, poll_interval=0.5, clock=fake, sleep=fake.sleep)
    ended = QmgrWait(client_factory(base_url=url, retries=0), plan("ended", None, None, None, None, 0.9, "QM1"), policy).run()
    assert ended["milestones"][0]["reached"] is True
    assert ended["milestones"][0]["last_seen"] == "mqweb refused the connection"
    with pytest.raises(MQError) as failure:
        QmgrWait(client_factory(base_url=url, retries=0), plan("started", ["running"], None, None, None, 0.9, "QM1"), policy).run()
    assert "last seen: mqweb refused the connection" in failure.value.msg
