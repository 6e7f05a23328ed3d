# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The idempotency guide's table of attributes that need a restart is the lifecycle records' table (issue 13)."""

from __future__ import annotations

import os

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY

GUIDE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "docs", "docsite", "rst", "guide_idempotency.rst")
RUNNABLE = REGISTRY.runnable


def restart_rows():
    """The rst list-table rows: per type, the attributes a running object only takes at its next start, and the others."""
    lines = []
    for spec in RUNNABLE:
        lifecycle = spec.lifecycle
        subtypes = spec.subtype_attr.choices if spec.subtype_attr else (None,)
        runs = [s for s in subtypes if not lifecycle.why_unstartable(s) and not lifecycle.why_unmonitored(s)]
        # Only attributes of subtypes that can run: a clntconn or amqp channel is never restarted here.
        attrs = [a for a in spec.attrs if a is not spec.type_attr and a is not spec.subtype_attr
                 and (a.types is None or any(s in a.types for s in runs))]
        restart = [a for a in attrs if lifecycle.at_next_start([a.keyword])]
        live = [a for a in attrs if not lifecycle.at_next_start([a.keyword])]
        lines.append("   * - {0}".format(spec.kind))
        for group in (restart, live):
            options = ", ".join("``{0}``".format(a.option) for a in group if a.option)
            keywords = ", ".join("``{0}``".format(a.keyword) for a in group if not a.option)
            lines.append("     - " + options + ("; in ``attributes``: " + keywords if keywords else ""))
    return "\n".join(lines) + "\n"


def test_the_guide_lists_what_the_table_says():
    with open(GUIDE, encoding="utf-8") as handle:
        guide = handle.read()
    expected = restart_rows()
    assert expected in guide, "guide_idempotency.rst must hold these rows (generated from _types.py):\n" + expected


@pytest.mark.parametrize("spec", RUNNABLE, ids=lambda t: t.kind)
def test_every_live_keyword_is_an_attribute_of_its_type(spec):
    assert spec.lifecycle.live <= set(spec.by_keyword)
