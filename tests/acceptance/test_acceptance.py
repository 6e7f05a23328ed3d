# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real-MQ-style acceptance checks of the queue, channel and listener commands over raw HTTP.

Written from IBM's documentation alone (each check names its page), never from the emulator's code, so that it
checks the emulator against IBM rather than against itself; it must pass unchanged against a real queue manager
(MQ_REST_URL, see conftest.py). Where IBM documents a value it is asserted; where IBM is silent (message texts,
HTTP statuses of some errors) only the shape is, and where IBM allows two answers both are accepted and the one
seen is printed at the end of the run. Emulator-only checks (control API) are marked `emulator_only`.

    .venv/bin/python -m pytest tests/acceptance -q -p no:cacheprovider
    MQ_REST_URL=https://mqhost:9443/ibmmq/rest/v2 MQ_QMGR=QM1 MQ_REST_USERNAME=... MQ_REST_PASSWORD=... \\
        MQ_REST_CA_PATH=ca.pem .venv/bin/python -m pytest tests/acceptance -q -p no:cacheprovider

IBM pages (short keys used in the comments below):
  MQSC-JSON   POST - JSON formatted command (and plain text):
              https://ibm.com/support/knowledgecenter/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q133340_.html
  ERR         REST API error handling: https://ibm.com/docs/SSFKSJ_9.1.0/com.ibm.mq.adm.doc/q128280_.htm
  MQWB        REST API messages MQWB01xx: https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_9.1.0/com.ibm.mq.ref.doc/mqwb01.html
  BASIC       https://www.ibm.com/docs/en/ibm-mq/9.1?topic=security-using-http-basic-authentication-rest-api
  LOGIN       POST /login: https://www.ibm.com/docs/en/SSFKSJ_9.1.0/com.ibm.mq.ref.adm.doc/q128760_.html
  TOKEN       https://www.ibm.com/docs/SSFKSJ_9.2.0/com.ibm.mq.sec.doc/q128720_.htm
  LOGOUT      DELETE /login: https://ibm.com/docs/SSFKSJ_9.3.0/refadmin/q128780_.html
  DEF-Q       DEFINE queues: https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q085690_.html
  REPLACE     "DEFINE with REPLACE sets all the parameters": https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.adm.doc/q020770_.html
  ALT-Q       ALTER QMODEL (common queue attributes; unspecified ones unchanged):
              https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=settings-alter-qmodel
  DIS-Q       DISPLAY QUEUE: https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q086270_.html
  DIS-Q-DEF   https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=queues-displaying-default-object-attributes-display-queue
  ALT-QL      ALTER QLOCAL (FORCE): https://www.ibm.com/docs/en/SSFKSJ_9.1.0/refadmin/q085350_.html
  DEL-Q       DELETE queues: https://ibm.com/docs/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q085890_.htm
  CLEAR-QL    CLEAR QLOCAL: https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q085470_.html
  DIS-QS      DISPLAY QSTATUS: https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q086260_.html
  MSG-POST    https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=messagingqmgrqmgrnamequeuequeuenamemessage-post
  NAMING      https://www.ibm.com/docs/ko/ibm-mq/9.4.x?topic=objects-rules-naming-mq
  DEF-CHL     DEFINE CHANNEL: https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q085590_.html
  ALT-CHL     ALTER CHANNEL: https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q085170_.html
  XMITQ       https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_8.0.0/com.ibm.mq.ref.con.doc/q082260_.html
  STA-CHL     START CHANNEL (PCF: "any type except MQCHT_CLNTCONN"):
              https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q088420_.html
  STOP-CHL    STOP CHANNEL: https://www.ibm.com/docs/es/SSFKSJ_9.3.0/refadmin/q086750_.html
  CHL-ERR     Channel errors (sender goes RETRYING): https://ibm.com/docs/SSFKSJ_9.0.0/com.ibm.mq.con.doc/q015630_.html
  CHL-STATES  https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.con.doc/q015610_.html
  CURRENT     "A current channel is active unless it is in RETRYING, STOPPED, or STARTING state":
              https://www.ibm.com/docs/en/ibm-mq/9.3.x?topic=states-current-active
  RESTART-STOPPED  Restarting stopped channels (the XMITQ's GET(DISABLED), triggering off, reset at START):
              https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_9.1.0/com.ibm.mq.con.doc/q015680_.html
  SHORTRTY    "If the initial allocation attempt fails, the short retry count is decremented":
              https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_8.0.0/com.ibm.mq.ref.con.doc/q082210_.html
  IT27694     APAR IT27694: STOP CHANNEL('APP1.SVRCONN') STATUS(STOPPED) on an INACTIVE server-connection channel, then
              DISPLAY CHSTATUS shows STATUS(STOPPED): https://ibm.com/support/pages/apar/IT27694
  PREP-CHL    Preparing channels (SYSTEM.AUTO.RECEIVER, SYSTEM.AUTO.SVRCONN):
              https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=function-preparing-channels
  DIS-CHS     DISPLAY CHSTATUS: https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.1.0/com.ibm.mq.ref.adm.doc/q086090_.htm
  DEF-LSTR    DEFINE LISTENER: https://www.ibm.com/docs/SSFKSJ_9.3.0/refadmin/q085630_.html
  LSSTATUS    DISPLAY LSSTATUS: https://www.ibm.com/support/knowledgecenter/SSFKSJ_9.1.0/com.ibm.mq.ref.adm.doc/q086190_.htm
  SET-CHLAUTH SET CHLAUTH: https://www.ibm.com/docs/SSFKSJ_9.4.0/refadmin/q086630_.html (notes: "The channel profile
              name must be '*' when TYPE is BLOCKADDR"; "If USERSRC is left at its default of MAP, MCAUSER must be given";
              ADDRESS mandatory with ADDRESSMAP)
  DIS-CHLAUTH DISPLAY CHLAUTH: https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q086070_.html
  CHLAUTH-DEF The three default rules: https://www.ibm.com/docs/en/ibm-mq/9.4.x?topic=records-resolving-chlauth-access-issues
  CASE        Technote "CLNTUSER(testuser) ... ACTION(REMOVE)" returns AMQ8884 unless quoted: https://www.ibm.com/support/pages/node/196565
  SET-AUTHREC SET AUTHREC: https://www.ibm.com/support/knowledgecenter/en/SSFKSJ_9.1.0/com.ibm.mq.ref.adm.doc/q086620_.htm
  DIS-AUTHREC DISPLAY AUTHREC: https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q086000_.html
  DEL-AUTHREC DELETE AUTHREC: https://www.ibm.com/docs/en/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q085790_.html
  OAM         "When you have changed access for a principal, the changes are reflected immediately by the OAM":
              https://www.ibm.com/support/knowledgecenter/SSFKSJ_8.0.0/com.ibm.mq.sec.doc/q013490_.html
  REFRESH-SEC REFRESH SECURITY: https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=reference-refresh-security-refresh-security-settings
  RCnnnn      reason-code pages under https://www.ibm.com/docs/en/SSFKSJ_latest/reference/ : 2055 q041250_,
              4002 q048210_,
              3065 q046620_, 3034 q046390_, 3233 q047490_, 3234 q047500_, 3250 q047660_, 4001 q048200_,
              4064 q048780_, 4045 q048610_, 3210 q047310_, 2042 q041130_ (9.2 tro), 4004 q048230_,
              3337 q048030_, 3338 q048040_, 3340 q048060_, 3348 q048140_, 3349 q048150_;
              3008 MQRCCF_COMMAND_FAILED and 2085 MQRC_UNKNOWN_OBJECT_NAME:
              https://www.ibm.com/docs/SSFKSJ_9.2.0/com.ibm.mq.ref.dev.doc/q092500_.html, q092490_.htm
