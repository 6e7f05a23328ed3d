# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The lifecycle records: consistent with their attribute tables, and the predicates every layer reads."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQInputError
from ansible_collections.mqrest.admin.plugins.module_utils._types import CHANNEL, LISTENER, REGISTRY, SERVICE

RUNNABLE = REGISTRY.runnable


@pytest.mark.parametrize("object_type", RUNNABLE, ids=lambda t: t.kind)
def test_every_subtype_a_record_names_is_a_choice_of_its_subtype_attribute(object_type):
    lifecycle = object_type.lifecycle
    named = set(lifecycle.passive) | set(lifecycle.unstartable) | set(lifecycle.unmonitored) | {lifecycle.default_subtype} - {None}
    choices = set(object_type.subtype_attr.choices) if object_type.subtype_attr else set()
    assert named <= choices
    assert lifecycle.on_its_way_states <= lifecycle.running
    assert set(lifecycle.failing) <= lifecycle.running | {"RETRYING"}
    assert set(lifecycle.needs_keyword.values()) <= set(object_type.by_keyword)
    assert set(lifecycle.address or ()) <= set(object_type.by_keyword)


def rows(*statuses):
    return [{"status": s} for s in statuses]


def test_running_stopped_and_on_its_way():
    channel = CHANNEL.lifecycle
    assert channel.is_running(rows("BINDING"), "SDR") and channel.is_on_its_way(rows("BINDING"), "SDR")
    assert not channel.is_on_its_way(rows("RUNNING", "BINDING"), "SDR")
    assert channel.is_running([], "SVRCONN") and not channel.is_running(rows("STOPPED"), "SVRCONN")
    assert not channel.is_running([], "SDR")
    assert channel.is_stopped([]) and channel.is_stopped(rows("STOPPED ", "INACTIVE")) and not channel.is_stopped(rows("STOPPING"))
    assert LISTENER.lifecycle.is_running(rows("STARTING")) and not LISTENER.lifecycle.is_running(rows("STOPPED"))


@pytest.mark.parametrize("subtype,stop,stopped_when_idle", [
    ("SVRCONN", {"STATUS": "STOPPED"}, False),  # idle, it accepts clients: only a STOPPED record refuses them
    ("RCVR", {}, False),  # STATUS(STOPPED) is MQ's default
    ("SVRCONN", {"STATUS": "INACTIVE"}, True),
    ("SDR", {"STATUS": "STOPPED"}, True),  # an idle sender does not run
])
def test_passive_channels_are_stopped_only_when_held(subtype, stop, stopped_when_idle):
    channel = CHANNEL.lifecycle
    assert channel.holds(subtype, stop) is not stopped_when_idle
    assert channel.is_stopped([], subtype, stop) is stopped_when_idle
    assert channel.is_stopped(rows("STOPPED"), subtype, stop) and not channel.is_stopped(rows("STOPPED", "RUNNING"), subtype, stop)
    assert channel.is_stopped([], subtype)  # without stop options: not running, which is what a DELETE needs
    assert not LISTENER.lifecycle.holds(None, {})


def test_stop_parameters_come_from_the_record():
    assert CHANNEL.lifecycle.stop_parameters({"stop_mode": "force", "stop_status": "inactive"}) == {"MODE": "FORCE", "STATUS": "INACTIVE"}
    assert LISTENER.lifecycle.stop_parameters({"stop_mode": "force"}) == {}


@pytest.mark.parametrize("object_type,params,message", [
    (CHANNEL, {"state": "started", "type": "clntconn"}, "state='started' is not supported for a clntconn channel: a clntconn channel cannot"),
    (CHANNEL, {"state": "stopped", "type": "AMQP"}, "state='stopped' is not supported for an amqp channel"),
    (SERVICE, {"state": "started", "service_type": "command"}, "state='started' needs service_type='server': MQ keeps no status"),
    (CHANNEL, {"state": "restarted", "type": "clntconn"}, "state='restarted' is not supported for a clntconn channel"),
    (SERVICE, {"state": "stopped", "service_type": "command"}, "needs service_type='server'"),
])
def test_state_rules_name_the_option_and_the_reason(object_type, params, message):
    with pytest.raises(MQInputError) as info:
        object_type.check_state(params)
    assert message in info.value.msg


@pytest.mark.parametrize("object_type,params", [
    (CHANNEL, {"state": "absent"}),
    (CHANNEL, {"state": "started", "type": "sdr"}),
    (SERVICE, {"state": "started", "service_type": "server"}),
    (LISTENER, {"state": "stopped", "transport_type": "tcp"}),
    # Without the type the existing definition decides: checked after the DISPLAY (check_run, desired_for).
    (CHANNEL, {"state": "present"}),
    (SERVICE, {"state": "started"}),
])
def test_state_rules_accept_what_can_run(object_type, params):
    object_type.check_state(params)
