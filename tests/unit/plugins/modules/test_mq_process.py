# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_process and mq_objects processes: what a trigger monitor starts; the journal proves what was sent."""

from __future__ import annotations

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, mutating, sent  # pylint: disable=import-error

LOADER = {"name": "APP.LOADER", "application_id": "/opt/app/bin/load_orders", "application_type": "unix",
          "environment_data": "LOG=/var/log/app", "description": "Loads orders"}


def test_create_then_nothing_to_do_and_check_mode_sends_nothing(mq, run_module):
    fresh(mq)
    check = run_module("mq_process", _ansible_check_mode=True, **LOADER)
    assert (check["changed"], check["action"]) == (True, "created") and mutating(mq) == []
    created = run_module("mq_process", **LOADER)
    assert created["commands"] == ["DEFINE PROCESS(APP.LOADER) APPLICID('/opt/app/bin/load_orders') APPLTYPE(UNIX) "
                                   "ENVRDATA('LOG=/var/log/app') DESCR('Loads orders')"]
    process = created["process"]
    assert (process["application_id"], process["application_type"], process["user_data"]) == ("/opt/app/bin/load_orders", "UNIX", "")
    fresh(mq)
    check_again = run_module("mq_process", _ansible_check_mode=True, **LOADER)
    again = run_module("mq_process", **LOADER)
    assert (check_again["changed"], again["changed"], again["action"]) == (False, False, "unchanged")
    assert sent(mq) == [("DISPLAY", "PROCESS", "APP.LOADER")] * 2


def test_update_alters_only_the_difference_and_a_user_defined_type_is_a_number(mq, run_module):
    run_module("mq_process", **LOADER)
    fresh(mq)
    result = run_module("mq_process", _ansible_diff=True, **dict(LOADER, application_type="65536", user_data="batch"))
    assert result["commands"] == ["ALTER PROCESS(APP.LOADER) APPLTYPE(65536) USERDATA('batch')"]
    assert result["diff"] == {"before": {"application_type": "UNIX", "user_data": ""}, "after": {"application_type": 65536, "user_data": "batch"}}
    fresh(mq)
    assert run_module("mq_process", **dict(LOADER, application_type=65536, user_data="batch"))["changed"] is False
    assert mutating(mq) == []


def test_bad_input_fails_before_any_request(mq, run_module):
    fresh(mq)
    for options, message in (
            (dict(LOADER, application_type="dos"), "application_type='dos' must be an integer or one of CICS, DEF, IMS"),
            (dict(LOADER, application_type=1000000000), "application_type='1000000000' is out of range: MQ accepts 0 to 999999999"),
            (dict(LOADER, application_id="/" * 257), "is 257 characters long; MQ allows at most 256"),
            (dict(LOADER, environment_data="e" * 129), "is 129 characters long; MQ allows at most 128"),
            (dict(LOADER, user_data="line\nbreak"), "user_data='line\\nbreak' must be a single line without control characters"),
            (dict(LOADER, attributes={"QSGDISP": "qmgr"}), "attributes.QSGDISP is not a process attribute this module manages"),
    ):
        result = run_module("mq_process", **options)
        assert result["failed"] and message in result["msg"], (options, result["msg"])
    assert sent(mq) == []


def test_mq_objects_converges_processes_before_the_queues_that_name_them(mq, run_module):
    run_module("mq_objects", processes=[{"name": "APP.OLD", "application_id": "/bin/true"}])
    declared = {"processes": [LOADER],
                "queues": [{"name": "APP.ORDERS.IN", "attributes": {"TRIGTYPE": "first", "PROCESS": "APP.LOADER"}}]}
    fresh(mq)
    result = run_module("mq_objects", purge={"prefix": "APP."}, **declared)
    assert (result["summary"]["created"], result["summary"]["purged"]) == (2, 1)
    defines = [(q, n) for v, q, n in mutating(mq) if v == "DEFINE"]
    assert defines == [("PROCESS", "APP.LOADER"), ("QLOCAL", "APP.ORDERS.IN")]
    fresh(mq)
    again = run_module("mq_objects", purge={"prefix": "APP."}, **declared)
    assert again["changed"] is False and mutating(mq) == []
    info = run_module("mq_info", types=["process"], name="APP.*")["processes"]
    assert [(p["name"], p["application_type"]) for p in info] == [("APP.LOADER", "UNIX")]