"""

from __future__ import annotations

import random
import re

import pytest

from acceptance_support import emulator_only, observe, wait_for  # pylint: disable=import-error

MQWB_ID = re.compile(r"^MQWB\d{4}[IWES]$")  # ERR: "of the form MQWBnnnnX"


# ---- helpers: what IBM documents about every reply -----------------------------------------------------------

def assert_success(result):
    """MQSC-JSON: 200, overall and every element completionCode 0 (MQCC_OK)."""
    assert result.status == 200, result
    assert result.overall_cc == 0 and result.overall_rc == 0, result
    assert result.responses and all(item["completionCode"] == 0 for item in result.responses), result


def assert_failed(result, reason=None):
    """An MQSC command that fails is still HTTP 200: element completionCode 2 (MQCC_FAILED) with its reason, and
    overall 2 / 3008 MQRCCF_COMMAND_FAILED (MQSC-JSON; RC3008). Returns the failed element's reason."""
    assert result.status == 200, result
    assert result.overall_cc == 2 and result.overall_rc == 3008, result
    failed = [item for item in result.responses if item["completionCode"] == 2]
    assert failed, result
    if reason is not None:
        assert reason in [item["reasonCode"] for item in failed], result
    return failed[0]["reasonCode"]


def assert_error_body(response, status, msg_id=None):
    """ERR: a status outside 200-299 carries {"error": [{type, <id>, message, explanation, action}]}. IBM names the
    id field messageId; the sample bodies IBM and real servers show use msgId, so either is accepted."""
    assert response.status_code == status, (response.status_code, response.text)
    errors = response.json()["error"]
    assert isinstance(errors, list) and errors
    for error in errors:
        ident = error.get("msgId", error.get("messageId"))
        assert ident and MQWB_ID.match(ident), error
        for key in ("type", "message", "explanation", "action"):
            assert isinstance(error.get(key), str) and error[key], (key, error)
        assert error["message"].startswith(ident)
    if msg_id is not None:
        assert msg_id in [e.get("msgId", e.get("messageId")) for e in errors], errors
    observe("error body id key: {0}".format("msgId" if "msgId" in errors[0] else "messageId"))


def one_row(result):
    assert_success(result)
    assert len(result.rows) == 1, result
    return result.rows[0]


def chstatus(client, name):
    return client.run_json("display", "chstatus", name, response_parameters=["status"])


def lsstatus(client, name):
    return client.run_json("display", "lsstatus", name, response_parameters=["status", "port"])


def statuses(result):
    return [row.get("status") for row in result.rows]


# ---- queues ---------------------------------------------------------------------------------------------------

def test_qlocal_define_display_alter_delete(client, objs):
    # DEF-Q: DEFINE QLOCAL; MQSC-JSON: string attributes as given, responseParameters selects what DISPLAY returns.
    name = objs.define("qlocal", "QL", {"descr": "Acceptance local queue", "maxdepth": 2000})
    row = one_row(client.run_json("display", "qlocal", name, response_parameters=["descr", "maxdepth", "curdepth"]))
    assert row["queue"] == name
    assert row["descr"] == "Acceptance local queue"
    assert int(row["maxdepth"]) == 2000
    # DIS-Q-DEF: a queue just defined shows CURDEPTH(0).
    assert int(row["curdepth"]) == 0

    # ALT-Q: ALTER changes what it names and leaves the other attributes as they were.
    assert_success(client.run_json("alter", "qlocal", name, {"maxdepth": 3000}))
    row = one_row(client.run_json("display", "qlocal", name, response_parameters=["descr", "maxdepth"]))
    assert int(row["maxdepth"]) == 3000 and row["descr"] == "Acceptance local queue"

    assert_success(client.run_json("delete", "qlocal", name))
    assert_failed(client.run_json("display", "qlocal", name), 2085)


def test_qremote_define_display_alter(client, objs):
    # DEF-Q: a local definition of a remote queue: RNAME, RQMNAME, XMITQ.
    xmitq = objs.name("XQ")
    name = objs.define("qremote", "QR", {"rname": "TARGET.QUEUE", "rqmname": "ACPTQM", "xmitq": xmitq})
    row = one_row(client.run_json("display", "qremote", name, response_parameters=["rname", "rqmname", "xmitq"]))
    assert (row["queue"], row["rname"], row["rqmname"], row["xmitq"]) == (name, "TARGET.QUEUE", "ACPTQM", xmitq)
    assert_success(client.run_json("alter", "qremote", name, {"rname": "OTHER.QUEUE"}))
    row = one_row(client.run_json("display", "qremote", name, response_parameters=["rname", "rqmname"]))
    assert (row["rname"], row["rqmname"]) == ("OTHER.QUEUE", "ACPTQM")


def test_qalias_define_display_alter(client, objs):
    # DEF-Q: DEFINE QALIAS TARGET(name); TARGTYPE defaults to QUEUE.
    base = objs.define("qlocal", "BASE")
    other = objs.define("qlocal", "OTHER")
    name = objs.define("qalias", "QA", {"target": base})
    row = one_row(client.run_json("display", "qalias", name, response_parameters=["target", "targtype"]))
    assert (row["queue"], row["target"], row["targtype"]) == (name, base, "QUEUE")
    assert_success(client.run_json("alter", "qalias", name, {"target": other}))
    assert one_row(client.run_json("display", "qalias", name, response_parameters=["target"]))["target"] == other


