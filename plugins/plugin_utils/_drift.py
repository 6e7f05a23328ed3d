# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""The rules of mqrest.admin.drift_report: what a check-mode mq_objects run says about one queue manager, one report of
many, the report as JSON, Markdown, HTML and JUnit XML, and the merge of the reports of a sliced job.

Apart from the action plugin, as plugin_utils/_role_vars is, so that unit tests import it without Ansible's controller.
"""

from __future__ import annotations

import datetime
import html
import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import entry_options
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY

__all__ = ["declarations_to_check", "host_record", "build", "merge", "verdict", "render", "FORMATS", "STATUSES"]

# What a report says about one queue manager. "unreachable": its check could not talk to it; "failed": it answered and the
# check failed anyway (a declaration MQ refuses, a user without authority); "not_declared": the host declares no object.
STATUSES = ("in_sync", "drift", "unreachable", "failed", "not_declared")
FORMATS = {"markdown": "drift.md", "html": "drift.html"}
# The HTTP status of mqweb for a queue manager that is not running, ending, starting, or a standby instance (MQWB0009E with
# reason 2059, MQWB0004E with 2543), and the reason of a command server that is not running (3204 MQRCCF_COMMAND_INHIBITED).
_DOWN_STATUS = 503
_DOWN_REASONS = (3204,)
# The entry options that allow a change mq_objects otherwise refuses before it plans it: a fixed attribute that differs
# (recreate), an active object to delete (force), a local queue that holds messages (purge).
PERMISSIONS = ("recreate", "force", "purge")
# What mq_objects did (or would do) to a definition, as a drift.
_DRIFTS = {"created": "missing", "updated": "differs", "recreated": "needs recreate", "deleted": "declared absent",
           "purged": "undeclared", "unchanged": "differs"}


def declarations_to_check(entries, option):
    """``entries`` of the mq_objects list option ``option`` with each permission its type has set to true (the
    drift_declarations filter); ValueError for an option mq_objects does not have."""
    otype = next((t for t in REGISTRY if t.list_option == option), None)
    if otype is None:
        raise ValueError("drift_declarations: {0!r} is not a list option of mq_objects; it must be one of {1}".format(
            option, ", ".join(t.list_option for t in REGISTRY)))
    if entries is None or otype.singleton:
        return entries  # the queue manager's own attributes: one mapping, which nothing needs permission to change
    allowed = entry_options(otype, restart=False)
    permissions = {name: True for name in PERMISSIONS if name in allowed}
    return [dict(entry, **permissions) if isinstance(entry, Mapping) else entry for entry in entries]


def _unreachable(result):
    """Could the check not talk to the queue manager? mqweb's 503, a command server that is down, or no answer at all (a
    transport failure names the attempts it made and has no HTTP status)."""
    if result.get("unreachable"):
        return True
    if result.get("http_status") == _DOWN_STATUS or result.get("mq_reason_code") in _DOWN_REASONS:
        return True
    return "attempts" in result and "http_status" not in result


def host_record(result, qmgr=None):
    """What the registered result of one host's check-mode mq_objects run (None: it has none) says about its queue manager
    ``qmgr``."""
    record = {"qmgr": qmgr, "status": None, "message": None, "drifts": [], "failing": []}
    if result is None:
        record.update(status="unreachable", message="no check ran for this host (the play had ended for it, or it was unreachable)")
    elif result.get("skipped"):
        record.update(status="not_declared", message="the host declares no object (no mq_queues, mq_channels, ... variable)")
    elif result.get("failed") or result.get("unreachable"):
        record.update(status="unreachable" if _unreachable(result) else "failed", message=str(result.get("msg") or "failed"))
    else:
        record["drifts"], record["failing"] = drifts(result)
        record["status"] = "drift" if record["drifts"] else "in_sync"
    return record


def drifts(result):
    """(drifts, failing) from mq_objects' changes and diff (check and diff mode): one entry per object that differs from its
    declaration, and the names of the objects that run as declared but fail (a sender RETRYING because its partner does not
    answer: mq_objects would restart it, yet its declaration holds)."""
    before, after = (result.get("diff") or {}).get("before") or {}, (result.get("diff") or {}).get("after") or {}
    found, failing = [], []
    for change in result.get("changes") or []:
        otype = REGISTRY[change["type"]]
        label = otype.label(change["name"], otype.namespace((change.get("subtype") or "").upper()))
        identity = change.get("identity") or {}
        if identity:
            # A record the name alone does not name (CHLAUTH, AUTHREC): the diff keys it as ObjectType.label does, by its
            # identity options too ("APP.SVRCONN type=addressmap, address=10.1.*").
            keys = ", ".join("{0}={1}".format(option, value) for option, value in identity.items() if str(value or "").strip())
            label = " ".join(text for text in (label, keys) if text)
        if otype.singleton:  # the queue manager's own attributes: one mapping, not keyed by name
            old, new = before.get(otype.list_option) or {}, after.get(otype.list_option) or {}
        else:
            old = (before.get(otype.list_option) or {}).get(label, {})
            new = (after.get(otype.list_option) or {}).get(label, {})
        action, run = change["action"], change.get("run_action")
        entry = {"type": change["type"], "name": change["name"], "drift": _DRIFTS.get(action, action)}
        if change.get("subtype"):
            entry["subtype"] = change["subtype"]
        if identity:
            entry["identity"] = identity
        if run == "restarted" and not change.get("restarted_for"):
            failing.append(_what(entry))
        if action in ("updated", "recreated"):
            keys = change["changed_attributes"] if action == "updated" else sorted(k for k in new if k != "state" and new[k] != old.get(k))
            entry["attributes"] = {key: {"declared": new.get(key), "actual": old.get(key)} for key in keys}
        if run in ("started", "stopped") and action in ("updated", "unchanged"):
            # A restart follows from changed attributes (restarted_for), or from a failing channel, which is not drift.
            entry["state"] = {"declared": run, "actual": old.get("state")}
        if action == "unchanged" and "state" not in entry:
            continue  # raced into nothing to do (never in check mode)
        found.append(entry)
    return found, failing


def _what(entry):
    return "{0} {1}{2}".format(entry["type"], entry["name"], " ({0})".format(entry["subtype"]) if entry.get("subtype") else "")


def _now():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()


def _summary(hosts):
    summary = {status: sum(1 for record in hosts.values() if record["status"] == status) for status in STATUSES}
    summary.update(hosts=len(hosts), drifted_objects=sum(len(record["drifts"]) for record in hosts.values()))
    return summary


def build(records, generated=None, notes=()):
    """The report of {host: record} (host_record)."""
    hosts = {host: records[host] for host in sorted(records)}
    return {"report": "mqrest.admin drift report", "version": 1, "generated": generated or _now(), "summary": _summary(hosts),
            "drift": any(record["status"] == "drift" for record in hosts.values()), "notes": list(notes), "hosts": hosts}


def merge(reports):
    """One report of the reports of the slices of a job (each host in one of them). A host in two reports is taken from the
    one generated last, and a note says so."""
    chosen, notes = {}, []
    for report in sorted(reports, key=lambda r: r.get("generated") or ""):
        if report.get("report") != "mqrest.admin drift report" or not isinstance(report.get("hosts"), dict):
            raise ValueError("not a drift report of mqrest.admin.drift_report: {0}".format(json.dumps(report)[:200]))
        for host, record in report["hosts"].items():
            if host in chosen:
                notes.append("{0} is in more than one report; the one generated at {1} is kept".format(host, report.get("generated")))
            chosen[host] = record
        notes.extend(report.get("notes") or [])
    return build(chosen, notes=notes)


def verdict(report, fail_on_drift=False, ignore_unreachable=False):
    """Why the play should fail (None: it should not): drift when asked to fail on it, and any queue manager whose check did
    not tell (unreachable, failed) unless unreachable ones are to be ignored; a failed check is never ignored."""
    summary = report["summary"]
    reasons = []
    if fail_on_drift and summary["drift"]:
        reasons.append("{0} queue manager(s) drifted ({1} objects)".format(summary["drift"], summary["drifted_objects"]))
    if summary["unreachable"] and not ignore_unreachable:
        reasons.append("{0} queue manager(s) could not be checked: {1} (drift_report_ignore_unreachable: true reports them "
                       "without failing)".format(summary["unreachable"], ", ".join(_hosts(report, "unreachable"))))
    if summary["failed"]:
        reasons.append("the check failed on {0}".format(", ".join(_hosts(report, "failed"))))
    return "; ".join(reasons) or None


def _hosts(report, status):
    return [host for host, record in report["hosts"].items() if record["status"] == status]


def headline(report):
    """One sentence: how many queue managers, and what of them."""
    summary = report["summary"]
    parts = ["{0} in sync".format(summary["in_sync"])]
    if summary["drift"]:
        parts.append("{0} with drift ({1} object{2})".format(summary["drift"], summary["drifted_objects"], "" if summary["drifted_objects"] == 1 else "s"))
    parts += ["{0} {1}".format(summary[s], s.replace("_", " ")) for s in ("unreachable", "failed", "not_declared") if summary[s]]
    text = "{0} queue manager{1}: {2}.".format(summary["hosts"], "" if summary["hosts"] == 1 else "s", ", ".join(parts))
    if not summary["drift"] and not summary["unreachable"] and not summary["failed"]:
        text += " No drift: every queue manager checked holds what it declares."
    return text


def _cell(value):
    return "" if value is None else json.dumps(value) if not isinstance(value, str) else value


def _rows(record):
    """(object, drift, attribute, declared, actual) per line of a host's table."""
    for entry in record["drifts"]:
        what = _what(entry)
        lines = [(key, values["declared"], values["actual"]) for key, values in (entry.get("attributes") or {}).items()]
        if entry.get("state"):
            lines.append(("state", entry["state"]["declared"], entry["state"]["actual"]))
        for key, declared, actual in lines or [("", None, None)]:
            yield what, entry["drift"], key, _cell(declared), _cell(actual)


