# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests that run ansible-playbook as a user does, against the in-process emulator (the fixtures of tests/conftest.py).

They run once, on the development virtualenv (`make playbook-test`); the unit tests run on every supported
ansible-core. Each ansible-playbook they start finds this checkout as mqrest.admin through ANSIBLE_COLLECTIONS_PATH.
"""

import pytest


@pytest.fixture(autouse=True)
def collection_on_path(collections_path, monkeypatch):
    monkeypatch.setenv("ANSIBLE_COLLECTIONS_PATH", collections_path)
