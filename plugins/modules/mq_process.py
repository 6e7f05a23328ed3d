#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_process
short_description: Manage IBM MQ process definitions over the administrative REST API
version_added: 0.1.0
description:
  - Define, alter and delete an IBM MQ process definition (C(DEFINE PROCESS)) through the IBM MQ administrative REST API.
    A process definition says which application a trigger monitor starts when a triggered queue (its C(PROCESS))
    receives messages.
  - Idempotent. The process definition is read once with C(DISPLAY PROCESS); it is defined when absent and altered with
    only the attributes that differ. Attributes not given are left alone.
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
      - Name of the process, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes, parentheses,
        C(*), line breaks) fails the task before any request.
      - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
        processs. C(runmqsc) folds unquoted names to upper case, so a process defined there without quotes has an
        upper-case name.
    type: str
    required: true
  state:
    description:
      - V(present) makes the process exist with the given attributes; attributes not given are left alone. An existing
        process needs only its O(name).
      - V(absent) deletes it.
      - Processes have no run state, so there is no V(started) or V(stopped).
    type: str
    choices: [present, absent]
    default: present
  attributes:
    description:
      - Further MQSC attributes without an option of their own. Every process attribute this collection manages has an
        option, so this takes only an empty dictionary.
    type: dict
    default: {}
  recreate:
    description:
      - "Allow deleting and defining the process again when a change can only be made that way: MQ cannot change some
        attributes of an existing process in place. The new definition starts from MQ's defaults plus the options given
        here."
    type: bool
    default: false
  application_id:
    description:
      - The application a trigger monitor starts (C(APPLICID)), usually a fully qualified program path; at most 256
        characters. Case is kept.
    type: str
  application_type:
    description:
      - "The type of O(application_id) (C(APPLTYPE)): V(unix) (MQ's default on UNIX and Linux), V(windows), V(def) (the
        platform's default), V(cics), V(ims), V(mvs), V(notesagent), V(nsk), V(os400) or V(wlm); or a number, 0 to 65535
        for a system-defined type, 65536 to 999999999 for a user-defined one."
    type: str
  environment_data:
    description:
      - Environment data the trigger monitor passes to the application (C(ENVRDATA)), at most 128 characters.
    type: str
  user_data:
    description:
      - User data the trigger monitor passes to the application (C(USERDATA)), at most 128 characters.
    type: str
  description:
    description:
      - Description (C(DESCR)), at most 64 characters. Case is kept.
    type: str
  # END generated (options)
seealso:
  - module: mqrest.admin.mq_queue
  - module: mqrest.admin.mq_service
  - module: mqrest.admin.mq_objects
"""

EXAMPLES = r"""
- name: Start the order loader when orders arrive
  module_defaults:
    group/mqrest.admin.mq:
      rest_url: "{{ mq_rest_url }}"  # https://mqhost:9443/ibmmq/rest/v2
      qmgr: QM1
      username: "{{ mq_admin_user }}"
      password: "{{ mq_admin_password }}"
  delegate_to: localhost
  block:
    - name: What the trigger monitor starts
      mqrest.admin.mq_process:
        name: APP.ORDER.LOADER
        application_id: /opt/app/bin/load_orders
        application_type: unix
        environment_data: LOG=/var/log/app
        description: Loads orders into the database

    - name: The queue that triggers it
      mqrest.admin.mq_queue:
        name: APP.ORDERS.IN
        attributes:
          TRIGTYPE: first
          INITQ: SYSTEM.DEFAULT.INITIATION.QUEUE
          PROCESS: APP.ORDER.LOADER
"""

RETURN = r"""
# BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py (return)
action:
  description:
    - What was done to the definition.
  returned: always
  type: str
  sample: updated
  choices: [created, updated, unchanged, deleted, absent]
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
    - Before and after values of the changed attributes.
  returned: when diff mode is enabled
  type: dict
raced:
  description:
    - True when another writer changed the process between this task's read and its command (a C(DEFINE) answered 4001
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
# END generated (return)
process:
  description:
    - The process definition after the task, as returned by C(DISPLAY PROCESS), with option names as keys. Empty when it
      does not exist.
    - In check mode, the predicted state.
  returned: always
  type: dict
  sample: {name: APP.ORDER.LOADER, application_id: /opt/app/bin/load_orders, application_type: UNIX,
           environment_data: LOG=/var/log/app, user_data: "", description: Loads orders into the database}
"""

from ansible_collections.mqrest.admin.plugins.module_utils._object_module import run_object_module
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY


def main():
    run_object_module(REGISTRY["process"])


if __name__ == "__main__":
    main()
