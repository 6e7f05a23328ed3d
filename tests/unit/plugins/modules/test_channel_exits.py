# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A channel's exits through mq_channel's attributes: the lists compared in order, so a second run sends nothing and a new
order is a change; a name too long fails before any request. The emulator's journal proves what was sent."""

from __future__ import annotations

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, mutating  # pylint: disable=import-error

EXITS = {"SCYEXIT": "/opt/mq/exits/scy(Scy)", "SENDEXIT": ["libsend(First)", "libsend(Second)"], "SENDDATA": ["one", "two"],
         "MSGEXIT": ["libmsg(Msg)"]}
SENDER = {"name": "EXIT.SDR", "type": "sdr", "conname": "partner(1414)", "xmitq": "XQ", "xmitq_check": "ignore"}


def test_exits_are_set_once_and_compared_as_ordered_lists(mq, run_module):
    fresh(mq)
    created = run_module("mq_channel", attributes=EXITS, **SENDER)
    assert created["changed"] and created["channel"]["sendexit"] == ["libsend(First)", "libsend(Second)"]
    fresh(mq)
    again = run_module("mq_channel", attributes=EXITS, **SENDER)
    check_again = run_module("mq_channel", attributes=EXITS, _ansible_check_mode=True, **SENDER)
    assert (again["changed"], check_again["changed"]) == (False, False) and mutating(mq) == []
    swapped = run_module("mq_channel", attributes=dict(EXITS, SENDEXIT=["libsend(Second)", "libsend(First)"]), **SENDER)
    assert swapped["changed_attributes"] == ["sendexit"]
    assert swapped["commands"] == ["ALTER CHANNEL(EXIT.SDR) CHLTYPE(SDR) SENDEXIT('libsend(Second)','libsend(First)')"]


def test_an_exit_name_too_long_fails_before_any_request(mq, run_module):
    fresh(mq)
    failed = run_module("mq_channel", attributes={"RCVEXIT": ["x" * 129]}, **SENDER)
    assert failed["failed"]
    assert "attributes.RCVEXIT[0]" in failed["msg"] and "MQ allows at most 128" in failed["msg"]
    assert mutating(mq) == []
