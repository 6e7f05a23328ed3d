# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""The cert_rotation role's report: one queue manager's result from its rotation run, the progress line, the table of every
host of the play, and the JSON file (written by _qmgr_restart_report.write_report, the same file format as the restart
report's). Used by the cert_rotation action, the cert_rotation_report action and the cert_rotation_table filter.

Apart from the plugins so that it imports nothing of Ansible's controller (as plugin_utils/_qmgr_restart_report).
"""

from __future__ import annotations

from ._qmgr_restart_report import NOT_REACHED, _cell, write_report

__all__ = ["host_report", "progress_line", "table_lines", "write_report", "REPORT_KEYS", "NOT_REACHED"]

# The per-host result (the cert_rotation action's return values, RETURN in plugins/modules/cert_rotation.py).
REPORT_KEYS = ("qmgr", "label", "outcome", "failure", "rolled_back", "rollback", "labels", "label_check", "tls_channels", "channels",
               "not_back", "would_bounce", "clients", "down_seconds", "refresh_elapsed", "rollback_refresh", "health", "native_ha",
               "commands", "elapsed")
LINE = "%-10s %-8s %-12s %-24s %7s %9s %11s  %s"
HEADER = LINE % ("HOST", "QMGR", "OUTCOME", "LABEL", "BOUNCED", "DOWN-MAX", "CLIENTS", "NOT BACK")
LEGEND = ("BOUNCED: TLS channels the refresh stopped and restarted (check mode: would stop); DOWN-MAX: seconds the slowest was "
          "down; CLIENTS: TLS clients after/before the refresh; NOT BACK: channels that did not come back before the rollback; "
          "-: not measured")


def host_report(run, host, instances=None):
    """One queue manager's report from the registered result of its rotation; None when it did not run (skipped).
    ``instances``: the qmgr_restart role's report of the Native HA instances restarted after it, when they were."""
    if not isinstance(run, dict) or "outcome" not in run:
        return None
    report = {key: run.get(key) for key in REPORT_KEYS if key in run}
    report["host"] = host
    if isinstance(instances, dict) and "outcome" in instances:
        report["instances_restart"] = {key: instances.get(key) for key in ("outcome", "failure", "rescue", "state", "instances")}
        if instances["outcome"] == "failed" and report["outcome"] in ("rotated", "unchanged"):
            report.update(outcome="failed", failure="Restart the Native HA instances: {0}".format(instances.get("failure")))
    return report


def _bounced(report):
    return report.get("would_bounce") if report.get("outcome") == "checked" else report.get("channels")


def _clients(report):
    clients = report.get("clients") or {}
    return "{0}/{1}".format(_cell(clients.get("after")), _cell(clients.get("before")))


def _labels(report):
    """Each label's change, or that it was left as it was (a failed preflight, a rollback, a label already in force)."""
    return ", ".join("{0} {1!r} -> {2!r}".format(entry["object"], entry["before"], entry["after"]) if entry["before"] != entry["after"]
                     else "{0} {1!r} (unchanged)".format(entry["object"], entry["before"]) for entry in report.get("labels") or [])


def progress_line(report):
    """One line per queue manager, as each batch ends: what happened to which label, the channels and clients."""
    bounced = _bounced(report) or []
    line = "{host} ({qmgr}): {outcome}; label {label}: {labels}".format(
        host=report.get("host"), qmgr=report.get("qmgr"), outcome=report["outcome"], label=report.get("label"),
        labels=_labels(report) or "- (not read)")
    if report["outcome"] == "checked":
        line += "; would bounce {0} TLS channel(s): {1}".format(len(bounced), ", ".join(c["name"] for c in bounced) or "none")
    elif report["outcome"] != "unchanged":
        down = report.get("down_seconds")
        line += "; {0} TLS channel(s) bounced, the slowest down {1}; clients {2}".format(
            len(bounced), "{0} s".format(down) if down is not None else "- (not measured)", _clients(report))
    if report.get("not_back"):
        line += "; not back: {0}".format(", ".join(report["not_back"]))
    if report.get("failure"):
        line += "; {0}; rollback: {1}".format(report["failure"], report.get("rollback"))
    return line


def table_lines(results, qmgrs=None):
    """The table: a header, the legend, and per host of the play (in order) its row and the lines under it."""
    lines = [HEADER, LEGEND]
    for host, report in results.items():
        report = report or NOT_REACHED
        bounced = _bounced(report)
        lines.append(LINE % (host, _cell(report.get("qmgr") or (qmgrs or {}).get(host)), report["outcome"], _cell(report.get("label")),
                             _cell(len(bounced) if bounced is not None else None), _cell(report.get("down_seconds")),
                             _clients(report), ", ".join(report.get("not_back") or []) or "-"))
        if report["outcome"] == "checked":
            lines.append("    check mode: nothing was changed or refreshed; would change " + (_labels(report) or "nothing"))
        elif report["outcome"] == "not reached":
            lines.append("    not reached: the rollout stopped before this host")
        elif report["outcome"] == "unchanged":
            lines.append("    the label was already in force: nothing was changed or refreshed")
        if report.get("native_ha"):
            restart = report.get("instances_restart") or {}
            lines.append("    Native HA: instances restarted: {0}".format(restart.get("outcome")) if restart else
                         "    Native HA: the replication key repository is read only when an instance starts: restart the instances")
        if report.get("failure"):
            lines.extend(["    failed: " + report["failure"], "    rollback: " + _cell(report.get("rollback"))])
    return lines
