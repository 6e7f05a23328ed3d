#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_queue
short_description: Manage IBM MQ local, remote, alias and model queues over the administrative REST API
version_added: 0.1.0
description:
  - Define, alter and delete an IBM MQ queue (C(DEFINE QLOCAL), C(QREMOTE), C(QALIAS) or C(QMODEL)) through the IBM MQ
    administrative REST API.
  - Idempotent. The queue is read once with C(DISPLAY QUEUE), which finds a queue of any type because all queue types
    share one name space; it is defined when absent and altered with only the attributes that differ. Attributes not
    given are left alone.
  - An existing queue is managed by its name alone; its type comes from its definition. Options that do not apply to
    the queue's type (O(target) on a local queue, O(max_depth) on an alias) are refused before anything is changed,
    naming the option and the types it applies to.
  - Deleting a local queue that holds messages fails, saying how many would be lost, unless O(purge=true).
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.attributes
attributes:
  # BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py (attributes)
  check_mode:
    support: full
  diff_mode:
    support: full
  idempotent:
    support: full
  platform:
    description: Target operating systems and families that the module can be run against.
    support: full
    platforms: posix
    details: Runs on the controller (C(delegate_to=localhost)) or any host that reaches the mqweb server over HTTPS.
  # END generated (attributes)
options:
  # BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py (options)
  name:
    description:
      - Name of the queue, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes, parentheses,
        C(*), line breaks) fails the task before any request.
      - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different queues.
        C(runmqsc) folds unquoted names to upper case, so a queue defined there without quotes has an upper-case name.
      - One name is one queue, whatever its type; V(APP.IN) cannot be both a local queue and an alias.
    type: str
    required: true
  state:
    description:
      - V(present) makes the queue exist with the given attributes; attributes not given are left alone. An existing
        queue needs only its O(name); its O(type) comes from its definition.
      - V(absent) deletes it. One that holds messages is deleted only with O(purge=true).
      - Queues have no run state, so there is no V(started) or V(stopped).
    type: str
    choices: [present, absent]
    default: present
  attributes:
    description:
      - "Further MQSC queue attributes that have no option of their own, as a dictionary of keyword to value, for
        example C({DEFPRTY: 5, TRIGTYPE: FIRST, INITQ: APP.INITQ})."
      - Keywords are case-insensitive and are checked against the attributes MQ defines for a queue of its type; an
        unknown keyword is an error that suggests the closest known ones. A keyword that has an option of its own must
        be set with that option.
    type: dict
    default: {}
  recreate:
    description:
      - "Allow deleting and defining the queue again when a change can only be made that way: MQ cannot change O(type)
        of an existing queue in place. The new definition starts from MQ's defaults plus the options given here. One
        that holds messages also needs O(purge=true)."
    type: bool
    default: false
  purge:
    description:
      - Allow deleting a local queue that holds messages, discarding them (C(DELETE QLOCAL ... PURGE)); with
        O(recreate=true), allow recreating one.
      - Without it, such a queue fails the task before anything is changed, saying how many messages it holds
        (C(CURDEPTH)). MQ itself refuses to delete a queue with uncommitted messages or one an application has open,
        whatever this option says; that failure shows MQ's reason code and message.
    type: bool
    default: false
  type:
    description:
      - Queue type. A queue this task creates is V(local) unless this option says otherwise.
      - An existing queue keeps its type when the option is left out. MQ cannot change the type of a queue; a different
        value fails unless O(recreate=true), which deletes the queue and defines it again.
    type: str
    choices: [local, remote, alias, model]
  description:
    description:
      - Description (C(DESCR)), at most 64 characters. Case is kept.
    type: str
  usage:
    description:
      - C(USAGE). V(xmitq) makes a transmission queue, which sender and server channels take messages from. Local and
        model queues only.
    type: str
    choices: [normal, xmitq]
  max_depth:
    description:
      - Maximum number of messages (C(MAXDEPTH)), 0 to 999999999. Local and model queues only.
    type: int
  max_message_length:
    description:
      - Maximum message length in bytes (C(MAXMSGL)), 0 to 104857600. Local and model queues only.
    type: int
  persistence:
    description:
      - Default persistence of messages put without their own (C(DEFPSIST)); V(true) is C(DEFPSIST(YES)).
    type: bool
  target:
    description:
      - The queue (or topic, with C(attributes.TARGTYPE=TOPIC)) an alias resolves to (C(TARGET)). Alias queues only.
    type: str
  remote_name:
    description:
      - Name of the queue on the remote queue manager (C(RNAME)). Remote queues only. Empty makes a queue manager alias.
    type: str
  remote_qmgr:
    description:
      - Name of the remote queue manager (C(RQMNAME)). Remote queues only.
    type: str
  xmitq:
    description:
      - Transmission queue for messages to the remote queue manager (C(XMITQ)). Remote queues only; empty means the one
        named after the remote queue manager, or the default transmission queue.
    type: str
  # END generated (options)