def test_qmodel_define_display_alter(client, objs):
    # DEF-Q: DEFINE QMODEL DEFTYPE(PERMDYN); ALT-Q.
    name = objs.define("qmodel", "QM", {"deftype": "PERMDYN", "maxdepth": 100})
    row = one_row(client.run_json("display", "qmodel", name, response_parameters=["deftype", "maxdepth"]))
    assert (row["queue"], row["deftype"], int(row["maxdepth"])) == (name, "PERMDYN", 100)
    assert_success(client.run_json("alter", "qmodel", name, {"maxdepth": 200}))
    row = one_row(client.run_json("display", "qmodel", name, response_parameters=["deftype", "maxdepth"]))
    assert (row["deftype"], int(row["maxdepth"])) == ("PERMDYN", 200)


def test_display_queue_generic_names_and_type(client, objs):
    made = {
        objs.define("qlocal", "L"): "QLOCAL",
        objs.define("qremote", "R", {"rname": "X", "rqmname": "Y", "xmitq": objs.name("L")}): "QREMOTE",
        objs.define("qalias", "A", {"target": objs.name("L")}): "QALIAS",
        objs.define("qmodel", "M"): "QMODEL",
    }
    generic = objs.prefix + "*"
    # DIS-Q: "A trailing asterisk * matches all queues with the specified stem"; one element per queue (MQSC-JSON);
    # DIS-Q-DEF: the output always names QUEUE and TYPE.
    result = client.run_json("display", "queue", generic)
    assert_success(result)
    assert {row["queue"]: row["type"] for row in result.rows} == made
    # DIS-Q: TYPE(QALIAS) limits DISPLAY QUEUE to one type.
    result = client.run_json("display", "queue", generic, {"type": "QALIAS"})
    assert_success(result)
    assert [(row["queue"], row["type"]) for row in result.rows] == [(objs.name("A"), "QALIAS")]
    # DIS-Q usage notes: DISPLAY QLOCAL is DISPLAY QUEUE TYPE(QLOCAL).
    result = client.run_json("display", "qlocal", generic)
    assert_success(result)
    assert [row["queue"] for row in result.rows] == [objs.name("L")]


def test_define_existing_name_fails_and_replace_succeeds(client, objs):
    name = objs.define("qlocal", "DUP", {"descr": "first"})
    # RC4001 MQRCCF_OBJECT_ALREADY_EXISTS: "the object already existed and the Replace parameter was not specified".
    assert_failed(client.run_json("define", "qlocal", name, {"descr": "second"}), 4001)
    assert one_row(client.run_json("display", "qlocal", name, response_parameters=["descr"]))["descr"] == "first"
    # DEF-Q: REPLACE redefines it (plain MQSC text, MQSC-JSON runCommand; a quoted name keeps its case, NAMING).
    assert_success(client.run_text("DEFINE QLOCAL('{0}') DESCR('second') REPLACE".format(name)))
    assert one_row(client.run_json("display", "qlocal", name, response_parameters=["descr"]))["descr"] == "second"
    # NAMING: queues of every type share one namespace, so a QALIAS of that name fails too: RC4001, or RC4002
    # MQRCCF_OBJECT_WRONG_TYPE ("already exists with the same name but a different subtype"); IBM does not say
    # which wins without REPLACE, so either is accepted and the one seen is reported.
    reason = assert_failed(client.run_json("define", "qalias", name, {"target": "X"}))
    assert reason in (4001, 4002), reason
    observe("DEFINE QALIAS over an existing QLOCAL: {0}".format(reason))
    assert one_row(client.run_json("display", "queue", name))["type"] == "QLOCAL"


def test_define_replace_sets_the_attributes_not_given_to_their_defaults(client, objs):
    # REPLACE: "ALTER with REPLACE does not change unspecified parameters, but DEFINE with REPLACE sets all the parameters
    # ... all the other attributes, which are given their default values ... if the queue was previously put inhibited,
    # this is changed to put enabled". The defaults are SYSTEM.DEFAULT.LOCAL.QUEUE's (DIS-Q-DEF), whatever this queue
    # manager's are.
    defaults = one_row(client.run_json("display", "qlocal", "SYSTEM.DEFAULT.LOCAL.QUEUE",
                                       response_parameters=["put", "maxdepth", "descr"]))
    name = objs.define("qlocal", "RPL", {"put": "DISABLED", "maxdepth": 17, "descr": "first"})
    assert_success(client.run_json("define", "qlocal", name, {"maxmsgl": 10000, "replace": "yes"}))
    row = one_row(client.run_json("display", "qlocal", name, response_parameters=["put", "maxdepth", "maxmsgl", "descr"]))
    assert (row["put"], int(row["maxdepth"]), int(row["maxmsgl"]), row["descr"]) == \
        (defaults["put"], int(defaults["maxdepth"]), 10000, defaults["descr"])


def allow_put(client, target, queue):
    """OAM: an application connects and puts only with the authority to (2035 otherwise); SET-AUTHREC grants it."""
    assert_success(client.run_text("SET AUTHREC OBJTYPE(QMGR) PRINCIPAL('{0}') AUTHADD(CONNECT)".format(target.msg_username)))
    assert_success(client.run_text("SET AUTHREC PROFILE('{0}') OBJTYPE(QUEUE) PRINCIPAL('{1}') AUTHADD(PUT)".format(
        queue, target.msg_username)))


def test_usage_change_of_a_queue_with_messages_needs_force(target, client, objs):
    name = objs.define("qlocal", "USG")
    allow_put(client, target, name)
    sender = target.client(target.msg_username, target.msg_password)
    assert sender.put_message(name, "acceptance").status_code == 201  # MSG-POST
    # RC3210 MQRCCF_OBJECT_OPEN_FORCE: "Object is in use, but could be changed specifying Force ... for certain parameter
    # changes, because there are messages currently on the queue. The requested changes can be made by specifying Force".
    assert_failed(client.run_json("alter", "qlocal", name, {"usage": "XMITQ"}), 3210)
    assert one_row(client.run_json("display", "qlocal", name, response_parameters=["usage"]))["usage"] == "NORMAL"
    # ALT-QL: FORCE.
    assert_success(client.run_text("ALTER QLOCAL('{0}') USAGE(XMITQ) FORCE".format(name)))
    row = one_row(client.run_json("display", "qlocal", name, response_parameters=["usage", "curdepth"]))
    assert (row["usage"], int(row["curdepth"])) == ("XMITQ", 1)


