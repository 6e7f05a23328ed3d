# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_subscription and mq_objects subscriptions: administrative subscriptions, the attributes ALTER SUB cannot change, the
SUBID MQ gives each definition; the emulator's journal proves what was sent."""

from __future__ import annotations

import re

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, mutating, sent  # pylint: disable=import-error

FRUIT = {"name": "APP.FRUIT", "topic_string": "prices/fruit/#", "destination": "APP.FRUIT.IN", "user_data": "fruit desk"}
SUBID = re.compile(r"^414D5120[0-9A-F]{40}$")


def test_create_then_nothing_to_do_and_check_mode_sends_nothing(mq, run_module):
    fresh(mq)
    check = run_module("mq_subscription", _ansible_check_mode=True, **FRUIT)
    assert (check["changed"], check["action"]) == (True, "created") and mutating(mq) == []
    created = run_module("mq_subscription", **FRUIT)
    assert (created["changed"], created["action"]) == (True, "created")
    assert created["commands"] == ["DEFINE SUB(APP.FRUIT) TOPICSTR('prices/fruit/#') DEST(APP.FRUIT.IN) USERDATA('fruit desk')"]
    sub = created["subscription"]
    assert (sub["name"], sub["topic_string"], sub["destination"], sub["destination_class"], sub["subtype"]) == \
        ("APP.FRUIT", "prices/fruit/#", "APP.FRUIT.IN", "provided", "ADMIN")
    assert SUBID.match(sub["subid"])  # the identifier MQ gave the subscription, in the facts
    fresh(mq)
    check_again = run_module("mq_subscription", _ansible_check_mode=True, **FRUIT)
    again = run_module("mq_subscription", **FRUIT)
    assert (check_again["changed"], again["changed"], again["action"]) == (False, False, "unchanged")
    assert again["subscription"]["subid"] == sub["subid"]
    assert sent(mq) == [("DISPLAY", "SUB", "APP.FRUIT")] * 2  # one read each, nothing else


def test_update_alters_only_what_alter_sub_can_change(mq, run_module):
    run_module("mq_subscription", **FRUIT)
    fresh(mq)
    result = run_module("mq_subscription", _ansible_diff=True, **dict(FRUIT, destination_qmgr="QM2", attributes={"pubprty": 4, "psprop": "rfh2"}))
    assert result["commands"] == ["ALTER SUB(APP.FRUIT) DESTQMGR(QM2) PUBPRTY(4) PSPROP(RFH2)"]
    assert result["diff"] == {"before": {"destination_qmgr": "", "psprop": "msgprop", "pubprty": "ASPUB"},
                              "after": {"destination_qmgr": "QM2", "psprop": "rfh2", "pubprty": 4}}
    assert mutating(mq) == [("ALTER", "SUB", "APP.FRUIT")]


@pytest.mark.parametrize("change, keyword", [
    ({"topic_string": "prices/veg/#"}, "TOPICSTR"), ({"selector": "Region = 'EU'"}, "SELECTOR"),
    ({"attributes": {"WSCHEMA": "char"}}, "WSCHEMA"), ({"attributes": {"SUBSCOPE": "qmgr"}}, "SUBSCOPE"),
    ({"attributes": {"SUBLEVEL": 2}}, "SUBLEVEL"),
])
def test_what_alter_sub_cannot_change_needs_recreate_and_then_gets_a_new_subid(mq, run_module, change, keyword):
    """IBM's ALTER SUB usage notes: TOPICOBJ, TOPICSTR, WSCHEMA, SELECTOR, SUBSCOPE, DESTCLAS and SUBLEVEL cannot be altered."""
    first = run_module("mq_subscription", **FRUIT)["subscription"]["subid"]
    fresh(mq)
    refused = run_module("mq_subscription", **dict(FRUIT, **change))
    assert refused["failed"] and mutating(mq) == []
    assert "MQ cannot change {0} in place".format(keyword) in refused["msg"] and "set recreate: true" in refused["msg"]
    moved = run_module("mq_subscription", recreate=True, **dict(FRUIT, **change))
    assert moved["action"] == "recreated" and moved["commands"][0] == "DELETE SUB(APP.FRUIT)"
    assert moved["commands"][1].startswith("DEFINE SUB(APP.FRUIT) ")
    assert SUBID.match(moved["subscription"]["subid"]) and moved["subscription"]["subid"] != first


