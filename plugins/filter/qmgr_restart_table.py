# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mqrest.admin.qmgr_restart_table: the qmgr_restart role's progress lines and restart-time table (documentation:
qmgr_restart_table.yml beside this file; the rules: plugin_utils/_qmgr_restart_report)."""

from __future__ import annotations

from ansible_collections.mqrest.admin.plugins.plugin_utils._qmgr_restart_report import progress_line, table_lines


def qmgr_restart_table(hosts, hostvars, batch=None):
    """The lines to show after a batch: a progress line per queue manager of ``batch`` (and per failed one), then, once
    every host of ``hosts`` has a result or one has failed (the play may end there), the table of every host."""
    results = {host: hostvars[host].get("qmgr_restart_result") for host in hosts}
    batch = set(batch or [])
    lines = [progress_line(report) for host, report in results.items() if report and (host in batch or report["outcome"] == "failed")]
    reports = [report for report in results.values() if report]
    if len(reports) == len(results) or any(report["outcome"] == "failed" for report in reports):
        lines += table_lines(results, {host: hostvars[host].get("mq_qmgr") for host in hosts})
    return lines


class FilterModule:
    def filters(self):
        return {"qmgr_restart_table": qmgr_restart_table}
