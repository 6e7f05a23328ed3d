# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Property-based tests (hypothesis): name validation and value normalisation round-trips."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ansible_collections.mqrest.admin.plugins.module_utils._attributes import validate_name
from ansible_collections.mqrest.admin.plugins.module_utils._ensure import changed_keywords, ensure_present
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQInputError
from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
from ansible_collections.mqrest.admin.plugins.module_utils._types import CHANNEL, LISTENER

# No example database: it would be written into the checkout, and every run should be a fresh search.
settings.register_profile("mqrest", database=None, deadline=None)
settings.load_profile("mqrest")

NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/%"
VALID_NAME = re.compile(r"[A-Za-z0-9._/%]{1,48}")
# Printable ASCII: what a DESCR holds portably across queue manager code pages.
PRINTABLE = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
EMULATOR = settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])


@given(st.one_of(st.text(max_size=60), st.text(alphabet=NAME_CHARS, min_size=1, max_size=50)))
@example("0\n")  # found by this search: "$" also matches before a trailing newline, so the check must be a full match
def test_a_name_is_accepted_exactly_when_mq_would_accept_it(name):
    if VALID_NAME.fullmatch(name):
        assert validate_name(name, "name", 48, "listener") == name
    else:
        with pytest.raises(MQInputError) as info:
            validate_name(name, "name", 48, "listener")
        assert info.value.msg.startswith("name=") and "1 to 48 characters from A-Z a-z 0-9 . / _ %" in info.value.msg


@given(st.text(alphabet=NAME_CHARS, min_size=1, max_size=20), st.sampled_from(["", "*"]))
def test_generic_names_only_end_in_a_star(stem, star):
    assert validate_name(stem + star, "names", 20, "channel", generic=True) == stem + star
    with pytest.raises(MQInputError):
        validate_name(stem + "*" + stem, "names", 20, "channel", generic=True)
    if star:
        with pytest.raises(MQInputError):
            validate_name(stem + star, "name", 20, "channel")  # a mutating command names one object


def unquote(token):
    return token[1:-1].replace("''", "'") if token.startswith("'") else token


@given(st.text(alphabet=PRINTABLE, min_size=1, max_size=64))
def test_runmqsc_quoting_is_reversible(value):
    text = MQSCCommand("ALTER", "LISTENER", "L1", {"DESCR": value}).text()
    assert unquote(text[len("ALTER LISTENER(L1) DESCR("):-1]) == value


@given(st.integers(min_value=0, max_value=65535), st.sampled_from([int, str]))
def test_numbers_in_range_normalise_to_themselves(port, form):
    attr = LISTENER.by_keyword["PORT"]
    assert attr.normalize(attr.validate(form(port))) == attr.normalize(port) == port


@given(st.integers().filter(lambda n: n < 0 or n > 65535))
def test_numbers_out_of_range_name_the_range(port):
    with pytest.raises(MQInputError, match="MQ accepts 0 to 65535"):
        LISTENER.by_keyword["PORT"].validate(port)


@given(st.sampled_from(CHANNEL.by_keyword["NPMSPEED"].choices), st.lists(st.booleans(), min_size=6, max_size=6))
def test_enum_values_are_case_insensitive(choice, uppers):
    attr = CHANNEL.by_keyword["NPMSPEED"]
    mixed = "".join(c.upper() if up else c.lower() for c, up in zip(choice, uppers + [True] * len(choice)))
    assert attr.validate(mixed) == choice
    assert not changed_keywords(CHANNEL, {"NPMSPEED": attr.validate(mixed)}, {"npmspeed": choice})


@EMULATOR
@given(name=st.text(alphabet=NAME_CHARS, min_size=1, max_size=48))
def test_any_valid_name_round_trips_through_mq_with_its_case(mq, client_factory, name):
    mq.model.reset()
    created = ensure_present(client_factory(), LISTENER, name, {"TRPTYPE": "TCP"})
    assert created.after["listener"] == name
    again = ensure_present(client_factory(), LISTENER, name, {"TRPTYPE": "TCP"})
    assert again.action == "unchanged"


@EMULATOR
@given(description=st.text(alphabet=PRINTABLE, max_size=64), port=st.integers(min_value=0, max_value=65535),
       control=st.sampled_from(["manual", "QMGR", "StartOnly"]))
def test_values_round_trip_so_a_second_run_changes_nothing(mq, client_factory, description, port, control):
    mq.model.reset()
    params = {"port": port, "description": description, "control": control, "transport_type": "tcp"}
    desired = LISTENER.desired_from_params(params, "TCP")
    created = ensure_present(client_factory(), LISTENER, "L1", desired)
    facts = created.as_result()["listener"]
    # MQ pads and strips trailing blanks (DISPLAY shows none); enums come back in the options' lower case.
    assert (facts["description"], facts["port"], facts["control"]) == (description.rstrip(), port, control.lower())
    mq.model.clear_journal()
    assert ensure_present(client_factory(), LISTENER, "L1", desired).action == "unchanged"
    assert [e for e in mq.model.journal("QM1") if e["mutating"]] == []
