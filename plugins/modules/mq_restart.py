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
      - Object type.
    type: str
    required: true
    choices: [listener, channel, service]
  names:
    description:
      - Object names, processed in this order when O(parallel=false).
      - A name ending in C(*) is a generic name and is expanded with C(DISPLAY). Generic names do not
        match C(SYSTEM.*) objects unless the pattern itself starts with C(SYSTEM.), and never match V(clntconn)
        or V(amqp) channels, which cannot be started or stopped and waited for here; naming one of them fails the
        task before anything is sent.
    type: list
    elements: str
    required: true
  operation:
    description:
      - V(restart) stops then starts every object (an object that is not running is only started).
      - V(start) and V(stop) act only on objects that are not already in that state.
    type: str
    choices: [restart, start, stop]
    default: restart
  allow_empty:
    description:
      - Succeed without doing anything when a generic name matches no object. By default that is an error.
    type: bool
    default: false
  parallel:
    description:
      - V(true) handles all objects at once, phase by phase. V(false) handles one object at a time, in the
        order of O(names), and stops at the first failure; use it when restart order matters (for example
        the channels of the most important applications first).
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
  sample: [{name: TO.QM2, operation: restarted, polls: 5, elapsed_seconds: 1.52, status_before: RUNNING, status_after: RUNNING}]
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

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import ArgumentSpec, channel_stop_spec, wait_spec
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError, MQInputError
from ansible_collections.mqrest.admin.plugins.module_utils._module import MQModule
from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import covering_name
from ansible_collections.mqrest.admin.plugins.module_utils._object_module import wait_policy
from ansible_collections.mqrest.admin.plugins.module_utils._objects import OBJECT_TYPES
from ansible_collections.mqrest.admin.plugins.module_utils._restart import match_targets, operate
from ansible_collections.mqrest.admin.plugins.module_utils._runtime import OPERATION_RESULT, ObjectRuntime


def main():
    spec = ArgumentSpec(dict(
        type=dict(type="str", required=True, choices=[k for k, t in OBJECT_TYPES.items() if t.lifecycle]),
        names=dict(type="list", elements="str", required=True),
        operation=dict(type="str", default="restart", choices=["restart", "start", "stop"]),
        allow_empty=dict(type="bool", default=False),
        parallel=dict(type="bool", default=True),
    )).merge(wait_spec(with_switch=False), channel_stop_spec())
    mq = MQModule(spec)
    params = mq.params
    object_type = OBJECT_TYPES[params["type"]]
    operation = params["operation"]
    result = {"changed": False, "sync_results": [], "commands": []}
    runtime = None
    started = time.monotonic()
    try:
        if not params["names"]:
            raise MQInputError("names must list at least one {0} name".format(params["type"]))
        patterns = [object_type.validate_name(name, "names", generic=True) for name in params["names"]]
        client = mq.client
        runtime = ObjectRuntime(client, object_type, wait_policy(params), stop=params)
        # One DISPLAY for every name and generic name given.
        rows = {row[object_type.qualifier.lower()]: row
                for row in client.display(object_type.qualifier, covering_name([p.rstrip("*") for p in patterns], generic=True))}
        objects = match_targets(object_type, rows, patterns, params["allow_empty"])
        started = time.monotonic()
        records = operate(runtime, objects, operation, parallel=params["parallel"])
        result["sync_results"] = [r.as_dict(OPERATION_RESULT[operation]) for r in records.values()]
        result["commands"] = list(client.sent)
        result["changed"] = bool(client.sent)
    except MQError as exc:
        if runtime is not None:
            result["sync_result"] = totals(runtime, operation, started)
        mq.fail(exc, **result)
    result["sync_result"] = totals(runtime, operation, started)
    mq.exit(result)


def totals(runtime, operation, started):
    return {"operation": OPERATION_RESULT[operation], "polls": runtime.poll_requests, "elapsed_seconds": round(time.monotonic() - started, 3)}


if __name__ == "__main__":
    main()
