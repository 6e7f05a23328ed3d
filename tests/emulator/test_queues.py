# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Queues: depth and open handles (control API), DISPLAY QSTATUS, DELETE/CLEAR QLOCAL rules, and the queue definitions."""

import pytest

from conftest import Client, partner


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
    first = {"queue": "DEV.QUEUE.1", "type": "QUEUE", "ipprocs": 0}
    assert client.ok("DISPLAY", "QSTATUS", "DEV.QUEUE.*", resp=["ipprocs"])[0] == first


def test_display_qstatus_monitoring_fields_with_monq(client):
    client.ok("DEFINE", "QLOCAL", "MON.Q", params={"monq": "medium"})
    put(client, "MON.Q", 1)
    row = client.ok("DISPLAY", "QSTATUS", "MON.Q")[0]
    assert row["monq"] == "MEDIUM" and row["lputdate"] and row["lputtime"].count(".") == 2 and row["msgage"] >= 0
    assert row["lgetdate"] == ""


def test_display_qstatus_handles(client):
    client.ctl("POST", "qmgr/QM1/queue/DEV.QUEUE.1/open", {"ipprocs": 1, "opprocs": 2})
    rows = client.ok("DISPLAY", "QSTATUS", "DEV.QUEUE.1", params={"type": "handle"})
    handles = [(r["type"], r["input"], r["output"]) for r in rows]
    assert handles == [("HANDLE", "SHARED", "NO"), ("HANDLE", "NO", "YES"), ("HANDLE", "NO", "YES")]
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


# ----- definitions -----------------------------------------------------------------------------------------------------
def test_system_default_queues_exist_with_the_documented_defaults(client):
    local = client.ok("DISPLAY", "QLOCAL", "SYSTEM.DEFAULT.LOCAL.QUEUE", resp=["all"])[0]
    assert {k: local[k] for k in ("maxdepth", "maxmsgl", "defpsist", "defsopt", "trigger", "share", "hardenbo", "msgdlvsq",
                                  "qdepthhi", "qdepthlo", "qdpmaxev", "usage", "deftype", "maxfsize", "capexpry", "scope")} == {
        "maxdepth": 5000, "maxmsgl": 4194304, "defpsist": "NO", "defsopt": "SHARED", "trigger": "NO", "share": "YES",
        "hardenbo": "NO", "msgdlvsq": "PRIORITY", "qdepthhi": 80, "qdepthlo": 20, "qdpmaxev": "ENABLED", "usage": "NORMAL",
        "deftype": "PREDEFINED", "maxfsize": "DEFAULT", "capexpry": "NOLIMIT", "scope": "QMGR"}
    model = client.ok("DISPLAY", "QMODEL", "SYSTEM.DEFAULT.MODEL.QUEUE", resp=["all"])[0]
    assert model["deftype"] == "TEMPDYN" and "curdepth" not in model and "cluster" not in model
    alias = client.ok("DISPLAY", "QALIAS", "SYSTEM.DEFAULT.ALIAS.QUEUE", resp=["all"])[0]
    assert (alias["targtype"], alias["target"], "maxdepth" in alias) == ("QUEUE", "", False)
    remote = client.ok("DISPLAY", "QREMOTE", "SYSTEM.DEFAULT.REMOTE.QUEUE", resp=["all"])[0]
    assert (remote["rname"], remote["rqmname"], remote["xmitq"], "get" in remote) == ("", "", "", False)


def test_define_takes_defaults_from_the_altered_system_default_queue(client):
    client.ok("ALTER", "QLOCAL", "SYSTEM.DEFAULT.LOCAL.QUEUE", params={"maxdepth": 123})
    client.ok("DEFINE", "QLOCAL", "NEW.Q")
    assert client.ok("DISPLAY", "QLOCAL", "NEW.Q", resp=["maxdepth"])[0]["maxdepth"] == 123


