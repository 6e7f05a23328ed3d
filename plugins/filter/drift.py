# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mqrest.admin.drift_declarations: declarations with every permission a check-mode plan needs to show a change."""

from __future__ import annotations

from collections.abc import Mapping

from ansible.errors import AnsibleFilterError

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import entry_options
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY

# The entry options that allow a change mq_objects otherwise refuses before it plans it: a fixed attribute that differs
# (recreate), an active object to delete (force), a local queue that holds messages (purge).
PERMISSIONS = ("recreate", "force", "purge")


def drift_declarations(entries, option):
    """``entries`` of the mq_objects list option ``option`` with each permission its type has set to true."""
    otype = next((t for t in REGISTRY if t.list_option == option), None)
    if otype is None:
        raise AnsibleFilterError("drift_declarations: {0!r} is not a list option of mq_objects; it must be one of {1}".format(
            option, ", ".join(t.list_option for t in REGISTRY)))
    if entries is None:
        return None
    allowed = entry_options(otype, restart=False)
    permissions = {name: True for name in PERMISSIONS if name in allowed}
    return [dict(entry, **permissions) if isinstance(entry, Mapping) else entry for entry in entries]


class FilterModule:
    def filters(self):
        return {"drift_declarations": drift_declarations}
