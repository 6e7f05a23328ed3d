#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_qmgr
short_description: Manage an IBM MQ queue manager's own attributes over the administrative REST API
version_added: 0.1.0
description:
  - Set the attributes of the queue manager itself (C(ALTER QMGR)) through the IBM MQ administrative REST API; event
    switches, the dead-letter queue, limits, channel and connection authentication, the TLS key repository, monitoring,
    statistics and accounting, and through O(attributes) every other attribute C(ALTER QMGR) takes on Multiplatforms.
  - Idempotent. The queue manager is read once with C(DISPLAY QMGR), and altered with only the attributes that differ;
    attributes not given are left alone. It never creates or deletes anything, and it does not start or stop the queue
    manager (the connection option O(qmgr) names the queue manager, so this module has no name option).
  - Some changes are not in effect when the command returns. A change of O(connection_authentication) waits for
    C(REFRESH SECURITY TYPE(CONNAUTH)), of O(ssl_key_repository), O(certificate_label) and the other TLS attributes for
    C(REFRESH SECURITY TYPE(SSL)) (RV(refresh_required)); C(CCSID), C(SCHINIT) and C(SCMDSERV) for the queue manager's
    next start (RV(restart_required)). A warning names each. This module runs neither the refresh nor the restart.
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
  attributes:
    description:
      - "Further attributes of the queue manager (C(ALTER QMGR)) that have no option of their own, as a dictionary of
        keyword to value, for example C({MARKINT: 5000, TRIGINT: 60000, SCHINIT: MANUAL})."
      - Keywords are case-insensitive and are checked against the attributes C(ALTER QMGR) takes on Multiplatforms; an
        unknown keyword is an error that suggests the closest known ones. A keyword that has an option of its own must
        be set with that option.
    type: dict
    default: {}
  description:
    description:
      - Description of the queue manager (C(DESCR)), at most 64 characters. Case is kept.
    type: str
  dead_letter_queue:
    description:
      - "The dead-letter queue (C(DEADQ)): a local queue for messages that cannot be delivered. Empty for none."
    type: str
  default_xmitq:
    description:
      - The default transmission queue (C(DEFXMITQ)), for messages to a remote queue manager no other transmission queue
        serves. Empty for none.
    type: str
  max_handles:
    description:
      - Maximum open handles per connection (C(MAXHANDS)), 0 to 999999999.
    type: int
  max_uncommitted_messages:
    description:
      - Maximum uncommitted messages in one unit of work (C(MAXUMSGS)), 1 to 999999999.
    type: int
  max_message_length:
    description:
      - Maximum message length in bytes (C(MAXMSGL)), 32768 to 104857600; a queue's or channel's may not be larger.
    type: int
  channel_authentication:
    description:
      - Whether channel authentication records are checked (C(CHLAUTH)); channels that start after the change use it.
    type: str
    choices: [enabled, disabled]
  connection_authentication:
    description:
      - The authentication information object (an V(idpwos) or V(idpwldap) M(mqrest.admin.mq_authinfo)) that checks user
        IDs and passwords (C(CONNAUTH)); empty for no check.
      - "MQ uses a new value after C(REFRESH SECURITY TYPE(CONNAUTH)) (or a restart): RV(refresh_required) says
        V(connauth), and a warning names it."
    type: str
  channel_autodefinition:
    description:
      - Whether receiver and server-connection channels are defined automatically for partners and clients that ask for
        one that does not exist (C(CHAD)).
    type: str
    choices: [enabled, disabled]
  channel_autodefinition_exit:
    description:
      - The exit called when a channel is defined automatically (C(CHADEXIT)); empty for none.
    type: str
  ssl_key_repository:
    description:
      - The key repository's path without its extension (C(SSLKEYR)), for example V(/var/mqm/qmgrs/QM1/ssl/key).
      - "Running TLS channels keep the old one until C(REFRESH SECURITY TYPE(SSL)): RV(refresh_required) says V(ssl),
        and a warning names it; M(mqrest.admin.mq_refresh_security) with V(type=ssl) runs the refresh and waits until
        every TLS channel is back."
    type: str
  certificate_label:
    description:
      - The label of the queue manager's certificate in the key repository (C(CERTLABL)); MQ's default is
        V(ibmwebspheremq) and the queue manager's name in lower case.
      - "Running TLS channels keep the old certificate until C(REFRESH SECURITY TYPE(SSL)): RV(refresh_required) says
        V(ssl), and a warning names it; M(mqrest.admin.mq_refresh_security) with V(type=ssl) runs the refresh and waits
        until every TLS channel is back. Put the new certificate in the key repository, and have every partner and
        client trust its issuer, before the label changes: a TLS channel that cannot use its certificate does not
        start."
    type: str
  inhibit_events:
    description:
      - Whether the queue manager puts inhibit (put and get inhibited) event messages (C(INHIBTEV)).
    type: str
    choices: [enabled, disabled]
  local_events:
    description:
      - Whether the queue manager puts local error event messages (C(LOCALEV)).
    type: str
    choices: [enabled, disabled]
  performance_events:
    description:
      - Whether the queue manager puts performance (queue depth, service interval) event messages (C(PERFMEV)).
    type: str
    choices: [enabled, disabled]
  remote_events:
    description:
      - Whether the queue manager puts remote error event messages (C(REMOTEEV)).
    type: str
    choices: [enabled, disabled]
  start_stop_events:
    description:
      - Whether the queue manager puts start and stop event messages (C(STRSTPEV)).
    type: str
    choices: [enabled, disabled]
  channel_events:
    description:
      - Whether the queue manager puts channel event messages (C(CHLEV)); V(exception) only for errors.
    type: str
    choices: [enabled, exception, disabled]
  ssl_events:
    description:
      - Whether the queue manager puts TLS event messages (C(SSLEV)).
    type: str
    choices: [enabled, disabled]
  configuration_events:
    description:
      - Whether the queue manager puts configuration (object created, changed or deleted) event messages (C(CONFIGEV)).
    type: str
    choices: [enabled, disabled]
  command_events:
    description:
      - Whether the queue manager puts command event messages (C(CMDEV)); V(nodisplay) not for C(DISPLAY) commands.
    type: str
    choices: [enabled, nodisplay, disabled]
  authority_events:
    description:
      - Whether the queue manager puts authority (not authorized) event messages (C(AUTHOREV)).
    type: str
    choices: [enabled, disabled]
  channel_autodefinition_events:
    description:
      - Whether the queue manager puts channel auto-definition event messages (C(CHADEV)).
    type: str
    choices: [enabled, disabled]
  logger_events:
    description:
      - Whether the queue manager puts logger event messages (C(LOGGEREV)); MQ accepts V(enabled) only with linear
        logging.
    type: str
    choices: [enabled, disabled]
  queue_monitoring:
    description:
      - "Online monitoring of queues whose C(MONQ) is V(qmgr) (C(MONQ)): V(off), V(none) (no queue may monitor), V(low),
        V(medium) or V(high)."
    type: str
    choices: ['off', none, low, medium, high]
  channel_monitoring:
    description:
      - Online monitoring of channels whose C(MONCHL) is V(qmgr) (C(MONCHL)), as O(queue_monitoring).
    type: str
    choices: ['off', none, low, medium, high]
  queue_statistics:
    description:
      - "Statistics of queues whose C(STATQ) is V(qmgr) (C(STATQ)): V(on), V(off), or V(none) (no queue may collect)."
    type: str
    choices: ['off', 'on', none]
  channel_statistics:
    description:
      - Statistics of channels whose C(STATCHL) is V(qmgr) (C(STATCHL)), as O(channel_monitoring).
    type: str
    choices: ['off', none, low, medium, high]
  mqi_statistics:
    description:
      - Whether the queue manager collects MQI statistics (C(STATMQI)).
    type: str
    choices: ['off', 'on']
  statistics_interval:
    description:
      - Seconds between statistics records (C(STATINT)), 1 to 604000.
    type: int
  queue_accounting:
    description:
      - "Accounting of queues whose C(ACCTQ) is V(qmgr) (C(ACCTQ)): V(on), V(off), or V(none)."
    type: str
    choices: ['off', 'on', none]
  mqi_accounting:
    description:
      - Whether the queue manager collects MQI accounting (C(ACCTMQI)); connections made after the change use it.
    type: str
    choices: ['off', 'on']
  accounting_interval:
    description:
      - Seconds between intermediate accounting records (C(ACCTINT)), 1 to 604000.
    type: int
  # END generated (options)