def test_unknown_attribute_fails_and_creates_nothing(client, objs):
    name = objs.track("qlocal", objs.name("BAD"))
    # MQSC-JSON: parameters are MQSC keywords; IBM does not say how an unknown one is reported, so either an HTTP
    # error with an error body or an MQSC failure is accepted, and the reply must not be a success.
    result = client.run_json("define", "qlocal", name, {"nosuchattribute": "1"})
    if result.status == 200:
        assert_failed(result)
        observe("unknown runCommandJSON attribute: HTTP 200, element reason {0}".format(result.responses[0]["reasonCode"]))
    else:
        assert 400 <= result.status < 500 and result.errors, result
        observe("unknown runCommandJSON attribute: HTTP {0}".format(result.status))
    assert_failed(client.run_text("DEFINE QLOCAL('{0}') NOSUCHATTRIBUTE(1)".format(name)))
    assert_failed(client.run_json("display", "qlocal", name), 2085)


def test_delete_missing_queue_is_2085_amq8147e(client, objs):
    name = objs.name("NOSUCH")
    # RC2085 MQRC_UNKNOWN_OBJECT_NAME with AMQ8147E "IBM MQ object ... not found", inside HTTP 200 (MQSC-JSON).
    for result in (client.run_json("delete", "qlocal", name), client.run_text("DELETE QLOCAL('{0}')".format(name))):
        assert_failed(result, 2085)
        assert any(line.startswith("AMQ8147E") for line in result.messages), result


def test_runcommand_text_folds_unquoted_names(client, objs):
    # NAMING: unquoted MQSC text is folded to upper case; MQSC-JSON runCommand returns the lines in `text`.
    lower = objs.prefix.lower() + "txt"
    name = objs.track("qlocal", lower.upper())
    result = client.run_text("DEFINE QLOCAL({0}) DESCR('Mixed Case')".format(lower))
    assert_success(result)
    assert all("text" in item for item in result.responses), result
    result = client.run_text("DISPLAY QLOCAL({0}) DESCR".format(lower))
    assert_success(result)
    text = " ".join(result.messages)
    assert "QUEUE({0})".format(name) in text and "Mixed Case" in text, result


def test_qstatus_of_a_new_queue(client, objs):
    # DIS-QS: DISPLAY QSTATUS(q) TYPE(QUEUE) gives CURDEPTH, IPPROCS and OPPROCS; a new, unopened queue has 0s.
    name = objs.define("qlocal", "QS")
    row = one_row(client.run_json("display", "qstatus", name, {"type": "QUEUE"},
                                  response_parameters=["curdepth", "ipprocs", "opprocs"]))
    assert row["queue"] == name
    assert (int(row["curdepth"]), int(row["ipprocs"]), int(row["opprocs"])) == (0, 0, 0)


def test_queue_depth_follows_a_put_message(target, client, objs):
    name = objs.define("qlocal", "DEPTH")
    allow_put(client, target, name)
    # MSG-POST: a text body put by a MQWebUser user; 201 Created.
    sender = target.client(target.msg_username, target.msg_password)
    response = sender.put_message(name, "acceptance")
    assert response.status_code == 201, (response.status_code, response.text)
    assert int(one_row(client.run_json("display", "qlocal", name, response_parameters=["curdepth"]))["curdepth"]) == 1
    # RC2055 MQRC_Q_NOT_EMPTY: "returned from a command to ... delete ... a queue, if the queue contains ...
    # committed messages in the case of delete queue without the purge option".
    assert_failed(client.run_json("delete", "qlocal", name), 2055)
    # DEL-Q: PURGE deletes it with its messages.
    assert_success(client.run_text("DELETE QLOCAL('{0}') PURGE".format(name)))
    assert_failed(client.run_json("display", "qlocal", name), 2085)


# ---- channels -------------------------------------------------------------------------------------------------

def test_sender_channel_define_display_alter(client, objs):
    xmitq = objs.define("qlocal", "XQ", {"usage": "XMITQ"})
    # DEF-CHL / XMITQ: a sender needs CHLTYPE, CONNAME and XMITQ.
    name = objs.define("channel", "SDR", {"chltype": "SDR", "conname": "acpt-peer.invalid(1414)", "xmitq": xmitq})
    row = one_row(client.run_json("display", "channel", name, response_parameters=["conname", "xmitq"]))
    assert (row["channel"], row["chltype"], row["conname"], row["xmitq"]) == \
        (name, "SDR", "acpt-peer.invalid(1414)", xmitq)
    # ALT-CHL: CHLTYPE is required on ALTER too; the rest is unchanged.
    assert_success(client.run_json("alter", "channel", name, {"chltype": "SDR", "descr": "Acceptance sender"}))
    row = one_row(client.run_json("display", "channel", name, response_parameters=["descr", "conname"]))
    assert (row["descr"], row["conname"]) == ("Acceptance sender", "acpt-peer.invalid(1414)")


def test_sender_without_xmitq_fails(client, objs):
    name = objs.track("channel", objs.name("NOXQ"))
    # XMITQ: "This parameter is required for channels of type sender or server"; RC4045 MQRCCF_XMIT_Q_NAME_ERROR.
    assert_failed(client.run_json("define", "channel", name, {"chltype": "SDR", "conname": "peer.invalid(1414)"}), 4045)


def test_receiver_and_svrconn_channels(client, objs):
    rcvr = objs.define("channel", "RCVR", {"chltype": "RCVR"})
    svrconn = objs.define("channel", "SVR", {"chltype": "SVRCONN", "descr": "Acceptance svrconn", "maxinst": 50})
    # DIS-CHS / DEF-CHL: generic DISPLAY CHANNEL, one element per channel, each naming CHANNEL and CHLTYPE.
    result = client.run_json("display", "channel", objs.prefix + "*")
    assert_success(result)
    assert {row["channel"]: row["chltype"] for row in result.rows} == {rcvr: "RCVR", svrconn: "SVRCONN"}
    # ALT-CHL: unspecified attributes are unchanged.
    assert_success(client.run_json("alter", "channel", svrconn, {"chltype": "SVRCONN", "maxinst": 5}))
    row = one_row(client.run_json("display", "channel", svrconn, response_parameters=["maxinst", "descr"]))
    assert (int(row["maxinst"]), row["descr"]) == (5, "Acceptance svrconn")
    # RC3034 MQRCCF_CHANNEL_TYPE_ERROR: CHLTYPE "did not match the type of an existing channel being ... changed".
    assert_failed(client.run_json("alter", "channel", svrconn, {"chltype": "RCVR"}), 3034)


def test_chstatus_of_a_channel_never_started_is_3065(client, objs):
    name = objs.define("channel", "IDLE", {"chltype": "RCVR"})
    # RC3065 MQRCCF_CHL_STATUS_NOT_FOUND: "no channel status is available ... the channel has not been used".
    assert_failed(chstatus(client, name), 3065)


