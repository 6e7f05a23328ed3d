# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""The body shared by the single-object modules (mq_queue, mq_channel, mq_qmgr, ...): validate, read, ensure, then start, stop or
restart, and say what the change waits for (a REFRESH SECURITY, the queue manager's restart)."""

from __future__ import annotations

from ._argspec import object_spec
from ._attributes import RUN_STATES
from ._ensure import (check_references, ensure_absent, ensure_present, option_label, plan_present, read_one, restart_warning, waits_for,
                      waits_warning)
from ._errors import MQError
from ._module import MQModule
from ._restart import run_operation
from ._runtime import OPERATION_RESULT, ObjectRuntime
from ._waiter import WaitPolicy

__all__ = ["run_object_module", "wait_policy"]


def wait_policy(params, enabled=True):
    """The WaitPolicy the waiting options ask for."""
    return WaitPolicy(enabled=params.get("wait", enabled), timeout=params["wait_timeout"], poll_interval=params["poll_interval"],
                      retrying_grace=params.get("retrying_grace") or 0.0, outage_grace=params["outage_grace"])


def run_object_module(otype):
    mq = MQModule(object_spec(otype))
    params = mq.params
    # The queue manager's own row has no name and no state: ALTER QMGR changes the one there is.
    state = params.get("state", "present")
    result = {"changed": False}
    try:
        ref = otype.validate_entry(params)
        # A name, or for a record the name alone does not identify (CHLAUTH, AUTHREC) the Ref with its identity keywords.
        name = ref if ref.keys else ref.name
        otype.check_state(params)
        # Every value is checked before any request; what depends on the existing definition (its type, what creating
        # it would need) is checked after the one DISPLAY, before anything mutating.
        desired = otype.desired_from_params(params, otype.subtype(params), check_required=False) if state != "absent" else {}
        client = mq.client
        # A type that never runs (queues) has no runtime: nothing to stop before a delete, nothing to start.
        runtime = ObjectRuntime(client, otype, wait_policy(params), stop=params) if otype.lifecycle else None
        purge = params.get("purge", False)
        if state == "absent":
            ensured = ensure_absent(client, otype, name, runtime=runtime, force=params.get("force"), subtype=otype.subtype(params),
                                    purge=purge)
            result = ensured.as_result()
        else:
            row = read_one(client, otype, name, otype.subtype(params))
            recreate = params.get("recreate", False)
            subtype, desired = otype.desired_for(params, row, recreate)
            otype.check_run(state, subtype)
            if otype.references:
                # Only what this task sets is checked (one DISPLAY each), before any change: a reference left alone was
                # checked when it was set.
                applied = plan_present(otype, name, desired, row, recreate, purge)[2]
                check_references(client, otype, applied, {k: params[otype.by_keyword[k].option + "_check"] for k in otype.references})
            ensured = ensure_present(client, otype, name, desired, runtime=runtime, recreate=recreate, row=row, purge=purge)
            result = ensured.as_result()
            if runtime is not None:
                subtype = otype.row_subtype(ensured.after) or subtype
                result.update(run_action=None, restarted_for=[], restart_required=False)
                if ensured.action == "updated" and state in ("present", "started"):
                    state = _restart_for(client, runtime, name, subtype, state, ensured, result)
            if state in RUN_STATES:
                _run(client, runtime, name, subtype, state, result)
        if otype.refreshes or otype.restarts_qmgr:
            _waits(client, otype, name, ensured, result)
    except MQError as exc:
        mq.fail(exc, **result)
    mq.exit(result)


def _waits(client, otype, name, ensured, result):
    """``refresh_required`` (and, for the queue manager's attributes, ``restart_required``): what the change waits for."""
    refresh, restart = waits_for(client, otype, name, ensured.action, ensured.changed_keywords)
    result["refresh_required"] = refresh
    if otype.restarts_qmgr:
        result["restart_required"] = bool(restart)
    client.warnings.extend(waits_warning(otype, name, refresh, restart))


def _restart_for(client, runtime, name, subtype, state, ensured, result):
    """Changed attributes that a running object only takes at its next start: with state=started, restart it (the
    state to go on with is then ``restarted``); otherwise say that it needs a restart, and warn."""
    lifecycle, otype = runtime.lifecycle, runtime.otype
    keywords = lifecycle.at_next_start(ensured.changed_keywords)
    if not keywords or not lifecycle.runs_on_old_values(runtime.statuses([name])[name], subtype):
        return state
    labels = [option_label(otype, k) for k in keywords]
    if state == "started" and not lifecycle.is_passive(subtype):
        result["restarted_for"] = labels
        return "restarted"
    result["restart_required"] = True
    client.warnings.append(restart_warning(otype, name, labels, lifecycle.is_passive(subtype)))
    return state


def _run(client, runtime, name, subtype, state, result):
    """Start, stop or restart the object; ``result`` gains run_action, the state in the diff and sync_result."""
    if state == "restarted":
        # Always a stop (when it runs) and a start, as mq_restart does; the stop is waited for even with wait=false.
        record = run_operation(runtime, [(name, subtype)], "restart")[name]
        # A phase MQ answered "already there" was another writer's, not this task's change.
        changed = len(record.by_another_writer) < len(record.phases)
        facts = dict(record.as_dict(OPERATION_RESULT["restart"]), by_another_writer=bool(record.by_another_writer))
        before = "started" if "stop" in record.phases else "stopped"
    else:
        outcome = runtime.ensure_started(name, subtype) if state == "started" else runtime.ensure_stopped(name, subtype)
        if outcome is None:
            return
        changed, facts = outcome.changed, outcome.as_dict()
        before = "stopped" if state == "started" else "started"
        if outcome.earlier is not None:
            state, before = "restarted", "started"  # a channel RETRYING: stopped and started again (ObjectRuntime.ensure_started)
        if outcome.held_stopped is not None:
            result["held_stopped"] = outcome.held_stopped  # False: MQ would not hold the idle channel STOPPED (a warning says why)
    result["commands"] = list(client.sent)
    # A START or STOP that another writer had already done is reported, not counted as this task's change.
    result["changed"] = result["changed"] or changed
    if not client.check_mode:
        kept = ("operation", "polls", "elapsed_seconds", "by_another_writer", "held_stopped")
        result["sync_result"] = {k: v for k, v in facts.items() if k in kept}
    if changed:
        result["run_action"] = state  # started, stopped or restarted
        diff = result["diff"]
        if diff["before"]:
            diff["before"]["state"] = before
        diff["after"]["state"] = result["run_action"]
