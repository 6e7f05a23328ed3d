# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mqrest.admin.cert_rotation_table: the cert_rotation role's progress lines and table (documentation:
cert_rotation_table.yml beside this file; the rules: plugin_utils/_cert_rotation_report)."""

from __future__ import annotations

from ansible_collections.mqrest.admin.plugins.plugin_utils._cert_rotation_report import progress_line, table_lines


def cert_rotation_table(hosts, hostvars, batch=None):
    """The lines to show after a batch: a progress line per queue manager of ``batch`` (and per failed one), then, once
    every host of ``hosts`` has a result or one has failed (the play may end there), the table of every host."""
    results = {host: hostvars[host].get("cert_rotation_result") for host in hosts}
    batch = set(batch or [])
    failed = ("failed", "rolled back")
    lines = [progress_line(report) for host, report in results.items() if report and (host in batch or report["outcome"] in failed)]
    reports = [report for report in results.values() if report]
    if len(reports) == len(results) or any(report["outcome"] in failed for report in reports):
        lines += table_lines(results, {host: hostvars[host].get("mq_qmgr") for host in hosts})
    return lines


class FilterModule:
    def filters(self):
        return {"cert_rotation_table": cert_rotation_table}
