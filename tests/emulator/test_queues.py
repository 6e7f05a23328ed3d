# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Queues: depth and open handles (control API), DISPLAY QSTATUS, DELETE/CLEAR QLOCAL rules, and the queue definitions."""

import pytest

from conftest import Client


def put(client, queue, count, qmgr="QM1"):
    return client.ctl("POST", f"qmgr/{qmgr}/queue/{queue}/messages", {"count": count})


def depth(client, queue):
    return client.ok("DISPLAY", "QLOCAL", queue, resp=["curdepth"])[0]["curdepth"]


# ----- depth -------------------------------------------------------------------------------------------------------
def test_put_messages_raises_curdepth_in_display_qlocal(client):
    assert put(client, "DEV.QUEUE.1", 3) == (200, {"queue": "DEV.QUEUE.1", "target": "DEV.QUEUE.1", "curdepth": 3})
    assert put(client, "DEV.QUEUE.1", 2)[1]["curdepth"] == 5
    assert depth(client, "DEV.QUEUE.1") == 5
    row = client.ok("DISPLAY", "QLOCAL", "DEV.QUEUE.1", resp=["all"])[0]
    assert (row["curdepth"], row["ipprocs"], row["opprocs"]) == (5, 0, 0)
    assert depth(client, "DEV.QUEUE.2") == 0


def test_put_messages_in_process_api(srv, client):
    assert srv.model.queue_control("QM1", "DEV.QUEUE.1", "put", count=4)["curdepth"] == 4
    assert srv.model.qmgrs["QM1"].put_messages("DEV.QUEUE.1", 1) == ("DEV.QUEUE.1", 5)
    assert depth(client, "DEV.QUEUE.1") == 5


def test_put_through_alias_lands_on_its_target(client):
    client.ok("DEFINE", "QALIAS", "ALIAS.1", params={"target": "DEV.QUEUE.2"})
    assert put(client, "ALIAS.1", 2)[1]["target"] == "DEV.QUEUE.2"
    assert depth(client, "DEV.QUEUE.2") == 2


def test_put_through_remote_definition_lands_on_its_transmission_queue(client):
    client.ok("DEFINE", "QLOCAL", "QM2", params={"usage": "XMITQ"})
    client.ok("DEFINE", "QREMOTE", "TO.QM2", params={"rname": "APP.IN", "rqmname": "QM2"})  # XMITQ blank: the queue named QM2
    client.ok("DEFINE", "QREMOTE", "TO.QM2.X", params={"rname": "APP.IN", "rqmname": "QM2", "xmitq": "QM2"})
    assert put(client, "TO.QM2", 1)[1]["target"] == "QM2"
    assert put(client, "TO.QM2.X", 2)[1]["target"] == "QM2"
    assert depth(client, "QM2") == 3


@pytest.mark.parametrize("setup, queue, reason", [
    ([], "NOPE", 2085),
    ([("QLOCAL", "FULL.Q", {"maxdepth": 2})], "FULL.Q", 2053),
    ([("QLOCAL", "NOPUT.Q", {"put": "disabled"})], "NOPUT.Q", 2051),
    ([("QALIAS", "DANGLING", {"target": "MISSING"})], "DANGLING", 2082),
    ([("QREMOTE", "NO.XMITQ", {"rname": "A", "rqmname": "QMX", "xmitq": "MISSING.XQ"})], "NO.XMITQ", 2196),
    ([("QREMOTE", "NOT.XMITQ", {"rname": "A", "rqmname": "QMX", "xmitq": "DEV.QUEUE.1"})], "NOT.XMITQ", 2091),
    ([("QREMOTE", "NO.ROUTE", {"rname": "A", "rqmname": "QMX"})], "NO.ROUTE", 2087),
    ([], "DEV.APP.MODEL.QUEUE", 2057),
])
def test_put_refusals_name_the_mqi_reason(client, setup, queue, reason):
    for qtype, name, params in setup:
        client.ok("DEFINE", qtype, name, params=params)
    status, body = put(client, queue, 3)
    assert status == (404 if reason == 2085 else 409) and f"reason {reason}" in body["error"], body


def test_a_put_that_would_overflow_maxdepth_changes_nothing(client):
    client.ok("DEFINE", "QLOCAL", "SMALL.Q", params={"maxdepth": 3})
    put(client, "SMALL.Q", 2)
    assert put(client, "SMALL.Q", 2)[0] == 409
    assert depth(client, "SMALL.Q") == 2


