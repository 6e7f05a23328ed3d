#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This file is documentation only: the work is done by the action plugin of the same name (plugins/action/qmgr_restart.py).

from __future__ import annotations

DOCUMENTATION = r"""
module: qmgr_restart
short_description: Restart an IBM MQ queue manager (endmqm, strmqm on its host) and time every restart milestone over REST
version_added: 0.2.0
description:
  - Restarts one queue manager in one task, as C(ansible.builtin.reboot) restarts a host. The stop and start commands
    (C(endmqm), C(strmqm), or a container's) run on the task's host through C(ansible.builtin.command), so the task's
    connection, C(become) and C(environment) apply, and C(delegate_to) picks the host. Every read, wait and
    measurement is REST from the controller, done by this action in the Python that runs C(ansible-playbook).
  - "In order: a preflight over REST (the queue manager runs; a baseline of its running listeners, services, channels
    and C(CONNS); a warning when the log a start replays is large, see O(log_limits)); the stop command; a wait until it
    has ended (with O(escalate_preemptive), a preemptive end when it has not ended within O(end_timeout)); the start
    command while a thread polls every milestone from just before it (C(running), C(command_server),
    C(channel_initiator), C(listeners), C(channels), C(connections), as M(mqrest.admin.mq_qmgr_wait) does), so each time
    is within a poll of when it happened; once the channel initiator runs, the restore of what ran before and did not come
    back by itself (as M(mqrest.admin.mq_restart) with C(baseline)); a health gate that reads what runs after."
  - When anything fails after the stop command ran, the rescue starts the queue manager again unless it runs, and the task
    fails naming the step that failed, what the rescue did and the state the queue manager is in.
  - A multi-instance queue manager or a Native HA group is restarted one instance at a time, the active instance last, so
    that it fails over once. O(plan) with O(instances) returns that order; each instance is then restarted by one task on
    its own host (C(delegate_to)) with O(instance). A standby or replica instance is ended alone (C(endmqm -x)) and
    started again; a replica must be back in sync before the task succeeds. The active instance is ended with C(-s), the
    milestones are those of the failover, timed from the stop command, and it is started again as a standby or replica.
  - The role C(mqrest.admin.qmgr_restart) and the playbook of the same name run it for every queue manager of an inventory.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.attributes
attributes:
  check_mode:
    support: partial
    details: Only the preflight runs (over REST); no command is run on the host.
  diff_mode:
    support: none
  idempotent:
    support: none
    details: A restart always restarts.
  platform:
    description: The commands run on the target; the REST calls run on the controller.
    support: full
    platforms: posix
options:
  stop_mode:
    description:
      - How the queue manager ends. V(controlled) (C(endmqm -c)) waits for applications to disconnect; V(wait) (C(-w))
        too, and the command returns once it has ended; V(immediate) (C(-i)) lets MQI calls in progress complete and ends.
      - A preemptive end (C(-p)) is only the escalation of O(escalate_preemptive).
    type: str
    choices: [controlled, wait, immediate]
    default: immediate
  escalate_preemptive:
    description:
      - When the queue manager has not ended within O(end_timeout), run the stop command again with C(-p) in place of the
        mode's flag (a stop command without that flag runs again as it is) and wait as long again. Otherwise the task fails
        and the rescue starts the queue manager again.
    type: bool
    default: false
  switchover:
    description:
      - A multi-instance queue manager restarted from the host of its active instance, without O(instance). The stop command
        gets C(-s), so that the standby instance takes over; there is no wait for C(ended); the start command gets C(-x),
        starting this instance again as the standby (exit code 30 is success then); the milestones, those of the takeover,
        are timed from the stop command.
      - The connection must reach the queue manager wherever its active instance runs.
    type: bool
    default: false
  stop_command:
    description:
      - The command that ends the queue manager (or this instance), run on the host without a shell.
      - Default C(endmqm) with the mode's flag and the queue manager's name; C(-s) added for a switchover or the active
        instance of a group; C(endmqm -x) for a standby or replica instance.
      - For a container, the command that stops it, for example C(podman stop mq1).
    type: str
  start_command:
    description:
      - The command that starts the queue manager (or this instance), run on the host without a shell.
      - Default C(strmqm) with the queue manager's name; C(strmqm -x) with a switchover or for a multi-instance queue
        manager's instance.
    type: str
  end_timeout:
    description: Seconds the queue manager (or a replica instance) has to end, counted from the stop command.
    type: float
    default: 120
  start_timeout:
    description:
      - Seconds the milestones may take after the start command, and a replica instance to be back in sync. A large
        active log (C(LOGINUSE)) means a long log replay before C(running).
    type: float
    default: 600
  poll_interval:
    description:
      - Seconds between the first polls of every wait (at least V(0.2)); the pause grows while nothing changes, up to 5
        seconds, as in M(mqrest.admin.mq_qmgr_wait).
    type: float
    default: 0.5
  connections_share:
    description: The C(connections) milestone is reached when C(CONNS) is back to this share of the baseline's.
    type: float
    default: 0.9
  restore:
    description:
      - Start again what ran before and is not running once the channel initiator runs; listeners first, then channels
        (O(priority) first, one at a time), then services. Inbound channels and channels C(RETRYING) before are not started.
    type: bool
    default: true
  priority:
    description: Channels the restore starts first, one at a time, in this order, when they ran before.
    type: list
    elements: str
    default: []
  restore_timeout:
    description: Seconds each object the restore starts may take.
    type: float
    default: 60
  health_timeout:
    description: Seconds the health gate after the restore has to see everything that ran before running.
    type: float
    default: 30
  log_limits:
    description:
      - Warn in the preflight when a log figure is above its limit, since the next start replays that log before the queue
        manager runs. A figure set to V(null), or not reported by the queue manager, is not judged.
    type: dict
    suboptions:
      loginuse:
        description: Percentage of C(LOGINUSE).
        type: int
        default: 70
      logutil:
        description: Percentage of C(LOGUTIL).
        type: int
        default: 90
      recsz:
        description: Megabytes of C(RECSZ) (linear logs only).
        type: int
  instances:
    description:
      - With O(plan), the instances of a multi-instance queue manager (two) or a Native HA group (three), each the inventory
        host it runs on, or C({host, name}) when the instance has another name (C(crtmqm -lr) of Native HA, the host name
        C(dspmq -x) shows for a multi-instance queue manager).
    type: list
    elements: raw
    default: []
  plan:
    description:
      - Restart nothing; return RV(group) and RV(order), the instances in the order to restart them, the active one last.
      - Native HA is read over REST (C(DISPLAY QMSTATUS TYPE(NATIVEHA))); a multi-instance queue manager's instances are
        shown only by C(dspmq -x), which runs on the task's host (one of its hosts), also in check mode.
    type: bool
    default: false
  check_role_vars:
    description:
      - Also warn, before anything else, about the C(mq_*) variables visible to the task that this role of the collection
        would ignore because they are misspelt, as M(mqrest.admin.check_role_vars) does (the C(mqrest.admin.qmgr_restart)
        role sets V(qmgr_restart), which saves it a task per host). Not done with O(instance) (the plan task did it).
    type: str
  instance:
    description:
      - The instance of a group this task restarts, an entry of RV(order); run the task on its host (C(delegate_to)).
      - Its role is checked again first; a replica's restart succeeds once it is back in sync, and the active one's only when
        every replica is in sync.
    type: dict
    suboptions:
      host:
        description: The inventory host of the instance.
        type: str
        required: true
      name:
        description: Its name in the group.
        type: str
        required: true
      role:
        description: Its role in the plan.
        type: str
        required: true
        choices: [active, replica, standby]
      group:
        description: The kind of group.
        type: str
        required: true
        choices: [native_ha, multi_instance]
notes:
  - This is an action plugin. Its REST calls run in the Python that runs C(ansible-playbook), whatever
    C(ansible_python_interpreter) says, so that Python needs C(requests); in an execution environment, it is the image's.
  - The connection options come from the task, the C(group/mqrest.admin.mq) C(module_defaults), then the C(MQ_REST_*)
    variables of the task's C(environment) and of the controller's.
seealso:
  - module: mqrest.admin.mq_qmgr_wait
  - module: mqrest.admin.mq_restart
  - module: ansible.builtin.reboot
"""

