#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_chlauth
short_description: Manage IBM MQ channel authentication records (CHLAUTH) over the administrative REST API
version_added: 0.1.0
description:
  - Set and remove one IBM MQ channel authentication record (C(SET CHLAUTH)) through the IBM MQ administrative REST API,
    either a list of users (V(blockuser)) or addresses (V(blockaddr)) to refuse, or a map that decides what a connection
    from an address, a client user, a partner queue manager or a certificate gets (V(addressmap), V(usermap),
    V(qmgrmap), V(sslpeermap)).
  - A record is named by O(profile), O(type) and the key of its type, which are sent on every command. It is read with
    one C(DISPLAY CHLAUTH(profile) TYPE(...) MATCH(EXACT)); C(ACTION(ADD)) creates it when absent, C(ACTION(REPLACE))
    changes it only when something differs, and C(ACTION(REMOVE)) removes it (C(ACTION(REMOVEALL)) a V(blockuser) or
    V(blockaddr) record, list and all). A second run sends nothing.
  - Every rule of IBM's C(SET CHLAUTH) syntax that the options decide is checked before any request, naming the option
    and the rule, such as V(*) as the only profile of a V(blockaddr) record, no wildcard in O(client_user),
    generic IP addresses and ranges, and O(mcauser) only with O(user_source=map). A rule that depends on the existing
    record (O(user_source) left out takes the record's, or MQ's default V(map)) is checked after the one C(DISPLAY),
    before anything is changed.
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
      - "The channel profile the record applies to (C(SET CHLAUTH(profile))): a channel name, or a generic profile with
        V(*) anywhere (V(APP.*), V(*)), 1 to 20 characters. Case is kept. With O(type=blockaddr) it must be V(*)."
      - With O(type) and the key of the type (O(address) for V(addressmap); O(client_user), O(remote_qmgr) or
        O(ssl_peer) and O(ssl_cert_issuer), with O(address), for the other maps) it names one record; a blocking type
        has one record per profile.
    type: str
    required: true
  state:
    description:
      - V(present) makes the channel authentication record exist with the given attributes; attributes not given are
        left alone. The channel authentication record is found by O(profile) with O(type), O(address), O(client_user),
        O(remote_qmgr), O(ssl_peer) and O(ssl_cert_issuer), which are sent on every command as given, their case kept.
        Options needed only to create it (O(users) and O(addresses)) are checked after the one C(DISPLAY), before
        anything is changed, naming every missing one at once.
      - V(absent) removes it (C(SET ... ACTION(REMOVE))).
      - Channel authentication records have no run state, so there is no V(started) or V(stopped).
    type: str
    choices: [present, absent]
    default: present
  type:
    description:
      - "The kind of record (C(TYPE)); part of its identity. V(blockuser) and V(blockaddr) block the users in O(users)
        and the addresses in O(addresses); the maps decide what a connection that matches their key gets
        (O(user_source)): V(addressmap) by the partner's address, V(usermap) by the user the client asserts, V(qmgrmap)
        by the partner queue manager's name, V(sslpeermap) by its certificate's distinguished name."
      - IBM applies V(usermap) and V(blockuser) to server-connection channels only, and V(qmgrmap) to the others.
    type: str
    required: true
    choices: [blockuser, blockaddr, sslpeermap, addressmap, usermap, qmgrmap]
  address:
    description:
      - "The partner address the record matches (C(ADDRESS)): an IP address, a generic one (V(192.0.2.*), V(192.0.*.2)),
        a range in one part (V(192.0.2.1-8)), V(*), IPv6 alike, or a host name pattern. Required with
        O(type=addressmap), where it is the key; an optional filter on the other maps, part of their key too."
      - Checked before any request against IBM's rules for generic IP addresses.
    type: str
  client_user:
    description:
      - The user ID the client asserts (C(CLNTUSER)), the key of a V(usermap) record; one user, no wildcard. Case is
        kept and sent quoted, so V(app) and V(APP) are two records.
    type: str
  remote_qmgr:
    description:
      - The partner queue manager's name (C(QMNAME)), the key of a V(qmgrmap) record; V(*) may stand for any characters.
    type: str
  ssl_peer:
    description:
      - The distinguished name the partner's certificate must match (C(SSLPEER)), the key of a V(sslpeermap) record, for
        example V(CN=app,O=Example).
    type: str
  ssl_cert_issuer:
    description:
      - The distinguished name of the certificate's issuer (C(SSLCERTI)); part of a V(sslpeermap) record's key when set.
    type: str
  user_source:
    description:
      - "What a connection that matches a map gets (C(USERSRC)): V(map) runs it as O(mcauser) (MQ's default, so a new
        map without O(user_source) needs O(mcauser)); V(noaccess) refuses it; V(channel) lets it in with the user the
        channel would use (the client's, or the channel's C(MCAUSER))."
    type: str
    choices: [map, noaccess, channel]
  mcauser:
    description:
      - The user ID a matching connection runs as (C(MCAUSER)), with O(user_source=map) only. Case is kept.
    type: str
  check_client:
    description:
      - "Whether a matching client must also give a valid user ID and password (C(CHCKCLNT)): V(asqmgr) as the queue
        manager's connection authentication says (MQ's default), V(reqdadm) for privileged users, V(required) always.
        Not with O(user_source=noaccess)."
    type: str
    choices: [asqmgr, reqdadm, required]
  users:
    description:
      - "The users a V(blockuser) record refuses (C(USERLIST)), at most 100; V(*MQADMIN) stands for every privileged
        user. The record holds exactly this list: users not listed are taken off it. Case is kept."
    type: list
    elements: str
  addresses:
    description:
      - "The addresses a V(blockaddr) record refuses at the listener (C(ADDRLIST)), at most 256, each an IP address, a
        generic one or a range (no host names); two ranges must not overlap unless one holds the other. The record holds
        exactly this list: addresses not listed are taken off it."
    type: list
    elements: str
  description:
    description:
      - Description (C(DESCR)), at most 64 characters. Case is kept.
    type: str
  warn:
    description:
      - "V(true) makes a blocking record, or a map with O(user_source=noaccess), only report what it would refuse
        (C(WARN(YES)): MQ writes the event and lets the connection in)."
    type: bool
  # END generated (options)