def test_get_messages_lowers_curdepth(client):
    put(client, "DEV.QUEUE.1", 5)
    assert client.ctl("POST", "qmgr/QM1/queue/DEV.QUEUE.1/get", {"count": 2})[1] == \
        {"queue": "DEV.QUEUE.1", "target": "DEV.QUEUE.1", "got": 2, "curdepth": 3}
    assert client.ctl("POST", "qmgr/QM1/queue/DEV.QUEUE.1/get", {})[1]["got"] == 3
    assert depth(client, "DEV.QUEUE.1") == 0


@pytest.mark.parametrize("body", [{}, {"count": -1}, {"count": "2"}, {"count": True}])
def test_put_count_is_validated(client, body):
    assert client.ctl("POST", "qmgr/QM1/queue/DEV.QUEUE.1/messages", body)[0] == 400


# ----- DISPLAY QSTATUS ---------------------------------------------------------------------------------------------
def test_display_qstatus_specific_name_shows_every_queue_status_field(client):
    put(client, "DEV.QUEUE.1", 2)
    client.ctl("POST", "qmgr/QM1/queue/DEV.QUEUE.1/open", {"ipprocs": 1, "opprocs": 3})
    row = client.ok("DISPLAY", "QSTATUS", "DEV.QUEUE.1")[0]
    assert list(row) == ["queue", "type", "curdepth", "curfsize", "curmaxfs", "ipprocs", "lgetdate", "lgettime", "lputdate",
                         "lputtime", "medialog", "monq", "msgage", "opprocs", "qtime", "uncom"]
    assert (row["type"], row["curdepth"], row["ipprocs"], row["opprocs"], row["uncom"]) == ("QUEUE", 2, 1, 3, "NO")
    # Queue monitoring is off (MONQ(QMGR) and the queue manager's MONQ(OFF)): the monitoring fields are blank.
    assert (row["monq"], row["lputdate"], row["msgage"]) == ("OFF", "", "")
    assert client.ok("DISPLAY", "QSTATUS", "DEV.QUEUE.1", params={"type": "queue"})[0] == row


def test_display_qstatus_generic_name_shows_queue_type_curdepth(client):
    put(client, "DEV.QUEUE.3", 7)
    rows = client.ok("DISPLAY", "QSTATUS", "DEV.QUEUE.*")
    assert rows == [{"queue": f"DEV.QUEUE.{i}", "type": "QUEUE", "curdepth": 7 if i == 3 else 0} for i in (1, 2, 3)]
    assert client.ok("DISPLAY", "QSTATUS", "DEV.*", params={"where": "curdepth gt 0"}) == [rows[2]]
    assert client.ok("DISPLAY", "QSTATUS", "DEV.QUEUE.*", resp=["ipprocs"])[0] == {"queue": "DEV.QUEUE.1", "type": "QUEUE",
                                                                                    "ipprocs": 0}


def test_display_qstatus_monitoring_fields_with_monq(client):
    client.ok("DEFINE", "QLOCAL", "MON.Q", params={"monq": "medium"})
    put(client, "MON.Q", 1)
    row = client.ok("DISPLAY", "QSTATUS", "MON.Q")[0]
    assert row["monq"] == "MEDIUM" and row["lputdate"] and row["lputtime"].count(".") == 2 and row["msgage"] >= 0
    assert row["lgetdate"] == ""


def test_display_qstatus_handles(client):
    client.ctl("POST", "qmgr/QM1/queue/DEV.QUEUE.1/open", {"ipprocs": 1, "opprocs": 2})
    rows = client.ok("DISPLAY", "QSTATUS", "DEV.QUEUE.1", params={"type": "handle"})
    assert [(r["type"], r["input"], r["output"]) for r in rows] == [("HANDLE", "SHARED", "NO"), ("HANDLE", "NO", "YES"),
                                                                     ("HANDLE", "NO", "YES")]
    rows = client.ok("DISPLAY", "QSTATUS", "DEV.QUEUE.1", params={"type": "handle", "opentype": "input"})
    assert len(rows) == 1


