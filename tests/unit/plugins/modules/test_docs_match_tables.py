# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The documented options of each object module match the argument spec derived from its attribute table.

validate-modules checks docs against the argspec too; this test adds the link to the table, so an
attribute added to the table cannot ship undocumented, and documented choices are the table's.
"""

from __future__ import annotations

import importlib
import re

import pytest
import yaml

from ansible_collections.mqrest.admin.plugins.module_utils._bulk import ENTRY_KEYS
from ansible_collections.mqrest.admin.plugins.module_utils._module import CONNECTION_ARGSPEC, OBJECT_ARGSPEC, WAIT_ARGSPEC
from ansible_collections.mqrest.admin.plugins.module_utils._object_module import CHANNEL_SYNC_ARGSPEC
from ansible_collections.mqrest.admin.plugins.module_utils._objects import CHANNEL, LISTENER, SERVICE

FRAGMENTS = {
    "connection": CONNECTION_ARGSPEC,
    "object": OBJECT_ARGSPEC,
    "wait": WAIT_ARGSPEC,
    "channel_stop": CHANNEL_SYNC_ARGSPEC,
}


def load(path):
    module = importlib.import_module(path)
    return yaml.safe_load(module.DOCUMENTATION) if hasattr(module, "DOCUMENTATION") else module


def doc_options(module_name):
    return load("ansible_collections.mqrest.admin.plugins.modules." + module_name)["options"]


@pytest.mark.parametrize("module_name,spec,extra", [
    # OPTION_DEFAULTS gives transport_type its default: TRPTYPE is mandatory on DEFINE LISTENER.
    ("mq_listener", LISTENER, {"transport_type": dict(LISTENER.option_argspec()["transport_type"], default="tcp")}),
    ("mq_channel", CHANNEL, {}),
    ("mq_service", SERVICE, {}),
])
def test_every_table_option_is_documented_with_its_type_and_choices(module_name, spec, extra):
    docs = doc_options(module_name)
    table = spec.option_argspec()
    table.update(extra)
    assert set(docs) == set(table)
    for option, argspec in table.items():
        assert docs[option]["type"] == argspec["type"], option
        assert docs[option].get("choices") == argspec.get("choices"), option
        assert docs[option].get("default") == argspec.get("default"), option
        assert docs[option]["description"], option


@pytest.mark.parametrize("fragment,argspec", FRAGMENTS.items())
def test_fragments_pair_with_their_argspec(fragment, argspec):
    module = importlib.import_module("ansible_collections.mqrest.admin.plugins.doc_fragments." + fragment)
    options = yaml.safe_load(module.ModuleDocFragment.DOCUMENTATION)["options"]
    assert set(options) == set(argspec)
    for option, spec in argspec.items():
        assert options[option]["type"] == spec["type"], option
        assert options[option].get("choices") == spec.get("choices"), option
        assert options[option].get("default") == spec.get("default"), option
        assert options[option].get("required", False) == spec.get("required", False), option


def test_secrets_are_no_log():
    assert CONNECTION_ARGSPEC["password"]["no_log"] is True


@pytest.mark.parametrize("option,spec", [("listeners", LISTENER), ("channels", CHANNEL), ("services", SERVICE)])
def test_mq_objects_documents_exactly_the_entry_keys_it_accepts(option, spec):
    text = " ".join(doc_options("mq_objects")[option]["description"])
    listed = set(re.search(r"the keys are (.*?)\.(?: |$)", text).group(1).replace(" and ", ", ").split(", "))
    documented = {re.match(r"V\((\w+)", key).group(1) for key in listed}
    assert documented == set(ENTRY_KEYS) | set(spec.by_option)
