# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_channel state=started on a sender whose partner is not there: it fails as RETRYING, at once, and the message says
what REST shows (the status) and where MQ says why (the error log and its AMQ messages), which REST does not show."""

from __future__ import annotations

import pytest


def sender(conname):
    return {"name": "TO.QM2", "type": "sdr", "conname": conname, "xmitq": "XQ", "state": "started", "wait_timeout": 10}


@pytest.mark.parametrize("conname,prepare,msgid", [
    # No queue manager listens there (conftest NETWORK: QM2 listens on host "partner").
    ("nowhere(1414)", [], "AMQ9202E"),
    # QM2 listens, but defines no channel TO.QM2 and does not define one on the fly (CHAD).
    ("partner(1414)", [("QM2", "ALTER QMGR CHAD(DISABLED)")], "AMQ9520E"),
    # QM2's receiver exists and is STOPPED (an idle one keeps a STOPPED record, as APAR IT27694 shows).
    ("partner(1414)", [("QM2", "DEFINE CHANNEL(TO.QM2) CHLTYPE(RCVR)"), ("QM2", "STOP CHANNEL(TO.QM2)")], "AMQ9558E"),
])
def test_a_sender_without_its_partner_fails_as_retrying_and_says_where_to_look(mq, run_module, conname, prepare, msgid):
    for qmgr, command in prepare:
        status, reply = mq.model.run_mqsc(qmgr, {"type": "runCommand", "parameters": {"command": command}})
        assert status == 200 and reply["overallCompletionCode"] == 0, reply
    result = run_module("mq_channel", **sender(conname))
    assert result["failed"] is True
    assert "channel 'TO.QM2' failed to start" in result["msg"] and "the channel is RETRYING" in result["msg"]
    assert "DISPLAY CHSTATUS does not say why, the queue manager's error log (AMQERR01.LOG) does" in result["msg"]
    # What MQ logged for the failed attempt (the emulator's control API shows it; REST does not) is one the message names.
    error = mq.model.channel_status("QM1", "TO.QM2")["instances"][0]["error"]
    assert error["msgid"] == msgid and msgid in result["msg"]


@pytest.mark.parametrize("xmitq,prepare,msgid", [
    ("NO.SUCH.XQ", [], "AMQ9509E"),  # the transmission queue does not exist
    ("PLAIN.Q", [("QM1", "DEFINE QLOCAL(PLAIN.Q)")], "AMQ9531E"),  # a local queue, but USAGE(NORMAL)
])
def test_a_sender_that_cannot_use_its_transmission_queue_fails_as_stopped_and_says_why(mq, run_module, xmitq, prepare, msgid):
    for qmgr, command in prepare:
        status, reply = mq.model.run_mqsc(qmgr, {"type": "runCommand", "parameters": {"command": command}})
        assert status == 200 and reply["overallCompletionCode"] == 0, reply
    result = run_module("mq_channel", **dict(sender("partner(1414)"), xmitq=xmitq, xmitq_check="ignore"))
    assert result["failed"] is True
    assert "it started and then ended (STOPPED)" in result["msg"] and "AMQERR01.LOG" in result["msg"]
    error = mq.model.channel_status("QM1", "TO.QM2")["instances"][0]["error"]
    assert error["msgid"] == msgid and msgid in result["msg"]
