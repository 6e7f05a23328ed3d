# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_topic and mq_objects topics: a topic object's string is fixed once defined; the emulator's journal proves what was sent."""

from __future__ import annotations

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, mutating, sent  # pylint: disable=import-error

PRICES = {"name": "PRICES", "topic_string": "prices", "durable_subscriptions": "yes", "description": "Price feed"}


def test_create_then_nothing_to_do_and_check_mode_sends_nothing(mq, run_module):
    fresh(mq)
    created = run_module("mq_topic", **PRICES)
    assert (created["changed"], created["action"]) == (True, "created")
    assert created["commands"] == ["DEFINE TOPIC(PRICES) TOPICSTR('prices') DESCR('Price feed') DURSUB(YES)"]
    topic = created["topic"]
    assert (topic["name"], topic["topic_string"], topic["durable_subscriptions"], topic["publish"]) == ("PRICES", "prices", "yes", "asparent")
    fresh(mq)
    check = run_module("mq_topic", _ansible_check_mode=True, **PRICES)
    again = run_module("mq_topic", **PRICES)
    assert (check["changed"], again["changed"], again["action"]) == (False, False, "unchanged")
    assert sent(mq) == [("DISPLAY", "TOPIC", "PRICES")] * 2


def test_an_unquoted_yes_and_mq_upper_case_are_the_documented_choices(mq, run_module):
    result = run_module("mq_topic", name="T1", topic_string="t1", durable_subscriptions=True, publish="DISABLED")
    # The string is quoted: runmqsc would fold it to upper case otherwise, and topic strings are case-sensitive.
    assert result["commands"] == ["DEFINE TOPIC(T1) TOPICSTR('t1') PUB(DISABLED) DURSUB(YES)"]


def test_update_alters_only_the_difference(mq, run_module):
    run_module("mq_topic", **PRICES)
    fresh(mq)
    result = run_module("mq_topic", _ansible_diff=True, **dict(PRICES, publish="disabled", attributes={"wildcard": "block"}))
    assert result["commands"] == ["ALTER TOPIC(PRICES) PUB(DISABLED) WILDCARD(BLOCK)"]
    assert result["diff"] == {"before": {"publish": "asparent", "wildcard": "passthru"}, "after": {"publish": "disabled", "wildcard": "block"}}


def test_a_new_topic_string_needs_recreate_and_then_deletes_and_defines(mq, run_module):
    run_module("mq_topic", **PRICES)
    fresh(mq)
    refused = run_module("mq_topic", **dict(PRICES, topic_string="prices/v2"))
    assert refused["failed"] and mutating(mq) == []
    assert "topic_string='prices/v2': topic 'PRICES' exists with topic_string='prices', and MQ cannot change TOPICSTR in place" \
        in refused["msg"] and "set recreate: true" in refused["msg"]
    moved = run_module("mq_topic", recreate=True, **dict(PRICES, topic_string="prices/v2"))
    assert moved["action"] == "recreated" and moved["topic"]["topic_string"] == "prices/v2"
    assert moved["commands"] == ["DELETE TOPIC(PRICES)", "DEFINE TOPIC(PRICES) TOPICSTR('prices/v2') DESCR('Price feed') DURSUB(YES)"]


def test_creating_needs_the_topic_string_and_bad_values_fail_before_any_request(mq, run_module):
    fresh(mq)
    missing = run_module("mq_topic", name="NOSTRING")
    assert missing["failed"] and "topic_string is required to create topic 'NOSTRING', which does not exist" in missing["msg"]
    assert mutating(mq) == []
    fresh(mq)
    for options, message in (({"attributes": {"DEFPRTY": 12}}, "attributes.DEFPRTY=12 is out of range: MQ accepts 0 to 9 or one of ASPARENT"),
                             ({"attributes": {"TOPICSTRING": "x"}}, "attributes.TOPICSTRING is not a topic attribute"),
                             ({"attributes": {"DESCR": "x"}}, "attributes.DESCR: use the description option instead"),
                             ({"publish": "maybe"}, "publish")):
        result = run_module("mq_topic", **dict(PRICES, **options))
        assert result["failed"] and message in result["msg"], result["msg"]
    assert sent(mq) == []