EXAMPLES = r"""
# The connection comes from module_defaults for group/mqrest.admin.mq or the MQ_REST_* variables, as for every module;
# endmqm and strmqm run on the task's host, here the controller (add become and become_user: mqm where they need it).
- name: Restart the queue manager, timing each milestone, and put back what did not come back by itself
  mqrest.admin.qmgr_restart:
    priority: [QM1.TO.QM2]
    start_timeout: 300
  register: restart

- name: How long it took
  ansible.builtin.debug:
    msg: "{{ restart.msg }}; log in use before: {{ restart.log.loginuse }}%"
"""

RETURN = r"""
host:
  description: The inventory host of the queue manager.
  returned: unless O(plan)
  type: str
qmgr:
  description: The queue manager.
  returned: unless O(plan)
  type: str
outcome:
  description: V(restarted), V(failed), or V(checked) in check mode.
  returned: unless O(plan)
  type: str
failure:
  description: The step that failed and why, or an empty string.
  returned: unless O(plan)
  type: str
rescue:
  description: What the rescue did after a failure, or an empty string.
  returned: unless O(plan)
  type: str
state:
  description: The queue manager's state as the last read saw it.
  returned: unless O(plan)
  type: str
  sample: running
log:
  description: C(loginuse), C(logutil), C(logtype) and C(recsz) before the stop.
  returned: unless O(plan)
  type: dict
log_warnings:
  description: The preflight's warnings about the log the next start replays.
  returned: unless O(plan)
  type: list
  elements: str
end_mode:
  description: How it ended (C(immediate), C(immediate then preemptive), C(..., switchover), C(replica only)).
  returned: unless O(plan)
  type: str
stop_command:
  description: The stop command that ran (empty when none did).
  returned: unless O(plan)
  type: str
start_command:
  description: The start command that ran (empty when none did).
  returned: unless O(plan)
  type: str
ended_seconds:
  description: Seconds from the stop command until C(GET /admin/qmgr) showed it ended; null when not measured.
  returned: unless O(plan)
  type: float
ended_state:
  description: The ended state seen (C(endedImmediately), ...).
  returned: unless O(plan)
  type: str
milestones:
  description:
    - Each milestone (C(running), C(command_server), C(channel_initiator), C(listeners), C(channels), C(connections)) with
      C(reached), C(elapsed_seconds) from RV(milestones_since), C(polls), C(last_seen) and C(skipped), as
      M(mqrest.admin.mq_qmgr_wait) returns them; empty when the start was not reached.
  returned: unless O(plan)
  type: list
  elements: dict
stopped_at:
  description: Epoch seconds (controller clock) of the stop command.
  returned: unless O(plan)
  type: float
milestones_since:
  description: Epoch seconds the milestone times count from (the start command; the stop command after a takeover).
  returned: unless O(plan)
  type: float
restored:
  description: What the restore started because it had not come back by itself (C(listener MOL.MANUAL), ...).
  returned: unless O(plan)
  type: list
  elements: str
connections:
  description: C(before), the baseline's C(CONNS), and C(after), the health gate's.
  returned: unless O(plan)
  type: dict
requests:
  description: REST requests of the waits (the health gate's include its final read).
  returned: unless O(plan)
  type: int
polls:
  description: Polling rounds of the waits.
  returned: unless O(plan)
  type: int
msg:
  description: One line for a person; on failure, what failed, the rescue and the state now.
  returned: always
  type: str
group:
  description: V(native_ha) or V(multi_instance).
  returned: with O(plan) or O(instance)
  type: str
order:
  description: With O(plan), the instances C({host, name, role, group}) in the order to restart them, the active one last.
  returned: with O(plan)
  type: list
  elements: dict
instance:
  description: The instance this task restarted.
  returned: with O(instance)
  type: str
role_before:
  description: Its role before (V(active), V(replica), V(standby)).
  returned: with O(instance)
  type: str
role_after:
  description: Its role after, as read at the end (V(replica) again for a Native HA instance, V(standby) for a
    multi-instance one); null when not read.
  returned: with O(instance)
  type: str
active_after:
  description: The active instance of the Native HA group after the restart.
  returned: with O(instance)
  type: str
failover_seconds:
  description: For the active instance, seconds from its stop command until the queue manager ran on another instance.
  returned: with O(instance)
  type: float
left_seconds:
  description: For a Native HA replica, seconds from its stop command until the group showed it disconnected.
  returned: with O(instance)
  type: float
in_sync_seconds:
  description: For a Native HA instance, seconds from its start command until it was a replica in sync again.
  returned: with O(instance)
  type: float
"""
