# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_qmgr and mq_objects qmgr_attributes: ALTER QMGR only with what differs, never a DEFINE or DELETE, and what a change
waits for (a REFRESH SECURITY of a type, the queue manager's next start) named, never run. The emulator's journal proves
what was sent."""

from __future__ import annotations

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import (  # pylint: disable=import-error
    fresh, mutating, sent, warning_texts)

EVENTS = {"inhibit_events": "enabled", "local_events": "enabled", "performance_events": "enabled", "remote_events": "enabled",
          "start_stop_events": "disabled", "channel_events": "exception", "ssl_events": "enabled", "configuration_events": "enabled",
          "command_events": "nodisplay", "authority_events": "enabled", "channel_autodefinition_events": "enabled"}


def test_event_switches_altered_once_then_nothing_to_do(mq, run_module):
    fresh(mq)
    check = run_module("mq_qmgr", _ansible_check_mode=True, **EVENTS)
    assert (check["changed"], check["action"], mutating(mq)) == (True, "updated", [])
    assert check["qmgr"]["channel_events"] == "exception"  # the predicted state
    result = run_module("mq_qmgr", _ansible_diff=True, **EVENTS)
    # Only what differs (STRSTPEV is ENABLED on a new queue manager, the others DISABLED), in one ALTER QMGR.
    assert result["commands"] == ["ALTER QMGR INHIBTEV(ENABLED) LOCALEV(ENABLED) PERFMEV(ENABLED) REMOTEEV(ENABLED) STRSTPEV(DISABLED) "
                                  "CHLEV(EXCEPTION) SSLEV(ENABLED) CONFIGEV(ENABLED) CMDEV(NODISPLAY) AUTHOREV(ENABLED) CHADEV(ENABLED)"]
    assert result["diff"]["before"]["start_stop_events"] == "enabled" and result["diff"]["after"]["start_stop_events"] == "disabled"
    assert result["qmgr"]["qmname"] == "QM1" and result["qmgr"]["command_events"] == "nodisplay"
    assert (result["refresh_required"], result["restart_required"]) == ([], False) and "raced" not in result
    fresh(mq)
    again = run_module("mq_qmgr", **EVENTS)
    check_again = run_module("mq_qmgr", _ansible_check_mode=True, **EVENTS)
    assert (again["changed"], again["action"], check_again["changed"]) == (False, "unchanged", False)
    assert mutating(mq) == [] and sent(mq) == [("DISPLAY", "QMGR", None)] * 2


def test_limits_names_and_free_attributes(mq, run_module):
    fresh(mq)
    result = run_module("mq_qmgr", description="Payments hub", dead_letter_queue="SYSTEM.DEAD.LETTER.QUEUE", max_handles=512,
                        max_uncommitted_messages=20000, attributes={"markint": "nolimit", "TRIGINT": 60000})
    assert result["commands"] == ["ALTER QMGR DESCR('Payments hub') DEADQ(SYSTEM.DEAD.LETTER.QUEUE) MAXHANDS(512) MAXUMSGS(20000) "
                                  "MARKINT(NOLIMIT) TRIGINT(60000)"]
    assert result["changed_attributes"] == ["description", "dead_letter_queue", "max_handles", "max_uncommitted_messages", "markint",
                                            "trigint"]
    assert [v for v, _q, _n in mutating(mq)] == ["ALTER"]  # never a DEFINE or DELETE


def test_what_a_change_waits_for_is_named_and_never_run(mq, run_module):
    fresh(mq)
    tls = run_module("mq_qmgr", certificate_label="qm1cert2026", ssl_key_repository="/var/mqm/qmgrs/QM1/ssl/key2026")
    assert (tls["refresh_required"], tls["restart_required"]) == (["ssl"], False)
    assert "the queue manager: the change takes effect after REFRESH SECURITY TYPE(SSL), which this task does not run: " \
           "mqrest.admin.mq_refresh_security with type: ssl runs it and waits until every TLS channel and client it bounces is " \
           "back" in warning_texts(tls)
    auth = run_module("mq_qmgr", connection_authentication="SYSTEM.DEFAULT.AUTHINFO.IDPWLDAP", attributes={"SUITEB": "128_bit"})
    assert auth["refresh_required"] == ["connauth", "ssl"]
    start = run_module("mq_qmgr", attributes={"SCHINIT": "manual", "ccsid": 819})
    assert (start["refresh_required"], start["restart_required"]) == ([], True)
    assert "the queue manager: schinit, ccsid take effect when the queue manager next starts (mqrest.admin.qmgr_restart restarts " \
           "it)" in warning_texts(start)
    # Neither a REFRESH SECURITY nor anything that restarts was sent.
    assert {v for v, _q, _n in mutating(mq)} == {"ALTER"}
    again = run_module("mq_qmgr", attributes={"SCHINIT": "manual", "ccsid": 819})
    assert (again["changed"], again["restart_required"], warning_texts(again)) == (False, False, [])


def test_bad_input_fails_before_any_request(mq, run_module):
    fresh(mq)
    for options, message in (({"max_handles": -1}, "max_handles=-1 is out of range: MQ accepts 0 to 999999999"),
                             ({"max_message_length": 1000}, "max_message_length=1000 is out of range: MQ accepts 32768 to 104857600"),
                             ({"channel_events": "sometimes"}, "channel_events"),
                             ({"dead_letter_queue": "DLQ WITH BLANKS"}, "dead_letter_queue='DLQ WITH BLANKS' is not a valid MQ object name"),
                             ({"attributes": {"IGQ": "enabled"}}, "attributes.IGQ is not a qmgr attribute this module manages"),
                             ({"attributes": {"DEADQ": "X"}}, "attributes.DEADQ: use the dead_letter_queue option instead"),
                             ({"attributes": {"TREELIFE": 700000}}, "attributes.TREELIFE=700000 is out of range: MQ accepts 0 to 604000"),
                             ({"name": "QM1"}, "name")):
        result = run_module("mq_qmgr", **options)
        assert result["failed"] and message in result["msg"], result["msg"]
    assert sent(mq) == []


def test_mq_objects_qmgr_attributes_first_never_purged_and_idempotent(mq, run_module):
    declared = dict(qmgr_attributes=dict(EVENTS, dead_letter_queue="APP.DLQ"), queues=[{"name": "APP.DLQ"}])
    fresh(mq)
    check = run_module("mq_objects", _ansible_check_mode=True, purge={"prefix": "APP."}, **declared)
    assert check["changed"] and mutating(mq) == []
    result = run_module("mq_objects", _ansible_diff=True, purge={"prefix": "APP."}, **declared)
    # The queue manager first: DEADQ may name a queue the same task defines (MQ checks it when it uses it).
    assert mutating(mq) == [("ALTER", "QMGR", None), ("DEFINE", "QLOCAL", "APP.DLQ")]
    qmgr = next(c for c in result["changes"] if c["type"] == "qmgr")
    assert (qmgr["name"], qmgr["action"], qmgr["restart_required"], qmgr["refresh_required"]) == ("QM1", "updated", False, [])
    assert result["diff"]["after"]["qmgr_attributes"]["dead_letter_queue"] == "APP.DLQ"
    assert result["summary"]["updated"] == 1 and result["summary"]["created"] == 1
    fresh(mq)
    again = run_module("mq_objects", purge={"prefix": "APP."}, **declared)
    assert (again["changed"], mutating(mq)) == (False, [])
    assert ("DISPLAY", "QMGR", None) in sent(mq)


def test_mq_objects_refuses_bad_queue_manager_attributes_before_any_request(mq, run_module):
    fresh(mq)
    result = run_module("mq_objects", qmgr_attributes={"max_handles": -5}, queues=[{"name": "APP.Q"}])
    assert result["failed"] and result["msg"] == "qmgr_attributes: max_handles=-5 is out of range: MQ accepts 0 to 999999999"
    assert sent(mq) == []
