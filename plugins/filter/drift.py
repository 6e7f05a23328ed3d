# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mqrest.admin.drift_declarations: declarations with every permission a check-mode plan needs to show a change."""

from __future__ import annotations

from ansible.errors import AnsibleFilterError

from ansible_collections.mqrest.admin.plugins.plugin_utils._drift import declarations_to_check


def drift_declarations(entries, option):
    # The rule is in plugin_utils/_drift: importing this file loads Ansible's controller (ansible.errors), which turns the
    # warnings of modules run in-process by unit tests into displayed ones.
    try:
        return declarations_to_check(entries, option)
    except ValueError as exc:
        raise AnsibleFilterError(str(exc)) from exc


class FilterModule:
    def filters(self):
        return {"drift_declarations": drift_declarations}
