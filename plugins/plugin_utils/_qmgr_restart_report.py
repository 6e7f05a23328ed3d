# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""The qmgr_restart role's report: one queue manager's result from its restart run(s), the progress line, the
restart-time table of every host of the play, and the JSON file. Used by the qmgr_restart_report action and the
qmgr_restart_table filter.

Apart from the plugins so that it imports nothing of Ansible's controller (unit tests import it beside in-process
module runs, as plugin_utils/_role_vars).
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
import time

__all__ = ["host_report", "progress_line", "table_lines", "write_report", "REPORT_KEYS", "NOT_REACHED"]

# The per-host result, as the role has always reported it (README "Results"); a group adds GROUP_KEYS.
REPORT_KEYS = ("qmgr", "outcome", "failure", "rescue", "state", "log", "log_warnings", "end_mode", "stop_command", "start_command",
               "ended_seconds", "ended_state", "milestones", "stopped_at", "milestones_since", "restored", "connections", "requests",
               "polls")
INSTANCE_KEYS = ("group", "instance", "role_before", "role_after", "active_after", "failover_seconds", "left_seconds",
                 "in_sync_seconds")
# What the report keeps of each instance of a group.
INSTANCE_SUMMARY = ("outcome", "failure", "rescue", "role_after", "active_after", "ended_seconds", "left_seconds", "in_sync_seconds",
                    "failover_seconds", "stop_command", "start_command", "stopped_at")
NOT_REACHED = {"outcome": "not reached"}
LINE = "%-10s %-8s %-11s %5s %-16s %6s %7s %7s %6s %9s %8s %10s %16s  %s"
HEADER = LINE % ("HOST", "QMGR", "OUTCOME", "LOG%", "END MODE", "ENDED", "RUNNING", "CMDSERV", "CHINIT", "LISTENERS", "CHANNELS",
                 "CONNS-BACK", "CONNS NOW/BEFORE", "RESTORED")
# One legend line under the header: the columns' units and clocks, and what "-" and NOT mean.
LEGEND = ("seconds: ENDED from the stop command, RUNNING to CONNS-BACK from the start command (the stop command with a "
          "switchover); LOG%: LOGINUSE before the stop; CONNS-BACK: connections back to their share of before; "
          "NOT: not reached; -: not measured")
COLUMNS = ("running", "command_server", "channel_initiator", "listeners", "channels", "connections")


def _one(result, host):
    report = {key: result.get(key) for key in REPORT_KEYS + INSTANCE_KEYS if key in result}
    report["host"] = host
    return report


def host_report(run, host, plan=None):
    """One queue manager's report from the registered result of its restart: one run (a single-instance queue manager),
    or a loop of runs, one per instance in the plan's order (a Native HA group, a multi-instance pair); None when no
    run reported anything (skipped)."""
    if not isinstance(run, dict):
        return None
    if "results" not in run:
        return _one(run, host) if "outcome" in run else None
    runs = [r for r in run["results"] if isinstance(r, dict) and "outcome" in r]
    if not runs:
        return None
    if not any(r.get("group") for r in runs):
        return _one(runs[-1], host)  # a single-instance queue manager: one run
    order = (plan or {}).get("order") or [r.get("qmgr_restart_instance") or {} for r in run["results"]]
    by_instance = {r.get("instance"): r for r in runs}
    instances = []
    for entry in order:
        done = by_instance.get(entry.get("name"))
        summary = {"host": entry.get("host"), "instance": entry.get("name"), "role_before": entry.get("role")}
        if done is None:
            summary.update(outcome="not reached")
        else:
            summary.update({key: done.get(key) for key in INSTANCE_SUMMARY})
        instances.append(summary)
    failed = next((r for r in runs if r.get("outcome") == "failed"), None)
    active = next((r for r in runs if r.get("role_before") == "active"), None)
    if active is not None:
        report = _one(active, host)
    else:
        # The rollout stopped at a standby or replica, before the active instance: the queue manager itself was not
        # stopped, so nothing of it was timed.
        report = _one(failed or runs[-1], host)
        report.update(milestones=[], ended_seconds=None, ended_state=None, restored=[], connections={"before": None, "after": None},
                      log={}, log_warnings=[], stopped_at=None, milestones_since=None, end_mode=report.get("end_mode"))
    if failed is not None:
        report.update(outcome="failed", failure="instance {0}: {1}".format(failed.get("instance"), failed.get("failure")),
                      rescue=failed.get("rescue"), state=failed.get("state"))
    report["requests"] = sum(r.get("requests") or 0 for r in runs)
    report["polls"] = sum(r.get("polls") or 0 for r in runs)
    report["group"] = runs[0].get("group")
    report["instances"] = instances
    return report


def _seconds(value):
    return "{0} s".format(value)


