# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Input validation and comparison rules derived from the attribute tables."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._attributes import Attr, NameChars, ObjectType, one_of
from ansible_collections.mqrest.admin.plugins.module_utils._ensure import changed_keywords
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQInputError, reason_name
from ansible_collections.mqrest.admin.plugins.module_utils._types import CHANNEL, LISTENER, REGISTRY, SERVICE


def params(**kw):
    kw.setdefault("attributes", {})
    return kw


@pytest.mark.parametrize("spec,name,message", [
    (CHANNEL, "A" * 21, "1 to 20 characters"),
    (LISTENER, "L" * 49, "1 to 48 characters"),
    (CHANNEL, "BAD NAME", "not a valid channel name"),
    (CHANNEL, "X'); DELETE", "not a valid channel name"),
    (LISTENER, "L*", "not a valid listener name"),
    (SERVICE, "", "not a valid service name"),
])
def test_invalid_names(spec, name, message):
    with pytest.raises(MQInputError, match=message):
        spec.validate_name(name)


def test_names_keep_case_and_allow_mq_characters():
    assert CHANNEL.validate_name("app.Svr/Conn_%1") == "app.Svr/Conn_%1"
    assert CHANNEL.validate_name("APP.*", generic=True) == "APP.*"


@pytest.mark.parametrize("spec,subtype,given,message", [
    (LISTENER, "TCP", params(port=70000), r"port=70000 is out of range: MQ accepts 0 to 65535"),
    (LISTENER, "TCP", params(description="x" * 65), "at most 64"),
    (LISTENER, "TCP", params(description="two\nlines"), "single line"),
    (CHANNEL, "RCVR", params(xmitq="XQ"), "xmitq is not valid for a rcvr channel"),
    (CHANNEL, "SDR", params(conname="h(1414)"), "xmitq is required for a sdr channel"),
    (CHANNEL, "SDR", params(xmitq="XQ"), "conname is required for a sdr channel"),
    (CHANNEL, "SVRCONN", params(attributes={"BATCHSZE": 5}), "did you mean BATCHSZ"),
    (CHANNEL, "SVRCONN", params(attributes={"MAXINST": 5}), "use the max_instances option"),
    (CHANNEL, "SVRCONN", params(attributes={"chltype": "SDR"}), "set the CHLTYPE with the type option"),
    (CHANNEL, "SVRCONN", params(attributes={"BATCHSZ": 5}), "not valid for a svrconn channel"),
    (CHANNEL, "SDR", params(conname="h", xmitq="XQ", attributes={"BATCHSZ": "many"}), "attributes.BATCHSZ='many' must be an integer"),
    (CHANNEL, "SDR", params(conname="h", xmitq="bad queue", attributes={}), "xmitq='bad queue' is not a valid MQ object name"),
    (CHANNEL, "SVRCONN", params(attributes={"MONCHL": "extreme"}), "must be one of qmgr, off, low, medium, high"),
])
def test_bad_input_names_option_value_and_rule(spec, subtype, given, message):
    with pytest.raises(MQInputError, match=message):
        spec.desired_from_params(given, subtype)


def test_desired_uses_wire_forms():
    desired = CHANNEL.desired_from_params(params(type="sdr", conname="partner(1414)", xmitq="QM2", heartbeat_interval="60",
                                                 attributes={"batchsz": 100, "kaint": "auto", "COMPMSG": ["zlibfast", "rle"]}), "SDR")
    assert desired == {"CHLTYPE": "SDR", "CONNAME": "partner(1414)", "XMITQ": "QM2", "HBINT": 60, "BATCHSZ": 100,
                       "KAINT": "AUTO", "COMPMSG": ["ZLIBFAST", "RLE"]}


