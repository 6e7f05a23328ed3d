#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_restart
short_description: Start, stop or restart IBM MQ listeners, channels or services and wait for the result
version_added: 0.1.0
description:
  - Issues C(STOP) and C(START) for one or more objects of one type and waits until each reports the
    target state, through the IBM MQ administrative REST API.
  - With O(parallel=true) every command of a phase is issued first and then one generic status request
    per polling round covers all objects, so restarting 50 channels costs about the time of the slowest one.
  - With O(targets), one queue manager's whole rolling restart runs in this task (the C(mqrest.admin.rolling_restart)
    role is a shell around it); see O(targets).
  - The task fails when an object does not reach its target state within O(wait_timeout), or reaches a
    failed state (a channel in C(RETRYING), a listener that ends while starting). The failure names every
    such object with the operation, the seconds waited and the last status seen; objects that succeeded
    are still reported in RV(sync_results).
  - A restart stops and then starts. An object that stopped but did not start again is reported as left stopped.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.channel_stop
  - mqrest.admin.attributes
attributes:
  check_mode:
    support: full
    details: Reads the objects and their status and reports the commands it would send; sends none.
  diff_mode:
    support: none
  idempotent:
    support: none
    details: A restart always restarts. O(operation=start) and O(operation=stop) skip objects already in that state.
