# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mqrest.admin.check_role_vars: warn about an mq_* variable a role would ignore because its name is misspelt.

Ansible validates a role's known options (meta/argument_specs.yml) and says nothing about a variable no role takes:
``mq_queue: [...]`` for the provision role's ``mq_queues`` was silently ignored. The rule is Python (plugin_utils/_role_vars),
so the roles stay thin: the first task of each role runs this action on the controller; it reads the variables visible
to the task and every role's argument specs of this collection, and sends nothing anywhere.
"""

from __future__ import annotations

from ansible.errors import AnsibleActionFail
from ansible.plugins.action import ActionBase

from ansible_collections.mqrest.admin.plugins.plugin_utils._role_vars import misspelt, role_options


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _supports_check_mode = True
    _VALID_ARGS = frozenset(("role",))

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        _validation, args = self.validate_argument_spec(argument_spec={"role": {"type": "str", "required": True}})
        role = args["role"]
        options = role_options()
        if role not in options:
            raise AnsibleActionFail("role={0!r} is not a role of this collection: it must be one of {1}".format(
                role, ", ".join(sorted(options))))
        found = misspelt(list(task_vars or {}), role, options)
        result.update(changed=False, misspelt=[{"variable": name, "nearest": nearest} for name, nearest in found])
        if found:
            result["warnings"] = ["role {0}: variable {1} is not one it takes, so it is ignored; did you mean {2}?".format(
                role, name, nearest) for name, nearest in found]
        return result