notes:
  - A new queue manager holds IBM's default records, which refuse privileged users on every channel (V(blockuser)
    V(*MQADMIN) on profile V(*)) and everyone on C(SYSTEM.*) channels. A more specific profile takes precedence (IBM,
    "Resolving CHLAUTH access issues"), so a V(blockuser) record for a channel overrides the default one for it.
  - MQ checks the records only while C(ALTER QMGR CHLAUTH(ENABLED)) is set, which is the default.
  - C(REPLACE) is sent with every attribute the record keeps, the ones this task leaves alone too, so that they stay as
    they are whichever way MQ treats a C(REPLACE) that does not name them.
  - The collection's security guide (C(guide_security.rst)) shows a whole application's records.
seealso:
  - module: mqrest.admin.mq_authrec
  - module: mqrest.admin.mq_refresh_security
  - module: mqrest.admin.mq_objects
"""

EXAMPLES = r"""
- name: Channel authentication for the application's channel
  module_defaults:
    group/mqrest.admin.mq:
      rest_url: "{{ mq_rest_url }}"  # https://mqhost:9443/ibmmq/rest/v2
      qmgr: QM1
      username: "{{ mq_admin_user }}"
      password: "{{ mq_admin_password }}"
  delegate_to: localhost
  block:
    - name: Clients of APP.SVRCONN from the application's subnet run as the channel's user
      mqrest.admin.mq_chlauth:
        profile: APP.SVRCONN
        type: addressmap
        address: 10.20.*
        user_source: channel
        check_client: required
        description: Application hosts

    - name: The client user 'batch' runs as the less privileged 'app'
      mqrest.admin.mq_chlauth:
        profile: APP.SVRCONN
        type: usermap
        client_user: batch
        user_source: map
        mcauser: app

    - name: Refuse two addresses on every channel, and no others
      mqrest.admin.mq_chlauth:
        profile: "*"
        type: blockaddr
        addresses: [192.0.2.7, 198.51.100.1-20]

    - name: Only 'nobody' is blocked on the administrators' channel (overrides the default *MQADMIN rule there)
      mqrest.admin.mq_chlauth:
        profile: ADMIN.SVRCONN
        type: blockuser
        users: [nobody]

    - name: Drop the user map again
      mqrest.admin.mq_chlauth:
        profile: APP.SVRCONN
        type: usermap
        client_user: batch
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
raced:
  description:
    - True when another writer changed the channel authentication record between this task's read and its command (a
      C(SET ... ACTION(ADD)) answered 3337 because it exists now, a C(SET ... ACTION(REMOVE)) answered 3338 because it
      is gone), and the task read it again and converged from there. RV(action) and RV(changed_attributes) say what this
      task's own commands did.
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
chlauth:
  description:
    - The record after the task, as returned by C(DISPLAY CHLAUTH), with option names as keys where one exists and
      lower-case MQSC keywords otherwise. Empty when the record does not exist.
    - In check mode, the predicted state.
  returned: always
  type: dict
  sample: {profile: APP.SVRCONN, type: addressmap, address: "10.20.*", user_source: channel, check_client: required,
           description: Application hosts, altdate: "2026-12-06", alttime: "10.41.07"}
"""

from ansible_collections.mqrest.admin.plugins.module_utils._object_module import run_object_module
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY


def main():
    run_object_module(REGISTRY["chlauth"])


if __name__ == "__main__":
    main()
