#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_listener
short_description: Manage IBM MQ listeners over the administrative REST API
version_added: 0.1.0
description:
  - Define, alter, delete, start and stop an IBM MQ listener (C(DEFINE LISTENER) and friends) through
    the IBM MQ administrative REST API.
  - Idempotent. The listener is read once; it is defined when absent and altered with only the
    attributes that differ. Attributes not given are left alone.
  - O(state=started) and O(state=stopped) wait until C(DISPLAY LSSTATUS) shows the result. A stopped
    listener has no status record, which counts as stopped.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.wait
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
      - Name of the listener, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes,
        parentheses, C(*), line breaks) fails the task before any request.
      - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
        listeners. C(runmqsc) folds unquoted names to upper case, so a listener defined there without quotes has an
        upper-case name.
    type: str
    required: true
  state:
    description:
      - V(present) makes the listener exist with the given attributes; attributes not given are left alone. An existing
        listener needs only its O(name).
      - V(absent) deletes it. An active listener is only stopped and deleted with O(force=true).
      - V(started) and V(stopped) imply V(present) and then start or stop the listener, waiting for the result when
        O(wait=true). They send nothing when it is already in that state.
      - V(restarted) implies V(present) and then always restarts the listener, as M(mqrest.admin.mq_restart) does. It
        stops the listener when it runs, waiting for the stop even with O(wait=false) because MQ refuses to start an
        object that is still stopping, then starts it, waiting for the start when O(wait=true). In check mode it reports
        the commands and sends neither.
    type: str
    choices: [present, absent, started, stopped, restarted]
    default: present
  attributes:
    description:
      - Further MQSC attributes without an option of their own. Every listener attribute this collection manages has an
        option, so this takes only an empty dictionary.
    type: dict
    default: {}
  recreate:
    description:
      - "Allow deleting and defining the listener again when a change can only be made that way: MQ cannot change
        O(transport_type) of an existing listener in place. The new definition starts from MQ's defaults plus the
        options given here. An active listener is stopped first."
    type: bool
    default: false
  force:
    description:
      - With O(state=absent), stop an active listener before deleting it. Without it the task fails and leaves the
        listener alone.
      - The stop before a delete is always waited for, even with O(wait=false), because MQ refuses to delete an object
        that is still stopping.
    type: bool
    default: false
  transport_type:
    description:
      - Transport protocol (C(TRPTYPE)). MQ cannot change it on an existing listener; a different value fails unless
        O(recreate=true).
      - V(lu62), V(netbios) and V(spx) exist on Windows only.
    type: str
    choices: [tcp, lu62, netbios, spx]
    default: tcp
  port:
    description:
      - TCP port (C(PORT)), 0 to 65535. MQ's default is 0.
    type: int
  ip_address:
    description:
      - IP address or host name to listen on (C(IPADDR)). Empty means every address.
    type: str
  backlog:
    description:
      - Maximum number of pending connection requests (C(BACKLOG)). V(0) means the MQ default.
    type: int
  control:
    description:
      - C(CONTROL). V(manual) (MQ's default) is started and stopped by command only; V(qmgr) starts and stops with the
        queue manager; V(startonly) starts with the queue manager and is not stopped by it.
    type: str
    choices: [manual, qmgr, startonly]
  description:
    description:
      - Description (C(DESCR)), at most 64 characters. Case is kept.
    type: str
  # END generated (options)
notes:
  - A running listener keeps the O(port), O(ip_address) and O(backlog) it started with. With O(state=started) a change
    to them restarts it (RV(restarted_for)); with O(state=present) the task returns RV(restart_required) and warns.
seealso:
  - module: mqrest.admin.mq_channel
  - module: mqrest.admin.mq_info
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
    - name: Define an application listener started with the queue manager
      mqrest.admin.mq_listener:
        name: APP.LISTENER
        port: 1415
        control: qmgr
        description: Application traffic

    - name: Make sure it runs, waiting up to 30 seconds
      mqrest.admin.mq_listener:
        name: APP.LISTENER
        port: 1415
        state: started
        wait_timeout: 30

    - name: Remove an old listener, stopping it first if it runs
      mqrest.admin.mq_listener:
        name: OLD.LISTENER
        state: absent
        force: true
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
run_action:
  description:
    - What was done to the run state, besides RV(action)'s change to the definition. V(started), V(stopped) or
      V(restarted) when this task's own command did it (in check mode, what it would do); null when the state was
      already right, when another writer had done it, or with O(state=present) or O(state=absent).
    - The diff then shows C(state) before and after (C(state) before is left out for an object this task created).
  returned: success, unless O(state=absent)
  type: str
  sample: started
  choices: [started, stopped, restarted]
restarted_for:
  description:
    - The changed attributes that this task restarted the object for (O(state=started) and an C(ALTER) of attributes
      that a running object only takes when it next starts); empty otherwise. RV(run_action) is then V(restarted). The
      idempotency guide lists these attributes per object type.
  returned: success, unless O(state=absent)
  type: list
  elements: str
restart_required:
  description:
    - True when the object runs and keeps the old values of changed attributes until it next starts, because this task
      did not restart it (O(state=present)). A warning names the attributes.
  returned: success, unless O(state=absent)
  type: bool
  sample: false
changed_attributes:
  description:
    - Options that were or would be changed.
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
    - Before and after values of the changed attributes, and C(state) before and after when RV(run_action) is set.
  returned: when diff mode is enabled
  type: dict
raced:
  description:
    - True when another writer changed the listener between this task's read and its command (a C(DEFINE) answered 4001
      or 4002 because it exists now, an C(ALTER) or C(DELETE) answered 2085 because it is gone), and the task read it
      again and converged from there. RV(action) and RV(changed_attributes) say what this task's own commands did.
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
sync_result:
  description:
    - Facts about the start, stop or restart that was issued and waited for. A restart sums both phases, as the
      RV(mqrest.admin.mq_restart#module:sync_results) of M(mqrest.admin.mq_restart) do.
  returned: when a start, stop or restart was issued and not in check mode
  type: dict
  contains:
    operation:
      description:
        - V(started), V(stopped) or V(restarted).
      type: str
    polls:
      description:
        - Number of status requests made while waiting.
      type: int
    elapsed_seconds:
      description:
        - Seconds from sending the command until the status confirmed it.
      type: float
    by_another_writer:
      description:
        - True when MQ answered that the listener already was started (3233 MQRCCF_LISTENER_STARTED) or stopped (3234
          MQRCCF_LISTENER_STOPPED), because another writer got there between this task's status read and its command.
          That is not counted as this task's change.
        - For a restart, true when MQ answered either phase so.
      type: bool
  sample: {operation: started, polls: 3, elapsed_seconds: 0.41}
# END generated (return)
listener:
  description:
    - The listener after the task, as returned by C(DISPLAY LISTENER), with option names as keys where
      one exists and lower-case MQSC keywords otherwise. Empty when the listener does not exist.
    - In check mode, the predicted state.
  returned: always
  type: dict
  sample: {name: APP.LISTENER, transport_type: tcp, port: 1415, control: qmgr, backlog: 0, ip_address: "", description: ""}
"""

from ansible_collections.mqrest.admin.plugins.module_utils._object_module import run_object_module
from ansible_collections.mqrest.admin.plugins.module_utils._types import LISTENER


def main():
    run_object_module(LISTENER)


if __name__ == "__main__":
    main()