def _failing(record):
    """The sentence about objects that run as declared but fail, or None."""
    if not record.get("failing"):
        return None
    return "Started as declared, but failing (MQ retries them; is a partner down?), not a drift: {0}.".format(", ".join(record["failing"]))


def _shown(record):
    """Does a host get a section of its own in the report a person reads?"""
    return record["status"] not in ("in_sync", "not_declared") or bool(record.get("failing"))


def _title(host, record):
    return "{0} ({1})".format(host, record["qmgr"]) if record.get("qmgr") else host


def render_markdown(report):
    def cell(text):
        return str(text).replace("|", "\\|").replace("\n", " ")

    lines = ["# Drift report", "", "Generated {0} by mqrest.admin.drift_report. {1}".format(report["generated"], headline(report)), "",
             "| Host | Queue manager | Status | Drifted objects |", "| --- | --- | --- | --- |"]
    lines += ["| {0} | {1} | {2} | {3} |".format(cell(host), cell(record.get("qmgr") or ""), record["status"].replace("_", " "), len(record["drifts"]))
              for host, record in report["hosts"].items()]
    for host, record in report["hosts"].items():
        if not _shown(record):
            continue
        lines += ["", "## {0}: {1}".format(cell(_title(host, record)), record["status"].replace("_", " ")), ""]
        for text in (record["message"], _failing(record)):
            if text:
                lines += [cell(text), ""]
        if record["drifts"]:
            lines += ["| Object | Drift | Attribute | Declared | Actual |", "| --- | --- | --- | --- | --- |"]
            lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in _rows(record)]
    lines += ["", "## Notes", ""] + ["- " + cell(note) for note in report["notes"]] if report["notes"] else []
    return "\n".join(lines) + "\n"


