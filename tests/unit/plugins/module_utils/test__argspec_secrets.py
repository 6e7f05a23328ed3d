# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The options that carry secrets are no_log, so Ansible masks their values (tests/playbooks/test_secrets.py proves
no secret appears anywhere at -vvvv)."""

from __future__ import annotations

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import connection_spec


def test_secret_options_are_no_log():
    options = connection_spec().argument_spec
    assert options["password"]["no_log"] is True
    assert options["client_key_passphrase"]["no_log"] is True
