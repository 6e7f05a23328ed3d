#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_info
short_description: Read IBM MQ queue manager facts and objects of every type, with their status
version_added: 0.1.0
description:
  - Reads the queue manager (C(DISPLAY QMGR), C(DISPLAY QMSTATUS) including C(LOGINUSE), C(LOGUTIL), C(CMDSERV)
    and C(CHINIT)) and the objects of the types asked for (O(types)) matching a generic name, those of the types that
    run each with its status records.
  - Queues come with their definition, in which a local queue's C(curdepth) is the number of messages it holds, so one
    task reads the depth of every queue a generic name matches.
  - One C(DISPLAY) per object type and one per status type, whatever the number of objects.
  - Use it for health gates before and after changes, and for reports.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.attributes
attributes:
  check_mode:
    support: full
  diff_mode:
    support: N/A
  idempotent:
    support: full
options:
  # BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py (options)
  types:
    description:
      - "What to read: V(qmgr) (C(DISPLAY QMGR) and C(DISPLAY QMSTATUS)) and the object types. The default reads the
        queue manager and every object type."
    type: list
    elements: str
    choices:
      - qmgr
      - namelist
      - process
      - queue
      - topic
      - subscription
      - authinfo
      - listener
      - channel
      - service
      - chlauth
      - authrec
    default:
      - qmgr
      - namelist
      - process
      - queue
      - topic
      - subscription
      - authinfo
      - listener
      - channel
      - service
      - chlauth
      - authrec
  # END generated (options)
  name:
    description:
      - Name or generic name (ending in C(*)) of the objects to read.
      - A generic name matches the queue manager's own C(SYSTEM.*) objects too.
    type: str
    default: "*"
  status:
    description:
      - Whether to read the status records (C(LSSTATUS), C(CHSTATUS), C(SVSTATUS)) too.
    type: bool
    default: true
seealso:
  - module: mqrest.admin.mq_restart
"""

EXAMPLES = r"""
- name: Gate on queue manager health before a change
  mqrest.admin.mq_info:
    types: [qmgr, channel]
    name: "TO.*"
  delegate_to: localhost
  register: mq

- name: Refuse to continue when the log is nearly full or a channel is retrying
  ansible.builtin.assert:
    that:
      - mq.qmstatus.status == 'RUNNING'
      - mq.qmstatus.cmdserv == 'RUNNING'
      - mq.qmstatus.logutil | int < 80
      - mq.channels | selectattr('status_summary', 'search', 'RETRYING') | list | length == 0

- name: Read the depth of every application queue at once
  mqrest.admin.mq_info:
    types: [queue]
    name: "APP.*"
  delegate_to: localhost
  register: app

- name: Say which local queues hold messages
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.curdepth }} messages"
  loop: "{{ app.queues | selectattr('type', 'eq', 'local') | selectattr('curdepth', 'gt', 0) | list }}"
"""

RETURN = r"""
qmgr:
  description: C(DISPLAY QMGR) attributes with lower-case MQSC keywords as keys.
  returned: when O(types) contains V(qmgr)
  type: dict
  sample: {qmname: QM1, cmdlevel: 940, platform: UNIX}
qmstatus:
  description: C(DISPLAY QMSTATUS) attributes with lower-case MQSC keywords as keys.
  returned: when O(types) contains V(qmgr)
  type: dict
  sample: {status: RUNNING, cmdserv: RUNNING, chinit: RUNNING, loginuse: 13, logutil: 13, conns: 44}
# BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py (return)
namelists:
  description:
    - Matching namelists, as M(mqrest.admin.mq_namelist) reports them. Namelists have no status records here.
  returned: when O(types) contains V(namelist)
  type: list
  elements: dict
processes:
  description:
    - Matching processes, as M(mqrest.admin.mq_process) reports them. Processes have no status records here.
  returned: when O(types) contains V(process)
  type: list
  elements: dict
queues:
  description:
    - Matching queues, as M(mqrest.admin.mq_queue) reports them (C(type) V(local), V(remote), V(alias) or V(model)).
      Queues have no status records here.
    - A local queue's C(curdepth) is the number of messages on it.
  returned: when O(types) contains V(queue)
  type: list
  elements: dict
topics:
  description:
    - Matching topics, as M(mqrest.admin.mq_topic) reports them. Topics have no status records here.
  returned: when O(types) contains V(topic)
  type: list
  elements: dict