options:
  type:
    description:
      - Object type. Required with O(names); not with O(targets).
    type: str
    choices: [listener, channel, service]
  names:
    description:
      - Object names, processed in this order when O(parallel=false). Required with O(type).
      - A name ending in C(*) is a generic name and is expanded with C(DISPLAY). Generic names do not
        match C(SYSTEM.*) objects unless the pattern itself starts with C(SYSTEM.), and never match V(clntconn)
        or V(amqp) channels, which cannot be started or stopped and waited for here; naming one of them fails the
        task before anything is sent.
    type: list
    elements: str
  targets:
    description:
      - One queue manager's rolling restart in this one task, instead of O(type) and O(names). Targets are restarted
        in this order (put the channels of the most important applications first), each like a task with O(type) and
        O(names), and the first failure stops the restart; the targets after it are reported as not attempted.
      - Only objects with a C(RUNNING) status record are restarted; the others are reported as not running before and
        left alone, unless O(start_not_running=true).
      - Before anything is sent, every target must exist (a generic name that matches nothing counts, unless its
        O(targets[].allow_empty) is set) and the O(preflight) gates must pass. After the restart the O(health_checks)
        gate runs. When the restart or the health gate fails, O(recover) starts again everything that was running.
      - RV(report) lists every declared target with its status before, what was done and its status after.
      - Always a restart; O(operation) must be V(restart).
    type: list
    elements: dict
    suboptions:
      type:
        description: Object type.
        type: str
        required: true
        choices: [listener, channel, service]
      names:
        description: Names and generic names, as O(names).
        type: list
        elements: str
        required: true
      parallel:
        description: As O(parallel), for this target; defaults to O(parallel).
        type: bool
      allow_empty:
        description:
          - A name or generic name that matches nothing is not an error, and neither is an empty O(targets[].names) (a
            list that varies by host, empty on some); such a target restarts nothing.
        type: bool
        default: false
      wait_for_partner:
        description:
          - For receiving channels (V(rcvr), V(clusrcvr)) that a partner's sender keeps connected. Restarting one ends
            that connection; the partner's sender goes C(RETRYING) and connects again at its next retry (C(SHORTTMR)).
            With V(true) the O(health_checks) gate also requires a C(RUNNING) instance of each restarted channel of this
            target, which proves the partner is back, seen from this queue manager alone, and
            RV(report[].partner_back_seconds) says how long that took.
          - Put such a target last, after the listener. A partner retrying while the listener restarts fails that retry and
            waits for the next one, and the health checks that see the partner back begin after the last target.
          - Set it only for busy links. A sender idle for C(DISCINT) seconds ends normally and does not reconnect until a
            message arrives on its transmission queue, so the gate would wait for it in vain (up to O(health_timeout)).
          - Any other object type is refused before any request; a channel of another type (a sender, a requester, which
            connects itself and must already be C(RUNNING), or a svrconn, whose clients reconnect at their own pace) is
            refused after the first read, before any change.
        type: bool
        default: false
  baseline:
    description:
      - Start again, after a queue manager restart, what ran before it and does not run now, instead of O(type) and O(names)
        (the C(mqrest.admin.qmgr_restart) role's restore). The RV(mqrest.admin.mq_qmgr_wait#module:baseline) that
        C(mqrest.admin.mq_qmgr_wait) with O(mqrest.admin.mq_qmgr_wait#module:capture=true) returned before the stop.
      - Started are the listeners and services that ran, then the channels C(RUNNING) then, except inbound ones (C(RCVR),
        C(RQSTR), C(CLUSRCVR)), which come back when their partner's sender reconnects, and C(RETRYING) ones, which were
        not running. Listeners, then the O(priority) channels one at a time, then the other channels, then services, each
        group in parallel. One C(DISPLAY) of definitions per type; what already runs (CONTROL(QMGR) listeners and
        services, triggered channels) is not started.
      - A failure does not stop the groups after it; the task fails at the end naming every failure, and also when an
        object of the baseline no longer exists.
      - RV(restored) lists what this task started. Needs O(operation=start); not with O(type), O(names) or O(targets).
    type: dict
  priority:
    description:
      - With O(baseline), the channels to start first, one at a time, in this order (the channels of the most important
        applications). A name the baseline does not show as a running outbound channel is ignored.
    type: list
    elements: str
  preflight:
    description:
      - Gates checked before anything is sent, with O(targets). The queue manager and its command server must be
        C(RUNNING).
      - Leave it out to skip every gate.
    type: dict
    suboptions:
      retrying_channels:
        description: Refuse when any channel of the queue manager is already C(RETRYING) (the queue manager is degraded).
        type: bool
        default: true
      max_logutil:
        description:
          - Refuse when C(LOGUTIL) of C(DISPLAY QMSTATUS) is above this percentage (a long log replay if the queue manager
            restarts). Queue managers that do not report C(LOGUTIL) pass. Leave it out to skip this gate.
        type: int
  health_checks:
    description:
      - With O(targets), after the restart, the number of consecutive healthy checks needed, O(health_interval) apart,
        counting the first healthy one; a relapse fails. V(0) skips the gate.
      - Healthy means the queue manager and its command server are C(RUNNING), every restarted object still exists,
        and it is C(RUNNING) and not C(RETRYING); a receiving channel (V(rcvr), V(svrconn), V(clusrcvr)) only has to
        be enabled and not C(RETRYING), since it runs when its partner or clients connect, unless its target has
        O(targets[].wait_for_partner).
    type: int
    default: 0
  health_interval:
    description: Seconds between two health checks.
    type: float
    default: 2
  health_timeout:
    description: Seconds the queue manager and the restarted objects have to become healthy.
    type: float
    default: 60
  start_not_running:
    description:
      - With O(targets), also start declared targets that were not running before. By default they are reported and left
        alone, because starting something an operator stopped is a policy decision.
    type: bool
    default: false
  recover:
    description:
      - With O(targets), when the restart or the health gate fails, start again (not restart) every object that was
        running before, then report what is still not healthy in RV(left_not_running). The task fails either way.
    type: bool
    default: true
  operation:
    description:
      - V(restart) stops then starts every object (an object that is not running is only started).
      - V(start) and V(stop) act only on objects that are not already in that state.
    type: str
    choices: [restart, start, stop]
    default: restart
  allow_empty:
    description:
      - Succeed without doing anything when a generic name matches no object, or when O(names) is an empty list (a list
        that varies by host). By default both are errors.
    type: bool
    default: false
  parallel:
    description:
      - V(true) handles all objects at once, phase by phase. V(false) handles one object at a time, in the
        order of O(names), and stops at the first failure (the objects after it are listed in RV(not_attempted));
        use it when restart order matters (for example the channels of the most important applications first).
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds each phase (stop, start) may take. A restart may take up to twice this.
    type: float
    default: 60
  poll_interval:
    description:
      - Longest pause between two status requests; the first request is sent right after the commands.
    type: float
    default: 1
  outage_grace:
    description:
      - Seconds a wait rides through an mqweb server that gives no answer at all (connection refused or reset, or no
        reply within O(request_timeout)) on every status request, before the task fails saying which, for how long, and
        when the last status request succeeded. HTTP 503 (queue manager not available) is not counted; that wait goes
        on until O(wait_timeout).
    type: float
    default: 15
notes:
  - A C(SERVTYPE(COMMAND)) service has no status in MQ; it is started or stopped without waiting.
seealso:
  - module: mqrest.admin.mq_channel
  - module: mqrest.admin.mq_info
"""

EXAMPLES = r"""
- name: Restart the partner channels, most important first, one at a time
  mqrest.admin.mq_restart:
    type: channel
    names: [PAYMENTS.TO.QM2, ORDERS.TO.QM2, "REPORTS.*"]
    parallel: false
    wait_timeout: 120
  delegate_to: localhost
  register: restarted

- name: Show how long each took
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.elapsed_seconds }}s, {{ item.polls }} polls"
  loop: "{{ restarted.sync_results }}"

