#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This file is documentation only: the work is done by the action plugin of the same name (plugins/action/qmgr_restart_report.py).

from __future__ import annotations

DOCUMENTATION = r"""
module: qmgr_restart_report
short_description: Publish a queue manager restart's report as a fact, a job statistic and a JSON file
version_added: 0.2.0
description:
  - The report of the C(mqrest.admin.qmgr_restart) role, for one queue manager, from the registered result of
    M(mqrest.admin.qmgr_restart) (one run, or a loop of runs, one per instance of a group).
  - Sets the fact C(qmgr_restart_result), publishes it as the job statistic C(qmgr_restart) keyed by host
    (C(ansible.builtin.set_stats); AWX shows it as the job's artifacts), and with O(path) writes it into a JSON file on the
    controller that holds every host of the play, those without a report yet as an outcome V(not reached).
  - Ansible takes no facts or statistics from a failed task, so run it in an C(always) section after the restart.
  - Runs on the controller and sends no request.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
  diff_mode:
    support: none
  platform:
    support: full
    platforms: all
options:
  result:
    description: The registered result of M(mqrest.admin.qmgr_restart) for this host.
    type: raw
  plan:
    description: The registered result of M(mqrest.admin.qmgr_restart) with C(plan=true), for a group (the instances not reached).
    type: raw
  qmgr:
    description: The queue manager, for the report of a host whose plan failed before any restart.
    type: str
  path:
    description:
      - The JSON file on the controller, rewritten under a lock (the hosts of a batch write at once); an empty string writes
        none. A file from an earlier play is started afresh.
    type: str
    default: ""
"""

EXAMPLES = r"""
- name: Restart the queue manager
  mqrest.admin.qmgr_restart:
  register: restart

- name: Its report as the fact qmgr_restart_result, the job statistic qmgr_restart and a JSON file
  mqrest.admin.qmgr_restart_report:
    result: "{{ restart }}"
    path: "{{ playbook_dir }}/qmgr-restart-report.json"
"""

RETURN = r"""
ansible_facts:
  description: The fact C(qmgr_restart_result), this host's report (the fields of M(mqrest.admin.qmgr_restart), and for a
    group C(instances), each instance's part in the order of the plan).
  returned: always
  type: dict
"""