def render_html(report):
    def esc(text):
        return html.escape(str(text))

    out = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\"><title>Drift report</title>",
           "<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}"
           ".drift,.unreachable,.failed{color:#a00}</style></head><body>", "<h1>Drift report</h1>",
           "<p>Generated {0} by mqrest.admin.drift_report. {1}</p>".format(esc(report["generated"]), esc(headline(report))),
           "<table><tr><th>Host</th><th>Queue manager</th><th>Status</th><th>Drifted objects</th></tr>"]
    out += ["<tr><td>{0}</td><td>{1}</td><td class=\"{2}\">{3}</td><td>{4}</td></tr>".format(
        esc(host), esc(record.get("qmgr") or ""), record["status"], esc(record["status"].replace("_", " ")), len(record["drifts"]))
        for host, record in report["hosts"].items()]
    out.append("</table>")
    for host, record in report["hosts"].items():
        if not _shown(record):
            continue
        out.append("<h2>{0}: {1}</h2>".format(esc(_title(host, record)), esc(record["status"].replace("_", " "))))
        out += ["<p>{0}</p>".format(esc(text)) for text in (record["message"], _failing(record)) if text]
        if record["drifts"]:
            out.append("<table><tr><th>Object</th><th>Drift</th><th>Attribute</th><th>Declared</th><th>Actual</th></tr>")
            out += ["<tr>" + "".join("<td>{0}</td>".format(esc(c)) for c in row) + "</tr>" for row in _rows(record)]
            out.append("</table>")
    if report["notes"]:
        out += ["<h2>Notes</h2>", "<ul>"] + ["<li>{0}</li>".format(esc(note)) for note in report["notes"]] + ["</ul>"]
    return "\n".join(out + ["</body></html>"]) + "\n"


