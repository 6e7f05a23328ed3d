# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""Synchronous start and stop: read the status, issue the commands, then wait for the status with one waiter.

Straight-line sequences over the client and the waiter; every rule about an object type comes from its
Lifecycle record. Many objects are handled as a fan-out: every command first, then one status DISPLAY per
polling round for all of them.
"""

from __future__ import annotations

from ._errors import MQCommandError, MQError, MQHTTPError, MQInputError, MQTransportError, MQUnconfirmedError, MQWaitError, reason_name
from ._lifecycle import status_values, summarize
from ._mqsc import MQSCCommand, generic_name_for
from ._waiter import DONE, FAILED, StatusTracker, Unavailable, WaitPolicy, wait_all

__all__ = ["ObjectRuntime", "SyncOutcome", "wait_for", "sync_fact", "read_objects", "OPERATION_RESULT"]

OPERATION_RESULT = {"start": "started", "stop": "stopped", "restart": "restarted"}


def sync_fact(result, operation):
    """The SyncResult facts users asked for, from a SyncOutcome or a restart record."""
    return {"name": result.name, "operation": operation, "polls": result.polls, "elapsed_seconds": round(result.elapsed_seconds, 3),
            "status_before": result.status_before, "status_after": result.status_after}


def read_objects(client, otype, name, with_status=True):
    """The objects matching ``name`` (generic or not) as facts, each with its ``status`` records and ``status_summary``:
    one DISPLAY for the definitions and, for a type that runs, one for the status."""
    if otype.identity.keyword:
        # The name is a keyword (an authority record's PROFILE), which DISPLAY does not take as a filter: every record, and
        # the generic name applied here as MQ applies it to names (a trailing * matches any end).
        rows = [row for row in otype.rows(client.display(otype.qualifier)) if _named(row.get(otype.name_key), name)]
    else:
        rows = otype.rows(client.display(otype.qualifier, name))
    objects = [otype.facts(row) for row in rows]
    if with_status and objects and otype.lifecycle:
        statuses = ObjectRuntime(client, otype).statuses([o["name"] for o in objects])
        for row, obj in zip(rows, objects):
            # A subtype that never runs (clntconn) has no status: its name may be a running svrconn's.
            obj["status"] = [] if otype.lifecycle.why_unstartable(otype.row_subtype(row)) else statuses.get(obj["name"], [])
            obj["status_summary"] = summarize(obj["status"])
    return objects


def _named(value, name):
    if name == "*":
        return True
    return value is not None and (value.startswith(name[:-1]) if name.endswith("*") else value == name)


class SyncOutcome:
    """What one start or stop did: the facts users asked for (SyncResult), per object."""

    __slots__ = ("name", "operation", "subtype", "sent_at", "polls", "elapsed_seconds", "status_before", "status_after", "issued",
                 "watched", "outcome", "reason", "by_another_writer", "held_stopped", "blocked", "earlier")

    def __init__(self, name, operation, status_before, issued=True, subtype=None, sent_at=None):
        self.name = name
        self.operation = operation
        self.subtype = subtype
        self.sent_at = sent_at
        self.status_before = status_before
        self.status_after = status_before
        self.issued = issued
        # Not issued from the start: the object was already on its way (a channel BINDING) and is only waited for.
        self.watched = not issued
        self.polls = 0
        self.elapsed_seconds = 0.0
        self.outcome = DONE
        self.reason = None
        # MQ answered that the object already was where the command wants it (the lifecycle's already_started or
        # already_stopped reason codes): someone else started or stopped it between our status read and our command.
        self.by_another_writer = False
        # A STOP meant to hold a passive channel (Lifecycle.hold): True when MQ holds it STOPPED, False when MQ answered
        # that an idle one cannot be stopped, so partners can still connect; None for any other start or stop.
        self.held_stopped = None
        # MQ refused the START as "in use" while the object was not running but still on its way somewhere (a channel
        # STOPPING answers 4031, APAR IT34083): the wait watches the record until it goes, then sends START again.
        self.blocked = False
        self.earlier = None  # the stop phase, when this start completes a restart (mq_objects: for changed attributes)

    @property
    def changed(self):
        """Did this task's own command change the run state? Not for a watched start, one done by another writer, or a
        STOP that MQ would not hold; a restart's start also counts its stop phase."""
        own = self.issued and not self.by_another_writer and self.held_stopped is not False
        return own or (self.earlier is not None and self.earlier.changed)

    def as_dict(self):
        # outcome: done, failed or timeout; the operation is what was asked, the outcome what became of it.
        facts = dict(sync_fact(self, OPERATION_RESULT[self.operation]), by_another_writer=self.by_another_writer, outcome=self.outcome)
        if self.held_stopped is not None:
            facts["held_stopped"] = self.held_stopped
        if self.earlier is not None:
            # A restart: both phases summed, as mq_restart reports them.
            first = self.earlier
            facts.update(operation=OPERATION_RESULT["restart"], polls=first.polls + self.polls, status_before=first.status_before,
                         elapsed_seconds=round(first.elapsed_seconds + self.elapsed_seconds, 3),
                         by_another_writer=first.by_another_writer or self.by_another_writer,
                         outcome=first.outcome if first.outcome != DONE else self.outcome)
        return facts

    def failure(self):
        return {"name": self.name, "operation": self.operation, "elapsed_seconds": round(self.elapsed_seconds, 3),
                "last_status": self.status_after, "outcome": self.outcome, "reason": self.reason}


