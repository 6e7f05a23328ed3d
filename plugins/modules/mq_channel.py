#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_channel
short_description: Manage IBM MQ channels over the administrative REST API
version_added: 0.1.0
description:
  - Define, alter, delete, start and stop an IBM MQ channel of any type through the IBM MQ
    administrative REST API.
  - Idempotent. The channel is read once; it is defined when absent and altered with only the
    attributes that differ. Attributes not given are left alone.
  - An existing channel is operated by its name alone (for example O(state=started)); its type and the attributes its
    type requires come from its definition. O(type), and O(xmitq) for V(sdr) and V(svr) and O(conname) for V(sdr),
    V(rqstr), V(clntconn) and V(clussdr), are required only to create the channel; the task then fails after its one
    C(DISPLAY), before anything is changed, naming every missing option at once. Options that do not apply to the
    channel's type (O(xmitq) on a V(svrconn)) are refused in the same way.
  - O(state=started) waits until C(DISPLAY CHSTATUS) shows C(RUNNING) for V(sdr), V(svr), V(rqstr) and
    V(clussdr) channels. C(START) on V(rcvr), V(svrconn) and V(clusrcvr) channels only re-enables them, so
    they count as started when no C(STOPPED) status remains. A channel that goes to C(RETRYING) fails the
    task after O(retrying_grace) seconds.
  - A sending channel already C(RETRYING) is started but not running, and MQ retries it with the definition it started
    with. O(state=started) stops it and starts it again (RV(run_action) V(restarted)), for an attempt now with its
    current definition (a C(CONNAME) corrected since it started); if that attempt fails too, the message says both
    commands were sent. A channel still on its way up (C(BINDING), ...) is waited for, not started twice; if it fails,
    the message says that this task sent no C(START).
  - V(clntconn) channels cannot be started or stopped; nor can V(amqp)
    channels here, because C(DISPLAY CHSTATUS) does not show them unless asked for C(CHLTYPE(AMQP)).
  - O(state=stopped) waits until every status record is C(STOPPED) or no record remains. An idle V(svrconn), V(rcvr) or
    V(clusrcvr) channel has no status record and still accepts clients or its sender, so with O(stop_status=stopped) (the
    default) it counts as stopped only with a C(STOPPED) record, and C(STOP CHANNEL ... STATUS(STOPPED)) is sent to leave
    one; IBM MQ 9.x then refuses its clients with 2537 C(MQRC_CHANNEL_NOT_AVAILABLE) until it is started (APAR IT27694).
    Where a queue manager answers that an idle channel is not active (4064 C(MQRCCF_CHANNEL_NOT_ACTIVE), C(AMQ9533), as
    WebSphere MQ 7.0 did) and so does not hold it, the task reports RV(held_stopped=false), C(changed=false) and a warning,
    and a later run asks again.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.wait
  - mqrest.admin.channel_stop
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
      - Name of the channel, 1 to 20 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes, parentheses,
        C(*), line breaks) fails the task before any request.
      - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
        channels. C(runmqsc) folds unquoted names to upper case, so a channel defined there without quotes has an
        upper-case name.
    type: str
    required: true
  state:
    description:
      - V(present) makes the channel exist with the given attributes; attributes not given are left alone. An existing
        channel needs only its O(name); its O(type) comes from its definition. Options needed only to create it
        (O(type), O(conname) and O(xmitq)) are checked after the one C(DISPLAY), before anything is changed, naming
        every missing one at once.
      - V(absent) deletes it. An active channel is only stopped and deleted with O(force=true).
      - V(started) and V(stopped) imply V(present) and then start or stop the channel, waiting for the result when
        O(wait=true). They send nothing when it is already in that state.
      - V(restarted) implies V(present) and then always restarts the channel, as M(mqrest.admin.mq_restart) does. It
        stops the channel when it runs, waiting for the stop even with O(wait=false) because MQ refuses to start an
        object that is still stopping, then starts it, waiting for the start when O(wait=true). In check mode it reports
        the commands and sends neither.
    type: str
    choices: [present, absent, started, stopped, restarted]
    default: present
  attributes:
    description:
      - "Further MQSC channel attributes that have no option of their own, as a dictionary of keyword to value, for
        example C({BATCHSZ: 100, MONCHL: HIGH})."
      - Keywords are case-insensitive and are checked against the attributes MQ defines for a channel of its type; an
        unknown keyword is an error that suggests the closest known ones. A keyword that has an option of its own must
        be set with that option.
    type: dict
    default: {}
  recreate:
    description:
      - "Allow deleting and defining the channel again when a change can only be made that way: MQ cannot change O(type)
        of an existing channel in place. The new definition starts from MQ's defaults plus the options given here. An
        active channel is stopped first."
    type: bool
    default: false
  force:
    description:
      - With O(state=absent), stop an active channel before deleting it. Without it the task fails and leaves the
        channel alone.
      - The stop before a delete is always waited for, even with O(wait=false), because MQ refuses to delete an object
        that is still stopping.
    type: bool
    default: false
  type:
    description:
      - Channel type (C(CHLTYPE)). Required to create the channel; an existing channel's type is read from its
        definition.
      - MQ cannot change the type of an existing channel; a different value fails unless O(recreate=true).
      - MQ keeps V(clntconn) channels in a table of their own, so a V(clntconn) may share its name with another channel
        (usually the V(svrconn) it connects to). O(type) says which one the task is about, also with O(state=absent) (a
        V(clntconn) is deleted with C(CHLTABLE(CLNTTBL))); without it, a name that both have fails after the one
        C(DISPLAY), before anything is changed.
      - In M(mqrest.admin.mq_objects), entries are keyed by name and by whether they are V(clntconn), so both may be
        declared, and O(mqrest.admin.mq_objects#module:purge) deletes the one not declared (a V(clntconn) with
        C(CHLTABLE(CLNTTBL))).
    type: str
    choices: [sdr, svr, rcvr, rqstr, svrconn, clntconn, clussdr, clusrcvr, amqp]
  transport_type:
    description:
      - Transport type (C(TRPTYPE)). Not valid for V(amqp).
    type: str
    choices: [tcp, lu62, netbios, spx]
  conname:
    description:
      - Connection name (C(CONNAME)), for example V(mqhost(1414\)) or a comma-separated list.
    type: str
  xmitq:
    description:
      - Transmission queue (C(XMITQ)). Only for V(sdr) and V(svr) channels, where it is required.
    type: str
  description:
    description:
      - Description (C(DESCR)), at most 64 characters. Case is kept.
    type: str
  mcauser:
    description:
      - Message channel agent user identifier (C(MCAUSER)). Not valid for V(clntconn).
    type: str
  ssl_cipher:
    description:
      - TLS CipherSpec (C(SSLCIPH)), for example V(ANY_TLS12_OR_HIGHER). Empty means no TLS.
    type: str
  ssl_client_auth:
    description:
      - Whether a client certificate is required (C(SSLCAUTH)). For channels that accept connections.
    type: str
    choices: [required, optional]
  ssl_peer:
    description:
      - Filter on the partner certificate's distinguished name (C(SSLPEER)).
    type: str
  certificate_label:
    description:
      - "The label of the certificate this channel sends, in the queue manager's key repository (C(CERTLABL)); empty for
        the queue manager's. Not valid for V(clussdr): MQ refuses it there (C(MQRCCF_WRONG_CHANNEL_TYPE))."
      - "A running TLS channel keeps its certificate until it restarts or C(REFRESH SECURITY TYPE(SSL)):
        RV(refresh_required) says V(ssl), and M(mqrest.admin.mq_refresh_security) with V(type=ssl) runs the refresh and
        waits until every TLS channel is back."
    type: str
  heartbeat_interval:
    description:
      - Heartbeat interval in seconds (C(HBINT)), 0 to 999999.
    type: int
  disconnect_interval:
    description:
      - Disconnect interval in seconds (C(DISCINT)), 0 to 999999; 0 means never.
    type: int
  max_message_length:
    description:
      - Maximum message length in bytes (C(MAXMSGL)).
    type: int
  max_instances:
    description:
      - Maximum simultaneous instances (C(MAXINST)); V(svrconn) and V(amqp) only.
    type: int
  max_instances_per_client:
    description:
      - Maximum simultaneous instances per client (C(MAXINSTC)); V(svrconn) only.
    type: int
  sharing_conversations:
    description:
      - Conversations per TCP/IP instance (C(SHARECNV)); V(svrconn) and V(clntconn) only.
    type: int
  cluster:
    description:
      - Cluster name (C(CLUSTER)); V(clussdr) and V(clusrcvr) only.
    type: str
  cluster_namelist:
    description:
      - Namelist of clusters (C(CLUSNL)); V(clussdr) and V(clusrcvr) only.
    type: str
  qmgr_name:
    description:
      - Queue manager a client connects to (C(QMNAME)); V(clntconn) only.
    type: str
  # END generated (options)
  xmitq_check:
    description:
      - What to do when the task sets O(xmitq) (creating the channel or changing it) and that queue does not exist on the
        queue manager or is not a transmission queue (a local queue with C(USAGE(XMITQ))). MQ accepts such a definition
        and refuses only the channel's start (4037 MQRCCF_NOT_XMIT_Q).
      - V(warn) reads the queue with one C(DISPLAY) and warns; V(fail) reads it and fails the task before anything is
        changed; V(ignore) reads nothing.
      - Define the queue first, for example with M(mqrest.admin.mq_queue) and O(mqrest.admin.mq_queue#module:usage=xmitq).
    type: str
    choices: [warn, fail, ignore]
    default: warn
notes:
  - Most changes to a running channel take effect the next time it starts. With O(state=started) such a change
    restarts a running sender, server, requester or cluster channel (RV(restarted_for)); with O(state=present), and for
    receiver and server-connection channels (a restart would end every connected client), the task returns
    RV(restart_required) and warns. The idempotency guide lists the attributes.
  - Channel names are at most 20 characters.
seealso:
  - module: mqrest.admin.mq_listener
  - module: mqrest.admin.mq_queue
  - module: mqrest.admin.mq_restart
"""

EXAMPLES = r"""
- name: Manage channels on QM1
  module_defaults:
    group/mqrest.admin.mq:
      rest_url: "{{ mq_rest_url }}"  # https://mqhost:9443/ibmmq/rest/v2
      qmgr: QM1
      username: "{{ mq_admin_user }}"
      password: "{{ mq_admin_password }}"
  delegate_to: localhost
  block:
    - name: A server-connection channel for applications, with TLS
      mqrest.admin.mq_channel:
        name: APP.SVRCONN
        type: svrconn
        ssl_cipher: ANY_TLS12_OR_HIGHER
        max_instances: 200
        attributes:
          MONCHL: high

    - name: The transmission queue the sender takes its messages from
      mqrest.admin.mq_queue:
        name: QM2
        usage: xmitq

    - name: A sender to QM2, running
      mqrest.admin.mq_channel:
        name: QM1.TO.QM2
        type: sdr
        conname: qm2host(1414)
        xmitq: QM2
        state: started
        wait_timeout: 30

    - name: Delete a channel, stopping it first if it runs
      mqrest.admin.mq_channel:
        name: OLD.SVRCONN
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
    - V(restarted) with O(state=started) too, for changed attributes (RV(restarted_for)) or for a channel that was
      C(RETRYING) (RV(restarted_for) then empty).
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
      did not restart it (O(state=present), or a clusrcvr, rcvr or svrconn channel, whose running instances a restart
      would end). A warning names the attributes.
  returned: success, unless O(state=absent)
  type: bool
  sample: false
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
    - Before and after values of the changed attributes, and C(state) before and after when RV(run_action) is set.
  returned: when diff mode is enabled
  type: dict
raced:
  description:
    - True when another writer changed the channel between this task's read and its command (a C(DEFINE) answered 4001
      or 4002 because it exists now, an C(ALTER) or C(DELETE) answered 2085 because it is gone), and the task read it
      again and converged from there. RV(action) and RV(changed_attributes) say what this task's own commands did.
  returned: success
  type: bool
  sample: false