def test_like_copies_a_queue_of_the_same_type(client):
    client.ok("DEFINE", "QLOCAL", "BASE.Q", params={"maxdepth": 7, "descr": "base"})
    client.ok("DEFINE", "QLOCAL", "COPY.Q", params={"like": "BASE.Q", "descr": "copy"})
    row = client.ok("DISPLAY", "QLOCAL", "COPY.Q", resp=["maxdepth", "descr"])[0]
    assert (row["maxdepth"], row["descr"]) == (7, "copy")
    client.fails(4003, "DEFINE", "QALIAS", "COPY.A", params={"like": "BASE.Q"})
    client.fails(2085, "DEFINE", "QLOCAL", "COPY.2", params={"like": "NO.SUCH.Q"})


@pytest.mark.parametrize("replace", [None, {"replace": "yes"}])
def test_one_queue_namespace_across_types(client, replace):
    client.ok("DEFINE", "QALIAS", "SHARED.NAME", params={"target": "DEV.QUEUE.1"})
    assert client.fails(4002, "DEFINE", "QLOCAL", "SHARED.NAME", params=replace) == \
        ["AMQ8151E: IBM MQ object has different type."]
    assert client.ok("DISPLAY", "QUEUE", "SHARED.NAME")[0]["type"] == "QALIAS"


def test_replace_and_noreplace(client):
    client.ok("DEFINE", "QLOCAL", "R.Q", params={"maxdepth": 10})
    client.fails(4001, "DEFINE", "QLOCAL", "R.Q", params={"noreplace": "yes"})
    client.ok("DEFINE", "QLOCAL", "R.Q", params={"replace": "yes", "descr": "again"})
    assert client.ok("DISPLAY", "QLOCAL", "R.Q", resp=["maxdepth", "descr"])[0]["descr"] == "again"


def test_keyword_pairs_trigger_share_hardenbo(client):
    client.ok("DEFINE", "QLOCAL", "TRIG.Q", params={"trigger": "yes", "noshare": "yes", "hardenbo": "yes"})
    row = client.ok("DISPLAY", "QLOCAL", "TRIG.Q", resp=["trigger", "share", "hardenbo"])[0]
    assert (row["trigger"], row["share"], row["hardenbo"]) == ("YES", "NO", "YES")
    client.text("ALTER QLOCAL(TRIG.Q) NOTRIGGER SHARE")
    status, body = client.text("DISPLAY QLOCAL(TRIG.Q) TRIGGER SHARE HARDENBO")
    text = " ".join(body["commandResponse"][0]["text"])
    assert "NOTRIGGER" in text and "SHARE" in text and "NOSHARE" not in text and "HARDENBO" in text
    client.fails(4005, "ALTER", "QLOCAL", "TRIG.Q", params={"notrigger": "no"})


@pytest.mark.parametrize("params, reason", [
    ({"defprty": 10}, 4005), ({"qdepthhi": 101}, 4005), ({"trigdpth": 0}, 4005), ({"maxfsize": 5}, 4005),
    ({"maxfsize": "default"}, 0), ({"maxfsize": 100}, 0), ({"capexpry": 50}, 0), ({"capexpry": "nolimit"}, 0),
    ({"propctl": "force"}, 0), ({"propctl": "bogus"}, 4005), ({"msgdlvsq": "fifo"}, 0), ({"deftype": "permdyn"}, 3014),
    ({"rname": "X"}, 3014), ({"nosuch": 1}, 3014),
])
def test_qlocal_attribute_values_and_names(client, params, reason):
    if reason:
        client.fails(reason, "DEFINE", "QLOCAL", "VAL.Q", params=params)
    else:
        client.ok("DEFINE", "QLOCAL", "VAL.Q", params=params)


@pytest.mark.parametrize("qtype, params", [
    ("QREMOTE", {"maxdepth": 5}), ("QALIAS", {"usage": "xmitq"}), ("QMODEL", {"cluster": "C1"}), ("QMODEL", {"target": "X"}),
])
def test_attribute_of_another_queue_type_is_not_valid(client, qtype, params):
    client.fails(3014, "DEFINE", qtype, "OTHER.TYPE", params=params)