- name: One queue manager's rolling restart in one task, with gates, a health check and recovery
  mqrest.admin.mq_restart:
    targets:
      - {type: channel, names: [PAYMENTS.TO.QM2, ORDERS.TO.QM2], parallel: false}
      - {type: listener, names: [APP.LISTENER]}
      # Receivers: QM2's and QM3's senders to this queue manager reconnect at their next retry; wait and report when.
      - {type: channel, names: [QM2.TO.QM1, QM3.TO.QM1], wait_for_partner: true}
    preflight:
      max_logutil: 90
    health_checks: 3
    health_interval: 2
  delegate_to: localhost
  register: rolled

- name: Every declared target, what was done to it, and its status after
  ansible.builtin.debug:
    msg: "{{ item.type }} {{ item.name }}: {{ item.status_before }} -> {{ item.action }} -> {{ item.status_after }}"
  loop: "{{ rolled.report }}"

- name: Read what runs before a queue manager restart
  mqrest.admin.mq_qmgr_wait:
    capture: true
  delegate_to: localhost
  register: before

# ... endmqm and strmqm on the queue manager's host, then wait for the channel initiator ...

- name: Start again what ran before and did not come back by itself, payments first
  mqrest.admin.mq_restart:
    operation: start
    baseline: "{{ before.baseline }}"
    priority: [PAYMENTS.TO.QM2]
  delegate_to: localhost
  register: put_back

- name: Say what was started again
  ansible.builtin.debug:
    msg: "restored {{ put_back.restored | join(', ') or 'nothing' }}"

- name: Stop every application listener before maintenance
  mqrest.admin.mq_restart:
    type: listener
    names: ["APP.*"]
    operation: stop
  delegate_to: localhost
"""

RETURN = r"""
sync_result:
  description: Totals for the whole task, also when it fails.
  returned: when the objects were read
  type: dict
  contains:
    operation:
      description: V(restarted), V(started) or V(stopped).
      type: str
    polls:
      description: Status requests sent while waiting, for all objects together.
      type: int
    elapsed_seconds:
      description: Wall-clock seconds from the first command to the last confirmation.
      type: float
  sample: {operation: restarted, polls: 6, elapsed_seconds: 1.62}
sync_results:
  description: One entry per object, in order.
  returned: always
  type: list
  elements: dict
  contains:
    type:
      description: With O(baseline) or O(targets), the object type.
      type: str
    name:
      description: Object name.
      type: str
    operation:
      description: V(restarted), V(started) or V(stopped).
      type: str
    polls:
      description: Status requests that included this object, over both phases.
      type: int
    elapsed_seconds:
      description: Seconds from each command to its confirmation, summed over both phases.
      type: float
    status_before:
      description: Status before the task, for example V(RUNNING) or V(no status record).
      type: str
    status_after:
      description: Last status seen.
      type: str
    by_another_writer:
      description:
        - The phases (V(stop), V(start)) that MQ answered "already stopped" or "already started" (reason codes such as
          4064 or 4031). Another writer did them between this task's status read and its command, so they are not
          this task's change.
      type: list
      elements: str
    outcome:
      description:
        - What became of the operation, so that a record is never read as a success it was not. V(done); V(failed) when a
          phase failed (the channel went C(RETRYING), the command was refused, or it stopped and did not start again);
          V(timeout) when a phase did not finish within O(wait_timeout). RV(sync_results[].operation) is what was asked.
          Objects never attempted are in RV(not_attempted).
      type: str
      choices: [done, failed, timeout]
  sample: [{name: TO.QM2, operation: restarted, polls: 5, elapsed_seconds: 1.52, status_before: RUNNING, status_after: RUNNING,
            by_another_writer: [], outcome: done}]
restored:
  description:
    - With O(baseline), each object this task started again, as C(type name), in the order started. Objects that were
      already running, failed, or that another writer started first are not in it.
  returned: with O(baseline)
  type: list
  elements: str
  sample: [listener APP.LISTENER, channel PAYMENTS.TO.QM2]
