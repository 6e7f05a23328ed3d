# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""A whole queue manager's restart, watched over REST: the baseline before, then the milestones in order.

The REST API cannot end or start a queue manager (IBM's command table gives endmqm and strmqm "no equivalent",
q083680_; /admin/qmgr is GET only), so the stop and the start are commands on the queue manager's host. This file only
reads: one table of milestones (what each reads, when it counts as reached, why it matters), and one polling loop that
walks them in order, reading only what the current milestone needs and reusing a read within a round.

While the queue manager is down, "down" answers are states, not failures: mqweb's 503 (MQWB0009E, reason 2059), the
command server's 3204 while the queue manager starts, and a refused connection when mqweb runs inside the queue
manager's container. Only the deadline ends the wait.
"""

from __future__ import annotations

import math
import time

from ._errors import MQCommandError, MQError, MQHTTPError, MQInputError, MQTransportError, reason_name
from ._lifecycle import status_values, summarize
from ._mqsc import generic_name_for
from ._types import REGISTRY
from ._waiter import Unavailable, WaitPolicy, pause

__all__ = ["MILESTONES", "ENDED", "ENDED_STATES", "PAUSE_CAP", "capture_baseline", "log_warnings", "plan", "QmgrWait", "read_polled", "share_of"]

# GET /admin/qmgr states of a queue manager that has ended ([V] MQ 9.2 q128360).
ENDED_STATES = frozenset(("ended", "endedImmediately", "endedPreemptively", "endedUnexpectedly"))
# The longest pause between two polls, however long the wait: a reached milestone is seen at most this late.
PAUSE_CAP = 5.0
# MQRCCF_COMMAND_INHIBITED: "restarting or terminating, or the command server is not running" (IBM-RC3204).
_COMMAND_INHIBITED = 3204
REFUSED = "mqweb refused the connection"


class Milestone:
    """One row of the table: ``reads`` names the read it needs (one REST request), ``needs`` the target it waits for
    (None: none; else what the baseline or an option must give), ``check(value, target)`` -> (reached, last seen)."""

    __slots__ = ("name", "reads", "needs", "check", "what", "why")

    def __init__(self, name, reads, needs, check, what, why):
        self.name, self.reads, self.needs, self.check, self.what, self.why = name, reads, needs, check, what, why


def _state(wanted):
    def check(state, _target):
        return state in wanted, "state " + state if state != REFUSED else state
    return check


def _qmstatus(keyword):
    def check(row, _target):
        value = str(row.get(keyword, "not shown")).strip().upper()
        return value == "RUNNING", "{0} {1}".format(keyword.upper(), value)
    return check


def _running(kind):
    """The named objects of ``kind`` each have a RUNNING status record."""
    key = REGISTRY[kind].lifecycle.status_key

    def check(rows, names):
        by_name = {}
        for row in rows:
            by_name.setdefault(row.get(key), []).append(row)
        missing = [n for n in names if "RUNNING" not in status_values(by_name.get(n, []))]
        if not missing:
            return True, "{0} RUNNING".format(", ".join(names))
        return False, "not running: " + ", ".join("{0} ({1})".format(n, summarize(by_name.get(n, []))) for n in missing)
    return check


def _connections(row, minimum):
    conns = int(row.get("conns") or 0)
    return conns >= minimum, "CONNS {0} (waiting for {1})".format(conns, minimum)


# The restart milestones in the order a queue manager reaches them ([V]/[I] reference §10 "Milestones observable over REST").
MILESTONES = (
    Milestone("running", "qmgr", None, _state(("running",)), "GET /admin/qmgr/{qmgr}: state running",
              "log replay is over: in-flight transactions are resolved and queues load (the restart-time article's "
              "milestone a); its time follows the active log (LOGINUSE)"),
    Milestone("command_server", "qmstatus", None, _qmstatus("cmdserv"), "DISPLAY QMSTATUS: CMDSERV(RUNNING)",
              "MQSC commands, so REST administration, are accepted; until then mqweb answers 503 MQWB0009E or reason 3204"),
    Milestone("channel_initiator", "qmstatus", None, _qmstatus("chinit"), "DISPLAY QMSTATUS: CHINIT(RUNNING)",
              "channels can start: RETRYING senders retry, triggered ones start, partners can connect"),
    Milestone("listeners", "listener", "listeners", _running("listener"), "DISPLAY LSSTATUS: each listener RUNNING",
              "clients and partners' senders can connect; CONTROL(QMGR) listeners start with the queue manager, MANUAL ones "
              "need a START"),
    Milestone("channels", "channel", "channels", _running("channel"), "DISPLAY CHSTATUS: each channel RUNNING",
              "messages flow: senders are back (RETRYING ones by themselves, others by a START or a trigger), inbound ones "
              "when the partner's sender retries"),
    Milestone("connections", "qmstatus", "connections", _connections,
              "DISPLAY QMSTATUS: CONNS at least connections_share of the baseline's",
              "applications have reconnected (milestone c), which can take minutes with many clients"),
)
ENDED = Milestone("ended", "qmgr", None, _state(ENDED_STATES | {REFUSED}),
                  "GET /admin/qmgr/{qmgr}: state ended, endedImmediately, endedPreemptively or endedUnexpectedly",
                  "the queue manager can be started again, or its host patched")


# -- reads -----------------------------------------------------------------------------------------
def read_polled(client, reads, target):
    """One REST request: the queue manager's state, its QMSTATUS, or the status of the objects of kind ``reads`` named in
    ``target``; an answer that means "down" raises Unavailable (the wait goes on)."""
    kind = reads
    try:
        if reads == "qmgr":
            return client.qmgr_state()
        if reads == "qmstatus":
            rows = client.display("QMSTATUS", None, retry=False)
            return rows[0] if rows else {}
        return client.display(REGISTRY[reads].lifecycle.status_qualifier, generic_name_for(target), retry=False)
    except MQCommandError as exc:
        if exc.reason_code == _COMMAND_INHIBITED:
            raise Unavailable("command server not running (reason 3204 {0})".format(reason_name(3204)))
        raise
    except MQHTTPError as exc:
        if exc.retryable or exc.details.get("mq_reason_code") == _COMMAND_INHIBITED:
            raise Unavailable(exc.detail, qmgr_down=exc.qmgr_down)
        raise
    except MQTransportError as exc:
        if kind == "qmgr" and not exc.reached:
            # mqweb inside the queue manager's container (the IBM MQ image) ends with it: a refused connection is a state.
            return REFUSED
        raise Unavailable(exc.detail, qmgr_down=False)


# -- baseline ----------------------------------------------------------------------------------------
def _running_names(rows, key):
    return sorted({row.get(key) for row in rows if "RUNNING" in status_values([row])})


def capture_baseline(client, wall=time.time):
    """What runs now, for the wait after a restart and for the role to put back what did not come back by itself.

    At most six DISPLAYs: QMSTATUS, the status of every type that runs (LSSTATUS(*), CHSTATUS(*), SVSTATUS(*)), and the
    definitions of the running ones with a CONTROL attribute (the ``manual`` hints), only when some run.
    """
    state = client.qmgr_state()
    if state != "running":
        raise MQError("a baseline needs a running queue manager: {0} is {1}".format(client.qmgr, state))
    qmstatus = client.display_one("QMSTATUS", None) or {}
    baseline = {"captured_at": round(wall(), 3), "qmgr": client.qmgr, "state": state}
    for key in ("loginuse", "logutil", "logtype"):
        baseline[key] = qmstatus.get(key)
    if str(qmstatus.get("logtype", "")).upper() == "LINEAR":
        baseline["recsz"] = qmstatus.get("recsz")
    baseline["connections"] = int(qmstatus.get("conns") or 0)
    for otype in REGISTRY.runnable:
        baseline[otype.list_option] = _baseline_entries(otype, client.display(otype.lifecycle.status_qualifier, "*"))
    baseline["manual"] = _manual(client, baseline)
    return baseline


def _baseline_entries(otype, rows):
    """The baseline's entries of one type from its status ``rows``: the names of those RUNNING; for a type with passive
    subtypes (channels), {name, type, status, inbound} of those RUNNING or failing (RETRYING), because the restore leaves
    the inbound ones to their partners and the wait skips the failing ones. Instances that are clients' connections (a
    svrconn's) are counted in ``connections`` instead."""
    lifecycle = otype.lifecycle
    if not lifecycle.passive:
        return _running_names(rows, lifecycle.status_key)
    found = {}
    for row in rows:
        subtype, status, name = lifecycle.subtype_of(row), status_values([row])[0], row[lifecycle.status_key]
        if lifecycle.serves_clients(subtype) or (status != "RUNNING" and status not in lifecycle.failing):
            continue
        entry = found.setdefault(name, {"name": name, "type": subtype, "status": status, "inbound": lifecycle.is_passive(subtype)})
        if status == "RUNNING":
            entry["status"] = "RUNNING"  # one RUNNING instance of several (a RCVR with two partners) is running
    return [found[name] for name in sorted(found)]


