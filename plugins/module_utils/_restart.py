# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""Start, stop or restart many objects of one type: target expansion, both phases, one record per object.

mq_restart with type and names is this file; with targets (a rolling restart) _rolling builds on it.
"""

from __future__ import annotations

from ._errors import MQError, MQInputError, MQWaitError
from ._lifecycle import summarize
from ._runtime import OPERATION_RESULT, sync_fact
from ._waiter import DONE

__all__ = ["ObjectRecord", "run_operation", "match_targets", "expand", "one_per_name"]

SYSTEM_PREFIX = "SYSTEM."


def one_per_name(otype, items, key):
    """{name: item} of DISPLAY rows or facts, one per name: where a clntconn channel shares its name with another channel,
    the other one, because restarts are about what runs and a clntconn never does (ObjectType.namespaces)."""
    found = {}
    for item in items:
        if item[key] not in found or not otype.row_namespace(otype.row_from_facts(item)):
            found[item[key]] = item
    return found


def expand(otype, rows, pattern):
    """The names in ``rows`` {name: row or facts} that ``pattern`` names, sorted; [] when none.

    A pattern ending in ``*`` is a generic name. It never sweeps the queue manager's own SYSTEM.* objects into a
    restart unless the pattern itself starts with SYSTEM., and it skips subtypes that cannot be started or stopped
    (clntconn channels are client-side definitions that never run).
    """
    if not pattern.endswith("*"):
        return [pattern] if pattern in rows else []
    stem = pattern[:-1]
    return sorted(n for n in rows if n.startswith(stem) and (stem.startswith(SYSTEM_PREFIX) or not n.startswith(SYSTEM_PREFIX))
                  and not otype.lifecycle.why_unstartable(otype.row_subtype(rows[n])))


def match_targets(otype, rows, patterns, allow_empty=False):
    """[(name, subtype)] of the DISPLAY ``rows`` {name: row} that ``patterns`` name, in pattern order, without repeats.

    A name that does not exist, or a generic name that matches nothing (unless ``allow_empty``), raises MQInputError.
    """
    found = {}
    for pattern in patterns:
        matched = expand(otype, rows, pattern)
        if not matched and not pattern.endswith("*"):
            raise MQInputError("names: {0} {1!r} does not exist on the queue manager".format(otype.kind, pattern))
        if not matched and not allow_empty:
            raise MQInputError("names: {0!r} matches no {1} (set allow_empty: true to accept that)".format(pattern, otype.kind))
        for name in matched:
            found.setdefault(name, otype.row_subtype(rows[name]))
    return list(found.items())


class ObjectRecord:
    """One object's part in a start/stop/restart: both phases summed, as mq_restart reports it."""

    __slots__ = ("name", "status_before", "status_after", "polls", "elapsed_seconds", "phases", "by_another_writer", "outcomes")

    def __init__(self, name, status_before):
        self.name = name
        self.status_before = status_before
        self.status_after = status_before
        self.polls = 0
        self.elapsed_seconds = 0.0
        self.phases = []
        self.by_another_writer = []  # the phases MQ answered "already stopped/started": someone else did them
        self.outcomes = []  # the SyncOutcome of each phase

    @property
    def outcome(self):
        """done, or what became of the first phase that was not (failed, timeout)."""
        return next((o.outcome for o in self.outcomes if o.outcome != DONE), DONE)

    def add(self, outcome):
        self.outcomes.append(outcome)
        self.phases.append(outcome.operation)
        self.polls += outcome.polls
        self.elapsed_seconds += outcome.elapsed_seconds
        self.status_after = outcome.status_after
        if outcome.by_another_writer:
            self.by_another_writer.append(outcome.operation)

    def as_dict(self, operation):
        return dict(sync_fact(self, operation), by_another_writer=list(self.by_another_writer), outcome=self.outcome)


def run_operation(runtime, objects, operation, parallel=True):
    """Start, stop or restart ``objects`` [(name, subtype)]; returns {name: ObjectRecord}.

    parallel: every STOP is issued, then one status poll per round covers all of them, then every
    START likewise. Otherwise one object at a time, in the given order, stopping at the first failure.
    A stop phase that fails for some objects still starts the others again, so nothing that stopped
    cleanly is left stopped. Raises MQWaitError at the end when anything failed; its result holds
    ``sync_results`` for every object handled.
    """
    if not objects:
        return {}  # nothing matched (allow_empty): no status to read
    # Refuse before the first STOP: finding out between the phases would leave the others stopped.
    for _name, subtype in objects:
        runtime.check_startable(subtype)
    records = {}
    failures = []

    def results():
        return {"sync_results": [r.as_dict(OPERATION_RESULT[operation]) for r in records.values()],
                "not_attempted": [name for name, _subtype in objects if name not in records]}

    try:
        _operate_batches(runtime, objects, operation, parallel, records, failures)
    except (MQWaitError, MQInputError):
        raise
    except MQError as exc:
        # Something failed outside any one object (status reads, authentication): say what this task stopped
        # and did not start again, rather than only the error.
        left = [r.name for r in records.values() if "stop" in r.phases and "start" not in r.phases and operation == "restart"]
        raise MQWaitError("{0} stopped by this task and not started again: {1}; cause: {2}".format(
            runtime.otype.list_option, ", ".join(left) or "none", exc.msg), [o.failure() for o in failures], result=results())
    if failures:
        not_attempted = results()["not_attempted"]
        raise MQWaitError(runtime.describe_failures(failures) + (
            "; not attempted after that failure: " + ", ".join(not_attempted) if not_attempted else ""),
            [o.failure() for o in failures], result=results())
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
            # A restart waits for its stop even with wait=false: MQ refuses to START an object that is still stopping.
            stopped = runtime.run("stop", to_stop, raise_on_failure=False, always_wait=operation == "restart")
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
                            outcome.reason or "no RUNNING status within {0}s".format(runtime.policy.timeout))
                        outcome.outcome = "failed"
                    failures.append(outcome)
        if failures and not parallel:
            break
