#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_authinfo
short_description: Manage IBM MQ authentication information objects over the administrative REST API
version_added: 0.1.0
description:
  - Define, alter and delete an IBM MQ authentication information object (C(DEFINE AUTHINFO)) through the IBM MQ
    administrative REST API. V(idpwos) and V(idpwldap) objects check the user IDs and passwords applications present
    (connection authentication, for which the queue manager's C(CONNAUTH) names one, set with M(mqrest.admin.mq_qmgr));
    V(crlldap) and V(ocsp) objects check certificates for revocation.
  - Idempotent. The object is read once with C(DISPLAY AUTHINFO); it is defined when absent and altered with only the
    attributes that differ. Attributes not given are left alone.
  - A change to the object that C(CONNAUTH) names takes effect only after C(REFRESH SECURITY TYPE(CONNAUTH));
    RV(refresh_required) then says V(connauth) and a warning repeats it. This module never runs the refresh.
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
      - Name of the authentication information object, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else
        (blanks, quotes, parentheses, C(*), line breaks) fails the task before any request.
      - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
        authentication information objects. C(runmqsc) folds unquoted names to upper case, so an authentication
        information object defined there without quotes has an upper-case name.
    type: str
    required: true
  state:
    description:
      - V(present) makes the authentication information object exist with the given attributes; attributes not given are
        left alone. An existing authentication information object needs only its O(name); its O(type) comes from its
        definition. Options needed only to create it (O(type), O(conname), O(short_user) and O(ocsp_url)) are checked
        after the one C(DISPLAY), before anything is changed, naming every missing one at once.
      - V(absent) deletes it.
      - Authentication information objects have no run state, so there is no V(started) or V(stopped).
    type: str
    choices: [present, absent]
    default: present
  attributes:
    description:
      - Further MQSC attributes without an option of their own. Every authentication information object attribute this
        collection manages has an option, so this takes only an empty dictionary.
    type: dict
    default: {}
  recreate:
    description:
      - "Allow deleting and defining the authentication information object again when a change can only be made that
        way: MQ cannot change O(type) of an existing authentication information object in place. The new definition
        starts from MQ's defaults plus the options given here."
    type: bool
    default: false
  update_password:
    description:
      - "When to send O(ldap_password): MQ shows a secret masked, so a changed one cannot be seen. V(on_create) sends it
        only when this task defines the authentication information object (or defines it again with O(recreate=true));
        V(always) sends it on every run, which then always reports a change."
    type: str
    choices: [on_create, always]
    default: on_create
  type:
    description:
      - The type of authentication information (C(AUTHTYPE)). Required to create the object; an existing object's type
        is read from its definition. V(idpwos) checks the user ID and password an application presents against the
        operating system, V(idpwldap) against an LDAP server (both for the queue manager's C(CONNAUTH)); V(crlldap)
        checks certificates against revocation lists on an LDAP server, V(ocsp) with an OCSP responder.
      - MQ cannot change the type of an existing object; a different value fails unless O(recreate=true).
    type: str
    choices: [idpwos, idpwldap, crlldap, ocsp]
  description:
    description:
      - Description (C(DESCR)), at most 64 characters. Case is kept.
    type: str
  check_client:
    description:
      - "Whether client applications must present a user ID and password (C(CHCKCLNT)): V(none), V(optional) (checked
        when given), V(required), or V(reqdadm) (required from privileged users only, which makes no difference with
        LDAP). V(idpwos) and V(idpwldap) only."
    type: str
    choices: [none, optional, required, reqdadm]
  check_local:
    description:
      - The same for locally bound applications (C(CHCKLOCL)). V(required) or V(reqdadm) also stops C(runmqsc) without
        C(-u). V(idpwos) and V(idpwldap) only.
    type: str
    choices: [none, optional, required, reqdadm]
  adopt_context:
    description:
      - Whether the user ID an application presents, once its password is checked, becomes the application's context for
        authorization (C(ADOPTCTX)). V(idpwos) and V(idpwldap) only.
    type: bool
  failure_delay:
    description:
      - Seconds MQ waits before it answers a failed user ID and password check (C(FAILDLAY)), 0 to 60. V(idpwos) and
        V(idpwldap) only.
    type: int
  authentication_method:
    description:
      - "How the operating system checks the password (C(AUTHENMD)): V(os), or V(pam) (AIX and Linux). V(idpwos) only."
    type: str
    choices: [os, pam]
  conname:
    description:
      - "The LDAP server: host name or address and port, for example V(ldap.example.com(636\\)), or a comma-separated
        list (C(CONNAME)). Required for V(crlldap) and V(idpwldap)."
    type: str
  ldap_user:
    description:
      - Distinguished name of the user that binds to the LDAP server (C(LDAPUSER)). V(crlldap) and V(idpwldap) only.
    type: str
  ldap_password:
    description:
      - Password of O(ldap_user) (C(LDAPPWD)), at most 32 characters. V(crlldap) and V(idpwldap) only.
      - "A secret: never shown in results, diffs or commands (C(LDAPPWD(********\\))). MQ shows it masked, so it cannot
        be compared: it is sent when this task defines the object, and on every run with O(update_password=always),
        which then always reports a change."
    type: str
  secure_comms:
    description:
      - "Whether the connection to the LDAP server uses TLS (C(SECCOMM)): V(yes), V(no), or V(anon) (TLS without a
        client certificate). V(idpwldap) only."
    type: str
    choices: ['yes', 'no', anon]
  short_user:
    description:
      - The field of the LDAP user record used as the short user name in MQ (C(SHORTUSR)), for example V(uid). Required
        for V(idpwldap).
    type: str
  user_base_dn:
    description:
      - Base distinguished name under which users are searched (C(BASEDNU)). V(idpwldap) only.
    type: str
  user_object_class:
    description:
      - LDAP object class of user records (C(CLASSUSR)), for example V(inetOrgPerson). V(idpwldap) only.
    type: str
  user_field:
    description:
      - The field that holds a user ID given without a field name (C(USRFIELD)). V(idpwldap) only.
    type: str
  authorization_method:
    description:
      - "How group membership is found for authorization (C(AUTHORMD)): V(os), V(searchgrp) (group records list their
        members), V(searchusr) (user records list their groups) or V(srchgrpsn) (group records list short user names).
        V(idpwldap) only."
    type: str
    choices: [os, searchgrp, searchusr, srchgrpsn]
  group_base_dn:
    description:
      - Base distinguished name under which groups are searched (C(BASEDNG)). V(idpwldap) only.
    type: str
  group_object_class:
    description:
      - LDAP object class of group records (C(CLASSGRP)), for example V(groupOfNames). V(idpwldap) only.
    type: str
  group_membership_attribute:
    description:
      - The attribute that holds group membership (C(FINDGRP)), for example V(member) or V(memberOf). V(idpwldap) only.
    type: str
  group_field:
    description:
      - The field of a group record used as its simple name (C(GRPFIELD)), for example V(cn). V(idpwldap) only.
    type: str
  nested_groups:
    description:
      - Whether groups that are members of groups count for authorization (C(NESTGRP)). V(idpwldap) only.
    type: bool
  ocsp_url:
    description:
      - URL of the OCSP responder (C(OCSPURL)); it must start with V(http://) in lower case. Required for V(ocsp).
    type: str
  # END generated (options)
notes:
  - After a change the object is read again, so RV(authinfo) shows MQ's defaults too.
  - O(ldap_password) is never shown, neither in results nor in the diff nor in RV(commands), where it reads
    C(LDAPPWD(********\)); RV(authinfo) says only whether one is set. The option is C(no_log).
seealso:
  - module: mqrest.admin.mq_qmgr
  - module: mqrest.admin.mq_objects
"""

EXAMPLES = r"""
- name: Connection authentication against the operating system
  module_defaults:
    group/mqrest.admin.mq:
      rest_url: "{{ mq_rest_url }}"  # https://mqhost:9443/ibmmq/rest/v2
      qmgr: QM1
      username: "{{ mq_admin_user }}"
      password: "{{ mq_admin_password }}"
  delegate_to: localhost
  block:
    - name: Clients must present a password; local applications may
      mqrest.admin.mq_authinfo:
        name: APP.IDPW.OS
        type: idpwos
        check_client: required
        check_local: optional
        adopt_context: true
        failure_delay: 5
      register: idpw

    - name: The queue manager uses it for connection authentication
      mqrest.admin.mq_qmgr:
        connection_authentication: APP.IDPW.OS
      register: qmgr

    - name: Both changes wait for REFRESH SECURITY TYPE(CONNAUTH), which these modules never run
      ansible.builtin.debug:
        msg: "refresh needed: {{ (idpw.refresh_required + qmgr.refresh_required) | unique }}"

    - name: Users and groups from an LDAP server; the bind password is sent only when the object is defined
      mqrest.admin.mq_authinfo:
        name: APP.IDPW.LDAP
        type: idpwldap
        conname: ldap.example.com(636)
        secure_comms: "yes"
        ldap_user: cn=mqbind,ou=services,dc=example,dc=com
        ldap_password: "{{ lookup('ansible.builtin.env', 'MQ_LDAP_BIND_PASSWORD') }}"
        short_user: uid
        user_base_dn: ou=people,dc=example,dc=com
        user_object_class: inetOrgPerson
        authorization_method: searchgrp
        group_base_dn: ou=groups,dc=example,dc=com
        group_object_class: groupOfNames
        group_membership_attribute: member
        group_field: cn
        check_client: required

    - name: Certificate revocation checked with an OCSP responder
      mqrest.admin.mq_authinfo:
        name: APP.OCSP
        type: ocsp
        ocsp_url: http://ocsp.example.com/
        description: OCSP responder of the application CA

    - name: Retire the OCSP object
      mqrest.admin.mq_authinfo:
        name: APP.OCSP
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
  choices: [created, updated, recreated, unchanged, deleted, absent]
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
    - True when another writer changed the authentication information object between this task's read and its command (a
      C(DEFINE) answered 4001 or 4002 because it exists now, an C(ALTER) or C(DELETE) answered 2085 because it is gone),
      and the task read it again and converged from there. RV(action) and RV(changed_attributes) say what this task's
      own commands did.
  returned: success
  type: bool
  sample: false
