# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The status predicates and the polling loop, driven by scripted status sequences and a fake clock."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._lifecycle import summarize
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY
from ansible_collections.mqrest.admin.plugins.module_utils._waiter import DONE, FAILED, PENDING, TIMEOUT, StatusTracker, wait_all


def rows(*statuses):
    return [{"status": s} for s in statuses]


@pytest.mark.parametrize("kind,operation,subtype,sequence,expected", [
    # Active channels must reach RUNNING; transitional states keep polling.
    ("channel", "start", "SDR", [rows("INITIALIZING"), rows("BINDING"), rows("RUNNING")], [PENDING, PENDING, DONE]),
    # STOPPED right after START is "not acted on yet"; STOPPED after progress is a failure.
    ("channel", "start", "SDR", [rows("STOPPED"), rows("STARTING"), rows("STOPPED")], [PENDING, PENDING, FAILED]),
    ("channel", "start", "SDR", [rows("STARTING"), []], [PENDING, FAILED]),
    ("channel", "start", "SDR", [rows("BINDING"), rows("RETRYING")], [PENDING, FAILED]),
    # Passive channels only get re-enabled: no STOPPED record left means started.
    ("channel", "start", "SVRCONN", [rows("STOPPED"), []], [PENDING, DONE]),
    ("channel", "start", "RCVR", [rows("RUNNING", "RUNNING")], [DONE]),
    # Stop: every instance record must be STOPPED, or no record remains (3065).
    ("channel", "stop", "SVRCONN", [rows("RUNNING", "STOPPED"), rows("STOPPED")], [PENDING, DONE]),
    ("channel", "stop", "SDR", [rows("STOPPING"), []], [PENDING, DONE]),
    ("listener", "start", None, [[], rows("STARTING"), rows("RUNNING")], [PENDING, PENDING, DONE]),
    # A listener that vanishes after STARTING ended (for example: port already in use).
    ("listener", "start", None, [rows("STARTING"), []], [PENDING, FAILED]),
    ("listener", "stop", None, [rows("STOPPING"), []], [PENDING, DONE]),
    ("service", "stop", None, [rows("RUNNING"), rows("STOPPING"), []], [PENDING, PENDING, DONE]),
])
def test_tracker_sequences(kind, operation, subtype, sequence, expected):
    tracker = StatusTracker(REGISTRY[kind].lifecycle, operation, subtype)
    assert [tracker.observe(r, 0.0) for r in sequence] == expected


def test_retrying_grace_allows_recovery():
    tracker = StatusTracker(REGISTRY["channel"].lifecycle, "start", "SDR", retrying_grace=5.0)
    assert tracker.observe(rows("RETRYING"), 10.0) == PENDING
    assert tracker.observe(rows("RETRYING"), 14.0) == PENDING
    assert tracker.observe(rows("RUNNING"), 15.0) == DONE
    late = StatusTracker(REGISTRY["channel"].lifecycle, "start", "SDR", retrying_grace=5.0)
    late.observe(rows("RETRYING"), 10.0)
    assert late.observe(rows("RETRYING"), 15.0) == FAILED
    assert "RETRYING" in late.reason


def test_summarize():
    assert summarize([]) == "no status record"
    assert summarize(rows("RUNNING", "RUNNING", "STOPPED")) == "RUNNING x2, STOPPED"


def test_first_poll_is_immediate_and_interval_grows_with_the_wait_up_to_the_cap(fake_clock):
    clock = fake_clock
    script = iter([rows("STARTING")] * 40 + [rows("RUNNING")])
    fetched = []

    def fetch(names):
        fetched.append(clock.now)
        return {"L": next(script)}

    result = wait_all({"L": StatusTracker(REGISTRY["listener"].lifecycle, "start")}, fetch, timeout=60, poll_interval=0.5,
                      started={"L": clock.now}, clock=clock, sleep=clock.sleep)["L"]
    assert fetched[0] == 100.0  # no sleep before the first poll
    assert clock.sleeps[:10] == [0.1] * 10  # a tenth of the time waited, but at least 0.1 s
    assert clock.sleeps[10] == pytest.approx(0.1)
    assert clock.sleeps[11] == pytest.approx(0.11)
    assert clock.sleeps[-1] == 0.5  # capped at poll_interval
    assert all(b >= a for a, b in zip(clock.sleeps, clock.sleeps[1:]))
    assert (result.outcome, result.polls) == (DONE, 41)
    assert result.elapsed == pytest.approx(sum(clock.sleeps))


def test_timeout_never_sleeps_past_deadline_and_reports_last_status(fake_clock):
    clock = fake_clock
    result = wait_all({"C": StatusTracker(REGISTRY["channel"].lifecycle, "start", "SDR")}, lambda names: {"C": rows("BINDING")},
                      timeout=2.0, poll_interval=1.0, started={"C": clock.now}, clock=clock, sleep=clock.sleep)["C"]
    assert result.outcome == TIMEOUT
    assert result.last_status == "BINDING"
    assert result.elapsed == pytest.approx(2.0)
    assert clock.now == pytest.approx(102.0)


def test_fan_out_polls_all_objects_with_one_fetch_per_round(fake_clock):
    clock = fake_clock
    progress = {"A": iter(["STARTING", "RUNNING"]), "B": iter(["STARTING", "STARTING", "RUNNING"])}
    calls = []

    def fetch(names):
        calls.append(list(names))
        return {n: rows(next(progress[n])) for n in names}

    trackers = {n: StatusTracker(REGISTRY["channel"].lifecycle, "start", "SDR") for n in ("A", "B")}
    results = wait_all(trackers, fetch, timeout=10, poll_interval=1, started={"A": 100.0, "B": 100.0}, clock=clock, sleep=clock.sleep)
    assert calls == [["A", "B"], ["A", "B"], ["B"]]
    assert (results["A"].polls, results["B"].polls) == (2, 3)
    assert all(r.outcome == DONE for r in results.values())