def test_propctl_force_is_a_queue_value_only(client):
    client.ok("DEFINE", "QALIAS", "PC.A", params={"propctl": "v6compat", "target": "DEV.QUEUE.1"})
    client.fails(4005, "DEFINE", "CHANNEL", "PC.SDR", params={"chltype": "SDR", "conname": "h(1)", "xmitq": "X", "propctl": "force"})


def test_delete_and_clear_take_only_their_keywords(client):
    client.ok("DEFINE", "QALIAS", "DEL.A", params={"target": "DEV.QUEUE.1"})
    client.fails(3014, "DELETE", "QALIAS", "DEL.A", params={"purge": "yes"})  # PURGE is a DELETE QLOCAL keyword
    client.fails(3014, "DELETE", "QALIAS", "DEL.A", params={"maxdepth": 1})
    client.ok("DELETE", "QALIAS", "DEL.A", params={"authrec": "no"})
    client.fails(4005, "DELETE", "QLOCAL", "DEV.QUEUE.1", params={"authrec": "maybe"})
    client.fails(3014, "CLEAR", "QLOCAL", "DEV.QUEUE.1", params={"purge": "yes"})
    client.fails(3014, "ALTER", "QALIAS", "SYSTEM.DEFAULT.ALIAS.QUEUE", params={"maxdepth": 1})


def test_model_deftype(client):
    client.ok("DEFINE", "QMODEL", "PERM.MODEL", params={"deftype": "permdyn"})
    assert client.ok("DISPLAY", "QMODEL", "PERM.MODEL", resp=["deftype"])[0]["deftype"] == "PERMDYN"
    client.fails(4005, "DEFINE", "QMODEL", "BAD.MODEL", params={"deftype": "predefined"})


# ----- DISPLAY QUEUE filters -----------------------------------------------------------------------------------------------
def test_display_queue_type_and_attribute_filters(client):
    client.ok("DEFINE", "QALIAS", "F.ALIAS", params={"target": "T", "cluster": "CL1"})
    client.ok("DEFINE", "QALIAS", "F.TOPIC", params={"target": "T", "targtype": "topic"})
    client.ok("DEFINE", "QLOCAL", "F.LOCAL", params={"cluster": "CL1"})

    def names(**params):
        return [r["queue"] for r in client.ok("DISPLAY", "QUEUE", "F.*", params=params or None)]

    assert names() == ["F.ALIAS", "F.LOCAL", "F.TOPIC"]
    assert names(type="qalias") == ["F.ALIAS", "F.TOPIC"]
    assert names(type="all") == ["F.ALIAS", "F.LOCAL", "F.TOPIC"]
    assert names(targtype="topic") == ["F.TOPIC"]
    assert names(cluster="CL*") == ["F.ALIAS", "F.LOCAL"]
    assert names(type="qlocal", cluster="CL1") == ["F.LOCAL"]
    assert [r["queue"] for r in client.ok("DISPLAY", "QALIAS", "F.*")] == ["F.ALIAS", "F.TOPIC"]
    client.fails(4005, "DISPLAY", "QUEUE", "F.*", params={"type": "qbogus"})
    client.fails(3014, "DISPLAY", "QUEUE", "F.*", params={"where": "nosuch eq 1"})
    client.fails(3014, "DISPLAY", "QUEUE", "F.*", resp=["nosuch"])
    client.fails(2085, "DISPLAY", "QUEUE", "F.*", params={"type": "qmodel"})


def test_display_qlocal_where_curdepth(client):
    put(client, "DEV.QUEUE.2", 3)
    rows = client.ok("DISPLAY", "QLOCAL", "*", params={"where": "curdepth gt 0"})
    assert [r["queue"] for r in rows] == ["DEV.QUEUE.2"]