report:
  description: With O(targets), every declared target in order, including those not restarted.
  returned: with O(targets)
  type: list
  elements: dict
  contains:
    type:
      description: Object type.
      type: str
    name:
      description: Object name.
      type: str
    target:
      description: Index of the O(targets) entry that declared it.
      type: int
    status_before:
      description: Status before the task, such as V(RUNNING) or V(no status record).
      type: str
    action:
      description: What was done.
      type: str
      choices: [restarted, started (was not running), not running before (left as is), not attempted (an earlier object failed),
                failed, would restart (check mode)]
    reason:
      description: Why it failed, when it did.
      type: str
    status_after:
      description: Status at the last read (after the restart, the health checks or the recovery).
      type: str
    partner_back_seconds:
      description:
        - With O(targets[].wait_for_partner), seconds from the channel's C(START) to the first health check that showed
          it C(RUNNING) again, that is its partner reconnected. The health checks begin after the last target is
          restarted, so this is an upper bound, within O(health_interval) when the target comes last. Null otherwise, and
          when the partner did not come back.
      type: float
  sample: [{type: channel, name: QM1.TO.QM2, target: 0, status_before: RUNNING, action: restarted, reason: null, status_after: RUNNING,
            partner_back_seconds: 0.41}]
summary:
  description:
    - With O(targets), how many declared targets each action applied to; only real successes count as restarted.
    - In check mode, V(would_restart) counts what a real run would restart.
  returned: with O(targets)
  type: dict
  sample: {declared: 4, restarted: 3, started: 0, not_running_before: 1, not_attempted: 0, failed: 0, would_restart: 0, left_not_running: 0}
left_not_running:
  description: With O(targets), after a failure and the recovery, what was running before and is not healthy now.
  returned: with O(targets)
  type: list
  elements: str
  sample: ["channel TO.QM3 (RETRYING)"]
health_checks:
  description: With O(targets), health reads made (the gate's and the recovery's).
  returned: with O(targets)
  type: int
phase_seconds:
  description: With O(targets), seconds spent in each phase (V(preflight), V(restart), V(health), V(recover)) and in V(total).
  returned: with O(targets)
  type: dict
  sample: {preflight: 0.02, restart: 1.31, health: 2.05, total: 3.38}
qmgr:
  description: With O(targets), the queue manager.
  returned: with O(targets)
  type: str
failure:
  description: With O(targets), the phase that failed and why; null on success.
  returned: with O(targets)
  type: str
not_attempted:
  description: With O(parallel=false), on failure, the objects after the failing one, which were left alone.
  returned: failure
  type: list
  elements: str
timeouts:
  description: On failure, each object that did not reach its target state.
  returned: failure
  type: list
  elements: dict
  sample: [{name: TO.QM3, operation: start, elapsed_seconds: 60.0, last_status: BINDING, outcome: timeout}]
commands:
  description: MQSC commands that were sent, or that would be sent in check mode.
  returned: always
  type: list
  elements: str
