# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mqrest.admin.check_role_vars: warn about an mq_* variable a role would ignore because its name is misspelt.

Ansible validates a role's known options (meta/argument_specs.yml) and says nothing about a variable no role takes:
``mq_queue: [...]`` for the provision role's ``mq_queues`` was silently ignored. The rule lives here, in Python, so the
roles stay thin: the first task of each role runs this action on the controller; it reads the variables visible to
the task and every role's argument specs of this collection, and sends nothing anywhere.
"""

from __future__ import annotations

import difflib
import glob
import os

import yaml
from ansible.errors import AnsibleActionFail
from ansible.plugins.action import ActionBase

# The collection's roles, beside plugins/ (also in an installed copy).
ROLES_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "roles")
PREFIX = "mq_"
# How close a name must be to one the role takes to be taken for a misspelling of it (difflib's ratio): mq_queue and
# mq_queues are 0.94 apart, mq_listner and mq_listeners 0.91; a variable of the user's own, such as mq_user or mq_host in
# an inventory (0.67 and 0.56 from the nearest), is left alone.
CUTOFF = 0.75


def role_options(roles_dir=ROLES_DIR):
    """{role: [option names of its main entry point]} from every role's meta/argument_specs.yml."""
    options = {}
    for path in sorted(glob.glob(os.path.join(roles_dir, "*", "meta", "argument_specs.yml"))):
        with open(path, encoding="utf-8") as handle:
            specs = yaml.safe_load(handle) or {}
        main = (specs.get("argument_specs") or {}).get("main") or {}
        options[os.path.basename(os.path.dirname(os.path.dirname(path)))] = sorted(main.get("options") or {})
    return options


def misspelt(names, role, options):
    """[(name, nearest)]: the ``names`` with the mq_ prefix that no role of ``options`` takes and that are close to one
    that ``role`` takes. A name another role takes is that role's (one inventory often serves several roles)."""
    known_anywhere = {name for role_names in options.values() for name in role_names}
    known_here = [name for name in options[role] if name.startswith(PREFIX)]
    found = []
    for name in sorted(n for n in names if n.startswith(PREFIX) and n not in known_anywhere):
        nearest = difflib.get_close_matches(name, known_here, n=1, cutoff=CUTOFF)
        if nearest:
            found.append((name, nearest[0]))
    return found


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