# ----- USAGE(XMITQ) ------------------------------------------------------------------------------------------------------
def test_usage_change_on_a_queue_in_use_is_3210_unless_forced(client):
    # IBM-RC3210 MQRCCF_OBJECT_OPEN_FORCE: "Object is in use, but could be changed specifying Force as MQFC_YES ... because
    # it is open through the API, or for certain parameter changes, because there are messages currently on the queue.
    # The requested changes can be made by specifying Force".
    client.ok("DEFINE", "QLOCAL", "XQ", params={"usage": "xmitq"})
    put(client, "XQ", 1)
    client.fails(3210, "ALTER", "QLOCAL", "XQ", params={"usage": "normal"})  # messages on it
    client.ok("ALTER", "QLOCAL", "XQ", params={"descr": "other attributes still change"})
    client.ok("ALTER", "QLOCAL", "XQ", params={"usage": "normal", "force": "yes"})  # FORCE overrides the messages
    assert client.ok("DISPLAY", "QLOCAL", "XQ", resp=["usage", "curdepth"])[0] == {"queue": "XQ", "type": "QLOCAL",
                                                                                   "usage": "NORMAL", "curdepth": 1}
    client.ok("CLEAR", "QLOCAL", "XQ")
    client.ctl("POST", "qmgr/QM1/queue/XQ/open", {"ipprocs": 1})
    client.fails(3210, "ALTER", "QLOCAL", "XQ", params={"usage": "xmitq"})  # open through the API
    client.ok("ALTER", "QLOCAL", "XQ", params={"usage": "xmitq", "force": "yes"})  # FORCE overrides the open handle
    client.ctl("POST", "qmgr/QM1/queue/XQ/open", {"ipprocs": 0})
    client.ok("ALTER", "QLOCAL", "XQ", params={"usage": "normal"})  # empty and closed: no FORCE needed
    assert client.ok("DISPLAY", "QLOCAL", "XQ", resp=["usage"])[0]["usage"] == "NORMAL"


@pytest.mark.parametrize("reason", [2042, 4004])
def test_delete_and_clear_of_an_open_queue_answer_the_configured_reason(srv, client, reason):
    # IBM-DEL-Q and IBM-CLEAR-QL: the command fails while the queue is open, and say no reason: 2042 MQRC_OBJECT_IN_USE
    # (the default, runmqsc's AMQ8148E "object in use") or 4004 MQRCCF_OBJECT_OPEN (IBM-RC4004), config open_queue_reason.
    srv.model.set_config(open_queue_reason=reason)
    client.ctl("POST", "qmgr/QM1/queue/DEV.QUEUE.1/open", {"opprocs": 1})
    client.fails(reason, "DELETE", "QLOCAL", "DEV.QUEUE.1", params={"purge": "yes"})
    client.fails(reason, "CLEAR", "QLOCAL", "DEV.QUEUE.1")


# ----- a sender's transmission queue while it is STOPPED (IBM-RESTART-STOPPED) -------------------------------------------
def _xq_flags(client, queue="XQ"):
    row = client.ok("DISPLAY", "QLOCAL", queue, resp=["get", "trigger"])[0]
    return row["get"], row["trigger"]