def test_stop_of_an_inactive_svrconn_holds_it_stopped(client, objs):
    name = objs.define("channel", "IDLE", {"chltype": "SVRCONN"})
    # STA-CHL: START is valid for every type but CLNTCONN; a SVRCONN has no partner to start, so it stays without an
    # active instance until a client connects (RC3065: no status).
    assert_success(client.run_json("start", "channel", name))
    assert_failed(chstatus(client, name), 3065)
    # IT27694: STOP CHANNEL(...) STATUS(STOPPED), STOP-CHL's default, on an INACTIVE server-connection channel; DISPLAY
    # CHSTATUS then shows STATUS(STOPPED), until START (STOP-CHL: "Any channels in STOPPED state need to be started manually").
    assert_success(client.run_json("stop", "channel", name))
    assert statuses(wait_for(lambda: chstatus(client, name), lambda r: statuses(r) == ["STOPPED"])) == ["STOPPED"]
    # RC4064 MQRCCF_CHANNEL_NOT_ACTIVE: "An attempt was made to stop a channel, but the channel was already stopped".
    assert_failed(client.run_json("stop", "channel", name), 4064)
    assert_success(client.run_json("start", "channel", name))
    assert_failed(wait_for(lambda: chstatus(client, name), lambda r: not r.rows), 3065)


@pytest.mark.parametrize("chltype", ["RCVR", "SDR"])
def test_stop_of_another_inactive_channel(client, objs, chltype):
    parameters = {"chltype": chltype}
    if chltype == "SDR":
        parameters.update(conname="peer.invalid(1414)", xmitq=objs.define("qlocal", "XQ", {"usage": "XMITQ"}))
    name = objs.define("channel", "IDLE", parameters)
    # IT27694 shows the SVRCONN; STOP-CHL documents no exception by type, but IBM shows no other type: 4064
    # MQRCCF_CHANNEL_NOT_ACTIVE (RC4064, "already stopped") or a STOPPED record until START are both accepted.
    result = client.run_json("stop", "channel", name)
    if result.overall_cc == 0:
        assert_success(result)
        assert statuses(wait_for(lambda: chstatus(client, name), lambda r: statuses(r) == ["STOPPED"])) == ["STOPPED"]
        observe("STOP of an inactive {0}: success, STOPPED record until START".format(chltype))
    else:
        assert_failed(result, 4064)
        observe("STOP of an inactive {0}: 4064 MQRCCF_CHANNEL_NOT_ACTIVE".format(chltype))


def test_stop_status_inactive_of_an_inactive_channel_changes_nothing(client, objs):
    name = objs.define("channel", "IDLE", {"chltype": "RCVR"})
    # STOP-CHL STATUS(INACTIVE) asks for what the channel already is. IBM does not say what it answers: 4064 ("already
    # stopped", RC4064) or success are accepted, and either way no status is left (RC3065).
    result = client.run_text("STOP CHANNEL('{0}') STATUS(INACTIVE)".format(name))
    if result.overall_cc != 0:
        assert_failed(result, 4064)
    observe("STOP STATUS(INACTIVE) of an inactive channel: {0}".format("success" if result.overall_cc == 0 else 4064))
    assert_failed(wait_for(lambda: chstatus(client, name), lambda r: not r.rows), 3065)


def test_system_auto_channels_are_the_auto_definition_models(client):
    # PREP-CHL: the models of auto-defined receiver and server-connection channels, "the same as the system defaults,
    # SYSTEM.DEF.RECEIVER, and SYSTEM.DEF.SVRCONN, except for the description field, which is "Auto-defined by" followed
    # by 49 blanks" (an administrator may change them; the description's start is IBM's).
    for name, chltype in (("SYSTEM.AUTO.RECEIVER", "RCVR"), ("SYSTEM.AUTO.SVRCONN", "SVRCONN")):
        row = one_row(client.run_json("display", "channel", name, response_parameters=["descr"]))
        assert (row["channel"], row["chltype"]) == (name, chltype), row
        assert row["descr"].startswith("Auto-defined by"), row


def test_sender_makes_shortrty_attempts_in_all(client, objs):
    xmitq = objs.define("qlocal", "XQ", {"usage": "XMITQ"})
    # SHORTRTY: "If the initial allocation attempt fails, the short retry count is decremented and the channel retries
    # the remaining number of times ... If it still fails, it retries long retry count number of times": with SHORTRTY(1)
    # and LONGRTY(0) the first attempt is the only one, so the sender is STOPPED after it, not RETRYING for SHORTTMR.
    name = objs.define("channel", "ONCE", {"chltype": "SDR", "conname": "acpt-nowhere.invalid(1414)", "xmitq": xmitq,
                                           "shortrty": 1, "longrty": 0, "shorttmr": 999999})
    assert_success(client.run_json("start", "channel", name))
    assert statuses(wait_for(lambda: chstatus(client, name), lambda r: statuses(r) == ["STOPPED"])) == ["STOPPED"]


def test_sender_to_an_unreachable_partner_retries_and_stops(client, objs):
    xmitq = objs.define("qlocal", "XQ", {"usage": "XMITQ", "trigger": "yes", "initq": "SYSTEM.CHANNEL.INITQ"})
    name = objs.define("channel", "SDRR", {"chltype": "SDR", "conname": "acpt-nowhere.invalid(1414)", "xmitq": xmitq})
    # STA-CHL: START of a sender is accepted; CHL-ERR: a sender that cannot reach its partner goes RETRYING.
    assert_success(client.run_json("start", "channel", name))
    result = wait_for(lambda: chstatus(client, name), lambda r: statuses(r) == ["RETRYING"])
    assert statuses(result) == ["RETRYING"], result
    # DIS-CHS: the status names its channel.
    assert result.rows[0]["channel"] == name
    # STOP-CHL: STATUS(STOPPED), the default, leaves a STOPPED record (CHL-STATES: "needs manual START").
    assert_success(client.run_json("stop", "channel", name))
    result = wait_for(lambda: chstatus(client, name), lambda r: statuses(r) == ["STOPPED"])
    assert statuses(result) == ["STOPPED"], result
    # RESTART-STOPPED: "when the channel entered the STOPPED state, the associated transmission queue was set to
    # GET(DISABLED) and triggering was set off. When the start request is received, these attributes are reset".
    row = one_row(client.run_json("display", "qlocal", xmitq, response_parameters=["get", "trigger"]))
    assert (row["get"], row["trigger"]) == ("DISABLED", "NO"), row
    # STA-CHL: START of a STOPPED sender starts it again, and it retries again.
    assert_success(client.run_json("start", "channel", name))
    row = one_row(client.run_json("display", "qlocal", xmitq, response_parameters=["get", "trigger"]))
    assert (row["get"], row["trigger"]) == ("ENABLED", "YES"), row
    assert statuses(wait_for(lambda: chstatus(client, name), lambda r: statuses(r) == ["RETRYING"])) == ["RETRYING"]
    # STOP-CHL: STATUS(INACTIVE) leaves no status at all (RC3065 again).
    assert_success(client.run_text("STOP CHANNEL('{0}') STATUS(INACTIVE)".format(name)))
    assert_failed(wait_for(lambda: chstatus(client, name), lambda r: not r.rows), 3065)