class ObjectRuntime:
    """Start/stop/status for the objects of one type on one queue manager.

    ``policy``: a WaitPolicy; ``stop``: {option: value} of the type's stop options (channels: stop_mode, stop_status).
    """

    def __init__(self, client, otype, policy=None, stop=None):
        self.client = client
        self.otype = otype
        self.lifecycle = otype.lifecycle
        self.policy = policy or WaitPolicy()
        self.stop_parameters = self.lifecycle.stop_parameters(stop or {})
        self.poll_requests = 0  # status requests made while waiting (the reads before a command are not polls)

    # -- status -----------------------------------------------------------------------------
    def statuses(self, names, retry=None):
        """{name: [status rows]} with a single DISPLAY, generic when there are several names."""
        names = list(names)
        key = self.lifecycle.status_key
        grouped = {name: [] for name in names}
        for row in self.client.display(self.lifecycle.status_qualifier, generic_name_for(names), retry=retry):
            if row.get(key) in grouped:
                grouped[row[key]].append(row)
        return grouped

    def is_running(self, rows, subtype=None):
        return self.lifecycle.is_running(rows, subtype)

    def is_stopped(self, rows):
        """No longer running (a DELETE may follow)."""
        return self.lifecycle.is_stopped(rows)

    def stopped_as_asked(self, rows, subtype=None):
        """Where state=stopped wants it: no longer running, and held STOPPED when the stop options ask for a hold."""
        return self.lifecycle.is_stopped(rows, subtype, self.stop_parameters)

    def on_its_way(self, rows, subtype=None):
        """Started but not RUNNING yet: a start waits for it (when waiting at all) instead of starting it twice."""
        return self.policy.enabled and self.lifecycle.is_on_its_way(rows, subtype)

    # -- idempotent state changes --------------------------------------------------------------
    def ensure_started(self, name, subtype=None):
        """None when already started (nothing sent), else the SyncOutcome of the START (of a restart: ``earlier`` is the STOP)."""
        self.check_startable(subtype)
        rows = self.statuses([name])[name]
        if self.lifecycle.is_failing(rows, subtype):
            return self._start_again(name, subtype, rows)
        if self.is_running(rows, subtype):
            if self.on_its_way(rows, subtype) and not self.client.check_mode:
                outcome = SyncOutcome(name, "start", summarize(rows), issued=False, subtype=subtype, sent_at=self.policy.clock())
                wait_for([(self, outcome)])
                self.raise_failures([outcome])
            return None
        return self.run("start", [(name, subtype, summarize(rows))])[0]

    def _start_again(self, name, subtype, rows):
        """A channel RETRYING is started but not running, and MQ retries it with the definition it started with (a CONNAME
        corrected since then is not used). Stop it, then start it: an attempt now, with its current definition. A START
        alone would be accepted too (RETRYING is not "active", IBM-CHL-STATES), but MQ acts on it asynchronously, so the
        first poll could not tell the old RETRYING record from the new attempt's; after the STOP it is STOPPED until then."""
        stop = self.run("stop", [(name, subtype, summarize(rows))], always_wait=True)[0]
        start = self.run("start", [(name, subtype, stop.status_after)], raise_on_failure=False)[0]
        start.earlier = stop
        self.raise_failures([start])
        return start

    def ensure_stopped(self, name, subtype=None):
        rows = self.statuses([name])[name]
        if self.stopped_as_asked(rows, subtype):
            return None
        return self.run("stop", [(name, subtype, summarize(rows))])[0]

    # -- fan-out ---------------------------------------------------------------------------------
    def run(self, operation, targets, raise_on_failure=True, always_wait=False):
        """Issue ``operation`` for every (name, subtype, status_before), then wait for all at once.

        ``always_wait``: wait even with wait=false, for a stop that a DELETE must follow (MQ refuses to delete an
        object that is still stopping: 3249 MQRCCF_LISTENER_RUNNING, 4031 MQRCCF_CHANNEL_IN_USE).
        """
        outcomes = self.issue(operation, targets)
        if self.client.check_mode:
            return outcomes
        wait_for([(self, o) for o in outcomes if o.issued], always=always_wait)
        if raise_on_failure:
            self.raise_failures(outcomes)
        return outcomes

    def issue(self, operation, targets):
        """Send the command for every (name, subtype, status_before); a failure is that object's outcome."""
        outcomes = []
        for name, subtype, before in targets:
            outcome = SyncOutcome(name, operation, before, subtype=subtype, sent_at=self.policy.clock())
            outcomes.append(outcome)
            problem, already = self._send(operation, name, subtype)
            outcome.by_another_writer = bool(already)
            if operation == "stop" and not problem and not self.client.check_mode and self.lifecycle.holds(subtype, self.stop_parameters):
                outcome.held_stopped = self._held(outcome, already)
            if operation == "start" and already and not self.client.check_mode:
                outcome.blocked = self._start_blocked(name, subtype)
                outcome.by_another_writer = not outcome.blocked
            if problem:
                # This object failed (refused, lost answer, HTTP error); the others still get their command and their
                # wait, so a fan-out never stops half-way with objects silently left stopped.
                outcome.issued, outcome.outcome, outcome.reason = False, FAILED, problem
        return outcomes

    def _send(self, operation, name, subtype, errors=MQError):
        """Send START or STOP (only recorded in check mode); (None, None), (None, reason code) when another writer had
        already done it, or (the message of why it failed, None).

        A reply saying the object already is where the command wants it (a channel in use 4031, a listener started 3233,
        a service running 3251; stopped: 4064, 3234, 3253) is a race with another writer between our status read and the
        command, not a failure; the wait that follows still checks the status.
        """
        try:
            self.client.run(self.command(operation, name), took_effect=self._took_effect(operation, name, subtype))
        except MQCommandError as exc:
            if exc.reason_code not in self.lifecycle.already(operation):
                return exc.msg, None
            return None, exc.reason_code
        except errors as exc:
            return exc.msg, None
        return None, None

    def _held(self, outcome, already):
        """After a STOP meant to hold a passive channel: does MQ hold it STOPPED? An accepted STOP leaves the STOPPED
        record. "Already stopped" (4064 MQRCCF_CHANNEL_NOT_ACTIVE) is a STOPPED record another writer left, or an idle
        channel with no record, which MQ may refuse to stop at all (AMQ9533 "not currently active"): re-read to tell."""
        if not already:
            return True
        answer = "{0} {1}".format(already, reason_name(already))
        try:
            held = "STOPPED" in status_values(self.statuses([outcome.name])[outcome.name])
        except MQError as exc:
            self.client.warnings.append("{0} {1!r}: MQ answered the STOP with {2}, and re-reading its status failed ({3}): whether "
                                        "it is held STOPPED is unknown".format(self.otype.kind, outcome.name, answer, exc.msg))
            return None
        if not held:
            outcome.by_another_writer = False  # nobody stopped it: MQ would not
            self.client.warnings.append(
                "{0} {1!r}: {2} was answered {3}: this queue manager does not hold an idle {4} {0} STOPPED, so it still accepts "
                "connections (held_stopped: false); {5}".format(
                    self.otype.kind, outcome.name, self.command("stop", outcome.name).text(), answer, (outcome.subtype or "").lower(),
                    self.lifecycle.hold[2]))
        return held

    def _start_blocked(self, name, subtype):
        """After a START answered "already started": is the object really started? MQ answers a START on a channel that
        is still STOPPING with the same 4031 (AMQ9514E "Channel is in use", APAR IT34083), so read the status: RUNNING
        (or on its way up) means another writer started it; anything else means the START was refused and must be sent
        again once the record has gone."""
        try:
            rows = self.statuses([name])[name]
        except MQError:
            return False  # the wait that follows reads the status anyway
        return not self.lifecycle.started_by_another(rows, subtype)

    def command(self, operation, name):
        return MQSCCommand(operation.upper(), self.otype.qualifier, name, self.stop_parameters if operation == "stop" else None)

    def _took_effect(self, operation, name, subtype):
        """Re-read the status after a START/STOP whose answer was lost: did MQ act on it?"""
        def check():
            if self.lifecycle.why_unmonitored(subtype):
                raise MQError("a {0} {1} has no status to re-read".format(self.lifecycle.subtype_or_default(subtype).lower(), self.otype.kind))
            rows = self.statuses([name])[name]
            if operation == "start":
                return self.is_running(rows, subtype)
            return self.lifecycle.stopping_or_stopped(rows)
        return check

    def poll(self, names):
        """One status read for the waiter: outages become Unavailable so the wait goes on."""
        self.poll_requests += 1
        try:
            # Not retried inside the transport: the waiter polls again anyway, and must see an outage to know
            # that the queue manager may have restarted under the command.
            return self.statuses(names, retry=False)
        except MQTransportError as exc:
            raise Unavailable(exc.msg, qmgr_down=False, kind=_no_answer(exc))
        except MQHTTPError as exc:
            if exc.retryable:
                raise Unavailable(exc.msg, qmgr_down=exc.qmgr_down, kind="HTTP {0}".format(exc.status))
            raise

    def explain_end(self, outcome):
        """A start that ended (or never showed a status record) gets why it probably did, read from the definition."""
        if outcome.operation != "start" or outcome.outcome == DONE or outcome.status_after not in (summarize([]), "STOPPED"):
            return
        if not self.lifecycle.address and not self.lifecycle.ended:
            return
        row = None
        if self.lifecycle.address:
            try:
                row = self.client.display_one(self.otype.qualifier, outcome.name)
            except MQError:
                pass  # the hint without the port is still better than none
        why = self.lifecycle.why_ended(row)
        outcome.reason = "{0}; {1}".format(outcome.reason, why) if outcome.reason else why

    def reissue(self, outcome):
        """Send the command again after a queue manager restart undid it; None, or why it could not."""
        problem, _already = self._send(outcome.operation, outcome.name, outcome.subtype, errors=(MQUnconfirmedError, MQHTTPError))
        return "issuing it again failed: " + problem if problem else None

    def raise_failures(self, outcomes):
        failed = [o for o in outcomes if o.outcome != DONE]
        if failed:
            raise MQWaitError(self.describe_failures(failed), [o.failure() for o in failed],
                              result={"sync_results": [o.as_dict() for o in outcomes]})

    def describe_failures(self, failed):
        parts = []
        for o in failed:
            # What this task sent, where that is not just the command the failure names.
            if o.earlier is not None:
                sent = " was {0}, so this task stopped it and started it again, and it".format(o.earlier.status_before)
            elif o.watched:
                sent = " was already starting ({0} when read, so this task sent no START) and it".format(o.status_before)
            else:
                sent = ""
            if o.outcome == "timeout":
                parts.append("{0} {1!r}{2} did not {3} within {4}s (waited {5:.1f}s, {6} polls; last status: {7}){8}".format(
                    self.otype.kind, o.name, sent, o.operation, self.policy.timeout, o.elapsed_seconds, o.polls, o.status_after,
                    ": " + o.reason if o.reason else ""))
            else:
                parts.append("{0} {1!r}{2} failed to {3} after {4:.1f}s: {5}".format(
                    self.otype.kind, o.name, sent, o.operation, o.elapsed_seconds, o.reason))
        return "; ".join(parts)

    def check_startable(self, subtype):
        why = self.lifecycle.why_unstartable(subtype)
        if why:
            raise MQInputError(why)


