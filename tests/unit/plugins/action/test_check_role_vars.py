# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A role given a misspelt mq_* variable warns, naming the variable it takes that is nearest (issue 21, item 12).

The rule (plugins/plugin_utils/_role_vars.py) on the roles' own argument specs; tests/playbooks/test_role_vars_play.py
runs the roles in a play.
"""

from __future__ import annotations

import pytest

# The rule, not the action plugin: importing controller code would make the modules that other tests run in this
# process hand their warnings to the controller's display instead of returning them.
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY
from ansible_collections.mqrest.admin.plugins.plugin_utils._role_vars import misspelt, role_options


def test_every_role_is_read_with_its_own_variables():
    options = role_options()
    assert sorted(options) == ["cert_rotation", "drift_report", "provision", "qmgr_restart", "rolling_restart"]
    # The provision role's argument spec is generated from the type registry: one variable per row, mq_topics included.
    assert {"mq_connection", "mq_qmgr"} | {"mq_" + otype.list_option for otype in REGISTRY} <= set(options["provision"])
    assert "mq_topics" in options["provision"]
    # The drift report reads the provision role's variables, so that one inventory serves both.
    assert {"mq_connection", "mq_qmgr", "provision_purge"} | {"mq_" + otype.list_option for otype in REGISTRY} <= set(options["drift_report"])
    assert {"mq_connection", "mq_qmgr", "rolling_restart_targets"} <= set(options["rolling_restart"])
    assert {"mq_connection", "mq_qmgr", "cert_rotation_label"} <= set(options["cert_rotation"])


@pytest.mark.parametrize("given,role,expected", [
    (["mq_queue"], "provision", [("mq_queue", "mq_queues")]),
    (["mq_topic"], "provision", [("mq_topic", "mq_topics")]),
    (["mq_channel", "mq_listner", "mq_service", "mq_conection", "mq_qmgrs"], "provision",
     [("mq_channel", "mq_channels"), ("mq_conection", "mq_connection"), ("mq_listner", "mq_listeners"), ("mq_qmgrs", "mq_qmgr"),
      ("mq_service", "mq_services")]),
    # What some role takes is that role's: an inventory with mq_queues serves provision and the restart roles alike.
    (["mq_queues", "mq_channels", "mq_connection", "mq_qmgr"], "rolling_restart", []),
    # The user's own variables, not close to any the role takes (README's emulator inventory has these).
    (["mq_host", "mq_user", "mq_password", "mq_ca_path", "mq_rest_url", "mq_state"], "provision", []),
    # Not mq_*: another prefix is not this rule's business; the provision role takes no mq_queue, so rolling_restart is silent.
    (["provision_purg", "mq_queue"], "rolling_restart", []),
])
def test_the_rule(given, role, expected):
    assert misspelt(given, role, role_options()) == expected
