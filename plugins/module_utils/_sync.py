# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""Synchronous start and stop: issue the commands, then wait for the status with one waiter.

Straight-line sequences over the client and the waiter. Many objects are handled as a fan-out:
every command first, then one status DISPLAY per polling round for all of them.
"""

from __future__ import annotations

import time

from ._client import MQUnconfirmedError
from ._errors import MQCommandError, MQError, MQHTTPError, MQInputError, MQTransportError, MQWaitError
from ._mqsc import MQSCCommand, covering_name
from ._transport import RETRYABLE_STATUS
from ._waiter import DONE, FAILED, PASSIVE_CHANNEL_TYPES, StatusTracker, Unavailable, summarize, wait_all

__all__ = ["ObjectRuntime", "SyncOutcome", "wait_for"]

# Replies that mean the object is already where the command wants it: a race between our
# status read and the command, not a failure (IBM-RC4031/4064/3233/3234/3251/3253).
ALREADY_STARTED = frozenset((4031, 3233, 3251))
ALREADY_STOPPED = frozenset((4064, 3234, 3253))
# Channel states in which a START is pointless: the channel is already on its way.
_CHANNEL_STARTING = frozenset(("INITIALIZING", "STARTING", "BINDING", "REQUESTING", "SWITCHING", "RETRYING", "PAUSED", "RUNNING"))
_STATUS_NAME_KEY = {"CHSTATUS": "channel", "LSSTATUS": "listener", "SVSTATUS": "service"}
OPERATION_RESULT = {"start": "started", "stop": "stopped", "restart": "restarted"}


class SyncOutcome:
    """What one start or stop did: the facts users asked for (SyncResult), per object."""

    __slots__ = ("name", "operation", "subtype", "sent_at", "polls", "elapsed_seconds", "status_before", "status_after", "issued",
                 "outcome", "reason")

    def __init__(self, name, operation, status_before, issued=True, subtype=None, sent_at=None):
        self.name = name
        self.operation = operation
        self.subtype = subtype
        self.sent_at = sent_at
        self.status_before = status_before
        self.status_after = status_before
        self.issued = issued
        self.polls = 0
        self.elapsed_seconds = 0.0
        self.outcome = DONE
        self.reason = None

    def as_dict(self):
        return sync_fact(self, OPERATION_RESULT[self.operation])

    def failure(self):
        return {"name": self.name, "operation": self.operation, "elapsed_seconds": round(self.elapsed_seconds, 3),
                "last_status": self.status_after, "outcome": self.outcome, "reason": self.reason}


class ObjectRuntime:
    """Start/stop/status for the objects of one type on one queue manager."""

    def __init__(self, client, spec, wait=True, wait_timeout=60.0, poll_interval=1.0, stop_mode=None,
                 stop_status=None, retrying_grace=0.0, clock=time.monotonic, sleep=time.sleep):
        self.client = client
        self.spec = spec
        self.wait = wait
        self.wait_timeout = wait_timeout
        self.poll_interval = poll_interval
        self.stop_mode = stop_mode
        self.stop_status = stop_status
        self.retrying_grace = retrying_grace
        self.clock = clock
        self.sleep = sleep
        self.poll_requests = 0  # status requests made while waiting (the reads before a command are not polls)

    # -- status -----------------------------------------------------------------------------
    def statuses(self, names, retry=None):
        """{name: [status rows]} with a single DISPLAY, generic when there are several names."""
        names = list(names)
        key = _STATUS_NAME_KEY[self.spec.status_qualifier]
        grouped = {name: [] for name in names}
        for row in self.client.display(self.spec.status_qualifier, covering_name(names), retry=retry):
            if row.get(key) in grouped:
                grouped[row[key]].append(row)
        return grouped

    def is_running(self, rows, subtype=None):
        statuses = {str(r.get("status", "")).upper() for r in rows}
        if self.spec.kind == "channel" and subtype in PASSIVE_CHANNEL_TYPES:
            # An enabled receiver/server-connection channel with no partner has no record; it is "started".
            return "STOPPED" not in statuses
        return bool(statuses & _CHANNEL_STARTING) if self.spec.kind == "channel" else bool(statuses & {"RUNNING", "STARTING"})

    def on_its_way(self, rows, subtype=None):
        """A running channel not yet RUNNING (BINDING, RETRYING, ...) that a start should wait for, not start twice."""
        return self.spec.kind == "channel" and subtype not in PASSIVE_CHANNEL_TYPES and self.wait \
            and not any(str(r.get("status", "")).upper() == "RUNNING" for r in rows)

    @staticmethod
    def is_stopped(rows):
        return all(str(r.get("status", "")).upper() in ("STOPPED", "INACTIVE") for r in rows)

    # -- idempotent state changes --------------------------------------------------------------
    def ensure_started(self, name, subtype=None):
        """None when already started (nothing sent), else the SyncOutcome of the START."""
        self.check_startable(subtype)
        rows = self.statuses([name])[name]
        if self.is_running(rows, subtype):
            if self.on_its_way(rows, subtype) and not self.client.check_mode:
                outcome = SyncOutcome(name, "start", summarize(rows), issued=False, subtype=subtype, sent_at=self.clock())
                wait_for([(self, outcome)])
                self.raise_failures([outcome])
            return None
        return self.run("start", [(name, subtype, summarize(rows))])[0]

    def ensure_stopped(self, name, subtype=None):
        rows = self.statuses([name])[name]
        if self.is_stopped(rows):
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
            outcome = SyncOutcome(name, operation, before, subtype=subtype, sent_at=self.clock())
            outcomes.append(outcome)
            try:
                # only recorded in check mode
                self.client.run(self.command(operation, name), took_effect=self._took_effect(operation, name, subtype))
            except MQCommandError as exc:
                already = ALREADY_STARTED if operation == "start" else ALREADY_STOPPED
                if exc.reason_code not in already:
                    outcome.issued, outcome.outcome, outcome.reason = False, FAILED, exc.msg
            except MQError as exc:
                # This object failed (lost answer, HTTP error); the others still get their command and their
                # wait, so a fan-out never stops half-way with objects silently left stopped.
                outcome.issued, outcome.outcome, outcome.reason = False, FAILED, exc.msg
        return outcomes

    def command(self, operation, name):
        parameters = {}
        if operation == "stop" and self.spec.kind == "channel":
            if self.stop_mode:
                parameters["MODE"] = self.stop_mode.upper()
            if self.stop_status:
                parameters["STATUS"] = self.stop_status.upper()
        return MQSCCommand(operation.upper(), self.spec.qualifier, name, parameters)

    def _took_effect(self, operation, name, subtype):
        """Re-read the status after a START/STOP whose answer was lost: did MQ act on it?"""
        def check():
            if not self._has_status(subtype):
                raise MQError("a COMMAND service has no status to re-read")
            rows = self.statuses([name])[name]
            if operation == "start":
                return self.is_running(rows, subtype)
            return self.is_stopped(rows) or any(str(r.get("status", "")).upper() == "STOPPING" for r in rows)
        return check

    def _has_status(self, subtype):
        # IBM-SVC-WORK: only SERVTYPE(SERVER) services have SVSTATUS; COMMAND ones cannot be monitored.
        return not (self.spec.kind == "service" and subtype == "COMMAND")

    def poll(self, names):
        """One status read for the waiter: outages become Unavailable so the wait goes on."""
        self.poll_requests += 1
        try:
            # Not retried inside the transport: the waiter polls again anyway, and must see an outage to know
            # that the queue manager may have restarted under the command.
            return self.statuses(names, retry=False)
        except MQTransportError as exc:
            raise Unavailable(exc.msg, qmgr_down=False)
        except MQHTTPError as exc:
            # 503 (MQWB0009E): the queue manager is ending, ended or starting. 502/504: a proxy lost mqweb.
            if exc.status in RETRYABLE_STATUS:
                raise Unavailable(exc.msg, qmgr_down=exc.status == 503)
            raise

    def reissue(self, outcome):
        """Send the command again after a queue manager restart undid it; None, or why it could not."""
        try:
            self.client.run(self.command(outcome.operation, outcome.name),
                            took_effect=self._took_effect(outcome.operation, outcome.name, outcome.subtype))
        except MQCommandError as exc:
            if exc.reason_code not in (ALREADY_STARTED if outcome.operation == "start" else ALREADY_STOPPED):
                return "issuing it again failed: " + exc.msg
        except (MQUnconfirmedError, MQHTTPError) as exc:
            return "issuing it again failed: " + exc.msg
        return None

    def raise_failures(self, outcomes):
        failed = [o for o in outcomes if o.outcome != DONE]
        if failed:
            raise MQWaitError(self.describe_failures(failed), [o.failure() for o in failed],
                              sync_results=[o.as_dict() for o in outcomes])

    def describe_failures(self, failed):
        parts = []
        for o in failed:
            verb = "start" if o.operation == "start" else "stop"
            if o.outcome == "timeout":
                parts.append("{0} {1!r} did not {2} within {3}s (waited {4:.1f}s, {5} polls; last status: {6}){7}".format(
                    self.spec.kind, o.name, verb, self.wait_timeout, o.elapsed_seconds, o.polls, o.status_after,
                    ": " + o.reason if o.reason else ""))
            else:
                parts.append("{0} {1!r} failed to {2} after {3:.1f}s: {4}".format(self.spec.kind, o.name, verb, o.elapsed_seconds, o.reason))
        return "; ".join(parts)

    def check_startable(self, subtype):
        if self.spec.kind == "channel" and subtype == "CLNTCONN":
            raise MQInputError("a clntconn channel cannot be started or stopped: it is a client-side definition; "
                               "its svrconn partner on the queue manager is what runs")


def wait_for(pairs, always=False):
    """Wait in one polling loop for [(runtime, outcome)], possibly of several object types.

    Each round reads the status once per object type, however many objects of it are pending. Objects
    without a status (COMMAND services) are marked and not waited for. Fills in each outcome.
    ``always``: wait even when the runtimes were told not to (see ObjectRuntime.run).
    """
    waited = {}
    for runtime, outcome in pairs:
        if not runtime._has_status(outcome.subtype):
            outcome.status_after = "no status (a COMMAND service is not monitored by MQ)"
        elif runtime.wait or always:
            waited[(runtime.spec.kind, outcome.name)] = (runtime, outcome)
    if not waited:
        return
    first = next(iter(waited.values()))[0]
    runtimes = {key[0]: runtime for key, (runtime, _outcome) in waited.items()}
    trackers = {key: StatusTracker(key[0], o.operation, o.subtype, runtime.retrying_grace) for key, (runtime, o) in waited.items()}

    def fetch(keys):
        observed = {}
        for kind, runtime in runtimes.items():
            names = [name for key_kind, name in keys if key_kind == kind]
            if names:
                observed.update(((kind, name), rows) for name, rows in runtime.poll(names).items())
        return observed

    results = wait_all(trackers, fetch, first.wait_timeout, first.poll_interval,
                       {key: o.sent_at for key, (_runtime, o) in waited.items()}, clock=first.clock, sleep=first.sleep,
                       reissue=lambda key: waited[key][0].reissue(waited[key][1]))
    for key, (_runtime, outcome) in waited.items():
        result = results[key]
        outcome.polls, outcome.elapsed_seconds = result.polls, result.elapsed
        outcome.status_after, outcome.outcome, outcome.reason = result.last_status, result.outcome, result.reason


class ObjectRecord:
    """One object's part in a start/stop/restart: both phases summed, as mq_restart reports it."""

    __slots__ = ("name", "status_before", "status_after", "polls", "elapsed_seconds", "phases")

    def __init__(self, name, status_before):
        self.name = name
        self.status_before = status_before
        self.status_after = status_before
        self.polls = 0
        self.elapsed_seconds = 0.0
        self.phases = []

    def add(self, outcome):
        self.phases.append(outcome.operation)
        self.polls += outcome.polls
        self.elapsed_seconds += outcome.elapsed_seconds
        self.status_after = outcome.status_after

    def as_dict(self, operation):
        return sync_fact(self, operation)


