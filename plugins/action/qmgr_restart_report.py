# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mqrest.admin.qmgr_restart_report: the qmgr_restart role's report of one queue manager, in one task
(documentation: plugins/modules/qmgr_restart_report.py).

From the registered result of the restart (one mqrest.admin.qmgr_restart run, or one per instance of a group), it sets
the fact qmgr_restart_result, publishes it as the job statistic qmgr_restart (AWX artifacts) and writes it into the JSON
report of the play. A failed restart publishes nothing itself (Ansible takes no facts or statistics from a failed
task), so this runs in the role's always section. The rules are plugin_utils/_qmgr_restart_report.
"""

from __future__ import annotations

from ansible.plugins.action import ActionBase

from ansible_collections.mqrest.admin.plugins.plugin_utils._qmgr_restart_report import NOT_REACHED, host_report, write_report


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _supports_check_mode = True
    _VALID_ARGS = frozenset(("result", "plan", "qmgr", "path"))

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        task_vars = task_vars or {}
        _validation, args = self.validate_argument_spec(argument_spec={
            "result": {"type": "raw"}, "plan": {"type": "raw"}, "qmgr": {"type": "str"}, "path": {"type": "str", "default": ""}})
        host = task_vars.get("inventory_hostname")
        report = host_report(args["result"], host, args["plan"] if isinstance(args["plan"], dict) else None)
        plan = args["plan"] if isinstance(args["plan"], dict) else {}
        if report is None and plan.get("failed"):
            # The plan (which instance is active) failed: nothing was stopped.
            report = dict(NOT_REACHED, host=host, qmgr=args["qmgr"], outcome="failed", state="unknown",
                          failure="Order the instances, the active one last: {0}".format(plan.get("msg")),
                          rescue="nothing to undo: the queue manager was not stopped")
        if report is None:
            return dict(result, changed=False, skipped=True, msg="no restart ran for {0}".format(host))
        if args["path"]:
            write_report(args["path"], self._task.get_play()._uuid, list(task_vars.get("ansible_play_hosts_all") or [host]), host, report)
        return dict(result, changed=False, ansible_facts={"qmgr_restart_result": report},
                    ansible_stats={"data": {"qmgr_restart": {host: report}}, "per_host": False, "aggregate": True})
