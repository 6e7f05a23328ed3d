#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: check_role_vars
short_description: Warn about an mq_* variable that a role of this collection would ignore because it is misspelt
version_added: 0.1.0
description:
  - Ansible checks the variables a role takes (its C(meta/argument_specs.yml)) and says nothing about one it does not
    take, so a misspelt variable such as C(mq_queue) for the C(mqrest.admin.provision) role's C(mq_queues) is silently
    ignored. This action warns about it, naming the variable the role takes that is nearest to it.
  - Looked at are the variables visible to the task whose names start with C(mq_). One that some role of this
    collection takes is left alone (one inventory often serves several roles), and so is one that is not close to any
    variable of O(role) (your own C(mq_host) in an inventory, say). The others, one typo away from a variable of O(role),
    each get a warning.
  - The roles C(mqrest.admin.provision) and C(mqrest.admin.rolling_restart) run it as their first task; the
    C(mqrest.admin.qmgr_restart) role has M(mqrest.admin.qmgr_restart) do the same check (its O(mqrest.admin.qmgr_restart#module:check_role_vars)
    option), which saves a task per queue manager. It runs on the controller, reads the collection's role argument specs,
    and sends no request.
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
  role:
    description:
      - The role of this collection whose variables to check, by its short name (V(provision), V(rolling_restart),
        V(qmgr_restart)).
    type: str
    required: true
"""

EXAMPLES = r"""
- name: Warn about mq_* variables the provision role would ignore (a misspelt mq_queues, say)
  mqrest.admin.check_role_vars:
    role: provision
  vars:
    mq_queue:
      - {name: APP.IN}
  register: checked

- name: The misspelt variable and the one it was meant to be
  ansible.builtin.assert:
    that:
      - "checked.misspelt == [{'variable': 'mq_queue', 'nearest': 'mq_queues'}]"
"""

RETURN = r"""
misspelt:
  description: The variables warned about, each with the variable of O(role) nearest to it.
  returned: always
  type: list
  elements: dict
  contains:
    variable:
      description: The variable given, which no role of this collection takes.
      type: str
    nearest:
      description: The variable of O(role) it is nearest to.
      type: str
  sample: [{variable: mq_queue, nearest: mq_queues}]
"""