def progress_line(report):
    """One line per queue manager, as each batch ends: what happened, when it ended, each milestone, what was restored."""
    switchover = "switchover" in (report.get("end_mode") or "")
    why = ("check mode" if report["outcome"] == "checked" else "not reached before the failure" if report.get("failure")
           else "not measured")
    ended = ("{0} after the stop command".format(_seconds(report["ended_seconds"])) if report.get("ended_seconds") is not None
             else "- ({0})".format("switchover: the takeover is timed instead" if switchover else why))
    milestones = ", ".join("{0} {1}".format(m["name"], _seconds(m["elapsed_seconds"]) if m["reached"] else "skipped" if m.get("skipped")
                                            else "NOT reached") for m in report.get("milestones") or [])
    connections = report.get("connections") or {}
    line = "{host} ({qmgr}): {outcome}; ended {ended} ({end_mode}); after the {clock} command: {milestones}; restored {restored}; " \
           "connections {after} of {before} before".format(
               host=report["host"], qmgr=report.get("qmgr"), outcome=report["outcome"], ended=ended, end_mode=report.get("end_mode"),
               clock="stop" if switchover else "start", milestones=milestones or "- ({0})".format(why),
               restored=", ".join(report.get("restored") or []) or "nothing",
               after=connections.get("after") if connections.get("after") is not None else "- ({0})".format(why),
               before=connections.get("before") if connections.get("before") is not None else "-")
    for instance in report.get("instances") or []:
        line += "; " + _instance_text(instance)
    if report.get("failure"):
        line += "; {0}; rescue: {1}".format(report["failure"], report.get("rescue"))
    return line


def _instance_text(instance):
    """An instance of a group: its role before and after, and its times."""
    role = instance.get("role_before") or "-"
    if instance.get("role_after") and instance["outcome"] != "not reached":
        role += " -> " + instance["role_after"]
    where = "" if instance.get("host") in (None, instance.get("instance")) else " on " + instance["host"]
    text = "instance {0}{1} ({2}): {3}".format(instance.get("instance"), where, role, instance["outcome"])
    if instance["outcome"] == "not reached":
        return text + ", the rollout stopped before it"
    times = []
    if instance.get("failover_seconds") is not None:
        times.append("failover {0} after its stop command{1}".format(
            _seconds(instance["failover_seconds"]), ", {0} active".format(instance["active_after"]) if instance.get("active_after") else ""))
    if instance.get("left_seconds") is not None:
        times.append("left the group {0} after its stop command".format(_seconds(instance["left_seconds"])))
    if instance.get("in_sync_seconds") is not None:
        times.append("in sync {0} after its start command".format(_seconds(instance["in_sync_seconds"])))
    return text + (", " + ", ".join(times) if times else "")


def _cell(value):
    return "-" if value is None or value == "" else str(value)


def table_lines(results, qmgrs=None):
    """The restart-time table: a header, one legend line, and per host of the play (in order) its row and the lines under
    it (log warnings, why a row is all "-", the failure, the rescue and the state now, each instance of a group).

    ``results``: {host: report, or None for a host the rollout did not reach}; ``qmgrs``: {host: queue manager name},
    for the hosts not reached."""
    lines = [HEADER, LEGEND]
    for host, report in results.items():
        report = report or NOT_REACHED
        cells = {m["name"]: (str(m["elapsed_seconds"]) if m["reached"] else "-" if m.get("skipped") else "NOT")
                 for m in report.get("milestones") or []}
        connections = report.get("connections") or {}
        lines.append(LINE % (host, _cell(report.get("qmgr") or (qmgrs or {}).get(host)), report["outcome"],
                             _cell((report.get("log") or {}).get("loginuse")), _cell(report.get("end_mode")),
                             _cell(report.get("ended_seconds")), *[_cell(cells.get(name)) for name in COLUMNS],
                             _cell(connections.get("after")) + "/" + _cell(connections.get("before")),
                             ", ".join(report.get("restored") or []) or "-"))
        lines.extend("    log: " + warning for warning in report.get("log_warnings") or [])
        if report["outcome"] == "checked":
            lines.append("    check mode: nothing was stopped or started, so nothing was timed or restored")
        elif report["outcome"] == "not reached":
            lines.append("    not reached: the rollout stopped before this host")
        lines.extend("    " + _instance_text(instance) for instance in report.get("instances") or [])
        if report.get("failure"):
            lines.extend(["    failed: " + report["failure"], "    rescue: " + _cell(report.get("rescue")),
                          "    state now: " + _cell(report.get("state"))])
    return lines


def write_report(path, run_id, hosts, host, report, wall=time.time):
    """Put ``host``'s report into the JSON file at ``path``, which holds every host of the play (NOT_REACHED for those
    without a report yet), under a lock: the forks of one batch write at once. A file from another run (``run_id``: the
    play's id) is started afresh, so that no host shows a result of an earlier run."""
    with open(path + ".lock", "a", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            data = {}
        if data.get("run") != run_id or not isinstance(data.get("hosts"), dict):
            data = {"run": run_id, "hosts": {}}
        data["hosts"] = {name: data["hosts"].get(name, dict(NOT_REACHED)) for name in hosts}
        data["hosts"][host] = report
        data["generated_at"] = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(wall()))
        directory = os.path.dirname(os.path.abspath(path))
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=directory, prefix=".qmgr-restart-", delete=False) as handle:
            json.dump(data, handle, indent=4, sort_keys=True)
            handle.write("\n")
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, path)
