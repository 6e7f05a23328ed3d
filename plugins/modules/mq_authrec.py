#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_authrec
short_description: Manage IBM MQ authority records (OAM, SET AUTHREC) over the administrative REST API
version_added: 0.1.0
description:
  - Set and delete one IBM MQ authority record through the IBM MQ administrative REST API, the authorities one user
    (O(principal)) or group (O(group)) has on an object or a generic profile (C(SET AUTHREC), C(DELETE AUTHREC)). An
    application needs them to connect and to use its queues; without them MQ refuses it with 2035
    C(MQRC_NOT_AUTHORIZED).
  - A record is named by O(profile), O(object_type) and O(principal) or O(group), which are sent on every command. It is
    read with one C(DISPLAY AUTHREC); C(SET AUTHREC ... AUTHADD(...)) adds what is missing and, with O(mode=exact),
    C(AUTHRMV(...)) removes what is extra, in one command, only when something differs. O(state=absent) deletes the record
    (C(DELETE AUTHREC)). A second run sends nothing.
  - The shorthands V(all), V(alladm) and V(allmqi) are expanded for O(object_type) before comparing, and the authorities
    themselves are sent, never the shorthand.
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
  profile:
    description:
      - The object or generic profile the record is for (C(PROFILE)), 1 to 48 characters; OAM's wildcards V(*), V(**)
        and V(?) make a generic profile (V(APP.**)). Case is kept. MQ refuses a record whose profile names no object; a
        generic profile needs none.
      - "Leave it out with O(object_type=qmgr): the record is the queue manager's own."
    type: str
  state:
    description:
      - V(present) makes the authority record exist with the given attributes; attributes not given are left alone. The
        authority record is found by O(profile) with O(object_type), O(principal) and O(group), which are sent on every
        command as given, their case kept.
      - V(absent) deletes it.
      - Authority records have no run state, so there is no V(started) or V(stopped).
    type: str
    choices: [present, absent]
    default: present
  object_type:
    description:
      - The type of the object or objects the profile names (C(OBJTYPE)); part of the record's identity.
    type: str
    required: true
    choices: [authinfo, channel, clntconn, comminfo, listener, namelist, process, queue, qmgr, rqmname, service, topic]
  principal:
    description:
      - The user the record is for (C(PRINCIPAL)); give this or O(group). Case is kept.
    type: str
  group:
    description:
      - The group the record is for (C(GROUP)), one name; give this or O(principal). Case is kept.
    type: str
  authorities:
    description:
      - "The authorities the record holds (C(AUTHLIST)), such as V(connect) and V(inq) on the queue manager or V(put),
        V(get), V(browse) and V(inq) on a queue; V(none) (or an empty list) for none. V(all), V(alladm) and V(allmqi)
        stand for every authority, every administrative one and every MQI one that applies to O(object_type) (IBM's
        setmqaut), and are expanded before comparing: what is sent and reported are the authorities themselves."
      - "Written with C(SET AUTHREC ... AUTHADD(...) AUTHRMV(...)): only what is missing is added and, with
        O(mode=exact), what is extra removed. Left out, an existing record is left as it is and a new one holds none."
    type: list
    elements: str
    choices:
      - none
      - altusr
      - browse
      - chg
      - clr
      - connect
      - crt
      - dlt
      - dsp
      - get
      - inq
      - put
      - passall
      - passid
      - set
      - setall
      - setid
      - sub
      - resume
      - pub
      - system
      - ctrl
      - ctrlx
      - all
      - alladm
      - allmqi
  mode:
    description:
      - "How O(authorities) is declared. V(exact): the authority record holds exactly these; what it holds besides is
        removed (C(AUTHRMV)). V(add): the authority record holds at least these; nothing is removed."
      - Either way only the difference is sent, and a second run sends nothing.
    type: str
    choices: [exact, add]
    default: exact
  # END generated (options)
notes:
  - Changes to authority records take effect at once (IBM OAM); a change of a user's groups on the host needs
    M(mqrest.admin.mq_refresh_security) with O(mqrest.admin.mq_refresh_security#module:type=authserv).
  - MQ refuses a record whose explicit profile names no object, so define the object first (M(mqrest.admin.mq_objects)
    applies authority records after the objects of the other types); a generic profile needs none.
  - "The expansion of V(all), V(alladm) and V(allmqi) follows IBM's setmqaut documentation per object type: for a queue,
    V(allmqi) is C(BROWSE GET INQ PUT PASSALL PASSID SET SETALL SETID) and V(alladm) C(CHG CLR DLT DSP); for the queue
    manager, V(allmqi) is C(ALTUSR CONNECT INQ SET SETALL SETID), V(alladm) C(CHG DLT DSP), and V(all) both with C(SYSTEM).
    C(CRT) is in none of them: MQ grants it on a type's C(@class) profile. The security guide lists every type."
seealso:
  - module: mqrest.admin.mq_chlauth
  - module: mqrest.admin.mq_objects
"""

EXAMPLES = r"""
- name: Authorities of the application user
  module_defaults:
    group/mqrest.admin.mq:
      rest_url: "{{ mq_rest_url }}"  # https://mqhost:9443/ibmmq/rest/v2
      qmgr: QM1
      username: "{{ mq_admin_user }}"
      password: "{{ mq_admin_password }}"
  delegate_to: localhost
  block:
    - name: The application may connect to the queue manager and inquire on it
      mqrest.admin.mq_authrec:
        object_type: qmgr
        principal: app
        authorities: [connect, inq]

    - name: It puts on and gets from its queues, and has no other authority on them
      mqrest.admin.mq_authrec:
        profile: APP.**
        object_type: queue
        principal: app
        authorities: [put, get, browse, inq]

    - name: Operators may display the application's queues, whatever else they were granted
      mqrest.admin.mq_authrec:
        profile: APP.**
        object_type: queue
        group: mqops
        authorities: [dsp]
        mode: add

    - name: The retired batch user loses its record
      mqrest.admin.mq_authrec:
        profile: APP.**
        object_type: queue
        principal: batch
        state: absent
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
not_attempted:
  description:
    - When the task failed part-way, the planned MQSC commands that were never sent, in runmqsc form. RV(commands) lists
      those that were sent, the last of them the one that failed.
  returned: failure
  type: list
  elements: str
# END generated (return)
authrec:
  description:
    - The record after the task, as returned by C(DISPLAY AUTHREC), with C(principal) or C(group) for its holder and
      C(authorities) in lower case. Empty when the record does not exist.
    - In check mode, the predicted state.
  returned: always
  type: dict
  sample: {profile: APP.**, object_type: queue, principal: app, authorities: [browse, get, inq, put]}
"""

from ansible_collections.mqrest.admin.plugins.module_utils._object_module import run_object_module
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY


def main():
    run_object_module(REGISTRY["authrec"])


if __name__ == "__main__":
    main()
