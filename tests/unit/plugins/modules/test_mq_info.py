# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_info reads every type the collection manages: queues too, with a local queue's depth (issue 21, item 8)."""

from __future__ import annotations

from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY
from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, sent  # pylint: disable=import-error


def test_queues_come_with_their_depth_in_one_display(mq, run_module, queue_control):
    for options in ({"name": "APP.IN"}, {"name": "APP.OUT", "max_depth": 10}, {"name": "APP.ALIAS", "type": "alias", "target": "APP.IN"}):
        assert not run_module("mq_queue", **options).get("failed")
    queue_control("APP.IN", "messages", count=3)
    fresh(mq)
    result = run_module("mq_info", types=["queue"], name="APP.*")
    assert not result.get("failed"), result.get("msg")
    queues = {q["name"]: q for q in result["queues"]}
    assert sorted(queues) == ["APP.ALIAS", "APP.IN", "APP.OUT"]
    assert (queues["APP.IN"]["type"], queues["APP.IN"]["curdepth"], queues["APP.OUT"]["curdepth"]) == ("local", 3, 0)
    assert (queues["APP.ALIAS"]["type"], queues["APP.ALIAS"]["target"]) == ("alias", "APP.IN")
    assert "status" not in queues["APP.IN"]  # queues have no status records to read
    assert sent(mq) == [("DISPLAY", "QUEUE", "APP.*")]
    assert result["changed"] is False


def test_by_default_every_managed_type_is_read(mq, run_module):
    result = run_module("mq_info", name="SYSTEM.DEF*")
    assert not result.get("failed"), result.get("msg")
    # The queue manager's own row is read as qmgr and qmstatus; every other row under its list option.
    assert set(result) >= {"qmgr", "qmstatus"} | {t.list_option for t in REGISTRY if not t.singleton} >= {
        "listeners", "channels", "services", "queues", "authinfos"}
    assert "SYSTEM.DEFAULT.LOCAL.QUEUE" in {q["name"] for q in result["queues"]}
    assert "SYSTEM.DEF.SVRCONN" in {c["name"] for c in result["channels"]}