subscriptions:
  description:
    - Matching subscriptions, as M(mqrest.admin.mq_subscription) reports them (C(destination_class) V(provided) or
      V(managed)). Subscriptions have no status records here.
  returned: when O(types) contains V(subscription)
  type: list
  elements: dict
authinfos:
  description:
    - Matching authentication information objects, as M(mqrest.admin.mq_authinfo) reports them (C(type) V(idpwos),
      V(idpwldap), V(crlldap) or V(ocsp)). Authentication information objects have no status records here.
  returned: when O(types) contains V(authinfo)
  type: list
  elements: dict
listeners:
  description:
    - Matching listeners, as M(mqrest.admin.mq_listener) reports them, each with its status records.
  returned: when O(types) contains V(listener)
  type: list
  elements: dict
  contains:
    status:
      description:
        - Status records (C(DISPLAY LSSTATUS), lower-case MQSC keywords); empty when the listener has no status record.
      type: list
      elements: dict
    status_summary:
      description:
        - The status values, for example V(RUNNING), V(RUNNING x3) or V(no status record).
      type: str
channels:
  description:
    - Matching channels, as M(mqrest.admin.mq_channel) reports them, each with its status records.
  returned: when O(types) contains V(channel)
  type: list
  elements: dict
  contains:
    status:
      description:
        - Status records (C(DISPLAY CHSTATUS), lower-case MQSC keywords); empty when the channel has no status record.
      type: list
      elements: dict
    status_summary:
      description:
        - The status values, for example V(RUNNING), V(RUNNING x3) or V(no status record).
      type: str
services:
  description:
    - Matching services, as M(mqrest.admin.mq_service) reports them, each with its status records.
  returned: when O(types) contains V(service)
  type: list
  elements: dict
  contains:
    status:
      description:
        - Status records (C(DISPLAY SVSTATUS), lower-case MQSC keywords); empty when the service has no status record.
      type: list
      elements: dict
    status_summary:
      description:
        - The status values, for example V(RUNNING), V(RUNNING x3) or V(no status record).
      type: str
chlauths:
  description:
    - Matching channel authentication records, as M(mqrest.admin.mq_chlauth) reports them (C(type) V(blockuser),
      V(blockaddr), V(sslpeermap), V(addressmap), V(usermap) or V(qmgrmap)). Channel authentication records have no
      status records here.
  returned: when O(types) contains V(chlauth)
  type: list
  elements: dict
authrecs:
  description:
    - Matching authority records, as M(mqrest.admin.mq_authrec) reports them (C(object_type) V(authinfo), V(channel),
      V(clntconn), V(comminfo), V(listener), V(namelist), V(process), V(queue), V(qmgr), V(rqmname), V(service) or
      V(topic)). Authority records have no status records here.
    - O(name) filters them by C(PROFILE), a trailing V(*) matching any end; the queue manager's own records (no profile)
      come only with the default V(*).
  returned: when O(types) contains V(authrec)
  type: list
  elements: dict
# END generated (return)
"""

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import ArgumentSpec
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError
from ansible_collections.mqrest.admin.plugins.module_utils._module import MQModule
from ansible_collections.mqrest.admin.plugins.module_utils._runtime import read_objects
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY


def main():
    mq = MQModule(ArgumentSpec(dict(
        types=dict(type="list", elements="str", choices=REGISTRY.kinds, default=REGISTRY.kinds),
        name=dict(type="str", default="*"),
        status=dict(type="bool", default=True),
    )))
    params = mq.params
    result = {"changed": False}
    try:
        # The queue manager's own row (qmgr) is read below with its status, as lower-case MQSC keywords.
        wanted = [object_type for object_type in REGISTRY if object_type.kind in params["types"] and not object_type.singleton]
        for object_type in wanted:
            object_type.validate_name(params["name"], generic=True)
        client = mq.client
        if "qmgr" in params["types"]:
            result["qmgr"] = client.display_one("QMGR", None) or {}
            result["qmstatus"] = client.display_one("QMSTATUS", None) or {}
        for object_type in wanted:
            result[object_type.list_option] = read_objects(client, object_type, params["name"], params["status"])
    except MQError as exc:
        mq.fail(exc, **result)
    mq.exit(result)


if __name__ == "__main__":
    main()