def test_a_destination_on_another_queue_manager_and_a_managed_one(mq, run_module):
    """DEST with DESTQMGR is not checked by MQ (a queue of QM2); a managed subscription's DEST is the queue manager's and
    is read, not compared."""
    remote = run_module("mq_subscription", name="APP.EU", topic_string="prices/#", destination="PRICES.IN", destination_qmgr="QM2")
    assert (remote["subscription"]["destination"], remote["subscription"]["destination_qmgr"]) == ("PRICES.IN", "QM2")
    managed = run_module("mq_subscription", name="APP.AUDIT", topic_string="prices/#", destination_class="managed")
    assert managed["commands"] == ["DEFINE SUB(APP.AUDIT) TOPICSTR('prices/#') DESTCLAS(MANAGED)"]
    assert managed["subscription"]["destination"].startswith("SYSTEM.MANAGED.DURABLE.")
    fresh(mq)
    again = run_module("mq_subscription", name="APP.AUDIT", topic_string="prices/#", destination_class="managed")
    assert again["changed"] is False and mutating(mq) == []
    refused = run_module("mq_subscription", name="APP.AUDIT", destination="APP.Q")
    assert refused["failed"] and "destination is not valid for a managed subscription; it applies to provided" in refused["msg"]
    moved = run_module("mq_subscription", name="APP.AUDIT", topic_string="prices/#", destination="APP.AUDIT.IN",
                       destination_class="provided", recreate=True)
    assert moved["action"] == "recreated" and moved["subscription"]["destination"] == "APP.AUDIT.IN"


def test_a_topic_object_alone_is_read_back_as_mq_resolves_it(mq, run_module):
    run_module("mq_topic", name="PRICES", topic_string="prices")
    created = run_module("mq_subscription", name="APP.ALL", topic_object="PRICES", destination="APP.IN")
    assert (created["subscription"]["topic_object"], created["subscription"]["topic_string"]) == ("PRICES", "prices")
    fresh(mq)
    assert run_module("mq_subscription", name="APP.ALL", topic_object="PRICES", destination="APP.IN")["changed"] is False
    assert mutating(mq) == []
    # A topic object that does not exist: MQ refuses the DEFINE, and the failure names the command and the reason.
    missing = run_module("mq_subscription", name="APP.NONE", topic_object="NO.SUCH", destination="APP.IN")
    assert missing["failed"] and (missing["mq_reason_code"], missing["mq_reason_name"]) == (3317, "MQRCCF_INVALID_DESTINATION")
    assert missing["mq_command"] == "DEFINE SUB(APP.NONE) TOPICOBJ(NO.SUCH) DEST(APP.IN)"


def test_bad_input_fails_before_any_request(mq, run_module):
    fresh(mq)
    for options, message in (
            ({"name": "APP.NEW"}, "(topic_string or topic_object) and destination are required to create subscription 'APP.NEW'"),
            ({"name": "APP.NEW", "destination": "Q"}, "topic_string or topic_object is required to create subscription 'APP.NEW'"),
            (dict(FRUIT, topic_object="PRICES"), "topic_string and topic_object are given together; subscription takes one of them"),
            (dict(FRUIT, name=" APP.LEAD"), "name=' APP.LEAD' is not a valid subscription name: it must be 1 to 10240 characters"),
            (dict(FRUIT, name="APP*"), "is not a valid subscription name"),
            (dict(FRUIT, attributes={"PUBPRTY": 10}), "attributes.PUBPRTY=10 is out of range: MQ accepts 0 to 9 or one of ASPUB, ASQDEF"),
            (dict(FRUIT, attributes={"REQONLY": "all"}), "attributes.REQONLY='all' must be one of no, yes"),
            (dict(FRUIT, attributes={"SUBLEVEL": 0}), "attributes.SUBLEVEL=0 is out of range: MQ accepts 1 to 9"),
            (dict(FRUIT, attributes={"PUBAPPID": "a" * 33}), "attributes.PUBAPPID='" + "a" * 33 + "' is 33 characters long; MQ allows at most 32"),
            # A long value is shown by its start and its length, not echoed whole.
            (dict(FRUIT, user_data="u" * 20000), "user_data='" + "u" * 40 + "...' is 20000 characters long; MQ allows at most 10240"),
            (dict(FRUIT, attributes={"CMDSCOPE": " "}), "attributes.CMDSCOPE is not a subscription attribute this module manages"),
            (dict(FRUIT, attributes={"DEST": "Q"}), "attributes.DEST: use the destination option instead"),
            (dict(FRUIT, destination="BAD NAME"), "destination='BAD NAME' is not a valid MQ object name"),
            (dict(FRUIT, destination_class="managed"), "destination is not valid for a managed subscription; it applies to provided"),
    ):
        result = run_module("mq_subscription", **options)
        assert result["failed"] and message in result["msg"], (options, result["msg"])
    # Everything above is refused before a mutating command; only the missing-option checks read the subscription first.
    assert mutating(mq) == [] and {verb for verb, _q, _n in sent(mq)} <= {"DISPLAY"}
    assert len(sent(mq)) == 2


