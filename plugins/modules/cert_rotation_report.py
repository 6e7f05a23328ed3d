#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# This file is documentation only: the work is done by the action plugin of the same name (plugins/action/cert_rotation_report.py).

from __future__ import annotations

DOCUMENTATION = r"""
module: cert_rotation_report
short_description: Publish a certificate rotation's report as a fact, a job statistic and a JSON file
version_added: 0.1.0
description:
  - The report of the C(mqrest.admin.cert_rotation) role, for one queue manager, from the registered result of
    M(mqrest.admin.cert_rotation).
  - Sets the fact C(cert_rotation_result), publishes it as the job statistic C(cert_rotation) keyed by host
    (C(ansible.builtin.set_stats); AWX shows it as the job's artifacts), and with O(path) writes it into a JSON file on the
    controller that holds every host of the play, those without a report yet as an outcome V(not reached).
  - Ansible takes no facts or statistics from a failed task, so run it in an C(always) section after the rotation.
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
    description: The registered result of M(mqrest.admin.cert_rotation) for this host.
    type: raw
  instances:
    description:
      - The fact C(qmgr_restart_result) of the restart of a Native HA group's instances after the rotation, when the role
        ran it; the report keeps its outcome, and a failed restart fails the host's outcome.
    type: raw
  path:
    description:
      - The JSON file on the controller, rewritten under a lock (the hosts of a batch write at once); an empty string writes
        none. A file from an earlier play is started afresh.
    type: str
    default: ""
"""

EXAMPLES = r"""
- name: Rotate the queue manager's certificate label
  mqrest.admin.cert_rotation:
    label: qm1-2027
  register: rotation

- name: Its report as the fact cert_rotation_result, the job statistic cert_rotation and a JSON file
  mqrest.admin.cert_rotation_report:
    result: "{{ rotation }}"
    path: "{{ playbook_dir }}/cert-rotation-report.json"
"""

RETURN = r"""
ansible_facts:
  description: The fact C(cert_rotation_result), this host's report (the fields of M(mqrest.admin.cert_rotation), and
    C(instances_restart) when the instances of a Native HA group were restarted after it).
  returned: always
  type: dict
"""
