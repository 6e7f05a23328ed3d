# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_channel's xmitq_check: a sender's transmission queue is read once when the task sets it; the journal proves it."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import sent, warning_texts  # pylint: disable=import-error

SENDER = {"name": "TO.QM2", "type": "sdr", "conname": "qm2host(1414)", "xmitq": "QM2"}


def warnings(result):
    texts = warning_texts(result)
    return [w for w in texts if "xmitq=" in w]


def test_a_missing_transmission_queue_warns_after_one_display_and_the_channel_is_still_defined(mq, run_module):
    mq.model.clear_journal()
    result = run_module("mq_channel", **SENDER)
    assert result["action"] == "created"
    assert warnings(result) == ["xmitq='QM2': queue 'QM2' does not exist; MQ accepts the channel definition, but the channel cannot "
                                "start until it is a transmission queue (TYPE(QLOCAL) USAGE(XMITQ)) (xmitq_check: fail makes this an "
                                "error, ignore silences it)"]
    assert sent(mq) == [("DISPLAY", "CHANNEL", "TO.QM2"), ("DISPLAY", "QUEUE", "QM2"), ("DEFINE", "CHANNEL", "TO.QM2"),
                        ("DISPLAY", "CHANNEL", "TO.QM2")]


@pytest.mark.parametrize("queue,found", [
    ({"type": "local"}, "has USAGE(NORMAL)"),
    ({"type": "remote", "remote_qmgr": "QM2"}, "has TYPE(QREMOTE) and no USAGE"),
])
def test_a_queue_that_is_not_a_transmission_queue_warns_with_what_it_is(mq, run_module, queue, found):
    run_module("mq_queue", name="QM2", **queue)
    result = run_module("mq_channel", **SENDER)
    assert len(warnings(result)) == 1 and "queue 'QM2' {0};".format(found) in warnings(result)[0]


def test_a_transmission_queue_passes_and_a_rerun_that_sets_nothing_reads_no_queue(mq, run_module):
    run_module("mq_queue", name="QM2", usage="xmitq")
    created = run_module("mq_channel", **SENDER)
    assert (created["action"], warnings(created)) == ("created", [])
    mq.model.clear_journal()
    again = run_module("mq_channel", **SENDER)
    assert (again["changed"], warnings(again)) == (False, [])
    assert sent(mq) == [("DISPLAY", "CHANNEL", "TO.QM2")]


def test_fail_refuses_before_any_change_also_in_check_mode(mq, run_module):
    for check_mode in (True, False):
        mq.model.clear_journal()
        result = run_module("mq_channel", xmitq_check="fail", _ansible_check_mode=check_mode, **SENDER)
        assert result["failed"] is True and result["changed"] is False
        assert "queue 'QM2' does not exist" in result["msg"] and "nothing was changed (xmitq_check: fail)" in result["msg"]
        assert [e for e in mq.model.journal("QM1") if e["mutating"]] == []


def test_an_alter_of_the_xmitq_is_checked_and_ignore_reads_nothing(mq, run_module):
    run_module("mq_queue", name="QM2", usage="xmitq")
    run_module("mq_channel", **SENDER)
    altered = run_module("mq_channel", **dict(SENDER, xmitq="QM3"))
    assert altered["commands"] == ["ALTER CHANNEL(TO.QM2) CHLTYPE(SDR) XMITQ(QM3)"]
    assert "queue 'QM3' does not exist" in warnings(altered)[0]
    mq.model.clear_journal()
    ignored = run_module("mq_channel", xmitq_check="ignore", **dict(SENDER, xmitq="QM4"))
    assert (ignored["changed"], warnings(ignored)) == (True, [])
    assert ("DISPLAY", "QUEUE", "QM4") not in sent(mq)


def test_channels_without_a_transmission_queue_read_no_queue(mq, run_module):
    mq.model.clear_journal()
    result = run_module("mq_channel", name="APP.SVRCONN", type="svrconn")
    assert result["action"] == "created"
    assert [q for _c, q, _n in sent(mq) if q == "QUEUE"] == []
