# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""The rule of mqrest.admin.check_role_vars: which mq_* variables a role would ignore because they are misspelt.

Apart from the action plugin so that it imports nothing of Ansible's controller: a test that imports it runs modules
in the same process, and those keep returning their warnings only while no controller code has been loaded.
"""

from __future__ import annotations

import difflib
import glob
import os

import yaml

# The collection's roles, beside plugins/ (also in an installed copy).
ROLES_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "roles")
PREFIX = "mq_"
# How close a name must be to one the role takes to be taken for a misspelling of it (difflib's ratio): mq_queue and
# mq_queues are 0.94 apart, mq_listner and mq_listeners 0.91; a variable of the user's own, such as mq_user or mq_host in
# an inventory (0.67 and 0.56 from the nearest), is left alone.
CUTOFF = 0.75
# libyaml's loader where PyYAML has it (as ansible-core's own loader does): reading the roles' argument specs took
# 99 ms a task with the pure-Python one, 9 ms with it.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def role_options(roles_dir=ROLES_DIR):
    """{role: [option names of its main entry point]} from every role's meta/argument_specs.yml."""
    options = {}
    for path in sorted(glob.glob(os.path.join(roles_dir, "*", "meta", "argument_specs.yml"))):
        with open(path, encoding="utf-8") as handle:
            specs = yaml.load(handle, Loader=SAFE_LOADER) or {}
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