def test_a_name_with_blanks_inside_is_a_subscription_name(mq, run_module):
    """IBM-NAMING: subscription names may hold blanks; the command quotes it."""
    created = run_module("mq_subscription", **dict(FRUIT, name="fruit desk prices"))
    assert created["commands"][0].startswith("DEFINE SUB('fruit desk prices') ")
    fresh(mq)
    assert run_module("mq_subscription", **dict(FRUIT, name="fruit desk prices"))["changed"] is False
    assert run_module("mq_subscription", name="fruit desk prices", state="absent")["commands"] == ["DELETE SUB('fruit desk prices')"]


def test_a_subscription_another_writer_defines_in_between_is_planned_again(mq, run_module, another_writer):
    """DEFINE SUB of a name that exists now is 3311, not 4001: the row names it as the race of its create verb, so the task
    reads the subscription again and alters what differs."""
    another_writer("DISPLAY", "SUB", MQSCCommand("DEFINE", "SUB", "APP.FRUIT", {"TOPICSTR": "prices/fruit/#", "DEST": "APP.FRUIT.IN",
                                                                                "USERDATA": "theirs"}))
    result = run_module("mq_subscription", **FRUIT)
    assert "failed" not in result, result.get("msg")
    assert (result["raced"], result["action"]) == (True, "updated")
    assert result["commands"] == ["DEFINE SUB(APP.FRUIT) TOPICSTR('prices/fruit/#') DEST(APP.FRUIT.IN) USERDATA('fruit desk')",
                                  "ALTER SUB(APP.FRUIT) USERDATA('fruit desk')"]


def test_mq_objects_converges_subscriptions_after_their_topics_and_purges_by_prefix(mq, run_module):
    run_module("mq_objects", subscriptions=[{"name": "APP.OLD", "topic_string": "old", "destination": "APP.IN"}])
    declared = {"topics": [{"name": "APP.PRICES", "topic_string": "app/prices"}],
                "subscriptions": [{"name": "APP.ALL", "topic_object": "APP.PRICES", "destination": "APP.IN"},
                                  {"name": "APP.EU", "topic_string": "app/prices/eu", "destination": "EU.IN", "destination_qmgr": "QM2"}]}
    fresh(mq)
    result = run_module("mq_objects", purge={"prefix": "APP."}, **declared)
    assert result["summary"]["created"] == 3 and result["summary"]["purged"] == 1
    defines = [(v, q, n) for v, q, n in mutating(mq) if v == "DEFINE"]
    assert defines[0] == ("DEFINE", "TOPIC", "APP.PRICES")  # the topic object first: the subscription's TOPICOBJ must exist
    assert sorted(mutating(mq)) == [("DEFINE", "SUB", "APP.ALL"), ("DEFINE", "SUB", "APP.EU"), ("DEFINE", "TOPIC", "APP.PRICES"),
                                    ("DELETE", "SUB", "APP.OLD")]
    fresh(mq)
    again = run_module("mq_objects", purge={"prefix": "APP."}, **declared)
    assert again["changed"] is False and mutating(mq) == []
    refused = run_module("mq_objects", subscriptions=[], purge={"prefix": "SYSTEM."})
    assert refused["failed"] and "never purged" in refused["msg"]
    emptied = run_module("mq_objects", subscriptions=[], purge={"prefix": "APP."})
    assert emptied["summary"]["purged"] == 2
    left = run_module("mq_info", types=["subscription"], name="*")["subscriptions"]
    assert [s["name"] for s in left] == ["SYSTEM.DEFAULT.SUB"]  # SYSTEM.* is never purged


def test_mq_objects_refuses_a_bad_entry_before_any_request(mq, run_module):
    fresh(mq)
    result = run_module("mq_objects", subscriptions=[FRUIT, dict(FRUIT, name="APP.BOTH", topic_object="T")])
    assert result["failed"] and result["msg"].startswith("subscriptions[1] (APP.BOTH): topic_string and topic_object are given together")
    assert sent(mq) == []


def test_mq_info_reads_subscriptions_with_their_subid(mq, run_module):
    run_module("mq_subscription", **FRUIT)
    info = run_module("mq_info", types=["subscription"], name="APP.*")
    assert [(s["name"], s["topic_string"], s["destination"]) for s in info["subscriptions"]] == [("APP.FRUIT", "prices/fruit/#", "APP.FRUIT.IN")]
    assert SUBID.match(info["subscriptions"][0]["subid"]) and "status" not in info["subscriptions"][0]
