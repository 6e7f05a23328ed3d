# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""An empty names list with allow_empty: a list that varies by host is empty on some hosts (issue 21, item 10)."""

from __future__ import annotations

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, mutating  # pylint: disable=import-error


def test_a_target_with_no_names_and_allow_empty_is_accepted_and_restarts_nothing(mq, run_module):
    run_module("mq_listener", name="APP.L1", port=1701, state="started")
    fresh(mq)
    result = run_module("mq_restart", targets=[{"type": "channel", "names": [], "allow_empty": True},
                                               {"type": "listener", "names": ["APP.L1"]}])
    assert not result.get("failed"), result.get("msg")
    assert [(r["type"], r["name"], r["action"]) for r in result["report"]] == [("listener", "APP.L1", "restarted")]
    assert result["summary"]["declared"] == 1
    assert mutating(mq) == [("STOP", "LISTENER", "APP.L1"), ("START", "LISTENER", "APP.L1")]


def test_an_empty_names_list_with_allow_empty_does_nothing_and_reads_nothing(mq, run_module):
    fresh(mq)
    result = run_module("mq_restart", type="channel", names=[], allow_empty=True)
    assert not result.get("failed"), result.get("msg")
    assert (result["changed"], result["sync_results"], result["commands"]) == (False, [], [])
    assert mq.model.journal("QM1") == []


def test_without_allow_empty_an_empty_list_is_refused_and_the_message_says_what_accepts_it(mq, run_module):
    result = run_module("mq_restart", targets=[{"type": "channel", "names": []}])
    assert result["failed"] is True
    assert result["msg"] == "targets[0].names must list at least one channel name, or come with allow_empty: true to accept none"
    assert mq.model.requests()["total"] == 0