def test_mq_objects_refuses_two_topics_with_one_string_before_any_request(mq, run_module):
    fresh(mq)
    result = run_module("mq_objects", topics=[{"name": "A", "topic_string": "x/y"}, {"name": "B", "topic_string": "x/y"}])
    assert result["failed"] and result["msg"] == \
        "topics[1] (B): topic_string='x/y' is also declared by topics[0] (A); MQ allows one topic per topic_string (TOPICSTR: " \
        "a second one fails with 3300 MQRCCF_TOPICSTR_ALREADY_EXISTS)"
    assert sent(mq) == []


def test_mq_answers_a_string_another_topic_object_holds_with_3300_named_by_the_row(mq, run_module):
    """A string held by a topic object that this task does not declare: MQ refuses the DEFINE, and the failure shows the
    command, the reason code with the name the registry row gives it, and MQ's message; nothing else was sent."""
    run_module("mq_topic", **PRICES)
    fresh(mq)
    single = run_module("mq_topic", name="PRICES.AGAIN", topic_string="prices")
    assert single["failed"] and single["changed"] is False
    assert (single["mq_reason_code"], single["mq_reason_name"]) == (3300, "MQRCCF_TOPICSTR_ALREADY_EXISTS")
    assert single["mq_command"] == "DEFINE TOPIC(PRICES.AGAIN) TOPICSTR('prices')"
    assert "reason 3300 (MQRCCF_TOPICSTR_ALREADY_EXISTS): MQRCCF_TOPICSTR_ALREADY_EXISTS: topic string 'prices' already exists" \
        in single["msg"]
    assert mutating(mq) == [("DEFINE", "TOPIC", "PRICES.AGAIN")]
    fresh(mq)
    bulk = run_module("mq_objects", topics=[{"name": "NEWS", "topic_string": "news"}, {"name": "PRICES.AGAIN", "topic_string": "prices"}])
    assert bulk["failed"] and (bulk["mq_reason_code"], bulk["mq_reason_name"]) == (3300, "MQRCCF_TOPICSTR_ALREADY_EXISTS")
    assert bulk["commands"] == ["DEFINE TOPIC(NEWS) TOPICSTR('news')", "DEFINE TOPIC(PRICES.AGAIN) TOPICSTR('prices')"]
    assert bulk["changed"] is True  # NEWS was defined before MQ refused the second DEFINE
    assert run_module("mq_info", types=["topic"], name="PRICES*")["topics"][0]["name"] == "PRICES"  # the holder is untouched


def test_mq_objects_converges_topics_and_purges_by_prefix_never_system_ones(mq, run_module):
    run_module("mq_objects", topics=[{"name": "APP.OLD", "topic_string": "app/old"}])
    declared = [{"name": "APP.PRICES", "topic_string": "app/prices"}, {"name": "APP.NEWS", "topic_string": "app/news", "publish": "disabled"}]
    fresh(mq)
    result = run_module("mq_objects", topics=declared, purge={"prefix": "APP."})
    assert result["summary"]["created"] == 2 and result["summary"]["purged"] == 1
    assert sorted(mutating(mq)) == [("DEFINE", "TOPIC", "APP.NEWS"), ("DEFINE", "TOPIC", "APP.PRICES"), ("DELETE", "TOPIC", "APP.OLD")]
    assert sent(mq)[0] == ("DISPLAY", "TOPIC", "APP.*")  # one read for the declared names and the purge prefix
    fresh(mq)
    again = run_module("mq_objects", topics=declared, purge={"prefix": "APP."})
    assert again["changed"] is False and mutating(mq) == []
    refused = run_module("mq_objects", topics=[], purge={"prefix": "SYSTEM."})
    assert refused["failed"] and "never purged" in refused["msg"]
    system = run_module("mq_info", types=["topic"], name="SYSTEM.*", status=False)["topics"]
    assert {"SYSTEM.BASE.TOPIC", "SYSTEM.DEFAULT.TOPIC"} <= {t["name"] for t in system}


def test_mq_info_reads_topics_with_their_facts(mq, run_module):
    run_module("mq_topic", **PRICES)
    info = run_module("mq_info", types=["topic"], name="PRI*")
    assert [(t["name"], t["topic_string"], t["durable_subscriptions"]) for t in info["topics"]] == [("PRICES", "prices", "yes")]
    assert "status" not in info["topics"][0]  # topics have no run state