def test_start_of_a_clntconn_fails(client, objs):
    name = objs.define("channel", "CLNT", {"chltype": "CLNTCONN", "conname": "peer.invalid(1414)", "qmname": "QMX"})
    # STA-CHL: "This command can be issued to a channel of any type except MQCHT_CLNTCONN".
    assert_failed(client.run_json("start", "channel", name))


def test_delete_channel(client, objs):
    name = objs.define("channel", "DEL", {"chltype": "RCVR"})
    assert_success(client.run_json("delete", "channel", name))
    # DEF-CHL / RC2085: the channel is gone; IBM does not name the reason for a missing channel, only that it fails.
    assert_failed(client.run_json("display", "channel", name))
    assert_failed(client.run_json("delete", "channel", name))


@emulator_only
def test_svrconn_with_clients_then_stopped(client, objs, target, control):
    name = objs.define("channel", "CONN", {"chltype": "SVRCONN"})
    # Setup the REST API cannot do: two clients connect (control API).
    control("/qmgr/{0}/channel/{1}/clients".format(target.qmgr, name), {"count": 2})
    # DIS-CHS: one status per instance; a SVRCONN with a client is RUNNING and shows the client's CONNAME.
    result = client.run_json("display", "chstatus", name, response_parameters=["status", "conname"])
    assert_success(result)
    assert statuses(result) == ["RUNNING", "RUNNING"] and all(row["conname"] for row in result.rows), result
    # STOP-CHL: STATUS(STOPPED) stops every instance and keeps the channel STOPPED until START.
    assert_success(client.run_json("stop", "channel", name))
    assert statuses(wait_for(lambda: chstatus(client, name), lambda r: statuses(r) == ["STOPPED"])) == ["STOPPED"]
    assert_success(client.run_json("start", "channel", name))
    assert_failed(wait_for(lambda: chstatus(client, name), lambda r: not r.rows), 3065)


def test_stop_status_inactive_of_a_stopped_channel(client, objs):
    name = objs.define("channel", "STP", {"chltype": "SVRCONN"})
    assert_success(client.run_json("stop", "channel", name))  # IT27694: STOPPED
    assert statuses(wait_for(lambda: chstatus(client, name), lambda r: statuses(r) == ["STOPPED"])) == ["STOPPED"]
    # CHL-STATES / STOP-CHL do not say whether STATUS(INACTIVE) moves a STOPPED channel to INACTIVE without START: success
    # with no status left, or 4064 ("already stopped", RC4064) with the STOPPED record kept, are both accepted.
    result = client.run_text("STOP CHANNEL('{0}') STATUS(INACTIVE)".format(name))
    if result.overall_cc == 0:
        assert_failed(wait_for(lambda: chstatus(client, name), lambda r: not r.rows), 3065)
    else:
        assert_failed(result, 4064)
        assert statuses(chstatus(client, name)) == ["STOPPED"]
    observe("STOP STATUS(INACTIVE) of a STOPPED channel: {0}".format("success, INACTIVE" if result.overall_cc == 0 else 4064))


@emulator_only
def test_delete_and_clear_of_an_open_queue_fail(client, objs, target, control):
    name = objs.define("qlocal", "OPEN")
    control("/qmgr/{0}/queue/{1}/open".format(target.qmgr, name), {"ipprocs": 1})  # an application has it open
    # DEL-Q / CLEAR-QL: "If an application has this queue open ... the command fails"; IBM names no reason: RC2042
    # MQRC_OBJECT_IN_USE or RC4004 MQRCCF_OBJECT_OPEN ("An attempt was made to operate on an object that was in use").
    for result in (client.run_text("DELETE QLOCAL('{0}') PURGE".format(name)), client.run_text("CLEAR QLOCAL('{0}')".format(name))):
        reason = assert_failed(result)
        assert reason in (2042, 4004), result
        observe("DELETE/CLEAR of an open queue: {0}".format(reason))
    control("/qmgr/{0}/queue/{1}/open".format(target.qmgr, name), {"ipprocs": 0})


# ---- listeners ------------------------------------------------------------------------------------------------

def test_listener_start_stop_lsstatus(client, objs):
    port = random.randint(30000, 39999)  # a port nothing on a shared real host is likely to hold
    name = objs.define("listener", "LSTR", {"trptype": "TCP", "port": port, "control": "MANUAL"})
    # RC3250 MQRCCF_LSTR_STATUS_NOT_FOUND: a listener never started has no status.
    assert_failed(lsstatus(client, name), 3250)
    # LSSTATUS: after START the status is RUNNING and shows the port.
    assert_success(client.run_json("start", "listener", name))
    result = wait_for(lambda: lsstatus(client, name), lambda r: statuses(r) == ["RUNNING"])
    assert statuses(result) == ["RUNNING"] and int(result.rows[0]["port"]) == port, result
    # RC3233 MQRCCF_LISTENER_STARTED: "already active for the requested TransportType"; IBM also has 3249
    # MQRCCF_LISTENER_RUNNING ("currently active"): either, but it must fail.
    reason = assert_failed(client.run_json("start", "listener", name))
    assert reason in (3233, 3249), reason
    observe("START of a running listener: {0}".format(reason))
    assert_success(client.run_json("stop", "listener", name))
    assert_failed(wait_for(lambda: lsstatus(client, name), lambda r: not r.rows), 3250)
    # RC3234 MQRCCF_LISTENER_STOPPED: STOP of a listener that is not running.
    assert_failed(client.run_json("stop", "listener", name), 3234)
    assert_success(client.run_json("delete", "listener", name))


# ---- authentication and error bodies --------------------------------------------------------------------------

def test_no_credentials_is_401(target, objs):
    bare = target.client(basic=False)
    result = bare.run_json("define", "qlocal", objs.track("qlocal", objs.name("NOAUTH")), auth=False)
    # MQWB: MQWB0104E "The REST API request is not authenticated" (credentials omitted); LOGOUT/LOGIN: 401.
    assert_error_body(result.raw, 401, "MQWB0104E")
    assert_failed(target.client().run_json("display", "qlocal", objs.name("NOAUTH")), 2085)


def test_wrong_password_is_401(target):
    result = target.client(password="not-" + str(target.password)).run_json("display", "qmgr")
    # BASIC / LOGIN: bad credentials are 401 Not authenticated; IBM names no single message id for it.
    assert result.status == 401, result
    assert_error_body(result.raw, 401)