# What each log figure of the baseline says about the next start, for log_warnings. The restart-time article (seed 001):
# "the most interesting/variable phase" of a start is log replay, and "if you have large log files which are mostly in
# use, or are using a lot of secondary logs, this indicates a lot of work will be needed at startup time".
_LOG_FIGURES = (
    ("loginuse", "%", "LOGINUSE {value}% is above {limit}%: that share of the primary log is needed for restart recovery, so the "
                      "next start replays it before the queue manager runs (above 100, secondary logs too)"),
    ("logutil", "%", "LOGUTIL {value}% is above {limit}%: the workload barely fits the primary log, so checkpoints lag and the "
                     "active log a start replays grows"),
    ("recsz", " MB", "RECSZ {value} MB is above {limit} MB: that much linear log is needed for restart recovery and is read "
                     "back at the next start"),
)
_LOG_ADVICE = ("expect a long log replay (running comes late); let checkpoints catch up, look for long-running units of "
               "work (DISPLAY CONN), or allow a longer wait_timeout")


def log_warnings(baseline, limits):
    """Warnings for the log figures of ``baseline`` above ``limits`` ({loginuse, logutil, recsz}: None skips one). RECSZ is
    only shown on linear logs, so it is only judged there; a figure the queue manager does not report passes."""
    warnings = []
    for key, _unit, text in _LOG_FIGURES:
        value, limit = baseline.get(key), (limits or {}).get(key)
        if limit is None or value is None:
            continue
        try:
            value = int(value)
        except (TypeError, ValueError):
            continue
        if value > limit:
            warnings.append("{0} {1}: {2}".format(baseline.get("qmgr"), text.format(value=value, limit=limit), _LOG_ADVICE))
    return warnings