notes:
  - MQ does not check, when C(ALTER QMGR) sets them, that O(dead_letter_queue), O(default_xmitq) or
    O(connection_authentication) name existing objects; it finds out when it uses them. Define them first, or declare
    them in the same M(mqrest.admin.mq_objects) task, which alters the queue manager first and defines them after.
  - After a change the queue manager is read again, so RV(qmgr) shows every attribute.
  - M(mqrest.admin.mq_info) with O(mqrest.admin.mq_info#module:types=qmgr) reads the same attributes, with the MQSC keywords
    as keys, and the queue manager's status.
seealso:
  - module: mqrest.admin.mq_authinfo
  - module: mqrest.admin.mq_objects
  - module: mqrest.admin.mq_info
"""

EXAMPLES = r"""
- name: The queue manager's own attributes
  module_defaults:
    group/mqrest.admin.mq:
      rest_url: "{{ mq_rest_url }}"  # https://mqhost:9443/ibmmq/rest/v2
      qmgr: QM1
      username: "{{ mq_admin_user }}"
      password: "{{ mq_admin_password }}"
  delegate_to: localhost
  block:
    - name: Event switches, the dead-letter queue and the limits
      mqrest.admin.mq_qmgr:
        description: Payments hub
        dead_letter_queue: SYSTEM.DEAD.LETTER.QUEUE
        max_handles: 512
        max_uncommitted_messages: 20000
        authority_events: enabled
        channel_events: exception
        command_events: nodisplay
        configuration_events: enabled
        inhibit_events: enabled
        local_events: enabled
        performance_events: enabled
        remote_events: enabled
        ssl_events: enabled
        start_stop_events: enabled
        queue_monitoring: medium
        channel_statistics: low
        attributes:
          MARKINT: 10000

    - name: A new certificate label, which running TLS channels use after REFRESH SECURITY TYPE(SSL)
      mqrest.admin.mq_qmgr:
        certificate_label: qm1cert2026
      register: tls

    - name: Say what is still to be done
      ansible.builtin.debug:
        msg: "{{ 'run REFRESH SECURITY TYPE(SSL)' if 'ssl' in tls.refresh_required else 'nothing to refresh' }}"
"""

RETURN = r"""
# BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py (return)
action:
  description:
    - What was done to the definition.
  returned: always
  type: str
  sample: updated
  choices: [updated, unchanged]
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
refresh_required:
  description:
    - "The C(REFRESH SECURITY) types the change waits for before the queue manager uses it: V(connauth) after a change
      of O(connection_authentication); V(ssl) after a change of O(ssl_key_repository), O(certificate_label),
      C(CERTVPOL), C(SSLCRLNL), C(SSLCRYP), C(SSLFIPS) or C(SUITEB); empty when nothing waits. A warning says so. This
      task never runs the refresh."
  returned: success
  type: list
  elements: str
  sample: [connauth]
restart_required:
  description:
    - True when a changed attribute takes effect only when the queue manager next starts (C(CCSID), C(SCHINIT) and
      C(SCMDSERV)); a warning names them. This task does not restart it (M(mqrest.admin.qmgr_restart) does).
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
qmgr:
  description:
    - The queue manager's attributes after the task, as returned by C(DISPLAY QMGR), with option names as keys where one
      exists and lower-case MQSC keywords otherwise (C(qmname), C(cmdlevel), ...).
    - In check mode, the predicted state.
  returned: always
  type: dict
  sample: {qmname: QM1, description: Payments hub, dead_letter_queue: SYSTEM.DEAD.LETTER.QUEUE, max_handles: 512,
           configuration_events: enabled, channel_events: exception, cmdlevel: 942}
"""

from ansible_collections.mqrest.admin.plugins.module_utils._object_module import run_object_module
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY


def main():
    run_object_module(REGISTRY["qmgr"])


if __name__ == "__main__":
    main()
