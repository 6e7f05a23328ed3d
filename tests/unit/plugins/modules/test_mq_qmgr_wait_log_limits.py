# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_qmgr_wait log_limits: the preflight warning of the qmgr_restart role (a large active log means a long replay)."""

from __future__ import annotations

import json
import urllib.request

import pytest


def set_qmstatus(mq, **values):
    request = urllib.request.Request(mq.control_url + "/qmgr/QM1/qmstatus", data=json.dumps(values).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5):  # the in-process emulator, on loopback
        pass


def test_a_figure_above_its_limit_warns_what_it_means_for_the_next_start(mq, run_module):
    set_qmstatus(mq, logtype="LINEAR", recsz=900, loginuse=85, logutil=40)
    result = run_module("mq_qmgr_wait", capture=True, log_limits={"loginuse": 70, "logutil": 90, "recsz": 500})
    assert result["changed"] is False and "failed" not in result
    assert len(result["log_warnings"]) == 2
    loginuse, recsz = result["log_warnings"]
    assert loginuse.startswith("QM1 LOGINUSE 85% is above 70%: that share of the primary log is needed for restart recovery")
    assert "expect a long log replay" in loginuse
    assert recsz.startswith("QM1 RECSZ 900 MB is above 500 MB")
    assert [w["event"]["msg"] for w in result["warnings"]] == result["log_warnings"]  # also shown as warnings


def test_figures_at_or_below_their_limits_left_out_or_not_shown_pass(mq, run_module):
    # Circular logging (the default) shows no RECSZ: a RECSZ limit has nothing to judge.
    set_qmstatus(mq, loginuse=70, logutil=95)
    result = run_module("mq_qmgr_wait", capture=True, log_limits={"loginuse": 70, "recsz": 1})
    assert result["log_warnings"] == [] and not result.get("warnings")
    assert run_module("mq_qmgr_wait", capture=True)["log_warnings"] == []


@pytest.mark.parametrize("options,rule", [
    ({"capture": True, "log_limits": {"loginuse": -1}}, "log_limits.loginuse=-1 must be 0 or more"),
    ({"log_limits": {"loginuse": 70}}, "log_limits judges the log state a capture reads: it needs capture=true"),
])
def test_bad_limits_fail_before_any_request(mq, run_module, options, rule):
    result = run_module("mq_qmgr_wait", **options)
    assert result["failed"] is True and rule in result["msg"], result["msg"]
    assert mq.model.requests()["total"] == 0