def _manual(client, baseline):
    """The running objects with CONTROL(MANUAL) (listeners, services): they do not come back with the queue manager. None
    when the definitions cannot be read (a reader without DISPLAY authority on them)."""
    manual = {}
    try:
        for otype in REGISTRY.runnable:
            if "CONTROL" not in otype.by_keyword:
                continue
            names, key = baseline[otype.list_option], otype.qualifier.lower()
            rows = client.display(otype.qualifier, generic_name_for(names)) if names else []
            manual[otype.list_option] = sorted(r[key] for r in rows if r.get(key) in names and str(r.get("control", "")).upper() == "MANUAL")
    except MQCommandError:
        return None
    return manual


def _names_from(baseline, key, option_names, option, kind):
    """The names a milestone waits for, or (None, why it is skipped)."""
    if option_names is not None:
        names = [REGISTRY[kind].validate_name(n, option) for n in option_names]
        return (names, None) if names else (None, "{0} is empty".format(option))
    if baseline is None:
        return None, "no baseline and no {0} given".format(option)
    entries = baseline.get(key)
    if entries is None:
        return None, "the baseline has no {0}".format(key)
    if not isinstance(entries, list):
        raise MQInputError("baseline.{0} must be a list, as capture=true returns it".format(key))
    if key == "channels":
        if not all(isinstance(e, dict) and e.get("name") for e in entries):
            raise MQInputError("baseline.channels must be a list of {name, type, status}, as capture=true returns it")
        # RETRYING at the baseline was not running then: it is no milestone to come back to.
        entries = [e["name"] for e in entries if str(e.get("status", "")).upper() == "RUNNING"]
    names = [REGISTRY[kind].validate_name(n, "baseline." + key) for n in entries]
    return (names, None) if names else (None, "no {0} was RUNNING in the baseline".format(kind))


def share_of(count, share):
    """How many of ``count`` connections ``share`` (0 to 1) asks back, rounded up: 0.28 of 25 is 7 (the product's float error,
    7.000000000000001, is rounded off before the ceiling)."""
    return int(math.ceil(round(share * count, 9)))


def plan(state, milestones, baseline, listeners, channels, connections_share, qmgr):
    """[(Milestone, target, skipped reason or None)] in table order, checked before any request."""
    if state == "ended":
        return [(ENDED, None, None)]
    if baseline is not None and baseline.get("qmgr") not in (None, qmgr):
        raise MQInputError("baseline is of queue manager {0!r}, not qmgr={1!r}".format(baseline.get("qmgr"), qmgr))
    chosen = [m for m in MILESTONES if milestones is None or m.name in milestones]
    steps = []
    for milestone in chosen:
        target, skipped = None, None
        if milestone.needs == "listeners":
            target, skipped = _names_from(baseline, "listeners", listeners, "listeners", "listener")
        elif milestone.needs == "channels":
            target, skipped = _names_from(baseline, "channels", channels, "channels", "channel")
        elif milestone.needs == "connections":
            conns = (baseline or {}).get("connections")
            if baseline is None:
                skipped = "no baseline: connections_share is a share of the baseline's CONNS"
            elif conns is None:
                skipped = "the baseline has no connections count"
            elif isinstance(conns, bool) or not isinstance(conns, int) or conns < 0:
                raise MQInputError("baseline.connections={0!r} must be the CONNS count capture=true returns".format(conns))
            elif conns == 0:
                skipped = "the baseline had no connections"
            else:
                target = share_of(conns, connections_share)
        steps.append((milestone, target, skipped))
    return steps


