#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This file is documentation only: the work is done by the action plugin of the same name (plugins/action/cert_rotation.py).

from __future__ import annotations

DOCUMENTATION = r"""
module: cert_rotation
short_description: Rotate an IBM MQ queue manager's TLS certificate label and wait until every TLS channel and client is back
version_added: 0.1.0
description:
  - "Switches one queue manager (or named channels of it) to a new certificate label in one task, in IBM's order: the new
    certificate must already be in the key repository, and its CA in every partner's and client's trust store; then
    C(CERTLABL); then C(REFRESH SECURITY TYPE(SSL)), which stops and restarts every running TLS channel and disconnects TLS
    clients."
  - "In order: a preflight (the new label is in the key repository, by O(label_check_command) on the task's host,
    C(runmqakm -cert -details) by default, also in check mode; no TLS channel is C(RETRYING), see O(partners_check));
    C(ALTER QMGR CERTLABL) or C(ALTER CHANNEL ... CERTLABL) for O(channels), only where the label differs; the refresh,
    waiting as M(mqrest.admin.mq_refresh_security) with C(type=ssl) does until every TLS channel that ran is running again
    with a new start time and TLS clients are back to O(connections_share); a health gate, every TLS channel that ran before
    runs."
  - When anything fails after the label changed (a channel that does not come back, the refresh's own 10-minute limit,
    AMQ9710), the old label is put back and the queue manager refreshed again, so that no channel is left unable to
    start; the task fails with C(rolled_back=true), naming what did not come back.
  - When every label already is O(label), nothing is changed or refreshed (C(changed=false)).
  - A Native HA queue manager's replication key repository is not refreshed by C(REFRESH SECURITY) (IBM); the task warns,
    and the C(mqrest.admin.cert_rotation) role restarts the instances with C(cert_rotation_restart_instances=true).
  - The role C(mqrest.admin.cert_rotation) and the playbook of the same name run it for every queue manager of an
    inventory, one after the other.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.attributes
attributes:
  check_mode:
    support: full
    details: The preflight runs (the label check too, which only reads); nothing mutating is sent; C(commands) and
      C(would_bounce) say what would change and which TLS channels the refresh would stop and restart.
  diff_mode:
    support: none
  idempotent:
    support: full
    details: A label already in force is neither set nor refreshed.
  platform:
    description: The label check runs on the target; the REST calls run on the controller.
    support: full
    platforms: posix
options:
  label:
    description:
      - The new certificate label (C(CERTLABL)), 1 to 64 characters, of a certificate already in the queue manager's key
        repository.
    type: str
    required: true
  channels:
    description:
      - Channels whose C(CERTLABL) changes, instead of the queue manager's. Each must have C(SSLCIPH) set; a cluster-sender
        (C(CLUSSDR)) is refused, as MQ refuses its C(CERTLABL) (C(MQRCCF_WRONG_CHANNEL_TYPE)).
      - Empty, the queue manager's C(CERTLABL) changes, which every TLS channel without a label of its own uses.
    type: list
    elements: str
    default: []
  key_repository:
    description:
      - The key database file the label check reads (C({kdb}) of O(label_check_command)).
      - Default the queue manager's C(SSLKEYR) with C(.kdb) added (MQ's C(SSLKEYR) is a stem).
    type: str
  label_check:
    description:
      - Check in the preflight that O(label) is in the key repository, by O(label_check_command) on the task's host.
      - Set V(false) only where the host cannot run it; a label that is not there then fails at the refresh, and the
        rollback puts the old one back.
    type: bool
    default: true
  label_check_command:
    description:
      - The command that succeeds (exit code 0) when the label is in the key repository, run on the host without a shell;
        C({kdb}), C({label}) and C({qmgr}) are replaced (quoted).
      - Default C(runmqakm -cert -details -db {kdb} -stashed -label {label}).
    type: str
  partners_check:
    description:
      - Fail the preflight when a TLS channel is C(RETRYING) or on its way (C(STARTING), C(BINDING), ...). Such a channel has no
        partner now, and after the refresh it could not be told apart from one whose partner does not trust the new
        certificate. A channel C(STOPPED) is left alone.
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds the refresh may take until every TLS channel and client is back (MQ's own limit for the refresh command is 10
        minutes, after which it fails with AMQ9710).
    type: float
    default: 600
  poll_interval:
    description: Seconds between polls of the waits (at least V(0.2)).
    type: float
    default: 0.5
  connections_share:
    description: TLS clients count as back when their connections are this share of those before the refresh.
    type: float
    default: 0.9
  health_timeout:
    description: Seconds the health gate after the refresh has to see every TLS channel that ran before running.
    type: float
    default: 30
  rollback:
    description: On a failure after the label changed, put the old label back and refresh again.
    type: bool
    default: true
  check_role_vars:
    description:
      - Also warn, before anything else, about the C(mq_*) variables visible to the task that this role of the collection
        would ignore because they are misspelt, as M(mqrest.admin.check_role_vars) does (the C(mqrest.admin.cert_rotation)
        role sets V(cert_rotation)).
    type: str
notes:
  - This is an action plugin. Its REST calls run in the Python that runs C(ansible-playbook), whatever
    C(ansible_python_interpreter) says, so that Python needs C(requests); in an execution environment, it is the image's.
  - The connection options come from the task, the C(group/mqrest.admin.mq) C(module_defaults), then the C(MQ_REST_*)
    variables of the task's C(environment) and of the controller's.
  - C(REFRESH SECURITY TYPE(SSL)) stops every running TLS channel of the queue manager, not only those that use the
    changed label; inbound ones come back when their partners retry, so their retry intervals count in the time it takes.
seealso:
  - module: mqrest.admin.mq_refresh_security
  - module: mqrest.admin.qmgr_restart
"""