@pytest.mark.parametrize("desired,row,changed", [
    ({"PORT": 1414}, {"port": 1414}, []),
    ({"PORT": 1415}, {"port": 1414}, ["PORT"]),
    # Enums compare case-insensitively; DISPLAY strips trailing blanks.
    ({"CONTROL": "QMGR"}, {"control": "qmgr"}, []),
    ({"DESCR": "Orders"}, {"descr": "Orders  "}, []),
    # Free text is case-sensitive: MQ keeps the case it was given.
    ({"DESCR": "orders"}, {"descr": "Orders"}, ["DESCR"]),
    # An attribute DISPLAY did not return counts as different, so it gets sent.
    ({"BACKLOG": 0}, {}, ["BACKLOG"]),
    # The immutable type keyword is never part of an ALTER's changes.
    ({"TRPTYPE": "TCP", "PORT": 1}, {"trptype": "TCP", "port": 1}, []),
])
def test_changed_keywords(desired, row, changed):
    assert changed_keywords(LISTENER, desired, row) == changed


def test_list_attributes_compare_in_order_of_preference():
    assert changed_keywords(CHANNEL, {"COMPMSG": ["RLE", "ZLIBFAST"]}, {"compmsg": ["RLE", "ZLIBFAST"]}) == []
    assert changed_keywords(CHANNEL, {"COMPMSG": ["RLE", "ZLIBFAST"]}, {"compmsg": ["ZLIBFAST", "RLE"]}) == ["COMPMSG"]


def test_facts_use_option_names():
    facts = LISTENER.facts({"listener": "L1", "trptype": "TCP", "port": 1414, "control": "QMGR", "descr": "x ", "alttime": "10.00.00"})
    assert facts == {"name": "L1", "transport_type": "tcp", "port": 1414, "control": "qmgr", "description": "x", "alttime": "10.00.00"}


def test_a_row_names_its_own_reason_codes():
    """A reason particular to one kind (a topic string another topic holds) is named by its registry row, not by a table in
    _errors; a row cannot name a code differently from the collection's table, nor leave its unique attribute's unnamed."""
    assert REGISTRY["topic"].reasons == {3300: "MQRCCF_TOPICSTR_ALREADY_EXISTS"}
    assert reason_name(3300) == "MQRCCF_TOPICSTR_ALREADY_EXISTS"
    with pytest.raises(ValueError, match="reason 4001 is MQRCCF_OBJECT_ALREADY_EXISTS, not OTHER"):
        ObjectType("thing", "THING", 48, [Attr("DESCR")], reasons={4001: "OTHER"})
    with pytest.raises(ValueError, match="thing: the reason code of unique KEY has no name in reasons"):
        ObjectType("thing", "THING", 48, [Attr("KEY", unique=3999)])


# A row that says what the subscription row needs, in the fewest words: a subtype without a type keyword and with a default,
# a required item any one of two keywords satisfies, two keywords one declaration may not give together, names with blanks.
THING = ObjectType(
    "thing", "THING", 20, [Attr("A", option="a"), Attr("B", option="b"), Attr("C", option="c", types=("ONE",)),
                           Attr("KIND", "enum", option="kind", choices=("ONE", "TWO"), fixed=True),
                           Attr("NAMES", "name_list", option="names", maximum=2, max_length=8)],
    subtype_keyword="KIND", type_default="ONE", required={"ONE": (one_of("A", "B"), "C"), "TWO": (one_of("A", "B"),)},
    exclusive={("A", "B"): "pick one"}, name_chars=NameChars(r"^[A-Z]([A-Z ]*[A-Z])?$", "A-Z and blanks inside"))


def test_a_required_item_is_satisfied_by_any_one_of_its_keywords_and_the_default_subtype_decides_which_apply():
    """Without the subtype option, the row's type_default decides what creating needs, and no type keyword is sent."""
    with pytest.raises(MQInputError, match=r"^\(a or b\) and c are required to create thing 'X', which does not exist$"):
        THING.desired_for(params(name="X", state="present"), None)
    assert THING.desired_for(params(name="X", state="present", b="1", c="2"), None) == ("ONE", {"B": "1", "C": "2"})
    with pytest.raises(MQInputError, match=r"^a or b is required to create thing 'X'"):
        THING.desired_for(params(name="X", state="present", kind="two"), None)
    with pytest.raises(MQInputError, match="c is not valid for a two thing; it applies to one"):
        THING.desired_for(params(name="X", state="present", kind="two", a="1", c="2"), None)
    # An existing object needs nothing more, and its subtype is its definition's.
    assert THING.desired_for(params(name="X", state="present", a="1"), {"thing": "X", "kind": "TWO"}) == ("TWO", {"A": "1"})


