#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_refresh_security
short_description: Make an IBM MQ queue manager read its security configuration again (REFRESH SECURITY)
version_added: 0.1.0
description:
  - Sends C(REFRESH SECURITY TYPE(...)) through the IBM MQ administrative REST API and reports it.
  - Some security changes wait for it before they take effect. A change of the connection authentication configuration
    (C(ALTER QMGR CONNAUTH), or an C(AUTHINFO) object's C(CHCKCLNT), C(CHCKLOCL), ...) takes effect at
    C(REFRESH SECURITY TYPE(CONNAUTH)) (IBM, "Connection authentication - Configuration"); a change of a user's groups on
    the host at C(REFRESH SECURITY TYPE(AUTHSERV)) (IBM, OAM). Authority records (M(mqrest.admin.mq_authrec)) and channel
    authentication records (M(mqrest.admin.mq_chlauth)) take effect at once and need no refresh.
  - It is an action, not a state, so it always changes when it runs. Run it when a task that changes the configuration
    reports that it needs one, as the example shows.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.attributes
attributes:
  check_mode:
    support: full
    details: Reports the command it would send, with C(changed) true, and sends none.
  diff_mode:
    support: none
  idempotent:
    support: none
    details: A refresh always runs; make the task conditional on what asked for it.
  platform:
    description: Target operating systems and families that the module can be run against.
    support: full
    platforms: posix
    details: Runs on the controller (C(delegate_to=localhost)) or any host that reaches the mqweb server over HTTPS.
options:
  type:
    description:
      - What to read again. V(connauth) the connection authentication configuration (the C(AUTHINFO) object C(CONNAUTH)
        names and its settings); V(authserv) the authorization service's cache of users and groups.
      - V(authserv) is not valid on z/OS.
    type: str
    required: true
    choices: [connauth, authserv]
seealso:
  - module: mqrest.admin.mq_chlauth
  - module: mqrest.admin.mq_authrec
"""

EXAMPLES = r"""
- name: Connection authentication that takes effect in the same play
  module_defaults:
    group/mqrest.admin.mq:
      rest_url: "{{ mq_rest_url }}"  # https://mqhost:9443/ibmmq/rest/v2
      qmgr: QM1
      username: "{{ mq_admin_user }}"
      password: "{{ mq_admin_password }}"
  delegate_to: localhost
  block:
    - name: Re-read the connection authentication configuration
      mqrest.admin.mq_refresh_security:
        type: connauth
      register: refreshed

    - name: Re-read the users' groups after adding 'app' to a group on the host
      mqrest.admin.mq_refresh_security:
        type: authserv

    - name: Say what ran
      ansible.builtin.debug:
        msg: "{{ refreshed.commands }}"
"""

RETURN = r"""
type:
  description: The type that was refreshed, as MQ spells it.
  returned: always
  type: str
  sample: CONNAUTH
commands:
  description: The C(REFRESH SECURITY) command that was sent, or that would be sent in check mode.
  returned: always
  type: list
  elements: str
  sample: ["REFRESH SECURITY TYPE(CONNAUTH)"]
"""

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import refresh_security_spec
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError
from ansible_collections.mqrest.admin.plugins.module_utils._module import MQModule
from ansible_collections.mqrest.admin.plugins.module_utils._types import REFRESH_TYPES


def main():
    mq = MQModule(refresh_security_spec(REFRESH_TYPES))
    security_type = mq.params["type"].upper()
    try:
        mq.client.refresh_security(security_type)
    except MQError as exc:
        mq.fail(exc, type=security_type)
    mq.exit({"changed": True, "type": security_type, "commands": list(mq.client.sent)})


if __name__ == "__main__":
    main()
