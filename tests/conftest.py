# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fixtures shared by the EXAMPLES and README runs."""

import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(scope="session")
def collections_path(tmp_path_factory):
    """A collections path holding this checkout as mqrest.admin (as `make demo` and `make emulator` pass .tmp/dev)."""
    base = tmp_path_factory.mktemp("collections")
    link = base / "ansible_collections" / "mqrest" / "admin"
    link.parent.mkdir(parents=True)
    link.symlink_to(ROOT, target_is_directory=True)
    return str(base)