def test_keywords_that_one_declaration_may_not_give_together():
    with pytest.raises(MQInputError, match="^a and b are given together; thing takes one of them: pick one$"):
        THING.desired_from_params(params(a="1", b="2"), check_required=False)


def test_a_row_says_which_characters_its_names_have():
    assert THING.validate_name("AB CD") == "AB CD"
    for bad in (" AB", "AB ", "ab", "A" * 21):
        with pytest.raises(MQInputError, match="is not a valid thing name: .*A-Z and blanks inside"):
            THING.validate_name(bad)
    with pytest.raises(MQInputError, match="not a valid channel name"):
        CHANNEL.validate_name("AB CD")  # the other rows keep IBM's characters without blanks


def test_a_list_of_names_is_checked_name_by_name_and_compared_in_order():
    attr = THING.by_keyword["NAMES"]
    assert attr.validate(["A1", "b.2"]) == ["A1", "b.2"]
    for value, message in ((["A", "B", "C"], "names has 3 names; MQ allows at most 2"), (["BAD NAME"], r"names\[0\]='BAD NAME' is not a valid"),
                           ("A", "must be a list of names")):
        with pytest.raises(MQInputError, match=message):
            attr.validate(value)
    assert attr.normalize(["A", "B"]) != attr.normalize(["B", "A"])
    assert attr.normalize([]) == attr.normalize("") == ()
    assert attr.fact(["A", "b"]) == ["A", "b"]


def test_a_channels_exits_are_a_list_in_order_each_name_and_data_within_its_length():
    """SENDEXIT, RCVEXIT and MSGEXIT (and their data) run in turn: a list in order, case kept; runmqsc's one string of names
    separated by commas or blanks is the same list; a name over 128 characters or data over 32 is refused by name."""
    sendexit, senddata = CHANNEL.by_keyword["SENDEXIT"], CHANNEL.by_keyword["SENDDATA"]
    assert sendexit.validate(["/opt/exits/lib(First)", "lib(Second)"]) == ["/opt/exits/lib(First)", "lib(Second)"]
    assert sendexit.validate("lib(A), lib(B)") == ["lib(A)", "lib(B)"]
    assert sendexit.validate([]) == []
    for attr, value, message in ((sendexit, ["x" * 129], r"\[0\]='x{40}\.\.\.' is 129 characters long; MQ allows at most 128"),
                                 (senddata, ["ok", "d" * 33], r"\[1\]='d+' is 33 characters long; MQ allows at most 32"),
                                 (sendexit, ["lib(A) lib(B)"], "without blanks, commas"), (sendexit, [""], "non-empty"),
                                 (sendexit, 5, "must be a list of strings")):
        with pytest.raises(MQInputError, match=message):
            attr.validate(value, "attributes.SENDEXIT")
    assert sendexit.normalize(["lib(A)", "lib(B)"]) != sendexit.normalize(["lib(B)", "lib(A)"])
    assert sendexit.normalize(["lib(A)"]) != sendexit.normalize(["LIB(A)"])
    assert sendexit.normalize([]) == sendexit.normalize("") == ()
    # The security and message-retry exits are one program each; MSGEXIT is a message channel's, MREXIT a receiving one's.
    assert CHANNEL.by_keyword["SCYEXIT"].value_type == "str" and CHANNEL.by_keyword["SCYEXIT"].max_length == 128
    assert not CHANNEL.by_keyword["MSGEXIT"].applies_to("SVRCONN") and CHANNEL.by_keyword["MREXIT"].applies_to("RQSTR")
    assert not any(CHANNEL.by_keyword[k].applies_to("AMQP") for k in ("SCYEXIT", "SENDEXIT", "RCVEXIT"))
