# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The rolling restart's plan and health rules, on mq_info-shaped results, and mq_restart's target expansion."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQInputError
from ansible_collections.mqrest.admin.plugins.module_utils._types import CHANNEL
from ansible_collections.mqrest.admin.plugins.module_utils._restart import match_targets
from ansible_collections.mqrest.admin.plugins.module_utils._rolling import restart_plan, unhealthy


def obj(name, type_=None, *statuses):
    facts = {"name": name, "status": [{"status": s} for s in statuses]}
    if type_:
        facts["type"] = type_
    return facts


INFO = {
    "qmstatus": {"qmname": "QM1", "status": "RUNNING", "cmdserv": "RUNNING"},
    "channels": [
        obj("APP.SVRCONN", "svrconn"),                     # enabled, no client: no status record
        obj("APP.CLNT", "clntconn"),                       # client-side definition, never runs
        obj("APP.AMQP", "amqp"),
        obj("APP.TO.QM2", "sdr", "RUNNING"),
        obj("APP.TO.QM3", "sdr", "RETRYING"),
        obj("SYSTEM.DEF.SVRCONN", "svrconn"),
    ],
    "listeners": [obj("APP.L1", "tcp", "RUNNING"), obj("APP.L2", "tcp")],
    "services": [],
}


def test_plan_expands_generic_names_like_mq_restart_and_restarts_only_what_runs():
    result = restart_plan(INFO, [{"type": "channel", "names": ["APP.*", "APP.TO.QM2"]}, {"type": "listener", "names": ["APP.L*"]}],
                          parallel=False)
    channels, listeners = result["plan"]
    # Generic names skip what cannot be started or stopped (clntconn, amqp) and SYSTEM.* objects; no repeats.
    assert channels == {"type": "channel", "names": ["APP.TO.QM2"], "not_running": ["APP.SVRCONN", "APP.TO.QM3"], "missing": [],
                        "parallel": False, "wait_for_partner": False}
    assert listeners == {"type": "listener", "names": ["APP.L1"], "not_running": ["APP.L2"], "missing": [], "parallel": False,
                         "wait_for_partner": False}
    assert result["missing"] == []


def test_plan_lists_what_matches_nothing_unless_allowed():
    result = restart_plan(INFO, [{"type": "channel", "names": ["NONE.*", "GONE"]}, {"type": "service", "names": ["X*"], "allow_empty": True},
                                 {"type": "channel", "names": ["SYSTEM.*"], "parallel": False}])
    assert result["missing"] == ["channel NONE.*", "channel GONE"]
    assert [step["missing"] for step in result["plan"]] == [["NONE.*", "GONE"], [], []]
    assert result["plan"][1]["names"] == []
    # A generic name that starts with SYSTEM. does reach SYSTEM.* objects.
    assert result["plan"][2]["not_running"] == ["SYSTEM.DEF.SVRCONN"] and result["plan"][2]["parallel"] is False


@pytest.mark.parametrize("channel,healthy", [
    (obj("C", "svrconn"), True),                         # passive: enabled and waiting for clients
    (obj("C", "svrconn", "RUNNING", "RUNNING"), True),
    (obj("C", "svrconn", "STOPPED"), False),
    (obj("C", "rcvr", "RETRYING"), False),
    (obj("C", "sdr", "RUNNING"), True),
    (obj("C", "sdr"), False),                            # an active channel with no record is not running
    (obj("C", "sdr", "BINDING"), False),
    (obj("C", "sdr", "RETRYING"), False),
])
def test_health_follows_the_lifecycle_table(channel, healthy):
    info = dict(INFO, channels=[channel])
    assert (unhealthy(info, [{"type": "channel", "names": ["C"]}]) == []) is healthy


@pytest.mark.parametrize("channel,healthy", [
    (obj("C", "rcvr"), False),                           # enabled, but its partner has not reconnected
    (obj("C", "rcvr", "RUNNING"), True),
    (obj("C", "rcvr", "RUNNING", "RETRYING"), False),
])
def test_wait_for_partner_needs_a_running_instance_of_a_receiver(channel, healthy):
    info = dict(INFO, channels=[channel])
    bad = unhealthy(info, [{"type": "channel", "names": ["C"], "wait_for_partner": True}])
    assert (bad == []) is healthy
    assert healthy or bad[0].endswith("; its partner has not reconnected)")


def test_unhealthy_names_the_queue_manager_first_and_objects_that_are_gone():
    info = dict(INFO, qmstatus={"qmname": "QM1", "status": "RUNNING", "cmdserv": "STOPPED"})
    assert unhealthy(info, [{"type": "listener", "names": ["APP.L1", "APP.L2", "APP.L9"]}]) == [
        "qmgr QM1 (status RUNNING, command server STOPPED)", "listener APP.L2 (no status record)", "listener APP.L9 (gone)"]


def test_mq_restart_refuses_what_does_not_exist_and_generic_names_that_match_nothing():
    rows = {"APP.TO.QM2": {"channel": "APP.TO.QM2", "chltype": "SDR"}}
    assert match_targets(CHANNEL, rows, ["APP.*", "APP.TO.QM2"]) == [("APP.TO.QM2", "SDR")]
    with pytest.raises(MQInputError, match="'APP.NONE' does not exist"):
        match_targets(CHANNEL, rows, ["APP.NONE"])
    with pytest.raises(MQInputError, match="matches no channel"):
        match_targets(CHANNEL, rows, ["X.*"])
    assert match_targets(CHANNEL, rows, ["X.*"], allow_empty=True) == []
