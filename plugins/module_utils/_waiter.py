# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""The one waiter: status predicates per object type and a deadline-bound polling loop.

MQ START and STOP are fire-and-forget ("request accepted"); the waiter polls the status
records (CHSTATUS, LSSTATUS, SVSTATUS) until each object is done, failed or out of time.
Predicates are tri-state so that a channel in RETRYING fails fast instead of burning the timeout.
The object type's rules come in as its Lifecycle record (_lifecycle); the waiter knows no type.
"""

from __future__ import annotations

import time

from ._lifecycle import status_values, summarize

__all__ = ["DONE", "PENDING", "FAILED", "TIMEOUT", "AGAIN", "RESEND", "UNAVAILABLE", "Unavailable", "StatusTracker", "WaitPolicy",
           "wait_all", "pause"]

DONE = "done"
PENDING = "pending"
FAILED = "failed"
TIMEOUT = "timeout"
# The queue manager went away during the wait and came back with the object at rest, not where the
# command was taking it: the restart undid the command, so it has to be issued again.
AGAIN = "again"
# A START that MQ refused as "in use" (a channel still STOPPING) can be sent now: the record has gone.
RESEND = "resend"
UNAVAILABLE = "queue manager unavailable"


class Unavailable(Exception):
    """Raised by a waiter's fetch when there is no answer right now.

    ``qmgr_down``: the queue manager itself is not running (HTTP 503), so it may restart and undo the
    command; otherwise the mqweb server or the network failed and the queue manager is not known to be affected.
    """

    def __init__(self, reason, qmgr_down=True, kind=None):
        super().__init__(reason)
        self.reason = reason
        self.qmgr_down = qmgr_down
        # How the server failed to answer, for the message: "connection refused", "connection reset", ...
        self.kind = kind or ("queue manager not available" if qmgr_down else "no answer")


# The pause between polls is a tenth of the time waited so far, so a state change is seen at most
# ~10% (and at least 0.1 s) after it happens, while a long wait costs few requests: about ten polls
# for the first second, then slowly fewer, up to poll_interval apart.
MIN_INTERVAL = 0.1
INTERVAL_PROPORTION = 0.1


def pause(waited, shortest, longest):
    """The pause before the next poll after ``waited`` seconds: a tenth of it, between ``shortest`` and ``longest``."""
    return min(longest, max(shortest, INTERVAL_PROPORTION * waited))


class WaitPolicy:
    """How long and how often to wait: one value shared by every caller instead of the same arguments passed around.

    ``enabled``: whether a start or stop is waited for at all (the ``wait`` option); ``retrying_grace``: seconds a
    starting object may stay in a failing state (a channel RETRYING) before it counts as failed; ``outage_grace``:
    seconds the mqweb server may give no answer at all (refused, reset) before the wait fails (None: the whole timeout).
    """

    __slots__ = ("enabled", "timeout", "poll_interval", "retrying_grace", "outage_grace", "clock", "sleep")

    def __init__(self, enabled=True, timeout=60.0, poll_interval=1.0, retrying_grace=0.0, clock=time.monotonic, sleep=time.sleep,
                 outage_grace=None):
        self.enabled = enabled
        self.timeout = timeout
        self.poll_interval = poll_interval
        self.retrying_grace = retrying_grace
        self.outage_grace = outage_grace
        self.clock = clock
        self.sleep = sleep


class StatusTracker:
    """Judges successive status observations of one object against one operation.

    It remembers what it saw since the command, because MQ applies START asynchronously:
    a STOPPED record (or no record) straight after START means "not acted on yet", while the
    same observation after the channel was seen in another state means it started and ended.
    """

    def __init__(self, lifecycle, operation, subtype=None, retrying_grace=0.0, blocked=False, follow=True, had_record=True):
        self.lifecycle = lifecycle
        # had_record: the object had a status record before the command. Without one, a STOPPED record after a START can
        # only be the START's own: the object started and ended before a poll saw it on its way (a sender whose
        # transmission queue is unusable stops at once).
        self.had_record = had_record
        # blocked: the START was refused while the object was on its way somewhere (STOPPING, INITIALIZING); it is sent
        # again once the record has gone, unless the object gets to RUNNING by itself. follow: after that START, wait for
        # it (False with wait=false: the START is sent, not waited for).
        self.blocked = blocked
        self.follow = follow
        self.operation = operation
        self.subtype = subtype
        self.retrying_grace = retrying_grace
        self.last_status = None
        self.reason = None
        self._seen_progress = False
        self._retrying_since = None
        self.away = None  # (reason, qmgr_down) while there is no answer
        self.went_away = False  # the queue manager was seen down during the wait
        self._down_since_last_seen = False

    def observe_unavailable(self, unavailable):
        self.last_status = UNAVAILABLE if unavailable.qmgr_down else "no answer"
        self.away = (unavailable.reason, unavailable.qmgr_down)
        if unavailable.qmgr_down:
            self.went_away = self._down_since_last_seen = True
        return PENDING

    def outage(self):
        """Why the wait could not finish, when an outage is to blame."""
        if self.away:
            reason, qmgr_down = self.away
            if qmgr_down:
                return "the queue manager went away and had not come back ({0})".format(reason)
            return "the mqweb server stopped answering ({0})".format(reason)
        return "the queue manager went away during the wait" if self.went_away else None

    def observe(self, rows, now):
        returned, self._down_since_last_seen, self.away = self._down_since_last_seen, False, None
        self.last_status = summarize(rows)
        statuses = status_values(rows)
        if returned:
            self._seen_progress = False
            self._retrying_since = None
            if self._at_rest(statuses):
                return AGAIN
        return self._judge(rows, statuses, now)

    def _at_rest(self, statuses):
        """Back from an outage, is the object where it was before the command?"""
        if self.operation == "stop":
            return bool(statuses) and "STOPPING" not in statuses and not all(s in ("STOPPED", "INACTIVE") for s in statuses)
        if self.lifecycle.is_passive(self.subtype):
            return "STOPPED" in statuses
        return not statuses or all(s == "STOPPED" for s in statuses)

    def _judge(self, rows, statuses, now):
        if self.blocked:
            if self.lifecycle.started_by_another(rows, self.subtype):
                return DONE
            if self.lifecycle.is_stopped(rows):
                self.blocked = False
                return RESEND
            return PENDING
        if self.operation == "stop":
            # Every record must be STOPPED: a SVRCONN has one record per instance, and one
            # stopped instance says nothing about the others (pymqrest accepted "any").
            return DONE if all(s in ("STOPPED", "INACTIVE") for s in statuses) else PENDING
        if self.lifecycle.is_passive(self.subtype):
            return PENDING if "STOPPED" in statuses else DONE
        if "RUNNING" in statuses:
            return DONE
        if not statuses or all(s == "STOPPED" for s in statuses):
            if self._seen_progress or (statuses and not self.had_record):
                self.reason = "it started and then ended ({0})".format(self.last_status)
                return FAILED
            return PENDING
        self._seen_progress = True
        failing = [self.lifecycle.failing[s] for s in statuses if s in self.lifecycle.failing]
        if failing:
            if self._retrying_since is None:
                self._retrying_since = now
            if now - self._retrying_since >= self.retrying_grace:
                self.reason = failing[0]
                return FAILED
        return PENDING


class _Outage:
    """The mqweb server giving no answer at all (connection refused or reset, no reply in time) on successive polls.

    A 503 is an answer: the server runs and says the queue manager does not, which may be a restart that the wait
    rides through for the whole timeout. No answer at all on every poll for ``grace`` seconds fails the wait.
    """

    def __init__(self, grace):
        self.grace = grace
        self.since = None  # the first poll of the current outage
        self.polls = 0
        self.kinds = []
        self.last_success = None  # the last poll that read the status

    def observe(self, away, now):
        """None, or why the wait gives up now."""
        if away is None or away.qmgr_down:
            self.since, self.polls, self.kinds = None, 0, []
            if away is None:
                self.last_success = now
            return None
        if self.since is None:
            self.since = now
        self.polls += 1
        if away.kind not in self.kinds:
            self.kinds.append(away.kind)
        if self.grace is None or now - self.since < self.grace:
            return None
        last = "the last successful poll was {0:.1f}s before the first failed one".format(self.since - self.last_success) \
            if self.last_success is not None else "no poll had succeeded since the command"
        return ("the mqweb server stopped answering: {0} on every poll for {1:.1f}s ({2} polls); {3}; set outage_grace (now {4:g}s) "
                "to ride through longer outages".format(" or ".join(self.kinds), now - self.since, self.polls, last, self.grace))


class WaitOutcome:
    __slots__ = ("outcome", "polls", "elapsed", "last_status", "reason")

    def __init__(self, outcome, polls, elapsed, last_status, reason=None):
        self.outcome = outcome
        self.polls = polls
        self.elapsed = elapsed
        self.last_status = last_status
        self.reason = reason


def wait_all(trackers, fetch, timeout, poll_interval, started, clock=time.monotonic, sleep=time.sleep, reissue=None, outage_grace=None):
    """Poll until every tracker is done or failed, or the deadline passes.

    ``trackers``: {name: StatusTracker}; ``fetch(names)`` returns {name: [status rows]} with one
    request for all of them, or raises Unavailable while the queue manager cannot answer (the wait
    goes on: a restarting queue manager comes back); ``started``: {name: clock value when its command
    was sent}; ``reissue(name)`` sends the command again, once, when an outage undid it, and returns
    None or why it could not. ``outage_grace``: seconds of polls that get no answer at all (see _Outage) before every
    pending tracker fails; None rides through them until the deadline.
    The first poll is immediate; then the pause is a tenth of the time waited so far, between
    0.1 s and ``poll_interval``. No sleep goes past the deadline, and one last poll happens at it.
    Returns {name: WaitOutcome}.
    """
    deadline = min(started.values()) + timeout if started else clock() + timeout
    pending = dict(trackers)
    polls = dict.fromkeys(trackers, 0)
    reissued = set()
    results = {}
    first = min(started.values()) if started else clock()
    outage = _Outage(outage_grace)
    while pending:
        try:
            observed, away = fetch(sorted(pending)), None
        except Unavailable as exc:
            observed, away = {}, exc
        now = clock()
        gave_up = outage.observe(away, now)
        if gave_up:
            for name, tracker in pending.items():
                tracker.observe_unavailable(away)
                results[name] = WaitOutcome(FAILED, polls[name] + 1, now - started[name], tracker.last_status, gave_up)
            break
        for name in list(pending):
            polls[name] += 1
            tracker = pending[name]
            outcome = tracker.observe_unavailable(away) if away else tracker.observe(observed.get(name, []), now)
            if outcome == RESEND:
                problem = "nothing can send it again" if reissue is None else reissue(name)
                if problem is None and tracker.follow:
                    continue
                outcome = DONE if problem is None else FAILED
                tracker.reason = problem and "MQ refused the first START because it was still in use, and {0}".format(problem)
            if outcome == AGAIN:
                problem = "it was already issued again once" if name in reissued else \
                    "nothing can issue it again" if reissue is None else reissue(name)
                reissued.add(name)
                if problem is None:
                    continue
                outcome = FAILED
                tracker.reason = "the queue manager went away during the wait and came back with it {0}; {1}".format(
                    tracker.last_status, problem)
            if outcome != PENDING:
                results[name] = WaitOutcome(outcome, polls[name], now - started[name], tracker.last_status, tracker.reason)
                del pending[name]
        if not pending:
            break
        if now >= deadline:
            for name, tracker in pending.items():
                results[name] = WaitOutcome(TIMEOUT, polls[name], now - started[name], tracker.last_status, tracker.outage())
            break
        sleep(max(0.0, min(pause(now - first, MIN_INTERVAL, poll_interval), deadline - now)))
    return results