refresh_required:
  description:
    - "The C(REFRESH SECURITY) types the change waits for before the queue manager uses it: V(connauth) after any change
      to the authentication information object the queue manager's C(CONNAUTH) names; empty when nothing waits. A
      warning says so. This task never runs the refresh."
  returned: success
  type: list
  elements: str
  sample: [connauth]
not_attempted:
  description:
    - When the task failed part-way, the planned MQSC commands that were never sent, in runmqsc form. RV(commands) lists
      those that were sent, the last of them the one that failed.
  returned: failure
  type: list
  elements: str
# END generated (return)
authinfo:
  description:
    - The authentication information object after the task, as returned by C(DISPLAY AUTHINFO), with option names as
      keys where one exists and lower-case MQSC keywords otherwise. Empty when it does not exist.
    - C(ldap_password) is V(********) when a password is set and empty when none is; the password itself is never returned.
    - In check mode, the predicted state.
  returned: always
  type: dict
  sample: {name: APP.IDPW.OS, type: idpwos, check_client: required, check_local: optional, adopt_context: true, failure_delay: 5,
           authentication_method: os}
"""

from ansible_collections.mqrest.admin.plugins.module_utils._object_module import run_object_module
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY


def main():
    run_object_module(REGISTRY["authinfo"])


if __name__ == "__main__":
    main()