@pytest.mark.parametrize("how", ["stop", "stop-running", "retries", "qmgr-restart"])
def test_a_stopped_sender_disables_its_xmitq_until_it_is_started(srv, client, how):
    # IBM-RESTART-STOPPED (q015680_): "when the channel entered the STOPPED state, the associated transmission queue was set
    # to GET(DISABLED) and triggering was set off. When the start request is received, these attributes are reset
    # automatically."
    partner(client, "TO.QM2")
    client.ok("ALTER", "QLOCAL", "XQ", params={"trigger": "yes", "initq": "SYSTEM.CHANNEL.INITQ"})
    conname = "nowhere.invalid(1414)" if how == "retries" else "qm2host(1414)"
    client.ok("DEFINE", "CHANNEL", "TO.QM2", params={"chltype": "SDR", "conname": conname, "xmitq": "XQ", "shortrty": 1,
                                                     "longrty": 0})
    assert _xq_flags(client) == ("ENABLED", "YES")
    if how == "stop":
        client.ok("STOP", "CHANNEL", "TO.QM2")  # never ran: held STOPPED (IBM-IT27694)
    elif how == "stop-running":
        client.ok("START", "CHANNEL", "TO.QM2")
        client.ok("STOP", "CHANNEL", "TO.QM2")
    elif how == "retries":
        client.ok("START", "CHANNEL", "TO.QM2")  # its one attempt fails: STOPPED
    else:
        client.ok("STOP", "CHANNEL", "TO.QM2")
        srv.model.restart_qmgr("QM1")  # the STOPPED status and the queue's attributes survive a restart
    assert client.status_of("CHSTATUS", "TO.QM2") == ["STOPPED"]
    assert _xq_flags(client) == ("DISABLED", "NO")
    put(client, "XQ", 1)
    assert client.ctl("POST", "qmgr/QM1/queue/XQ/get", {"count": 1})[0] == 409  # 2016 MQRC_GET_INHIBITED
    client.ok("ALTER", "CHANNEL", "TO.QM2", params={"chltype": "SDR", "conname": "qm2host(1414)"})  # reachable from now on
    client.ok("START", "CHANNEL", "TO.QM2")
    assert client.status_of("CHSTATUS", "TO.QM2") == ["RUNNING"]
    assert _xq_flags(client) == ("ENABLED", "YES")


def test_a_running_or_inactive_sender_leaves_its_xmitq_alone(client):
    partner(client, "TO.QM2")
    client.ok("DEFINE", "CHANNEL", "TO.QM2", params={"chltype": "SDR", "conname": "qm2host(1414)", "xmitq": "XQ"})
    client.ok("START", "CHANNEL", "TO.QM2")
    assert _xq_flags(client) == ("ENABLED", "NO")
    client.ok("STOP", "CHANNEL", "TO.QM2", params={"status": "inactive"})
    assert _xq_flags(client) == ("ENABLED", "NO")
    client.ok("ALTER", "QLOCAL", "XQ", params={"get": "disabled"})  # an operator's GET(DISABLED) is not a channel's
    client.ok("START", "CHANNEL", "TO.QM2")
    assert _xq_flags(client) == ("DISABLED", "NO")


# ----- the messaging REST API (IBM-MSG-POST): one text message per POST -------------------------------------------------
def message_post(srv, user, queue, text="hello", qmgr="QM1"):
    import requests  # pylint: disable=import-outside-toplevel
    return requests.post(f"{srv.base_url}/messaging/qmgr/{qmgr}/queue/{queue}/message", data=text.encode(), auth=(user, "passw0rd"),
                         headers={"Content-Type": "text/plain;charset=utf-8", "ibm-mq-rest-csrf-token": ""}, timeout=5)


@pytest.fixture
def app_user(srv):
    srv.model.users["app"] = ("passw0rd", "MQWebUser")
    yield "app"
    srv.model.users.pop("app", None)


def test_message_post_puts_one_message_for_a_mqwebuser(srv, client, app_user):
    resp = message_post(srv, app_user, "DEV.QUEUE.1")
    assert resp.status_code == 201 and resp.headers["ibm-mq-md-messageId"].startswith("414d5120")
    assert depth(client, "DEV.QUEUE.1") == 1


def test_message_post_refuses_admin_role_unknown_queue_and_stopped_qmgr(srv, client, app_user):
    assert message_post(srv, "admin", "DEV.QUEUE.1").status_code == 403  # messaging needs MQWebUser
    missing = message_post(srv, app_user, "NO.SUCH.QUEUE")
    assert missing.status_code == 404 and missing.json()["error"][0]["reasonCode"] == 2085
    client.ctl("POST", "qmgr/QM2/stop")
    assert message_post(srv, app_user, "DEV.QUEUE.1", qmgr="QM2").status_code == 503
    assert depth(client, "DEV.QUEUE.1") == 0
