# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The drift report's rules (plugins/plugin_utils/_drift.py) on what mq_objects really returns: run in check and diff mode
against the in-process emulator after out-of-band changes, against a stopped queue manager and an address nobody answers
on; then the report, its three files and the merge of slices."""

from __future__ import annotations

import json
import socket
import xml.etree.ElementTree as ET

from ansible_collections.mqrest.admin.plugins.plugin_utils._drift import build, declarations_to_check, host_record, merge, render, verdict

DECLARED = {
    "queues": [{"name": "APP.IN", "max_depth": 5000, "description": "Orders in"}, {"name": "APP.GONE"}],
    "listeners": [{"name": "APP.LISTENER", "port": 1515, "state": "started"}],
    "channels": [{"name": "APP.SVRCONN", "type": "svrconn", "max_instances": 50},
                 {"name": "APP.SVRCONN", "type": "clntconn", "conname": "mqhost(1515)"},
                 {"name": "APP.OLD", "type": "svrconn", "state": "absent"}],
}


def check(run_module, declared=None, **options):
    """mq_objects as the drift_report role runs it: check and diff mode, every permission a plan needs."""
    declared = declared or DECLARED
    lists = {option: declarations_to_check(entries, option) for option, entries in declared.items()}
    return run_module("mq_objects", _ansible_check_mode=True, _ansible_diff=True, **dict(lists, **options))


def test_in_sync(mq, run_module, mutations):
    run_module("mq_objects", **DECLARED)
    mq.model.clear_journal()
    # The read-only user is enough: a check sends nothing but DISPLAYs.
    result = check(run_module, purge={"prefix": "APP.", "force": True, "messages": True}, username="reader")
    assert host_record(result, "QM1") == {"qmgr": "QM1", "status": "in_sync", "message": None, "drifts": [], "failing": []}
    assert mutations() == []


def test_each_kind_of_drift(mq, run_module, operator, mutations):
    run_module("mq_objects", **DECLARED)
    # Out of band: an attribute altered, an object deleted, a running object stopped, a queue redefined as an alias (a fixed
    # attribute), one declared absent defined (and running), and an undeclared one under the purge prefix with messages.
    operator("ALTER QLOCAL(APP.IN) MAXDEPTH(100)")
    operator("DELETE QLOCAL(APP.GONE)")
    operator("STOP LISTENER(APP.LISTENER)")
    operator("DELETE CHANNEL(APP.SVRCONN) CHLTABLE(CLNTTBL)")
    operator("DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(CLNTCONN) CONNAME('elsewhere(1515)')")
    operator("DEFINE CHANNEL(APP.OLD) CHLTYPE(SVRCONN)")
    operator("DEFINE QLOCAL(APP.EXTRA)")
    mq.model.clear_journal()
    result = check(run_module, purge={"prefix": "APP.", "force": True, "messages": True})
    assert mutations() == []
    record = host_record(result, "QM1")
    assert record["status"] == "drift"
    assert sorted(record["drifts"], key=lambda d: (d["type"], d["name"], d.get("subtype", ""))) == [
        {"type": "channel", "name": "APP.OLD", "subtype": "svrconn", "drift": "declared absent"},
        {"type": "channel", "name": "APP.SVRCONN", "subtype": "clntconn", "drift": "differs",
         "attributes": {"conname": {"declared": "mqhost(1515)", "actual": "elsewhere(1515)"}}},
        {"type": "listener", "name": "APP.LISTENER", "drift": "differs", "state": {"declared": "started", "actual": "stopped"}},
        {"type": "queue", "name": "APP.EXTRA", "drift": "undeclared"},
        {"type": "queue", "name": "APP.GONE", "drift": "missing"},
        {"type": "queue", "name": "APP.IN", "drift": "differs", "attributes": {"max_depth": {"declared": 5000, "actual": 100}}},
    ]


def test_the_queue_managers_own_attributes_drift_as_one_mapping(mq, run_module, operator, mutations):
    declared = {"qmgr_attributes": {"description": "Drift test"}}
    assert declarations_to_check(declared["qmgr_attributes"], "qmgr_attributes") == declared["qmgr_attributes"]
    run_module("mq_objects", **declared)
    first = check(run_module, declared)
    assert host_record(first, "QM1")["status"] == "in_sync", first
    operator("ALTER QMGR DESCR('Changed by hand')")
    mq.model.clear_journal()
    record = host_record(check(run_module, declared), "QM1")
    assert mutations() == []
    assert record["status"] == "drift"
    assert [(d["type"], d["drift"], d["attributes"]) for d in record["drifts"]] == [
        ("qmgr", "differs", {"description": {"declared": "Drift test", "actual": "Changed by hand"}})]


def test_a_fixed_attribute_needs_recreate_and_is_reported_not_refused(mq, run_module, operator):
    run_module("mq_objects", queues=[{"name": "APP.IN", "max_depth": 5000}])
    operator("DELETE QLOCAL(APP.IN)")
    operator("DEFINE QALIAS(APP.IN) TARGET(APP.ELSEWHERE)")
    record = host_record(check(run_module, {"queues": [{"name": "APP.IN", "type": "local", "max_depth": 5000}]}), "QM1")
    assert record["drifts"] == [{"type": "queue", "name": "APP.IN", "drift": "needs recreate",
                                 "attributes": {"max_depth": {"declared": 5000, "actual": None},
                                                "type": {"declared": "local", "actual": "alias"}}}]


def test_a_retrying_sender_is_failing_not_drift(mq, run_module, operator):
    operator("DEFINE CHANNEL(APP.TO.NOWHERE) CHLTYPE(SDR) CONNAME('nowhere(1414)') XMITQ(XQ) SHORTRTY(999) SHORTTMR(999)")
    operator("START CHANNEL(APP.TO.NOWHERE)")
    declared = {"channels": [{"name": "APP.TO.NOWHERE", "type": "sdr", "conname": "nowhere(1414)", "xmitq": "XQ", "state": "started"}]}
    record = host_record(check(run_module, declared), "QM1")
    assert (record["status"], record["drifts"], record["failing"]) == ("in_sync", [], ["channel APP.TO.NOWHERE (sdr)"])


def test_a_stopped_queue_manager_is_unreachable(mq, run_module):
    mq.model.stop_qmgr("QM1")
    try:
        record = host_record(check(run_module), "QM1")
    finally:
        mq.model.start_qmgr("QM1")
    assert record["status"] == "unreachable"
    assert "HTTP 503" in record["message"] and record["drifts"] == []


def test_nobody_answering_is_unreachable(run_module):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again before the check: connection refused
    record = host_record(check(run_module, rest_url="http://127.0.0.1:{0}/ibmmq/rest/v2".format(port)))
    assert record["status"] == "unreachable" and "connection failed" in record["message"]


def test_a_check_that_fails_otherwise_is_failed(run_module):
    # mqweb answers, and refuses the credentials: not a queue manager that is down.
    record = host_record(check(run_module, password="wrong"), "QM1")
    assert record["status"] == "failed" and "HTTP 401" in record["message"]
    # Declarations the plan refuses (two listeners to run on one port).
    declared = {"listeners": [{"name": "APP.L1", "port": 1600, "state": "started"}, {"name": "APP.L2", "port": 1600, "state": "started"}]}
    record = host_record(check(run_module, declared), "QM1")
    assert record["status"] == "failed" and "would both listen on port 1600" in record["message"]


def test_no_check_and_no_declarations():
    assert host_record(None)["status"] == "unreachable"
    assert host_record({"skipped": True, "changed": False})["status"] == "not_declared"


def report_of(records):
    return build(records, generated="2026-12-06T12:00:00+00:00")


RECORDS = {
    "qm1": {"qmgr": "QM1", "status": "drift", "message": None, "failing": [], "drifts": [
        {"type": "queue", "name": "APP.IN", "drift": "differs", "attributes": {"max_depth": {"declared": 5000, "actual": 100}}},
        {"type": "topic", "name": "APP.PRICES", "drift": "missing"}]},
    "qm2": {"qmgr": "QM2", "status": "in_sync", "message": None, "drifts": [], "failing": ["channel QM2.TO.QM3 (sdr)"]},
    "qm3": {"qmgr": "QM3", "status": "unreachable", "message": "DISPLAY QUEUE(QM*): HTTP 503 MQWB0009E", "drifts": [], "failing": []},
}


def test_the_three_files():
    report = report_of(RECORDS)
    assert report["summary"] == {"hosts": 3, "in_sync": 1, "drift": 1, "unreachable": 1, "failed": 0, "not_declared": 0, "drifted_objects": 2}
    files = render(report, "markdown")
    assert sorted(files) == ["drift.json", "drift.md", "drift.xml"]
    assert json.loads(files["drift.json"]) == report
    markdown = files["drift.md"]
    assert "3 queue managers: 1 in sync, 1 with drift (2 objects), 1 unreachable." in markdown
    assert "| qm1 | QM1 | drift | 2 |" in markdown and "| qm3 | QM3 | unreachable | 0 |" in markdown
    assert "| queue APP.IN | differs | max_depth | 5000 | 100 |" in markdown
    assert "| topic APP.PRICES | missing |  |  |  |" in markdown
    assert "not a drift: channel QM2.TO.QM3 (sdr)." in markdown
    assert "DISPLAY QUEUE(QM*): HTTP 503 MQWB0009E" in markdown
    suite = ET.fromstring(files["drift.xml"])
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("skipped")) == ("3", "1", "1", "0")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert sorted(cases) == ["qm1 (QM1)", "qm2 (QM2)", "qm3 (QM3)"]
    assert cases["qm1 (QM1)"].find("failure").text == "queue APP.IN: differs max_depth: declared 5000, actual 100\ntopic APP.PRICES: missing"
    assert cases["qm2 (QM2)"].find("failure") is None and "QM2.TO.QM3" in cases["qm2 (QM2)"].find("system-out").text
    assert cases["qm3 (QM3)"].find("error").get("type") == "unreachable"
    ignored = ET.fromstring(render(report, "html", ignore_unreachable=True)["drift.xml"])
    assert (ignored.get("errors"), ignored.get("skipped")) == ("0", "1")


def test_html_escapes_what_it_shows():
    drift = {"type": "queue", "name": "A&B", "drift": "differs", "attributes": {"description": {"declared": "<b>", "actual": "x"}}}
    records = {"qm<1>": dict(RECORDS["qm1"], drifts=[drift])}
    page = render(report_of(records), "html")["drift.html"]
    assert "<td>queue A&amp;B</td>" in page and "<td>&lt;b&gt;</td>" in page and "qm&lt;1&gt;" in page and "<b>" not in page


def test_no_drift_says_so():
    report = report_of({"qm2": dict(RECORDS["qm2"], failing=[])})
    assert report["drift"] is False and verdict(report, fail_on_drift=True) is None
    assert "No drift: every queue manager checked holds what it declares." in render(report)["drift.md"]


def test_verdict():
    report = report_of(RECORDS)
    assert verdict(report) == ("1 queue manager(s) could not be checked: qm3 (drift_report_ignore_unreachable: true reports them "
                               "without failing)")
    assert verdict(report, ignore_unreachable=True) is None
    assert verdict(report, fail_on_drift=True, ignore_unreachable=True) == "1 queue manager(s) drifted (2 objects)"
    failed = report_of({"qm4": {"qmgr": "QM4", "status": "failed", "message": "HTTP 403", "drifts": [], "failing": []}})
    assert verdict(failed, ignore_unreachable=True) == "the check failed on qm4"


def test_merge_of_slices():
    first = build({"qm1": RECORDS["qm1"], "qm2": RECORDS["qm2"]}, generated="2026-12-06T12:00:00+00:00")
    second = build({"qm3": RECORDS["qm3"]}, generated="2026-12-06T12:00:05+00:00")
    merged = merge([second, first])
    assert list(merged["hosts"]) == ["qm1", "qm2", "qm3"]
    assert merged["summary"] == report_of(RECORDS)["summary"] and merged["notes"] == []
    again = build({"qm3": dict(RECORDS["qm3"], status="in_sync", message=None)}, generated="2026-12-06T12:10:00+00:00")
    remerged = merge([first, second, again])
    assert remerged["hosts"]["qm3"]["status"] == "in_sync"
    assert remerged["notes"] == ["qm3 is in more than one report; the one generated at 2026-12-06T12:10:00+00:00 is kept"]


def test_merge_refuses_what_is_not_a_report():
    try:
        merge([{"hosts": {}}])
    except ValueError as exc:
        assert "not a drift report" in str(exc)
    else:
        raise AssertionError("merged something that is not a report")


def test_declarations_to_check_adds_the_permissions_each_type_has_and_refuses_an_unknown_list():
    queues = declarations_to_check([{"name": "APP.IN"}], "queues")
    assert queues == [{"name": "APP.IN", "recreate": True, "purge": True}]
    # A topic does not run (nothing to force) and holds no messages (nothing to purge).
    assert declarations_to_check([{"name": "APP.T"}], "topics") == [{"name": "APP.T", "recreate": True}]
    assert declarations_to_check([{"name": "APP.L"}], "listeners") == [{"name": "APP.L", "recreate": True, "force": True}]
    assert declarations_to_check(None, "queues") is None
    try:
        declarations_to_check([{"name": "APP.IN"}], "queue")
    except ValueError as exc:
        assert "'queue' is not a list option of mq_objects; it must be one of qmgr_attributes, namelists" in str(exc)
    else:
        raise AssertionError("took a list option mq_objects does not have")