# -- the wait ------------------------------------------------------------------------------------------
class QmgrWait:
    """Walk ``steps`` (from ``plan``) in order until each is reached or the deadline passes.

    Each poll reads what the current milestone needs; when it is reached, the next one is judged in the same poll, from
    the same read if it needs the same one (QMSTATUS serves three milestones) or from one more request. So a wait makes
    at most one request per poll plus one per milestone reached. Polls are at least ``poll_interval`` apart; the pause
    grows to a tenth of the time since the last milestone was reached, up to PAUSE_CAP (or poll_interval if longer).

    For a wait that runs beside other work (the qmgr_restart action polls while the start command runs): ``reached(name)``
    is called as each milestone is reached, and ``cancel`` (a threading.Event) ends the wait at its next poll.
    """

    def __init__(self, client, steps, policy=None, since=None, wall=time.time, reached=None, cancel=None):
        self.client = client
        self.steps = steps
        self.policy = policy or WaitPolicy(timeout=300.0, poll_interval=0.5)
        self.wall = wall
        self.since = since
        self.on_reached = reached
        self.cancel = cancel
        self.records = [{"name": m.name, "reached": False, "elapsed_seconds": None, "polls": 0, "last_seen": None, "skipped": why}
                        for m, _target, why in steps]
        self.polls = 0
        self.state = None

    def run(self):
        """The module result; raises MQError carrying it when the deadline passes first."""
        clock, sleep, policy = self.policy.clock, self.policy.sleep, self.policy
        start, start_wall = clock(), self.wall()
        since = start_wall if self.since is None else self.since
        if since > start_wall:
            raise MQInputError("since={0!r} is later than now ({1:.3f}) on the controller: take it from the controller's clock, "
                               "before the start or stop command".format(since, start_wall))
        requests_before = self.client.request_count
        deadline = start + policy.timeout
        pending = [(record, m, target) for record, (m, target, why) in zip(self.records, self.steps) if why is None]
        last_progress = start
        while pending:
            if self.cancel is not None and self.cancel.is_set():
                raise MQError("the wait for {0} was called off".format(pending[0][0]["name"]),
                              result=self.result(since, start_wall, start, requests_before))
            cache = {}
            self.polls += 1
            while pending:
                record, milestone, target = pending[0]
                record["polls"] += 1
                try:
                    if milestone.reads not in cache:
                        cache[milestone.reads] = read_polled(self.client, milestone.reads, target)
                except Unavailable as exc:
                    record["last_seen"] = exc.reason
                    break
                value = cache[milestone.reads]
                if milestone.reads == "qmgr":
                    self.state = value
                reached, record["last_seen"] = milestone.check(value, target)
                if not reached:
                    break
                last_progress = clock()
                record.update(reached=True, elapsed_seconds=round(start_wall - since + last_progress - start, 3))
                pending.pop(0)
                if self.on_reached is not None:
                    self.on_reached(record["name"])
            now = clock()
            if not pending:
                break
            if now >= deadline:
                raise MQError(self._timeout_message(pending[0][0], policy.timeout), result=self.result(since, start_wall, start,
                                                                                                       requests_before))
            sleep(max(0.0, min(pause(now - last_progress, policy.poll_interval, max(policy.poll_interval, PAUSE_CAP)),
                               deadline - now)))
        return self.result(since, start_wall, start, requests_before)

    def result(self, since, start_wall, start, requests_before):
        return {"milestones": [dict(r) for r in self.records], "state": self.state, "polls": self.polls, "since": since,
                "requests": self.client.request_count - requests_before,
                "elapsed_seconds": round(start_wall - since + self.policy.clock() - start, 3)}

    def _timeout_message(self, record, timeout):
        reached = ["{0} after {1}s".format(r["name"], r["elapsed_seconds"]) for r in self.records if r["reached"]]
        later = [r["name"] for r in self.records if not r["reached"] and not r["skipped"] and r is not record]
        skipped = ["{0} ({1})".format(r["name"], r["skipped"]) for r in self.records if r["skipped"]]
        parts = ["queue manager {0} did not reach {1} within {2:g}s (last seen: {3})".format(
            self.client.qmgr, record["name"], timeout, record["last_seen"] or "nothing")]
        parts.append("reached: " + (", ".join(reached) or "none"))
        if later:
            parts.append("not waited for after it: " + ", ".join(later))
        if skipped:
            parts.append("skipped: " + ", ".join(skipped))
        return "; ".join(parts)
