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
  - V(ssl) makes the queue manager read its key repository again, after a new certificate was added to it or a certificate
    label (C(CERTLABL)) or C(SSLKEYR) changed (M(mqrest.admin.mq_qmgr) and M(mqrest.admin.mq_channel) say so with
    RV(mqrest.admin.mq_qmgr#module:refresh_required)). MQ stops every running TLS channel for it (IBM, REFRESH SECURITY).
    Sender, server and cluster-sender channels finish their batch and start again with a new TLS handshake; every other
    TLS channel is stopped and comes back when its partner's sender retries; TLS clients are disconnected and reconnect.
    A channel that can no longer use its certificate does not come back.
  - So with V(ssl) this module waits, as the restart modules do, until every TLS channel that ran before the refresh runs
    again (a new instance, started after the refresh) and the TLS clients are back to O(connections_share) of their
    number; it fails naming each channel that did not come back, with its last status.
  - Rotate a certificate in IBM's order. The new certificate goes into the key repository, and into the trust store of every
    partner and client, first; then the label changes; then this refresh runs.
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
    details: Reports the command it would send, with C(changed) true, and sends none; with V(ssl) it reads which TLS channels
      and clients the refresh would bounce (RV(would_bounce)).
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
        names and its settings); V(authserv) the authorization service's cache of users and groups; V(ssl) the key
        repository (certificates), which bounces every running TLS channel and TLS client connection.
      - V(authserv) is not valid on z/OS.
    type: str
    required: true
    choices: [connauth, authserv, ssl]
  wait:
    description:
      - With O(type=ssl), whether to wait until the TLS channels and clients are back. V(true) when left out.
      - V(false) sends the refresh and reports the channels it bounced, without RV(channels[].back).
      - Only with O(type=ssl); the other types wait for nothing.
    type: bool
  wait_timeout:
    description:
      - With O(type=ssl), seconds to wait after the refresh answers for the TLS channels and clients to come back; V(120)
        when left out. MQ answers the refresh once the channels have stopped (at most 10 minutes, after which the refresh
        itself fails with AMQ9710), so O(request_timeout) must allow for that stop.
      - An inbound channel comes back when its partner's sender retries (C(SHORTTMR) seconds apart on the partner).
      - Only with O(type=ssl).
    type: float
  poll_interval:
    description:
      - With O(type=ssl), the longest pause in seconds between two reads of the channels' status (one C(DISPLAY CHSTATUS(*))
        each); V(1) when left out. Polls start close together and grow apart up to it.
      - Only with O(type=ssl).
    type: float
  connections_share:
    description:
      - With O(type=ssl), the share (0 to 1) of the TLS client connections before the refresh (the instances of the
        server-connection channels with a CipherSpec) that must be connected again, rounded up; V(0.9) when left out, as
        in M(mqrest.admin.mq_qmgr_wait). Clients reconnect at their own pace; V(0) does not wait for them.
      - Only with O(type=ssl).
    type: float
notes:
  - With O(type=ssl), a channel counts as back when DISPLAY CHSTATUS shows it RUNNING on another instance than before the
    refresh (another start time, C(CHSTADA) and C(CHSTATI)), or RUNNING after a poll saw it without a running instance.
    A channel still RUNNING on its old instance was not restarted, which the failure says. C(CHSTATI) counts seconds, so
    the refresh is sent at least a second after the status was read, and a restarted instance always shows another one.
  - With O(type=ssl), RV(channels[].down_seconds) runs from the sending of the refresh to the first poll that saw the
    channel back, so it is at most one poll late.
  - REFRESH SECURITY does not refresh the key repository a Native HA group replicates with; its instances must be restarted
    (IBM), as mqrest.admin.qmgr_restart does.
seealso:
  - module: mqrest.admin.mq_chlauth
  - module: mqrest.admin.mq_authrec
  - module: mqrest.admin.mq_qmgr
  - module: mqrest.admin.mq_channel