def sync_fact(result, operation):
    """The SyncResult facts users asked for, from a SyncOutcome or an ObjectRecord."""
    return {"name": result.name, "operation": operation, "polls": result.polls, "elapsed_seconds": round(result.elapsed_seconds, 3),
            "status_before": result.status_before, "status_after": result.status_after}


def operate(runtime, objects, operation, parallel=True):
    """Start, stop or restart ``objects`` [(name, subtype)]; returns {name: ObjectRecord}.

    parallel: every STOP is issued, then one status poll per round covers all of them, then every
    START likewise. Otherwise one object at a time, in the given order, stopping at the first failure.
    A stop phase that fails for some objects still starts the others again, so nothing that stopped
    cleanly is left stopped. Raises MQWaitError at the end when anything failed.
    """
    if operation in ("start", "restart"):
        # Refuse before the first STOP: finding out between the phases would leave the others stopped.
        for _name, subtype in objects:
            runtime.check_startable(subtype)
    records = {}
    failures = []
    try:
        _operate_batches(runtime, objects, operation, parallel, records, failures)
    except (MQWaitError, MQInputError):
        raise
    except MQError as exc:
        # Something failed outside any one object (status reads, authentication): say what this task stopped
        # and did not start again, rather than only the error.
        left = [r.name for r in records.values() if "stop" in r.phases and "start" not in r.phases and operation == "restart"]
        raise MQWaitError("{0} stopped by this task and not started again: {1}; cause: {2}".format(
            runtime.spec.kind + "s", ", ".join(left) or "none", exc.msg), [o.failure() for o in failures],
            sync_results=[r.as_dict(OPERATION_RESULT[operation]) for r in records.values()])
    if failures:
        raise MQWaitError(runtime.describe_failures(failures), [o.failure() for o in failures],
                          sync_results=[r.as_dict(OPERATION_RESULT[operation]) for r in records.values()])
    return records


