# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""One queue manager's part of a rolling restart, in one module run: preflight, plan, restart in priority order,
consecutive health checks, and on failure recovery; a report that names every declared target.

mq_restart with ``targets`` is this file; the rolling_restart role is a thin shell around that one task.
"""

from __future__ import annotations

import time

from ._errors import MQError, MQInputError, MQWaitError
from ._lifecycle import status_values, summarize
from ._mqsc import generic_name_for
from ._types import REGISTRY
from ._restart import expand, one_per_name, run_operation
from ._runtime import OPERATION_RESULT, ObjectRuntime, read_objects

__all__ = ["RollingRestart", "restart_plan", "unhealthy"]

# What happened to each declared target, as the report says it.
RESTARTED = "restarted"
STARTED = "started (was not running)"
NOT_RUNNING_BEFORE = "not running before (left as is)"
NOT_ATTEMPTED = "not attempted (an earlier object failed)"
NOT_ATTEMPTED_PREFLIGHT = "not attempted (preflight: {0})"
FAILED = "failed"
PLANNED = "would restart (check mode)"


def restart_plan(info, targets, parallel=True):
    """What a rolling restart does on one queue manager, from mq_info-shaped ``info`` and the targets.

    Returns {"plan": [{type, names, not_running, missing, parallel, wait_for_partner}], "missing": ["TYPE PATTERN", ...]},
    one step per target. Only objects with a RUNNING status record now are restarted (``names``); the others are reported
    (``not_running``) and left alone. A step's ``missing``: its patterns that match nothing (unless ``allow_empty``).
    """
    plan, missing = [], []
    for target in targets:
        otype = REGISTRY[target["type"]]
        objects = one_per_name(otype, info.get(otype.list_option, []), "name")
        rows = {name: otype.row_from_facts(obj) for name, obj in objects.items()}
        matched, step_missing = [], []
        for pattern in target["names"]:
            names = expand(otype, rows, pattern)
            if not names and not target.get("allow_empty"):
                step_missing.append(pattern)
                missing.append("{0} {1}".format(target["type"], pattern))
            matched.extend(n for n in names if n not in matched)
        running = [n for n in matched if "RUNNING" in status_values(objects[n].get("status", []))]
        step_parallel = target.get("parallel")
        plan.append({"type": target["type"], "names": running, "not_running": [n for n in matched if n not in running],
                     "missing": step_missing, "parallel": parallel if step_parallel is None else bool(step_parallel),
                     "wait_for_partner": bool(target.get("wait_for_partner"))})
    return {"plan": plan, "missing": missing}


def unhealthy(info, plan):
    """What is not healthy in mq_info-shaped ``info``, as "TYPE NAME (status)": the queue manager first, when it or its
    command server is not running, then every object of the plan that is not healthy (per its lifecycle) or gone. A step
    with ``wait_for_partner`` also needs a RUNNING instance of each of its channels: the partner reconnected."""
    bad = []
    qmstatus = info.get("qmstatus") or {}
    if qmstatus.get("status") != "RUNNING" or qmstatus.get("cmdserv") != "RUNNING":
        bad.append("qmgr {0} (status {1}, command server {2})".format(
            qmstatus.get("qmname", ""), qmstatus.get("status", "unknown"), qmstatus.get("cmdserv", "unknown")))
    for step in plan:
        otype = REGISTRY[step["type"]]
        objects = {o["name"]: o for o in info.get(REGISTRY[step["type"]].list_option, [])}
        for name in step["names"]:
            obj = objects.get(name)
            if obj is None:
                bad.append("{0} {1} (gone)".format(step["type"], name))
            elif not otype.lifecycle.healthy(obj.get("status", []), otype.row_subtype(otype.row_from_facts(obj)), step.get("wait_for_partner")):
                bad.append("{0} {1} ({2}{3})".format(step["type"], name, summarize(obj.get("status", [])),
                                                     "; its partner has not reconnected" if step.get("wait_for_partner") else ""))
    return bad


class RollingRestart:
    """Preflight, plan, restart, health gate and recovery for one queue manager.

    ``targets``: [{type, names, parallel, allow_empty, wait_for_partner}] in priority order; ``wait_for_partner``
    (receiving channels whose partner channel reconnects, Lifecycle.partnered) makes the health gate wait for a RUNNING
    instance of each, and the report says how long after its START the partner was back. ``preflight``: None (no gates) or
    {retrying_channels: bool, max_logutil: int or None}. ``health``: {checks, interval, timeout}; checks 0 skips the
    gate. ``start_not_running``: also start declared targets that were not running (a policy decision: off by default).
    ``recover``: after a failure, start again everything that was running before.
    """

    def __init__(self, client, targets, policy, stop, preflight=None, health=None, parallel=True, start_not_running=False,
                 recover=True, clock=time.monotonic, sleep=time.sleep):
        self.client = client
        self.targets = targets
        self.policy = policy
        self.stop = stop
        self.preflight_gates = preflight
        self.health = health or {"checks": 0, "interval": 1.0, "timeout": 60.0}
        self.parallel = parallel
        self.start_not_running = start_not_running
        self.recover_on_failure = recover
        self.clock = clock
        self.sleep = sleep
        self.runtimes = {}
        self.plan = []
        self.before = {}  # (type, name) -> status summary at preflight
        self.last_seen = {}  # (type, name) -> status summary at the latest read
        self.subtypes = {}  # (type, name) -> CHLTYPE, SERVTYPE or None
        self.outcome = {}  # (type, name) -> (result, reason)
        self.sync_results = []
        self.health_checks = 0
        self.seconds = {}
        self.restarted_at = {}  # (type, name) -> policy clock at the START of a wait_for_partner channel
        self.partner_back = {}  # (type, name) -> seconds from that START to the first health read showing it RUNNING
        self.left_not_running = []
        self.failure = None
        self.preflight_failure = None  # why the preflight refused: every declared target is then "not attempted" for it

    @property
    def poll_requests(self):
        """Status requests made while waiting for stops and starts, over every object type."""
        return sum(runtime.poll_requests for runtime in self.runtimes.values())

    # -- the run ---------------------------------------------------------------------------------
    def run(self):
        """The module result; raises MQError carrying the same result when anything failed."""
        started = self.clock()
        phase = "preflight"
        try:
            self._check_partner_types()
            info = self._read(self._patterns(), with_qmgr=self.preflight_gates is not None)
            # The plan first, so that a gate that refuses can still name every declared target in the report.
            self._make_plan(info)
            if self.preflight_gates is not None:
                self._check_gates(info)
            self._check_plan()
            self.seconds["preflight"] = round(self.clock() - started, 3)
            phase = "restart"
            self._restart()
            self.seconds["restart"] = round(self.clock() - started - self.seconds["preflight"], 3)
            if self.health["checks"] > 0 and not self.client.check_mode:
                phase = "health"
                self._health_gate()
        except MQError as exc:
            self.failure = "{0} failed: {1}".format(phase, exc.msg)
            if phase == "preflight":
                self.preflight_failure = exc.msg
            if phase != "preflight" and self.recover_on_failure and not self.client.check_mode:
                self._recover()
                exc.msg = "{0}. {1}".format(self.failure, "Left not running: " + ", ".join(self.left_not_running) if self.left_not_running
                                            else "Everything that was running before is running again.")
            else:
                exc.msg = self.failure
            self.seconds["total"] = round(self.clock() - started, 3)
            raise exc.with_result(self.result())
        self.seconds["total"] = round(self.clock() - started, 3)
        return self.result()

    # -- preflight and plan ------------------------------------------------------------------------
    def _patterns(self):
        """{type: [patterns]} of the targets, for one DISPLAY per type."""
        patterns = {}
        for target in self.targets:
            patterns.setdefault(target["type"], []).extend(target["names"])
        return patterns

    def _check_partner_types(self):
        """wait_for_partner on a type that has no partner channel is refused before any request."""
        for index, target in enumerate(self.targets):
            lifecycle = REGISTRY[target["type"]].lifecycle
            if target.get("wait_for_partner") and not lifecycle.partnered:
                raise MQInputError("targets[{0}].wait_for_partner=true: {1}".format(index, lifecycle.why_no_partner_wait(None)))

    def _read(self, patterns, with_qmgr=True):
        """mq_info-shaped facts: QMSTATUS and, per type, the objects the patterns cover with their status."""
        info = {}
        if with_qmgr:
            info["qmstatus"] = self.client.display_one("QMSTATUS", None) or {}
        for kind, names in patterns.items():
            otype = REGISTRY[kind]
            if not names:
                info[otype.list_option] = []  # only targets with an empty names list (allow_empty): nothing to read
                continue
            generic = len(names) > 1 or any(n.endswith("*") for n in names)
            info[otype.list_option] = read_objects(self.client, otype, generic_name_for([n.rstrip("*") for n in names], generic=generic))
            self.last_seen.update(((kind, o["name"]), o["status_summary"]) for o in info[otype.list_option])
        return info

    def _check_gates(self, info):
        qmstatus = info["qmstatus"]
        if qmstatus.get("status") != "RUNNING" or qmstatus.get("cmdserv") != "RUNNING":
            raise MQError("queue manager {0} is not ready: status {1}, command server {2}".format(
                qmstatus.get("qmname", ""), qmstatus.get("status", "unknown"), qmstatus.get("cmdserv", "unknown")))
        if self.preflight_gates.get("retrying_channels", True):
            # Objects already in a failing state (the lifecycle tables' failing states: a channel RETRYING).
            failing = []
            for otype in REGISTRY.runnable:
                lifecycle = otype.lifecycle
                for row in self.client.display(lifecycle.status_qualifier, "*") if lifecycle and lifecycle.failing else ():
                    status = status_values([row])[0]
                    if status in lifecycle.failing:
                        failing.append("{0} {1} ({2})".format(otype.kind, row.get(lifecycle.status_key), status))
            if failing:
                raise MQError("already failing, the queue manager is degraded: {0}".format(", ".join(sorted(set(failing)))))
        limit = self.preflight_gates.get("max_logutil")
        logutil = str(qmstatus.get("logutil", "")).strip()
        # Circular logs and older queue managers do not report LOGUTIL: they pass.
        if limit is not None and logutil.isdigit() and int(logutil) > limit:
            raise MQError("LOGUTIL is {0}%, above the limit of {1}%: a restart now could take long to replay the log".format(
                logutil, limit))

    def _make_plan(self, info):
        """The plan from the first read: what each target names, its status before and subtype (nothing refused yet)."""
        self.plan = restart_plan(info, self.targets, self.parallel)["plan"]
        for step in self.plan:
            otype = REGISTRY[step["type"]]
            objects = {o["name"]: o for o in info[otype.list_option]}
            for name in step["names"] + step["not_running"]:
                key = (step["type"], name)
                self.before[key] = objects[name]["status_summary"]
                self.subtypes[key] = otype.row_subtype(otype.row_from_facts(objects[name]))
                if name in step["not_running"] and not self.start_not_running:
                    self.outcome[key] = (NOT_RUNNING_BEFORE, None)

    def _check_plan(self):
        """Refuse, before any change, targets that name nothing or that cannot be restarted as asked."""
        missing = ["{0} {1}".format(step["type"], pattern) for step in self.plan for pattern in step["missing"]]
        if missing:
            raise MQInputError("no such object on the queue manager: {0}".format(", ".join(missing)))
        for index, step in enumerate(self.plan):
            otype = REGISTRY[step["type"]]
            for name in step["names"] + step["not_running"]:
                key = (step["type"], name)
                # What is not running and left as is gets nothing sent, so whether it could be started does not matter.
                if key not in self.outcome and otype.lifecycle.why_unstartable(self.subtypes[key]):
                    # Refused here, before any change: finding out between two targets would leave the first restarted.
                    raise MQInputError("{0} {1}: {2}".format(step["type"], name, otype.lifecycle.why_unstartable(self.subtypes[key])))
                if step["wait_for_partner"] and otype.lifecycle.why_no_partner_wait(self.subtypes[key]):
                    # The subtype is only known from the DISPLAY: refused after that read, still before any change.
                    raise MQInputError("targets[{0}].wait_for_partner=true: {1} {2}: {3}".format(
                        index, step["type"], name, otype.lifecycle.why_no_partner_wait(self.subtypes[key])))

    # -- restart ---------------------------------------------------------------------------------
    def _runtime(self, kind):
        if kind not in self.runtimes:
            self.runtimes[kind] = ObjectRuntime(self.client, REGISTRY[kind], self.policy, stop=self.stop)
        return self.runtimes[kind]

    def _restart(self):
        for index, step in enumerate(self.plan):
            runtime = self._runtime(step["type"])
            for operation, names in (("restart", step["names"]), ("start", step["not_running"] if self.start_not_running else [])):
                if not names:
                    continue
                try:
                    records = run_operation(runtime, self._objects(step["type"], names), operation, parallel=step["parallel"])
                except MQWaitError as exc:
                    self._record_failure(step["type"], exc, operation)
                    for later in self.plan[index + 1:]:
                        for name in later["names"] + (later["not_running"] if self.start_not_running else []):
                            self.outcome[(later["type"], name)] = (NOT_ATTEMPTED, None)
                    raise
                self._record(step["type"], records.values(), operation)
                if step["wait_for_partner"] and operation == "restart" and not self.client.check_mode:
                    for record in records.values():
                        self.restarted_at[(step["type"], record.name)] = next(o.sent_at for o in record.outcomes if o.operation == "start")

    def _objects(self, kind, names):
        return [(name, self.subtypes[(kind, name)]) for name in names]

    def _done(self, operation):
        return PLANNED if self.client.check_mode else RESTARTED if operation == "restart" else STARTED

    def _record(self, kind, records, operation):
        for record in records:
            fact = dict(record.as_dict(OPERATION_RESULT[operation]), type=kind)
            self.sync_results.append(fact)
            self.last_seen[(kind, record.name)] = fact["status_after"]
            self.outcome[(kind, record.name)] = (self._done(operation), None)

    def _record_failure(self, kind, exc, operation):
        failed = {f["name"]: f.get("reason") or "{0} after {1}s (last status: {2})".format(f["outcome"], f["elapsed_seconds"], f["last_status"])
                  for f in exc.failures}
        for fact in exc.result.get("sync_results", []):
            self.sync_results.append(dict(fact, type=kind))
            self.last_seen[(kind, fact["name"])] = fact["status_after"]
            reason = failed.get(fact["name"])
            self.outcome[(kind, fact["name"])] = (FAILED, reason) if reason else (self._done(operation), None)
        for name in exc.result.get("not_attempted", []):
            self.outcome[(kind, name)] = (NOT_ATTEMPTED, None)

    # -- health ----------------------------------------------------------------------------------
    def _health_gate(self):
        """Healthy within the timeout, then still healthy at ``checks`` consecutive checks (the first healthy one counts),
        ``interval`` apart. A relapse fails."""
        checks, interval, timeout = self.health["checks"], self.health["interval"], self.health["timeout"]
        started = self.clock()
        healthy_in_a_row = 0
        while True:
            bad = self._unhealthy()
            if bad:
                if healthy_in_a_row:
                    raise MQError("not healthy at check {0} of {1} after being healthy: {2}".format(
                        healthy_in_a_row + 1, checks, ", ".join(bad)))
                if self.clock() - started + interval > timeout:
                    raise MQError("not healthy within {0}s: {1}".format(timeout, ", ".join(bad)))
            else:
                healthy_in_a_row += 1
                if healthy_in_a_row >= checks:
                    break
            self.sleep(interval)
        self.seconds["health"] = round(self.clock() - started, 3)

    def _unhealthy(self):
        self.health_checks += 1
        patterns = {}
        for step in self.plan:
            if step["names"]:
                patterns.setdefault(step["type"], []).extend(step["names"])
        info = self._read(patterns)
        now = self.policy.clock()
        for (kind, name), started in self.restarted_at.items():
            rows = next((o["status"] for o in info.get(REGISTRY[kind].list_option, []) if o["name"] == name), [])
            if (kind, name) not in self.partner_back and "RUNNING" in status_values(rows):
                self.partner_back[(kind, name)] = round(now - started, 3)
        return unhealthy(info, self.plan)

    # -- recovery ----------------------------------------------------------------------------------
    def _recover(self):
        """Start again (not restart) everything that was running before; then list what still is not healthy."""
        started = self.clock()
        for step in self.plan:
            if step["names"]:
                self._safe(lambda: run_operation(self._runtime(step["type"]), self._objects(step["type"], step["names"]), "start"))
        left = self._safe(self._unhealthy)
        self.left_not_running = ["unknown: the queue manager did not answer"] if left is None else left
        self.seconds["recover"] = round(self.clock() - started, 3)

    @staticmethod
    def _safe(call):
        """Recovery goes on whatever fails; its own failures show in what is left not running."""
        try:
            return call()
        except MQError:
            return None

    # -- report ------------------------------------------------------------------------------------
    def result(self):
        report = []
        preflight = NOT_ATTEMPTED_PREFLIGHT.format(self.preflight_failure) if self.preflight_failure else None
        # A preflight that refused names every declared target: the objects its read found, and the names that match
        # nothing; without a read (it failed, or came after the refusal) the declared names themselves.
        steps = self.plan if self.plan or not preflight else [
            {"type": t["type"], "names": [], "not_running": [], "missing": list(t["names"])} for t in self.targets]
        for target_index, step in enumerate(steps):
            for name in step["names"] + step["not_running"] + (step["missing"] if preflight else []):
                key = (step["type"], name)
                action, reason = (preflight, None) if preflight else self.outcome.get(key, (NOT_ATTEMPTED, None))
                report.append({"type": step["type"], "name": name, "target": target_index, "status_before": self.before.get(key),
                               "action": action, "reason": reason, "status_after": self.last_seen.get(key),
                               "partner_back_seconds": self.partner_back.get(key)})
        counted = ((RESTARTED, "restarted"), (STARTED, "started"), (NOT_RUNNING_BEFORE, "not_running_before"),
                   (NOT_ATTEMPTED, "not_attempted"), (FAILED, "failed"), (PLANNED, "would_restart"))
        summary = dict.fromkeys([key for _label, key in counted], 0)
        for row in report:
            for label, key in counted:
                # Not attempted for either reason: an earlier object failed, or the preflight refused.
                summary[key] += row["action"] == label or (label == NOT_ATTEMPTED and row["action"] == preflight)
        summary["declared"] = len(report)
        summary["left_not_running"] = len(self.left_not_running)
        return {"report": report, "summary": summary, "left_not_running": self.left_not_running,
                "health_checks": self.health_checks, "phase_seconds": dict(self.seconds), "failure": self.failure,
                "sync_results": self.sync_results}


# -- restore after a queue manager restart (mq_restart with baseline) -----------------------------------
def restore_plan(baseline, priority, qmgr):
    """[(type, names, parallel)] to start again after a queue manager restart, from ``baseline`` (what mq_qmgr_wait
    capture=true returned before the stop), checked before any request.

    The listeners and services that ran; the channels RUNNING then, except inbound ones (RCVR, RQSTR, CLUSRCVR...), which
    come back when their partner's sender reconnects, and RETRYING ones, which were not running. The ``priority``
    channels among them go first, one at a time, in that order; the rest in parallel; services last (they may need the
    channels). What came back by itself (CONTROL(QMGR) listeners and services, triggered channels) is skipped by the start.
    """
    if baseline.get("qmgr") not in (None, qmgr):
        raise MQInputError("baseline is of queue manager {0!r}, not qmgr={1!r}".format(baseline.get("qmgr"), qmgr))
    steps = []
    for otype in REGISTRY.runnable:
        key, entries = otype.list_option, baseline.get(otype.list_option)
        if not otype.lifecycle.passive:
            if not isinstance(entries, list):
                raise MQInputError("baseline.{0} must be a list, as mq_qmgr_wait capture=true returns it".format(key))
            steps.append((otype.kind, [otype.validate_name(n, "baseline." + key) for n in entries], True))
            continue
        # A type with passive subtypes (channels) lists {name, type, status, inbound}: the inbound ones come back with
        # their partners, and ``priority`` names those to start first.
        if not isinstance(entries, list) or not all(isinstance(e, dict) and e.get("name") for e in entries):
            raise MQInputError("baseline.{0} must be a list of {{name, type, status, inbound}}, as mq_qmgr_wait capture=true "
                               "returns it".format(key))
        outbound = [otype.validate_name(e["name"], "baseline." + key)
                    for e in entries if not e.get("inbound") and str(e.get("status", "")).upper() == "RUNNING"]
        first = []
        for name in priority or []:
            if otype.validate_name(name, "priority") in outbound and name not in first:
                first.append(name)
        steps += [(otype.kind, first, False), (otype.kind, [n for n in outbound if n not in first], True)]
    return steps


def restore(client, steps, policy, stop):
    """Start every object of ``steps`` (restore_plan) that does not run now: one definitions DISPLAY per type, then per
    step one status DISPLAY, the STARTs and one wait (one per channel for the priority ones).

    Returns {sync_results (with type), restored (["type name"] this run started), poll_requests}. A failure does not
    stop the steps after it (a restore puts back all it can); MQError at the end carries the same result.
    """
    runtimes, results, failures, errors = {}, [], [], []
    wanted = {}
    for kind, names, _parallel in steps:
        wanted.setdefault(kind, []).extend(names)
    subtypes = {}
    for kind, names in wanted.items():
        if names:
            otype = REGISTRY[kind]
            rows = one_per_name(otype, client.display(otype.qualifier, generic_name_for(names)), otype.qualifier.lower())
            subtypes[kind] = {n: otype.row_subtype(rows[n]) for n in names if n in rows}
    for kind, names, parallel in steps:
        gone = [n for n in names if n not in subtypes.get(kind, {})]
        if gone:
            errors.append("{0} {1} ran before the restart and no longer exists".format(kind, ", ".join(gone)))
        objects = [(n, subtypes[kind][n]) for n in names if n not in gone]
        if not objects:
            continue
        runtime = runtimes.setdefault(kind, ObjectRuntime(client, REGISTRY[kind], policy, stop=stop))
        try:
            records = [r.as_dict(OPERATION_RESULT["start"]) for r in run_operation(runtime, objects, "start", parallel=parallel).values()]
        except MQWaitError as exc:
            records = exc.result.get("sync_results", [])
            failures.extend(exc.failures)
            errors.append(exc.msg)
        results.extend(dict(r, type=kind) for r in records)
    result = {"sync_results": results, "poll_requests": sum(r.poll_requests for r in runtimes.values()),
              "restored": ["{0} {1}".format(r["type"], r["name"]) for r in results
                           if r["status_before"] != "RUNNING" and r["outcome"] == "done" and "start" not in r["by_another_writer"]]}
    if errors:
        raise MQWaitError("restore: " + "; ".join(errors), failures, result=result)
    return result