notes:
  - After a change the queue is read again, so RV(queue) shows MQ's defaults and C(CURDEPTH) too.
seealso:
  - module: mqrest.admin.mq_objects
  - module: mqrest.admin.mq_channel
"""

EXAMPLES = r"""
- name: Set the connection once for every mqrest.admin module
  module_defaults:
    group/mqrest.admin.mq:
      rest_url: "{{ mq_rest_url }}"  # https://mqhost:9443/ibmmq/rest/v2
      qmgr: QM1
      username: "{{ mq_admin_user }}"
      password: "{{ mq_admin_password }}"
      ca_path: "{{ mq_ca_path }}"  # /etc/pki/mq/ca.pem
  delegate_to: localhost
  block:
    - name: A local queue for incoming orders
      mqrest.admin.mq_queue:
        name: APP.ORDERS.IN
        max_depth: 50000
        persistence: true
        description: Orders from the web shop

    - name: An alias the application opens instead of the real queue
      mqrest.admin.mq_queue:
        name: APP.ORDERS
        type: alias
        target: APP.ORDERS.IN

    - name: The transmission queue to QM2 and a remote queue that uses it
      mqrest.admin.mq_queue:
        name: "{{ item.name }}"
        type: "{{ item.type }}"
        usage: "{{ item.usage | default(omit) }}"
        remote_name: "{{ item.remote_name | default(omit) }}"
        remote_qmgr: "{{ item.remote_qmgr | default(omit) }}"
        xmitq: "{{ item.xmitq | default(omit) }}"
      loop:
        - {name: QM2, type: local, usage: xmitq}
        - {name: APP.INVOICES, type: remote, remote_name: BILLING.IN, remote_qmgr: QM2, xmitq: QM2}

    - name: Retire an old queue, discarding what is left on it
      mqrest.admin.mq_queue:
        name: APP.OLD.QUEUE
        state: absent
        purge: true
"""

RETURN = r"""
# BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py (return)
action:
  description:
    - What was done to the definition.
  returned: always
  type: str
  sample: updated
  choices: [created, updated, recreated, unchanged, deleted, absent]
changed_attributes:
  description:
    - Options (or lower-case MQSC keywords given in O(attributes)) that were or would be changed.
  returned: always
  type: list
  elements: str
commands:
  description:
    - MQSC commands that were sent, or that would be sent in check mode, in runmqsc form.
  returned: always
  type: list
  elements: str
diff:
  description:
    - Before and after values of the changed attributes.
  returned: when diff mode is enabled
  type: dict
raced:
  description:
    - True when another writer changed the queue between this task's read and its command (a C(DEFINE) answered 4001 or
      4002 because it exists now, an C(ALTER) or C(DELETE) answered 2085 because it is gone), and the task read it again
      and converged from there. RV(action) and RV(changed_attributes) say what this task's own commands did.
  returned: success
  type: bool
  sample: false
not_attempted:
  description:
    - When the task failed part-way, the planned MQSC commands that were never sent, in runmqsc form. RV(commands) lists
      those that were sent, the last of them the one that failed.
  returned: failure
  type: list
  elements: str
# END generated (return)
queue:
  description:
    - The queue after the task, as returned by C(DISPLAY QUEUE), with option names as keys where one exists and
      lower-case MQSC keywords otherwise (such as C(curdepth) for a local queue). Empty when the queue does not exist.
    - In check mode, the predicted state.
  returned: always
  type: dict
  sample: {name: APP.ORDERS.IN, type: local, max_depth: 50000, persistence: true, usage: normal, curdepth: 0}
"""

from ansible_collections.mqrest.admin.plugins.module_utils._object_module import run_object_module
from ansible_collections.mqrest.admin.plugins.module_utils._types import QUEUE


def main():
    run_object_module(QUEUE)


if __name__ == "__main__":
    main()
