# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Filters of the rolling_restart role: the same rules as mq_restart, so the role re-implements none of them in Jinja.

Documented in restart_plan.yml and unhealthy.yml beside this file.
"""

from __future__ import annotations

from ansible_collections.mqrest.admin.plugins.module_utils._restart import restart_plan, unhealthy


class FilterModule:
    def filters(self):
        return {"restart_plan": restart_plan, "unhealthy": unhealthy}