def _operate_batches(runtime, objects, operation, parallel, records, failures):
    batches = [list(objects)] if parallel else [[o] for o in objects]
    for batch in batches:
        before = runtime.statuses([target[0] for target in batch])
        for name, _subtype in batch:
            records[name] = ObjectRecord(name, summarize(before[name]))
        ready = list(batch)
        if operation in ("stop", "restart"):
            to_stop = [(n, s, records[n].status_before) for n, s in batch if not runtime.is_stopped(before[n])]
            stopped = runtime.run("stop", to_stop, raise_on_failure=False)
            failed = set()
            for outcome in stopped:
                records[outcome.name].add(outcome)
                if outcome.outcome != DONE:
                    failed.add(outcome.name)
                    failures.append(outcome)
            ready = [(n, s) for n, s in batch if n not in failed]
        if operation in ("start", "restart"):
            to_start = [(n, s, records[n].status_after) for n, s in ready
                        if operation == "restart" or not runtime.is_running(before[n], s)]
            for outcome in runtime.run("start", to_start, raise_on_failure=False):
                records[outcome.name].add(outcome)
                if outcome.outcome != DONE:
                    if operation == "restart" and "stop" in records[outcome.name].phases:
                        # Say "left stopped" only when it is: a channel that went RETRYING is trying to run.
                        stopped = outcome.status_after == "no status record" or outcome.status_after.startswith("STOPPED")
                        outcome.reason = "it stopped cleanly but did not start again{0}: {1}".format(
                            ", so it is left stopped" if stopped else " (last status: {0})".format(outcome.status_after),
                            outcome.reason or "no RUNNING status within {0}s".format(runtime.wait_timeout))
                        outcome.outcome = "failed"
                    failures.append(outcome)
        if failures and not parallel:
            break