"""

import time

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import ArgumentSpec, channel_stop_spec, rolling_spec, wait_spec
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError, MQInputError
from ansible_collections.mqrest.admin.plugins.module_utils._module import MQModule
from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import generic_name_for
from ansible_collections.mqrest.admin.plugins.module_utils._object_module import wait_policy
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY
from ansible_collections.mqrest.admin.plugins.module_utils._restart import match_targets, one_per_name, run_operation
from ansible_collections.mqrest.admin.plugins.module_utils._rolling import RollingRestart, restore, restore_plan
from ansible_collections.mqrest.admin.plugins.module_utils._runtime import OPERATION_RESULT, ObjectRuntime


def main():
    kinds = [t.kind for t in REGISTRY.runnable]
    spec = ArgumentSpec(dict(
        type=dict(type="str", choices=kinds),
        names=dict(type="list", elements="str"),
        targets=dict(type="list", elements="dict", options=dict(
            type=dict(type="str", required=True, choices=kinds),
            names=dict(type="list", elements="str", required=True),
            parallel=dict(type="bool"),
            allow_empty=dict(type="bool", default=False),
            wait_for_partner=dict(type="bool", default=False),
        )),
        operation=dict(type="str", default="restart", choices=["restart", "start", "stop"]),
        allow_empty=dict(type="bool", default=False),
        parallel=dict(type="bool", default=True),
        baseline=dict(type="dict"),
        priority=dict(type="list", elements="str"),
    ), mutually_exclusive=[("targets", "type"), ("targets", "names"), ("baseline", "type"), ("baseline", "names"),
                           ("baseline", "targets")],
        required_one_of=[("targets", "type", "baseline")], required_together=[("type", "names")],
        validators=[restore_rules]).merge(wait_spec(with_switch=False), channel_stop_spec(), rolling_spec())
    mq = MQModule(spec)
    params = mq.params
    if params["targets"] is not None:
        run_rolling(mq)
    if params["baseline"] is not None:
        run_restore(mq)
    object_type = REGISTRY[params["type"]]
    operation = params["operation"]
    result = {"changed": False, "sync_results": [], "commands": []}
    runtime = None
    started = time.monotonic()
    try:
        patterns = checked_names(object_type, params["names"], "names", params["allow_empty"])
        client = mq.client
        runtime = ObjectRuntime(client, object_type, wait_policy(params), stop=params)
        # One DISPLAY for every name and generic name given; none for an empty list (allow_empty).
        rows = one_per_name(object_type, client.display(object_type.qualifier, generic_name_for([p.rstrip("*") for p in patterns], generic=True)),
                            object_type.qualifier.lower()) if patterns else {}
        objects = match_targets(object_type, rows, patterns, params["allow_empty"])
        started = time.monotonic()
        records = run_operation(runtime, objects, operation, parallel=params["parallel"])
        result["sync_results"] = [r.as_dict(OPERATION_RESULT[operation]) for r in records.values()]
        result["commands"] = list(client.sent)
        result["changed"] = client.changed
    except MQError as exc:
        if runtime is not None:
            result["sync_result"] = totals(runtime.poll_requests, operation, started)
        mq.fail(exc, **result)
    result["sync_result"] = totals(runtime.poll_requests, operation, started)
    mq.exit(result)


def run_rolling(mq):
    """``targets``: one queue manager's rolling restart in this one run (preflight, restart, health gate, recovery)."""
    params = mq.params
    started = time.monotonic()
    rolling = None
    try:
        if params["operation"] != "restart":
            raise MQInputError("operation={0!r}: targets always restart; use type and names to start or stop".format(params["operation"]))
        if not params["targets"]:
            raise MQInputError("targets must list at least one target")
        for index, target in enumerate(params["targets"]):
            checked_names(REGISTRY[target["type"]], target["names"], "targets[{0}].names".format(index), target["allow_empty"])
        rolling = RollingRestart(
            mq.client, params["targets"], wait_policy(params), params, preflight=params["preflight"], parallel=params["parallel"],
            health={"checks": params["health_checks"], "interval": params["health_interval"], "timeout": params["health_timeout"]},
            start_not_running=params["start_not_running"], recover=params["recover"])
        result = rolling.run()
    except MQError as exc:
        if rolling is not None:
            exc.result["sync_result"] = totals(rolling.poll_requests, "restart", started)
        mq.fail(exc, qmgr=params["qmgr"])
    result["sync_result"] = totals(rolling.poll_requests, "restart", started)
    result["qmgr"] = params["qmgr"]
    result["commands"] = list(mq.client.sent)
    result["changed"] = mq.client.changed
    mq.exit(result)


def restore_rules(params):
    """Checked with the other options, before any request."""
    if params["priority"] is not None and params["baseline"] is None:
        raise MQInputError("priority orders the channels a baseline restores: it needs baseline")
    if params["baseline"] is not None and params["operation"] != "start":
        raise MQInputError("operation={0!r}: baseline only starts what ran before and does not run now; set operation: start".format(
            params["operation"]))


def run_restore(mq):
    """``baseline``: start again what ran before a queue manager restart and does not run now (_rolling.restore_plan)."""
    params = mq.params
    started = time.monotonic()
    result = {"changed": False, "sync_results": [], "restored": [], "commands": []}
    try:
        steps = restore_plan(params["baseline"], params["priority"], params["qmgr"])
        result.update(restore(mq.client, steps, wait_policy(params), params))
    except MQError as exc:
        result["sync_result"] = totals(exc.result.pop("poll_requests", 0), "start", started)
        mq.fail(exc, **result)
    result.update(commands=list(mq.client.sent), changed=mq.client.changed)
    result["sync_result"] = totals(result.pop("poll_requests"), "start", started)
    mq.exit(result)


def checked_names(object_type, names, option, allow_empty=False):
    """The names and generic names of ``option``, checked before any request. An empty list is accepted with
    ``allow_empty``, as a generic name that matches nothing is: a list built per host may well be empty on some."""
    if not names and not allow_empty:
        raise MQInputError("{0} must list at least one {1} name, or come with allow_empty: true to accept none".format(
            option, object_type.kind))
    return [object_type.validate_name(name, option, generic=True) for name in names]


def totals(polls, operation, started):
    return {"operation": OPERATION_RESULT[operation], "polls": polls, "elapsed_seconds": round(time.monotonic() - started, 3)}


if __name__ == "__main__":
    main()