EXAMPLES = r"""
# The connection comes from module_defaults for group/mqrest.admin.mq or the MQ_REST_* variables, as for every module;
# runmqakm runs on the task's host, here the controller (add become and become_user: mqm where it needs it).
- name: Switch the queue manager to its new certificate, and wait until every TLS channel and client is back
  mqrest.admin.cert_rotation:
    label: qm1-2027
    wait_timeout: 300
  register: rotation

- name: What it bounced
  ansible.builtin.debug:
    msg: "{{ rotation.msg }}"
"""

RETURN = r"""
host:
  description: The inventory host of the queue manager.
  returned: always
  type: str
qmgr:
  description: The queue manager.
  returned: always
  type: str
label:
  description: The new label.
  returned: always
  type: str
outcome:
  description: V(rotated), V(unchanged) (the label was in force already), V(checked) in check mode, V(rolled back) (failed,
    the old label put back) or V(failed).
  returned: always
  type: str
failure:
  description: The step that failed and why, or an empty string.
  returned: always
  type: str
rolled_back:
  description: Whether the old label was put back after a failure.
  returned: always
  type: bool
rollback:
  description: What the rollback did, and whether everything came back after its refresh; empty when nothing failed.
  returned: always
  type: str
labels:
  description: Each label changed (or to change), C({object, before, after}); C(object) is C(queue manager) or C(channel NAME).
  returned: always
  type: list
  elements: dict
label_check:
  description: The label check's C(command), C(rc) and C(output); null when it did not run.
  returned: always
  type: dict
tls_channels:
  description: The TLS channels with a status before, C({name, type, status}).
  returned: always
  type: list
  elements: dict
channels:
  description:
    - The refresh's channels, C({name, type, direction, status_before, status_after, down_seconds, back}), as
      M(mqrest.admin.mq_refresh_security) returns them; empty when no refresh ran.
  returned: always
  type: list
  elements: dict
not_back:
  description: The channels that did not come back after the refresh (before the rollback).
  returned: always
  type: list
  elements: str
would_bounce:
  description: In check mode, the TLS channels the refresh would stop and restart.
  returned: always
  type: list
  elements: dict
clients:
  description: The TLS clients C({before, after, share_required, back}) of the refresh; null when none ran.
  returned: always
  type: dict
down_seconds:
  description: Seconds the slowest channel was down; null when none was measured.
  returned: always
  type: float
refresh_elapsed:
  description: Seconds the refresh and its wait took.
  returned: always
  type: float
rollback_refresh:
  description: The second refresh's result, after the rollback; null when there was none.
  returned: always
  type: dict
health:
  description: The health gate's C(channels) (how many it waited for) and C(not_running) ({name, status}).
  returned: always
  type: dict
native_ha:
  description: Whether the queue manager is a Native HA group's (its instances must be restarted to read the replication key
    repository again).
  returned: always
  type: bool
commands:
  description: The MQSC commands that were sent, or would be sent in check mode.
  returned: always
  type: list
  elements: str
elapsed:
  description: Seconds the task took.
  returned: always
  type: float
msg:
  description: One line for a person; on failure, what failed and what the rollback did.
  returned: always
  type: str
"""
