#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_namelist
short_description: Manage IBM MQ namelists over the administrative REST API
version_added: 0.1.0
description:
  - Define, alter and delete an IBM MQ namelist (C(DEFINE NAMELIST)) through the IBM MQ administrative REST API. A
    namelist is a list of names that other objects point at, such as the clusters a queue or a channel belongs to
    (their C(CLUSNL)).
  - Idempotent. The namelist is read once with C(DISPLAY NAMELIST); it is defined when absent and altered when its
    names or description differ.
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
      - Name of the namelist, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes,
        parentheses, C(*), line breaks) fails the task before any request.
      - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
        namelists. C(runmqsc) folds unquoted names to upper case, so a namelist defined there without quotes has an
        upper-case name.
    type: str
    required: true
  state:
    description:
      - V(present) makes the namelist exist with the given attributes; attributes not given are left alone. An existing
        namelist needs only its O(name).
      - V(absent) deletes it.
      - Namelists have no run state, so there is no V(started) or V(stopped).
    type: str
    choices: [present, absent]
    default: present
  attributes:
    description:
      - Further MQSC attributes without an option of their own. Every namelist attribute this collection manages has an
        option, so this takes only an empty dictionary.
    type: dict
    default: {}
  recreate:
    description:
      - "Allow deleting and defining the namelist again when a change can only be made that way: MQ cannot change some
        attributes of an existing namelist in place. The new definition starts from MQ's defaults plus the options given
        here."
    type: bool
    default: false
  names:
    description:
      - The names in the list (C(NAMES)), in order, at most 256 of 1 to 48 characters each; usually cluster or queue
        names. An empty list is a valid namelist. The list is compared as a whole, order included.
    type: list
    elements: str
  description:
    description:
      - Description (C(DESCR)), at most 64 characters. Case is kept.
    type: str
  # END generated (options)
notes:
  - C(NLTYPE), the type of the names, exists on IBM MQ for z/OS only; a queue manager on other platforms refuses it, and so
    does this module (it is not one of the O(attributes)).
seealso:
  - module: mqrest.admin.mq_queue
  - module: mqrest.admin.mq_objects
"""

EXAMPLES = r"""
- name: The clusters the application's queues are shared in
  mqrest.admin.mq_namelist:
    rest_url: "{{ mq_rest_url }}"  # https://mqhost:9443/ibmmq/rest/v2
    qmgr: QM1
    username: "{{ mq_admin_user }}"
    password: "{{ mq_admin_password }}"
    name: APP.CLUSTERS
    names: [INVENTORY, ORDERS]
    description: Clusters of the order application
  delegate_to: localhost

- name: No names for now (an empty list is a valid namelist)
  mqrest.admin.mq_namelist:
    rest_url: "{{ mq_rest_url }}"
    qmgr: QM1
    username: "{{ mq_admin_user }}"
    password: "{{ mq_admin_password }}"
    name: APP.CLUSTERS
    names: []
  delegate_to: localhost
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
    - True when another writer changed the namelist between this task's read and its command (a C(DEFINE) answered 4001
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
namelist:
  description:
    - The namelist after the task, as returned by C(DISPLAY NAMELIST), with option names as keys where one exists and
      lower-case MQSC keywords otherwise (C(namcount), the number of names). Empty when the namelist does not exist.
    - In check mode, the predicted state.
  returned: always
  type: dict
  sample: {name: APP.CLUSTERS, names: [INVENTORY, ORDERS], namcount: 2, description: Clusters of the order application}
"""

from ansible_collections.mqrest.admin.plugins.module_utils._object_module import run_object_module
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY


def main():
    run_object_module(REGISTRY["namelist"])


if __name__ == "__main__":
    main()
