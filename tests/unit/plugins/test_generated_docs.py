# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The documentation the type registry decides is what tools/generate_docs.py writes from the rows, as committed."""

from __future__ import annotations

import ast
import importlib.util
import os

import pytest
import yaml

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import entry_options
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))


def _tool():
    spec = importlib.util.spec_from_file_location("generate_docs", os.path.join(ROOT, "tools", "generate_docs.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()
BLOCKS = TOOL.blocks()


@pytest.mark.parametrize("path", sorted(BLOCKS))
def test_committed_blocks_are_what_the_rows_give(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as handle:
        committed = handle.read()
    assert TOOL.apply(path, committed, BLOCKS[path]) == committed, \
        "{0}: a generated block differs from the type registry; run python tools/generate_docs.py".format(path)


def test_a_changed_row_is_noticed(monkeypatch):
    """A description edited in a row, and not written into the modules again, fails the check above."""
    attr = REGISTRY["listener"].by_option["port"]
    monkeypatch.setattr(attr, "doc", ("TCP port the listener binds, edited in the row only.",))
    path = "plugins/modules/mq_listener.py"
    with open(os.path.join(ROOT, path), encoding="utf-8") as handle:
        committed = handle.read()
    assert TOOL.apply(path, committed, TOOL.blocks()[path]) != committed


def _documentation(module, block="DOCUMENTATION"):
    with open(os.path.join(ROOT, "plugins", "modules", module + ".py"), encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    text = next(ast.literal_eval(node.value) for node in tree.body
                if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == block)
    return yaml.safe_load(text)


@pytest.mark.parametrize("otype", list(REGISTRY), ids=lambda t: t.kind)
def test_every_type_has_its_module_its_list_option_and_its_role_variable(otype):
    """A row is all a new kind needs for these: its module documents every entry option and returns what every object
    module returns (the object's own facts written by hand), mq_objects lists it with the same suboptions, and the
    provision role takes its variable."""
    options = _documentation(otype.module)["options"]
    assert set(entry_options(otype)) <= set(options)
    returned = _documentation(otype.module, "RETURN")
    assert {"action", "changed_attributes", "commands", "diff", "not_attempted", otype.kind} <= set(returned)
    assert ("raced" in returned) == otype.verbs.can_race  # ALTER QMGR races nobody: the queue manager is always there
    assert ("sync_result" in returned) == ("run_action" in returned) == (otype.lifecycle is not None)
    assert ("refresh_required" in returned) == otype.refreshes
    assert ("restart_required" in returned) == (otype.lifecycle is not None or otype.restarts_qmgr)
    bulk = _documentation("mq_objects")["options"][otype.list_option]
    assert bulk["type"] == ("dict" if otype.singleton else "list")
    assert set(bulk["suboptions"]) == set(entry_options(otype, restart=False))
    with open(os.path.join(ROOT, "roles", "provision", "meta", "argument_specs.yml"), encoding="utf-8") as handle:
        role = yaml.safe_load(handle)["argument_specs"]["main"]["options"]
    assert role[otype.role_variable]["type"] == bulk["type"]