"""

EXAMPLES = r"""
- name: Security changes that take effect in the same play
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

    - name: Which TLS channels a refresh of the key repository would bounce
      mqrest.admin.mq_refresh_security:
        type: ssl
      check_mode: true
      register: preview

    - name: Re-read the key repository and wait until every TLS channel and client is back
      mqrest.admin.mq_refresh_security:
        type: ssl
        wait_timeout: 300
      register: tls

    - name: Say how long each TLS channel was down
      ansible.builtin.debug:
        msg: "{{ item.name }} ({{ item.direction }}): down {{ item.down_seconds }} s"
      loop: "{{ tls.channels }}"
      loop_control:
        label: "{{ item.name }}"

    - name: The refresh bounced the channels the preview named (it fails when one does not come back)
      ansible.builtin.assert:
        that:
          - tls.channels | map(attribute='name') | list == preview.would_bounce | map(attribute='name') | list
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
channels:
  description:
    - With O(type=ssl), each TLS channel that had a RUNNING instance before the refresh, in name order; also when the task
      fails.
  returned: type=ssl, not in check mode
  type: list
  elements: dict
  contains:
    name:
      description: The channel.
      type: str
      sample: QM1.TO.QM2
    type:
      description: Its type (C(CHLTYPE)), lower case.
      type: str
      sample: sdr
    direction:
      description:
        - V(outbound) for a sender, server or cluster-sender, which the refresh restarts itself; V(inbound) for the others,
          which come back when the partner's sender reconnects.
      type: str
      sample: outbound
    status_before:
      description: Its status before the refresh (V(RUNNING), or V(RUNNING x2) for two instances).
      type: str
      sample: RUNNING
    status_after:
      description: Its status at the last poll that read it; V(no status record) when it had none. Not with O(wait=false).
      type: str
      sample: RUNNING
    down_seconds:
      description: Seconds from the refresh to the first poll that saw it back; null when it did not come back. Not with
        O(wait=false).
      type: float
      sample: 1.42
    back:
      description: Whether it came back (a new RUNNING instance). Not with O(wait=false).
      type: bool
      sample: true
clients:
  description:
    - With O(type=ssl), the TLS client connections (RUNNING instances of the server-connection channels with a CipherSpec).
  returned: type=ssl
  type: dict
  contains:
    before:
      description: How many there were before the refresh.
      type: int
      sample: 12
    after:
      description: How many there were at the last poll; null with O(wait=false). Not in check mode.
      type: int
      sample: 11
    share_required:
      description: How many had to be back (O(connections_share) of RV(clients.before), rounded up). Not in check mode.
      type: int
      sample: 11
    back:
      description: Whether RV(clients.after) reached RV(clients.share_required); null with O(wait=false). Not in check mode.
      type: bool
      sample: true
not_running:
  description:
    - With O(type=ssl), the TLS channels that had a status but no RUNNING instance before the refresh (a sender RETRYING),
      not waited for, since they were not running; each with its C(name), C(type) and C(status).
  returned: type=ssl
  type: list
  elements: dict
  sample: [{"name": "QM1.TO.QM3", "type": "sdr", "status": "RETRYING"}]
would_bounce:
  description:
    - In check mode with O(type=ssl), the TLS channels the refresh would stop and restart, each with C(name), C(type),
      C(direction) and C(status_before) as in RV(channels).
  returned: type=ssl, check mode
  type: list
  elements: dict
  sample: [{"name": "QM1.TO.QM2", "type": "sdr", "direction": "outbound", "status_before": "RUNNING"}]
waited:
  description: With O(type=ssl), whether the task waited for the channels and clients (O(wait)).
  returned: type=ssl, not in check mode
  type: bool
  sample: true
polls:
  description: With O(type=ssl), how many times the channels' status was read after the refresh (one C(DISPLAY CHSTATUS(*)) each).
  returned: type=ssl, when it waited
  type: int
  sample: 6
elapsed:
  description: With O(type=ssl), seconds the task took, from the first read before the refresh to the end of the wait.
  returned: type=ssl, not in check mode
  type: float
  sample: 3.07
"""

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import refresh_security_spec, ssl_refresh_options
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError
from ansible_collections.mqrest.admin.plugins.module_utils._module import MQModule
from ansible_collections.mqrest.admin.plugins.module_utils._refresh_ssl import refresh_ssl
from ansible_collections.mqrest.admin.plugins.module_utils._types import REFRESH_TYPES


def main():
    mq = MQModule(refresh_security_spec(REFRESH_TYPES))
    security_type = mq.params["type"].upper()
    try:
        if security_type == "SSL":
            mq.exit(refresh_ssl(mq.client, **ssl_refresh_options(mq.params)))
        mq.client.refresh_security(security_type)
    except MQError as exc:
        mq.fail(exc, type=security_type)
    mq.exit({"changed": True, "type": security_type, "commands": list(mq.client.sent)})


if __name__ == "__main__":
    main()
