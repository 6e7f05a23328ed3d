# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fixtures of the AWX checks: the credential type and a collections path holding this checkout."""

from __future__ import annotations

import sys

import pytest

from awx_credential import AWX_DOCS, load_yaml


@pytest.fixture(scope="session")
def credential_type():
    return load_yaml(AWX_DOCS, "credential_type.yml")


@pytest.fixture(scope="session")
def collections_path(collections_path):  # pylint: disable=redefined-outer-name
    """tests/conftest.py's collections path holding this checkout as mqrest.admin, also importable as ansible_collections.*."""
    sys.path.insert(0, collections_path)
    return collections_path