def _no_answer(exc):
    """How a status read got no answer, for the outage message: refused (nothing listens), reset (dropped), timed out."""
    if exc.timed_out:
        return "no answer within request_timeout"
    if not exc.reached:
        return "connection refused" if "refused" in exc.detail.lower() else "no connection"
    return "connection reset"


def wait_for(pairs, always=False):
    """Wait in one polling loop for [(runtime, outcome)], possibly of several object types.

    Each round reads the status once per object type, however many objects of it are pending. Objects
    without a status (command services) are marked and not waited for. Fills in each outcome.
    ``always``: wait even when the runtimes' policy says not to (see ObjectRuntime.run).
    """
    waited = {}
    for runtime, outcome in pairs:
        if runtime.lifecycle.why_unmonitored(outcome.subtype):
            outcome.status_after = "no status (a {0} {1} is not monitored by MQ)".format(
                runtime.lifecycle.subtype_or_default(outcome.subtype).lower(), runtime.otype.kind)
        elif runtime.policy.enabled or always or outcome.blocked:
            # A blocked START is waited for even with wait=false: nothing else would send it again.
            waited[(runtime.otype.kind, outcome.name)] = (runtime, outcome)
    if not waited:
        return
    policy = next(iter(waited.values()))[0].policy
    runtimes = {key[0]: runtime for key, (runtime, _outcome) in waited.items()}
    trackers = {key: StatusTracker(runtime.lifecycle, o.operation, o.subtype, runtime.policy.retrying_grace, blocked=o.blocked,
                                   follow=runtime.policy.enabled or always, had_record=o.status_before != summarize([]))
                for key, (runtime, o) in waited.items()}

    def fetch(keys):
        observed = {}
        for kind, runtime in runtimes.items():
            names = [name for key_kind, name in keys if key_kind == kind]
            if names:
                observed.update(((kind, name), rows) for name, rows in runtime.poll(names).items())
        return observed

    results = wait_all(trackers, fetch, policy.timeout, policy.poll_interval,
                       {key: o.sent_at for key, (_runtime, o) in waited.items()}, clock=policy.clock, sleep=policy.sleep,
                       reissue=lambda key: waited[key][0].reissue(waited[key][1]), outage_grace=policy.outage_grace)
    for key, (runtime, outcome) in waited.items():
        result = results[key]
        outcome.polls, outcome.elapsed_seconds = result.polls, result.elapsed
        outcome.status_after, outcome.outcome, outcome.reason = result.last_status, result.outcome, result.reason
        runtime.explain_end(outcome)
