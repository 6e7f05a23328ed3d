# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every row of the type registry against the emulator's attribute tables, per subtype, so that the two cannot drift apart.

The emulator is written from IBM's DEFINE pages (its fidelity table cites them); the registry is what the modules accept.
A keyword one has and the other has not fails here, unless it is listed below with why. A kind the emulator keeps in
PLAIN_KINDS is found by its qualifier; another adds its emulator table to EMULATOR.
"""

from __future__ import annotations

import pytest

from mqemu import chlauth as mqemu_chlauth
from mqemu import oam as mqemu_oam
from mqemu import objects as mqemu_objects

from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY

# {kind: {subtype or None: emulator keywords}} (a type without subtypes under None). A kind the emulator keeps as a plain
# definition (PLAIN_KINDS: topics, subscriptions, namelists, processes) is found by its MQSC qualifier.
EMULATOR = {
    "queue": mqemu_objects.QUEUE_ATTRS,
    "listener": {None: mqemu_objects.LISTENER_ATTRS},
    "channel": mqemu_objects.CHANNEL_ATTRS,
    "service": {None: mqemu_objects.SERVICE_ATTRS},
    "authinfo": mqemu_objects.AUTHINFO_ATTRS,
    "qmgr": {None: mqemu_objects.QMGR_ATTRS},
    # SET CHLAUTH: each TYPE's keywords and those every TYPE takes (ACTION is the verb's); SET AUTHREC: its keywords.
    "chlauth": {rtype: set(keywords) | {"TYPE", "DESCR", "CUSTOM"} for rtype, keywords in mqemu_chlauth.TYPE_KEYWORDS.items()},
    "authrec": {None: set(mqemu_oam.SET_KEYWORDS)},
    **{otype.kind: {None: mqemu_objects.PLAIN_KINDS[otype.qualifier].attrs} for otype in REGISTRY
       if otype.qualifier in mqemu_objects.PLAIN_KINDS},
}
PLAIN = [otype for otype in REGISTRY if otype.qualifier in mqemu_objects.PLAIN_KINDS]
# The keywords each kind's syntax page marks valid only on z/OS, which the emulator refuses as a distributed queue manager does.
ZOS_ONLY = {**{otype.kind: mqemu_objects.PLAIN_KINDS[otype.qualifier].zos_only for otype in PLAIN},
            "authinfo": mqemu_objects.AUTHINFO_ZOS_ONLY, "qmgr": mqemu_objects.QMGR_ZOS_ONLY,
            "channel": mqemu_objects.CHANNEL_ZOS_ONLY}
# The kinds the emulator keeps in tables of their own, walked value by value as the plain kinds are.
# The security records (CHLAUTH, AUTHREC) keep their values in the emulator's chlauth and oam modules: walked by
# test_the_security_records_choices_agree below.
OTHERS = [otype for otype in REGISTRY if otype not in PLAIN and not otype.identity.keys]

# Ranges where the row and the emulator differ and neither is confirmed, with why; any other difference fails.
UNCONFIRMED_RANGES = {
    # The row refuses CAPEXPRY(0), as on queues; the emulator names no range for it, so takes 0. IBM's DEFINE TOPIC page
    # was not read for the lower bound.
    ("topic", "CAPEXPRY"),
}

# Values (choices, range, length) where the row and the emulator differ and neither is confirmed, with why.
UNCONFIRMED_VALUES = {
    # A queue's CAPEXPRY: the row refuses 0, as the topic's does; the emulator names no range (UNCONFIRMED_RANGES).
    ("queue", "CAPEXPRY"),
}

# Emulator keywords the registry does not manage, with why. Anything else the emulator accepts must be a row's attribute.
NOT_MANAGED = {
    # DEFINE TOPIC takes TYPE(LOCAL) only; DISPLAY shows it, and the facts carry it as it is.
    ("topic", None): {"TYPE"},
    # PASSWORD of a sender, requester or client channel is a secret: never read back, so never compared (RQSTR/SDR PASSWORD
    # is left out of facts too).
    ("channel", "SDR"): {"PASSWORD"}, ("channel", "SVR"): {"PASSWORD"}, ("channel", "RQSTR"): {"PASSWORD"},
    ("channel", "CLUSSDR"): {"PASSWORD", "NETPRTY"}, ("channel", "CLUSRCVR"): {"PASSWORD", "USERID"},
    ("channel", "CLNTCONN"): {"PASSWORD", "USERID"},
    # The keyword pairs TRIGGER/NOTRIGGER, SHARE/NOSHARE and HARDENBO/NOHARDENBO, which MQSC sends as flags.
    ("queue", "QLOCAL"): {"HARDENBO", "SHARE", "TRIGGER"}, ("queue", "QMODEL"): {"HARDENBO", "SHARE", "TRIGGER"},
    # CUSTOM is reserved for IBM's future use (SET CHLAUTH); SERVCOMP names one of several authorization services, and the
    # collection writes to the one MQ installs (the OAM).
    **{("chlauth", rtype): {"CUSTOM"} for rtype in mqemu_chlauth.TYPE_KEYWORDS}, ("authrec", None): {"SERVCOMP"},
    # The emulator lets an AMQP channel hold SSLPEER and TRPTYPE, which the registry refuses for it (unconfirmed either way).
    ("channel", "AMQP"): {"SSLPEER", "TRPTYPE"},
    # The queue manager's secrets (9.3): the key repository's password and the initial key. The registry does not manage
    # them: MQ shows them masked, and a singleton is never defined, so "sent when defined" (Attr.secret) would never send them.
    ("qmgr", None): set(mqemu_objects.QMGR_SECRETS),
}


def test_every_kind_has_an_emulator_table():
    assert set(EMULATOR) == set(REGISTRY.kinds)


@pytest.mark.parametrize("kind,subtype", [(k, s) for k, table in EMULATOR.items() for s in table],
                         ids=lambda v: str(v).lower())
def test_the_registry_and_the_emulator_accept_the_same_keywords(kind, subtype):
    otype = REGISTRY[kind]
    # A set attribute is written as its two delta keywords (AUTHLIST as AUTHADD and AUTHRMV); an identity keyword other than
    # the qualifier's name (AUTHREC's PROFILE) is the registry's too.
    registry = {k for a in otype.attrs if a.applies_to(subtype) and not (a is otype.type_attr and (
        otype.type_in_qualifier or subtype is not None)) for k in (a.delta or (a.keyword,))}
    registry |= {otype.identity.keyword} - {None}
    emulator = set(EMULATOR[kind][subtype]) - NOT_MANAGED.get((kind, subtype), set())
    assert registry - emulator == set(), "the registry's {0} {1} has keywords the emulator refuses".format(kind, subtype)
    assert emulator - registry == set(), "the emulator's {0} {1} accepts keywords the registry lacks".format(kind, subtype)


@pytest.mark.parametrize("otype", PLAIN, ids=lambda otype: otype.kind)
def test_a_plain_kinds_choices_and_zos_only_keywords_agree(otype):
    """Each enum attribute takes the values the emulator's syntax page gives, a number-or-keyword attribute the same
    keywords and range, a string the length the emulator gives it, and no row offers a keyword that only z/OS knows (the emulator refuses
    those as a distributed queue manager does)."""
    qualifier = otype.qualifier
    plain = mqemu_objects.PLAIN_KINDS[qualifier]
    enums = mqemu_objects.KIND_ENUMS.get(qualifier, {})
    keywords = mqemu_objects.KIND_INT_OR_KEYWORD.get(qualifier, {})
    lengths = dict(mqemu_objects.MAX_LEN, **mqemu_objects.KIND_MAX_LEN.get(qualifier, {}))
    for attr in otype.attrs:
        if attr.value_type == "enum":
            assert set(attr.choices) == set(enums.get(attr.keyword) or mqemu_objects.ENUMS.get(attr.keyword)), attr.keyword
        if attr.value_type == "int_or_enum":
            assert set(attr.choices) == set(keywords.get(attr.keyword) or mqemu_objects.INT_OR_KEYWORD[attr.keyword]), attr.keyword
        if attr.value_type in ("int", "int_or_enum") and (otype.kind, attr.keyword) not in UNCONFIRMED_RANGES:
            assert (attr.minimum, attr.maximum) == mqemu_objects.RANGES.get(attr.keyword, (0, 999999999)), attr.keyword
        if attr.value_type in ("str", "istr", "name") and attr.keyword in lengths:
            assert attr.max_length == lengths[attr.keyword], attr.keyword
        if attr.value_type == "name_list":
            assert (attr.maximum, attr.max_length) == mqemu_objects.LIST_ATTRS[attr.keyword], attr.keyword
    assert {a.keyword for a in otype.attrs} & set(plain.zos_only) == set()
    assert {a.keyword for a in otype.attrs if a.unique} == set(plain.unique)


@pytest.mark.parametrize("otype", OTHERS, ids=lambda otype: otype.kind)
def test_choices_ranges_lengths_and_zos_only_keywords_of_the_other_kinds_agree(otype):
    """The kinds the emulator keeps in tables of their own (queues, channels, listeners, services, authentication
    information, the queue manager), walked as the plain kinds are: each enum attribute takes the values the emulator's
    syntax page gives, each integer its range, a string its length, a list its length per item (a channel's exits), and no
    row offers a keyword that only z/OS knows (the emulator refuses those as a distributed queue manager does)."""
    enums = mqemu_objects.KIND_ENUMS.get(otype.qualifier, {})
    keywords = mqemu_objects.KIND_INT_OR_KEYWORD.get(otype.qualifier, {})
    ranges = mqemu_objects.KIND_RANGES.get(otype.qualifier, {})
    lengths = dict(mqemu_objects.MAX_LEN, **mqemu_objects.KIND_MAX_LEN.get(otype.qualifier, {}))
    for attr in otype.attrs:
        if (otype.kind, attr.keyword) in UNCONFIRMED_VALUES:
            continue
        emulator = enums.get(attr.keyword) or mqemu_objects.ENUMS.get(attr.keyword)
        if attr.value_type in ("enum", "enum_list") and attr is not otype.type_attr:
            assert set(attr.choices) == set(emulator), attr.keyword
        if attr.value_type == "int_or_enum":
            assert set(attr.choices) == set(keywords.get(attr.keyword) or mqemu_objects.INT_OR_KEYWORD[attr.keyword]), attr.keyword
        if attr.value_type in ("int", "int_or_enum"):
            assert (attr.minimum, attr.maximum) == (ranges.get(attr.keyword) or mqemu_objects.RANGES.get(attr.keyword, (0, 999999999))), \
                attr.keyword
        if attr.value_type in ("str", "istr", "name") and attr.keyword in lengths:
            assert attr.max_length == lengths[attr.keyword], attr.keyword
        if attr.value_type == "str_list":
            assert attr.max_length == mqemu_objects.EXIT_LISTS[attr.keyword], attr.keyword
    assert {a.keyword for a in otype.attrs} & set(ZOS_ONLY.get(otype.kind, ())) == set()


def test_the_authinfo_types_and_their_required_keywords_agree():
    """AUTHTYPE's values, and what DEFINE AUTHINFO needs per type, are the emulator's."""
    authinfo = REGISTRY["authinfo"]
    assert set(authinfo.type_attr.choices) == set(mqemu_objects.AUTHINFO_ATTRS)
    assert {t: tuple(k) for t, k in authinfo.required.items()} == mqemu_objects.AUTHINFO_REQUIRED
    assert authinfo.secret_keywords == {"LDAPPWD"} and "LDAPPWD" in mqemu_objects.SECRET_KEYS


@pytest.mark.parametrize("otype", PLAIN, ids=lambda otype: otype.kind)
def test_a_plain_kinds_fixed_and_required_keywords_agree(otype):
    """What ALTER cannot change is what the row makes fixed (a change needs recreate), and what DEFINE needs is in every
    subtype's required keywords of the row (one of TOPICSTR and TOPICOBJ for a subscription)."""
    plain = mqemu_objects.PLAIN_KINDS[otype.qualifier]
    assert {a.keyword for a in otype.fixed_attrs} == set(plain.fixed)
    for items in otype.required.values() or [()]:
        groups = {(item,) if isinstance(item, str) else tuple(item) for item in items}
        assert set(plain.required) <= groups, (otype.kind, items)


def test_the_new_kinds_rows_are_the_emulators_syntax_pages():
    """SUBSCRIPTION, NAMELIST and PROCESS: every keyword of the emulator's DEFINE page is a row attribute; the z/OS-only
    keywords are not."""
    for kind, zos_only in (("subscription", ("CMDSCOPE",)), ("namelist", ("CMDSCOPE", "QSGDISP", "NLTYPE")),
                           ("process", ("CMDSCOPE", "QSGDISP"))):
        otype = REGISTRY[kind]
        assert {a.keyword for a in otype.attrs} == set(mqemu_objects.PLAIN_KINDS[otype.qualifier].attrs), kind
        assert mqemu_objects.PLAIN_KINDS[otype.qualifier].zos_only == zos_only


def test_the_topic_row_is_the_emulators_topic_exactly():
    """TOPIC, added with the registry: every keyword of the emulator's DEFINE TOPIC but TYPE(LOCAL) is a row attribute."""
    assert {a.keyword for a in REGISTRY["topic"].attrs} == set(mqemu_objects.PLAIN_KINDS["TOPIC"].attrs) - {"TYPE"}
    assert mqemu_objects.PLAIN_KINDS["TOPIC"].zos_only == ("CMDSCOPE", "QSGDISP", "OTELPCTL", "OTELTRAC")


def test_the_security_records_choices_agree():
    """A CHLAUTH record's TYPE, USERSRC and CHCKCLNT, an authority record's OBJTYPE and AUTHLIST, as the emulator's
    SET CHLAUTH and SET AUTHREC take them."""
    chlauth, authrec = REGISTRY["chlauth"].by_keyword, REGISTRY["authrec"].by_keyword
    assert set(chlauth["TYPE"].choices) == set(mqemu_chlauth.TYPES)
    assert set(chlauth["USERSRC"].choices) == set(mqemu_chlauth.USERSRCS)
    assert set(chlauth["CHCKCLNT"].choices) == set(mqemu_chlauth.CHCKCLNTS)
    assert set(authrec["OBJTYPE"].choices) == set(mqemu_oam.OBJTYPES)
    assert set(authrec["AUTHLIST"].choices) == set(mqemu_oam.ORDER) | set(mqemu_oam.SHORTHANDS)