def render_junit(report, ignore_unreachable=False):
    """JUnit XML: one test case per queue manager; drift is a failure, a check that could not tell is an error (skipped
    when unreachable ones are ignored), a host that declares nothing is skipped."""
    suite = ET.Element("testsuite", name="mqrest.admin drift report", timestamp=report["generated"], tests=str(len(report["hosts"])))
    counts = dict.fromkeys(("failures", "errors", "skipped"), 0)
    for host, record in report["hosts"].items():
        case = ET.SubElement(suite, "testcase", classname="drift." + host, name=_title(host, record))
        status = record["status"]
        if status == "drift":
            counts["failures"] += 1
            text = "\n".join("{0}: {1}{2}".format(what, drift, " {0}: declared {1}, actual {2}".format(key, declared, actual) if key else "")
                             for what, drift, key, declared, actual in _rows(record))
            failure = ET.SubElement(case, "failure", type="drift", message="{0} object(s) drifted".format(len(record["drifts"])))
            failure.text = text
        elif status == "failed" or (status == "unreachable" and not ignore_unreachable):
            counts["errors"] += 1
            ET.SubElement(case, "error", type=status, message="{0}: {1}".format(status, record["message"]))
        elif status in ("unreachable", "not_declared"):
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", message="{0}: {1}".format(status.replace("_", " "), record["message"]))
        if _failing(record):
            ET.SubElement(case, "system-out").text = _failing(record)
    for key, value in counts.items():
        suite.set(key, str(value))
    root = ET.Element("testsuites", name="mqrest.admin drift report", tests=suite.get("tests"), failures=str(counts["failures"]),
                      errors=str(counts["errors"]), skipped=str(counts["skipped"]))
    root.append(suite)
    ET.indent(root)
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ET.tostring(root, encoding="unicode") + "\n"


def render(report, fmt="markdown", ignore_unreachable=False):
    """{file name: text} of the report's three files: drift.json, drift.md or drift.html, drift.xml."""
    if fmt not in FORMATS:
        raise ValueError("format={0!r} must be one of {1}".format(fmt, ", ".join(FORMATS)))
    return {"drift.json": json.dumps(report, indent=2, sort_keys=False) + "\n",
            FORMATS[fmt]: render_markdown(report) if fmt == "markdown" else render_html(report),
            "drift.xml": render_junit(report, ignore_unreachable)}