def test_display_qstatus_text_and_errors(client):
    status, body = client.text("DIS QS(DEV.QUEUE.1)")
    assert status == 200 and body["commandResponse"][0]["text"][0] == "AMQ8450I: Display queue status details."
    client.fails(2085, "DISPLAY", "QSTATUS", "NOPE")
    client.fails(2085, "DISPLAY", "QSTATUS", "DEV.APP.MODEL.QUEUE")  # status exists for local queues only
    client.fails(4005, "DISPLAY", "QSTATUS", "DEV.QUEUE.1", params={"type": "bogus"})
    client.fails(3014, "DISPLAY", "QSTATUS", "DEV.QUEUE.1", params={"maxdepth": 1})


# ----- DELETE and CLEAR ------------------------------------------------------------------------------------------------
def test_delete_qlocal_with_messages_needs_purge(client):
    put(client, "DEV.QUEUE.1", 1)
    assert client.fails(2055, "DELETE", "QLOCAL", "DEV.QUEUE.1") == ["AMQ8143E: IBM MQ queue not empty."]
    client.fails(2055, "DELETE", "QLOCAL", "DEV.QUEUE.1", params={"nopurge": "yes"})
    client.ok("DELETE", "QLOCAL", "DEV.QUEUE.1", params={"purge": "yes"})
    client.fails(2085, "DISPLAY", "QLOCAL", "DEV.QUEUE.1")
    client.ok("DEFINE", "QLOCAL", "DEV.QUEUE.1")  # a new queue of the same name starts empty
    assert depth(client, "DEV.QUEUE.1") == 0


def test_delete_open_qlocal_is_refused_even_with_purge(client):
    client.ctl("POST", "qmgr/QM1/queue/DEV.QUEUE.1/open", {"opprocs": 1})
    assert client.fails(2042, "DELETE", "QLOCAL", "DEV.QUEUE.1", params={"purge": "yes"}) == ["AMQ8148E: IBM MQ object in use."]
    client.ctl("POST", "qmgr/QM1/queue/DEV.QUEUE.1/open", {"opprocs": 0})
    client.ok("DELETE", "QLOCAL", "DEV.QUEUE.1")


def test_clear_qlocal(client):
    put(client, "DEV.QUEUE.1", 4)
    assert client.ok("CLEAR", "QLOCAL", "DEV.QUEUE.1") == [["AMQ8022I: IBM MQ queue cleared."]]
    assert depth(client, "DEV.QUEUE.1") == 0
    client.ok("CLEAR", "QLOCAL", "DEV.QUEUE.1")  # clearing an empty queue succeeds
    client.ctl("POST", "qmgr/QM1/queue/DEV.QUEUE.1/open", {"ipprocs": 1})
    put(client, "DEV.QUEUE.1", 1)
    client.fails(2042, "CLEAR", "QLOCAL", "DEV.QUEUE.1")
    assert depth(client, "DEV.QUEUE.1") == 1
    client.fails(2085, "CLEAR", "QLOCAL", "DEV.APP.MODEL.QUEUE")
    client.fails(3008, "CLEAR", "QMODEL", "DEV.APP.MODEL.QUEUE")  # CLEAR takes QLOCAL only
    status, body = client.text("CLEAR QL(DEV.QUEUE.2)")
    assert body["commandResponse"][0]["text"] == ["AMQ8022I: IBM MQ queue cleared."]


def test_clear_is_mutating_for_roles_and_journal(srv, client):
    assert Client(srv, "reader").mqsc("CLEAR", "QLOCAL", "DEV.QUEUE.1")[0] == 403
    client.ok("CLEAR", "QLOCAL", "DEV.QUEUE.1")
    assert srv.model.journal()[-1]["mutating"] is True


def test_open_control_validates(client):
    assert client.ctl("POST", "qmgr/QM1/queue/DEV.APP.MODEL.QUEUE/open", {"ipprocs": 1})[0] == 404
    assert client.ctl("POST", "qmgr/QM1/queue/DEV.QUEUE.1/open", {"ipprocs": -1})[0] == 400
    assert client.ctl("POST", "qmgr/QM1/queue/DEV.QUEUE.1/open", {"ipprocs": 2})[1] == \
        {"queue": "DEV.QUEUE.1", "ipprocs": 2, "opprocs": 0}


def test_reset_empties_queues(srv, client):
    put(client, "DEV.QUEUE.1", 2)
    srv.model.reset()
    assert depth(client, "DEV.QUEUE.1") == 0
