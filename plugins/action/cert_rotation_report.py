# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mqrest.admin.cert_rotation_report: the cert_rotation role's report of one queue manager, in one task
(documentation: plugins/modules/cert_rotation_report.py).

From the registered result of the rotation it sets the fact cert_rotation_result, publishes it as the job statistic
cert_rotation (AWX artifacts) and writes it into the JSON report of the play. A failed rotation publishes nothing itself
(Ansible takes no facts or statistics from a failed task), so this runs in the role's always section, as
qmgr_restart_report does. The rules are plugin_utils/_cert_rotation_report.
"""

from __future__ import annotations

from ansible.plugins.action import ActionBase

from ansible_collections.mqrest.admin.plugins.plugin_utils._cert_rotation_report import host_report, write_report


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _supports_check_mode = True
    _VALID_ARGS = frozenset(("result", "instances", "path"))

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        task_vars = task_vars or {}
        _validation, args = self.validate_argument_spec(argument_spec={
            "result": {"type": "raw"}, "instances": {"type": "raw"}, "path": {"type": "str", "default": ""}})
        host = task_vars.get("inventory_hostname")
        report = host_report(args["result"], host, args["instances"])
        if report is None:
            return dict(result, changed=False, skipped=True, msg="no rotation ran for {0}".format(host))
        if args["path"]:
            write_report(args["path"], self._task.get_play()._uuid, list(task_vars.get("ansible_play_hosts_all") or [host]), host, report)
        return dict(result, changed=False, ansible_facts={"cert_rotation_result": report},
                    ansible_stats={"data": {"cert_rotation": {host: report}}, "per_host": False, "aggregate": True})
