#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_service
short_description: Manage IBM MQ services over the administrative REST API
version_added: 0.1.0
description:
  - Define, alter, delete, start and stop an IBM MQ service (C(DEFINE SERVICE)) through the IBM MQ
    administrative REST API.
  - Idempotent. The service is read once; it is defined when absent and altered with only the
    attributes that differ. Attributes not given are left alone.
  - O(state=started) and O(state=stopped) need a server service (O(service_type=server), or an existing service
    defined as one, which is then started or stopped by its name alone). MQ reports status
    (C(DISPLAY SVSTATUS)) only for server services; a command service has no status, so whether it runs
    cannot be known or waited for.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.wait
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
      - Name of the service, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes, parentheses,
        C(*), line breaks) fails the task before any request.
      - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
        services. C(runmqsc) folds unquoted names to upper case, so a service defined there without quotes has an
        upper-case name.
    type: str
    required: true
  state:
    description:
      - V(present) makes the service exist with the given attributes; attributes not given are left alone. An existing
        service needs only its O(name); its O(service_type) comes from its definition.
      - V(absent) deletes it. An active service is only stopped and deleted with O(force=true).
      - V(started) and V(stopped) imply V(present) and then start or stop the service, waiting for the result when
        O(wait=true). They send nothing when it is already in that state.
      - V(restarted) implies V(present) and then always restarts the service, as M(mqrest.admin.mq_restart) does. It
        stops the service when it runs, waiting for the stop even with O(wait=false) because MQ refuses to start an
        object that is still stopping, then starts it, waiting for the start when O(wait=true). In check mode it reports
        the commands and sends neither.
    type: str
    choices: [present, absent, started, stopped, restarted]
    default: present
  attributes:
    description:
      - Further MQSC attributes without an option of their own. Every service attribute this collection manages has an
        option, so this takes only an empty dictionary.
    type: dict
    default: {}
  recreate:
    description:
      - "Allow deleting and defining the service again when a change can only be made that way: MQ cannot change some
        attributes of an existing service in place. The new definition starts from MQ's defaults plus the options given
        here. An active service is stopped first."
    type: bool
    default: false
  force:
    description:
      - With O(state=absent), stop an active service before deleting it. Without it the task fails and leaves the
        service alone.
      - The stop before a delete is always waited for, even with O(wait=false), because MQ refuses to delete an object
        that is still stopping.
    type: bool
    default: false
  service_type:
    description:
      - C(SERVTYPE). V(server) runs one instance that MQ monitors; V(command) runs a command whose status MQ does not
        track. MQ's default is V(command).
    type: str
    choices: [command, server]
  control:
    description:
      - C(CONTROL). V(manual) (MQ's default), V(qmgr) (started and stopped with the queue manager) or V(startonly)
        (started with the queue manager only).
    type: str
    choices: [manual, qmgr, startonly]
  start_command:
    description:
      - Fully qualified path of the program to run (C(STARTCMD)). Tokens such as C(+MQ_INSTALL_PATH+) and C(+QMNAME+)
        are replaced by MQ.
    type: str
  start_args:
    description:
      - Arguments for O(start_command) (C(STARTARG)).
    type: str
  stop_command:
    description:
      - Fully qualified path of the program that stops the service (C(STOPCMD)). Needed to stop it.
    type: str
  stop_args:
    description:
      - Arguments for O(stop_command) (C(STOPARG)).
    type: str
  stdout:
    description:
      - File that receives the standard output of the programs (C(STDOUT)).
    type: str
  stderr:
    description:
      - File that receives the standard error of the programs (C(STDERR)).
    type: str
  description:
    description:
      - Description (C(DESCR)), at most 64 characters. Case is kept.
    type: str
  # END generated (options)
notes:
  - A running service keeps the O(start_command), O(start_args), O(stdout) and O(stderr) it started with. With
    O(state=started) a change to them restarts it (RV(restarted_for)); with O(state=present) the task returns
    RV(restart_required) and warns. O(stop_command) and O(stop_args) are used at the next stop.
seealso:
  - module: mqrest.admin.mq_restart
"""

EXAMPLES = r"""
# The connection comes from the MQ_REST_URL, MQ_QMGR, MQ_REST_USERNAME, MQ_REST_PASSWORD (and MQ_REST_CA_PATH)
# environment variables here, as an AWX credential injects them; module_defaults or the options work as well.
- name: A monitored server service, started with the queue manager and running now
  mqrest.admin.mq_service:
    name: TRIGGER.MONITOR
    service_type: server
    control: qmgr
    start_command: +MQ_INSTALL_PATH+/bin/runmqtrm
    start_args: -m +QMNAME+ -q SYSTEM.DEFAULT.INITIATION.QUEUE
    stop_command: +MQ_INSTALL_PATH+/bin/amqsstop
    stop_args: -m +QMNAME+ -p +MQ_SERVER_PID+
    stdout: /var/mqm/errors/trigger.out
    stderr: /var/mqm/errors/trigger.err
    state: started
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
run_action:
  description:
    - What was done to the run state, besides RV(action)'s change to the definition. V(started), V(stopped) or
      V(restarted) when this task's own command did it (in check mode, what it would do); null when the state was
      already right, when another writer had done it, or with O(state=present) or O(state=absent).
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
      did not restart it (O(state=present)). A warning names the attributes.
  returned: success, unless O(state=absent)
  type: bool
  sample: false
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
    - Before and after values of the changed attributes, and C(state) before and after when RV(run_action) is set.
  returned: when diff mode is enabled
  type: dict
raced:
  description:
    - True when another writer changed the service between this task's read and its command (a C(DEFINE) answered 4001
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
        - True when MQ answered that the service already was started (3251 MQRCCF_SERVICE_RUNNING) or stopped (3253
          MQRCCF_SERVICE_STOPPED), because another writer got there between this task's status read and its command.
          That is not counted as this task's change.
        - For a restart, true when MQ answered either phase so.
      type: bool
  sample: {operation: started, polls: 3, elapsed_seconds: 0.41}
# END generated (return)
service:
  description:
    - The service after the task, as returned by C(DISPLAY SERVICE), with option names as keys.
      Empty when the service does not exist. In check mode, the predicted state.
  returned: always
  type: dict
  sample: {name: TRIGGER.MONITOR, service_type: server, control: qmgr}
"""

from ansible_collections.mqrest.admin.plugins.module_utils._object_module import run_object_module
from ansible_collections.mqrest.admin.plugins.module_utils._types import SERVICE


def main():
    run_object_module(SERVICE)


if __name__ == "__main__":
    main()