def test_post_without_csrf_header_is_rejected_and_runs_nothing(client, objs):
    name = objs.track("qlocal", objs.name("NOCSRF"))
    result = client.run_json("define", "qlocal", name, csrf=False)
    # BASIC: POST needs ibm-mq-rest-csrf-token; MQWB: MQWB0100E "The CSRF header ... was omitted". IBM does not
    # state the HTTP status: any 4xx with that id is accepted and the status seen is reported.
    assert 400 <= result.status < 500, result
    assert_error_body(result.raw, result.status, "MQWB0100E")
    observe("POST without the CSRF header: HTTP {0} MQWB0100E".format(result.status))
    assert_failed(client.run_json("display", "qlocal", name), 2085)


def test_ltpa_login_token_csrf_and_logout(target, objs):
    token_client = target.client()
    # LOGIN: 204, empty body, a cookie whose name starts with LtpaToken2 (TOKEN: "includes a suffix that can change").
    response = token_client.login()
    assert response.status_code == 204 and not response.content, (response.status_code, response.text)
    assert len(token_client.ltpa_cookie_names()) == 1
    # TOKEN: the cookie alone authenticates; qmgr DISPLAY names the queue manager (MQSC-JSON: no `name` for QMGR).
    row = one_row(token_client.run_json("display", "qmgr", response_parameters=["qmname"]))
    assert row["qmname"] == target.qmgr
    # TOKEN / BASIC: POST with a token still needs the CSRF header.
    result = token_client.run_json("display", "qmgr", csrf=False)
    assert 400 <= result.status < 500, result
    assert_error_body(result.raw, result.status, "MQWB0100E")
    # LOGOUT: DELETE /login (with the CSRF header) is 204; the token is then no longer accepted (401).
    assert token_client.logout().status_code == 204
    assert token_client.run_json("display", "qmgr").status == 401


def test_login_with_a_bad_password_is_401(target):
    # LOGIN: "401 Not authenticated".
    response = target.client(password="not-" + str(target.password)).login()
    assert_error_body(response, 401)


def test_unknown_queue_manager_is_404_mqwb0009e(target):
    bare = target.client()
    bare.qmgr = "ACPTNOQM"
    # ERR: the documented example, "MQWB0009E: Could not query the queue manager", with 404 (Not Found).
    assert_error_body(bare.run_json("display", "qmgr").raw, 404, "MQWB0009E")


def test_post_json_requires_a_valid_body(client):
    # MQSC-JSON: "type" must be runCommand or runCommandJSON; anything else is invalid data (400).
    result = client.mqsc({"type": "notACommandType"})
    assert_error_body(result.raw, 400)


# ---- security: channel authentication and authority records ------------------------------------------------------

@pytest.fixture()
def chlauth_records(client):
    """CHLAUTH records a test sets, removed afterwards (SET-CHLAUTH: ACTION(REMOVEALL) takes only the profile and TYPE)."""
    made = []
    yield made
    for profile, rtype in made:
        client.run_json("set", "chlauth", profile, {"type": rtype, "action": "removeall"})


def chlauth_rows(client, profile, **parameters):
    return client.run_json("display", "chlauth", profile, dict(parameters, match="exact"), response_parameters=["all"])


def as_list(value):
    """USERLIST/ADDRLIST/AUTHLIST: a JSON array or a comma-separated string (the JSON type is not documented)."""
    observe("list values in JSON: {0}".format("array" if isinstance(value, list) else "string"))
    return value if isinstance(value, list) else [v.strip() for v in str(value).split(",") if v.strip()]


def test_the_default_chlauth_records(client):
    # CHLAUTH-DEF: no access to any channel by MQ-admin users, no access to SYSTEM.* channels by any user.
    block = one_row(chlauth_rows(client, "*", type="BLOCKUSER"))
    assert "*MQADMIN" in as_list(block["userlist"])
    system = one_row(chlauth_rows(client, "SYSTEM.*", type="ADDRESSMAP"))
    assert (system["address"], system["usersrc"]) == ("*", "NOACCESS")


def test_set_chlauth_add_replace_remove(client, objs, chlauth_records):
    profile = objs.name("SVRC")
    chlauth_records.append((profile, "ADDRESSMAP"))
    # SET-CHLAUTH: ACTION(ADD) is the default; an ADDRESSMAP record with USERSRC(CHANNEL).
    assert_success(client.run_json("set", "chlauth", profile, {"type": "ADDRESSMAP", "address": "192.0.2.*",
                                                               "usersrc": "CHANNEL", "descr": "acceptance"}))
    row = one_row(chlauth_rows(client, profile))
    assert (row["chlauth"], row["type"], row["address"], row["usersrc"], row["descr"]) == \
        (profile, "ADDRESSMAP", "192.0.2.*", "CHANNEL", "acceptance")
    # RC3337 MQRCCF_CHLAUTH_ALREADY_EXISTS: "Specify action as MQACT_REPLACE".
    assert_failed(client.run_json("set", "chlauth", profile, {"type": "ADDRESSMAP", "address": "192.0.2.*",
                                                              "usersrc": "CHANNEL"}), 3337)
    assert_success(client.run_json("set", "chlauth", profile, {"type": "ADDRESSMAP", "address": "192.0.2.*", "usersrc": "MAP",
                                                               "mcauser": "acptuser", "action": "REPLACE"}))
    row = one_row(chlauth_rows(client, profile))
    assert (row["usersrc"], row["mcauser"]) == ("MAP", "acptuser")
    # RC3338 MQRCCF_CHLAUTH_NOT_FOUND after the record is gone.
    assert_success(client.run_json("set", "chlauth", profile, {"type": "ADDRESSMAP", "address": "192.0.2.*", "action": "REMOVE"}))
    assert_failed(client.run_json("set", "chlauth", profile, {"type": "ADDRESSMAP", "address": "192.0.2.*",
                                                              "action": "REMOVE"}), 3338)