refresh_required:
  description:
    - "The C(REFRESH SECURITY) types the change waits for before the queue manager uses it: V(ssl) after a change of
      O(certificate_label); empty when nothing waits. A warning says so. This task never runs the refresh."
  returned: success
  type: list
  elements: str
  sample: [ssl]
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
        - True when MQ answered that the channel already was started (4031 MQRCCF_CHANNEL_IN_USE) or stopped (4064
          MQRCCF_CHANNEL_NOT_ACTIVE), because another writer got there between this task's status read and its command.
          That is not counted as this task's change.
        - For a restart, true when MQ answered either phase so.
      type: bool
    held_stopped:
      description:
        - As RV(held_stopped).
      returned: when RV(held_stopped) is
      type: bool
  sample: {operation: started, polls: 3, elapsed_seconds: 0.41}
# END generated (return)
channel:
  description:
    - The channel after the task, as returned by C(DISPLAY CHANNEL), with option names as keys where one
      exists and lower-case MQSC keywords otherwise. Empty when the channel does not exist.
    - In check mode, the predicted state.
  returned: always
  type: dict
  sample: {name: APP.SVRCONN, type: svrconn, max_instances: 200, ssl_cipher: ANY_TLS12_OR_HIGHER, description: ""}
held_stopped:
  description:
    - Whether MQ holds the channel C(STOPPED) after a stop of a V(svrconn), V(rcvr) or V(clusrcvr) channel with
      O(stop_status=stopped). V(true) when a C(STOPPED) record holds it, as IBM MQ 9.x leaves for an idle channel, so that
      its clients are refused with 2537 until it is started. V(false) when the queue manager refused to stop the idle channel
      (4064 C(MQRCCF_CHANNEL_NOT_ACTIVE), as WebSphere MQ 7.0 did), so clients or its sender can still connect; a warning
      says so, and how to refuse them otherwise (C(MAXINST(0)) or a C(CHLAUTH) rule).
  returned: when such a stop was sent, not in check mode
  type: bool
  sample: true
"""

from ansible_collections.mqrest.admin.plugins.module_utils._object_module import run_object_module
from ansible_collections.mqrest.admin.plugins.module_utils._types import CHANNEL


def main():
    run_object_module(CHANNEL)


if __name__ == "__main__":
    main()
