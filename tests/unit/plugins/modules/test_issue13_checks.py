# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 13 items that had no test of their own: mq_restart refuses amqp channels before sending anything, and the
attributes option never suggests a keyword that a module manages through its own option (single modules and
mq_objects entries alike)."""

from __future__ import annotations

import pytest


def test_mq_restart_refuses_an_amqp_channel_before_stopping_anything(mq, run_module):
    assert not run_module("mq_channel", name="APP.AMQP", type="amqp").get("failed")
    assert not run_module("mq_channel", name="APP.SDR", type="sdr", conname="partner(1414)", xmitq="XQ", state="started").get("failed")
    mq.model.clear_journal()
    result = run_module("mq_restart", type="channel", names=["APP.SDR", "APP.AMQP"])
    assert result["failed"] is True and "amqp" in result["msg"], result["msg"]
    assert [e for e in mq.model.journal("QM1") if e["mutating"]] == []


@pytest.mark.parametrize("module,options", [
    ("mq_channel", {"name": "C1", "type": "svrconn", "attributes": {"MAXINSTS": 5}}),
    ("mq_objects", {"channels": [{"name": "C1", "type": "svrconn", "attributes": {"MAXINSTS": 5}}]}),
])
def test_did_you_mean_never_proposes_a_keyword_that_has_an_option(mq, run_module, module, options):
    result = run_module(module, **options)
    assert result["failed"] is True
    assert "MAXINST is managed by the max_instances option" in result["msg"], result["msg"]
    # Close keywords without an option may still be suggested (KAINT); MAXINST and MAXINSTC never are.
    suggested = result["msg"].split("did you mean ")[1].split("?")[0] if "did you mean " in result["msg"] else ""
    assert "MAXINST" not in suggested, result["msg"]
    assert mq.model.journal("QM1") == []