def test_set_chlauth_syntax_rules(client, objs, chlauth_records):
    profile = objs.name("SVRC")
    chlauth_records.extend([(profile, "ADDRESSMAP"), (profile, "USERMAP")])
    # SET-CHLAUTH note: BLOCKADDR only on profile '*' (RC3349 MQRCCF_CHLAUTH_NAME_ERROR).
    assert_failed(client.run_json("set", "chlauth", profile, {"type": "BLOCKADDR", "addrlist": ["192.0.2.99"]}), 3349)
    # RC3340 MQRCCF_WRONG_CHLAUTH_USERSRC: MCAUSER belongs to USERSRC(MAP).
    assert_failed(client.run_json("set", "chlauth", profile, {"type": "ADDRESSMAP", "address": "*", "usersrc": "CHANNEL",
                                                              "mcauser": "x"}), 3340)
    # RC3348 MQRCCF_CHLAUTH_CLNTUSER_ERROR: "The client user value contains a wildcard character".
    assert_failed(client.run_json("set", "chlauth", profile, {"type": "USERMAP", "clntuser": "acpt*", "usersrc": "CHANNEL"}), 3348)
    # SET-CHLAUTH notes: MCAUSER must be given with USERSRC(MAP), ADDRESS with ADDRESSMAP (reasons not documented).
    assert_failed(client.run_json("set", "chlauth", profile, {"type": "ADDRESSMAP", "address": "*"}))
    assert_failed(client.run_json("set", "chlauth", profile, {"type": "ADDRESSMAP", "usersrc": "CHANNEL"}))
    assert_failed(chlauth_rows(client, profile), 3338)


def test_chlauth_values_keep_their_case_unless_unquoted(client, objs, chlauth_records):
    profile = objs.name("SVRC")
    chlauth_records.append((profile, "USERMAP"))
    assert_success(client.run_json("set", "chlauth", profile, {"type": "USERMAP", "clntuser": "acptUser", "usersrc": "CHANNEL"}))
    assert one_row(chlauth_rows(client, profile))["clntuser"] == "acptUser"
    # CASE: unquoted, the value folds to upper case and the record is not found; quoted, it is.
    assert_failed(client.run_text("SET CHLAUTH('{0}') TYPE(USERMAP) CLNTUSER(acptUser) ACTION(REMOVE)".format(profile)), 3338)
    assert_success(client.run_text("SET CHLAUTH('{0}') TYPE(USERMAP) CLNTUSER('acptUser') ACTION(REMOVE)".format(profile)))


def test_blockuser_list(client, objs, chlauth_records):
    profile = objs.name("SVRC")
    chlauth_records.append((profile, "BLOCKUSER"))
    assert_success(client.run_json("set", "chlauth", profile, {"type": "BLOCKUSER", "userlist": ["acpta", "acptb"]}))
    assert sorted(as_list(one_row(chlauth_rows(client, profile))["userlist"])) == ["acpta", "acptb"]
    # SET-CHLAUTH: REPLACE replaces the record (its list with it).
    assert_success(client.run_json("set", "chlauth", profile, {"type": "BLOCKUSER", "userlist": ["acptc"], "action": "REPLACE"}))
    assert as_list(one_row(chlauth_rows(client, profile))["userlist"]) == ["acptc"]


def test_display_chlauth_runcheck(client, objs):
    # DIS-CHLAUTH: MATCH(RUNCHECK) with a specific channel name and address shows the record the channel would meet;
    # CHLAUTH-DEF: SYSTEM.* channels meet the NOACCESS rule.
    result = client.run_json("display", "chlauth", "SYSTEM.DEF.SVRCONN",
                             {"match": "RUNCHECK", "address": "192.0.2.1", "clntuser": "acptuser"})
    assert_success(result)
    assert [(row["chlauth"], row["usersrc"]) for row in result.rows] == [("SYSTEM.*", "NOACCESS")]
    # DIS-CHLAUTH note 1: the name cannot be generic with MATCH(RUNCHECK).
    assert_failed(client.run_json("display", "chlauth", objs.name("*"), {"match": "RUNCHECK", "address": "192.0.2.1"}))


@pytest.fixture()
def authrecs(client, target):
    """Authority records a test sets for the messaging user, deleted afterwards (DEL-AUTHREC)."""
    made = []
    yield made
    for profile, objtype in made:
        client.run_json("delete", "authrec",
                        parameters={"profile": profile, "objtype": objtype, "principal": target.msg_username})


def authlists(client, profile, objtype):
    result = client.run_json("display", "authrec", parameters={"profile": profile, "objtype": objtype, "match": "exact"})
    assert_success(result)
    observe("DISPLAY AUTHREC entity key: {0}".format("entity" if "entity" in result.rows[0] else sorted(result.rows[0])))
    return [set(as_list(row["authlist"])) for row in result.rows]


def test_set_display_delete_authrec(client, target, objs, authrecs):
    profile = objs.name("**")
    authrecs.append((profile, "QUEUE"))
    # SET-AUTHREC: a generic profile needs no object; AUTHADD grants, AUTHRMV revokes; OAM: at once.
    granted = {"profile": profile, "objtype": "QUEUE", "principal": target.msg_username, "authadd": ["PUT", "GET", "BROWSE"]}
    assert_success(client.run_json("set", "authrec", parameters=granted))
    assert any({"PUT", "GET", "BROWSE"} <= held for held in authlists(client, profile, "QUEUE"))
    revoked = {"profile": profile, "objtype": "QUEUE", "principal": target.msg_username, "authrmv": ["GET"]}
    assert_success(client.run_json("set", "authrec", parameters=revoked))
    assert all("GET" not in held for held in authlists(client, profile, "QUEUE"))
    # DIS-AUTHREC output: PROFILE, ENTITY, ENTTYPE, OBJTYPE, AUTHLIST.
    row = client.run_json("display", "authrec", parameters={"profile": profile, "objtype": "QUEUE", "match": "exact"}).rows[0]
    assert (row["profile"], row["objtype"]) == (profile, "QUEUE") and row["enttype"] in ("PRINCIPAL", "GROUP")
    # DEL-AUTHREC: the record goes.
    record = {"profile": profile, "objtype": "QUEUE", "principal": target.msg_username}
    assert_success(client.run_json("delete", "authrec", parameters=record))
    result = client.run_json("display", "authrec", parameters={"profile": profile, "objtype": "QUEUE", "match": "exact"})
    assert result.status == 200 and not result.rows


def test_set_authrec_needs_an_entity_and_an_authority(client, target, objs):
    profile = objs.name("**")
    # SET-AUTHREC: PRINCIPAL or GROUP is required; an authorization list is required.
    assert_failed(client.run_json("set", "authrec", parameters={"profile": profile, "objtype": "QUEUE", "authadd": ["PUT"]}))
    no_authority = {"profile": profile, "objtype": "QUEUE", "principal": target.msg_username}
    assert_failed(client.run_json("set", "authrec", parameters=no_authority))


def test_refresh_security(client):
    # REFRESH-SEC: TYPE(CONNAUTH) re-reads the connection authentication configuration.
    assert_success(client.run_text("REFRESH SECURITY(*) TYPE(CONNAUTH)"))
    assert_success(client.run_json("refresh", "security", parameters={"type": "AUTHSERV"}))
