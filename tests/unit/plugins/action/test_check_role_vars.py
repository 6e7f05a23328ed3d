# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A role given a misspelt mq_* variable warns, naming the variable it takes that is nearest (issue 21, item 12).

The rule (plugins/plugin_utils/_role_vars.py) on the roles' own argument specs, then the three roles run by
ansible-playbook in check mode against the in-process emulator, as a user runs them.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

# The rule, not the action plugin: importing controller code would make the modules that other tests run in this
# process hand their warnings to the controller's display instead of returning them.
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY
from ansible_collections.mqrest.admin.plugins.plugin_utils._role_vars import misspelt, role_options

# .../ansible_collections/mqrest/admin/tests/unit/plugins/action/this file: the collections path is above ansible_collections.
COLLECTIONS = os.path.abspath(os.path.join(os.path.dirname(__file__), *[".."] * 7))


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


def play_roles(tmp_path, play, check=False):
    """ansible-playbook on one play, as a user runs it; (return code, output, the role warnings)."""
    book = tmp_path / "roles.yml"
    book.write_text(yaml.safe_dump([play]), encoding="utf-8")
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=COLLECTIONS, ANSIBLE_NOCOLOR="1", ANSIBLE_PYTHON_INTERPRETER=sys.executable,
               ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_DEPRECATION_WARNINGS="false", ANSIBLE_STDOUT_CALLBACK="default")
    command = [os.path.join(os.path.dirname(sys.executable), "ansible-playbook"), "-i", "qm1,", str(book)] + (["--check"] if check else [])
    run = subprocess.run(command, env=env, cwd=str(tmp_path), capture_output=True, text=True, timeout=300, check=False)
    output = run.stdout + run.stderr
    warnings = sorted({line.split("[WARNING]: ", 1)[1].strip() for line in output.splitlines() if "[WARNING]: role " in line})
    return run.returncode, output, warnings


def test_the_roles_warn_in_a_play_and_the_advice_works(mq, tmp_path):
    """Each role's first task warns once per misspelt variable, and leaves the others alone; nothing else changes. Then
    the variable named as the advice says does what was meant."""
    play = {
        "hosts": "qm1", "gather_facts": False, "connection": "local",
        "vars": {
            "mq_connection": {"rest_url": mq.base_url, "username": "admin", "password": "passw0rd"},
            "mq_qmgr": "QM1",
            "mq_queue": [{"name": "APP.IN"}],  # provision's mq_queues, misspelt
            "mq_qmgrs": "QM2",  # mq_qmgr, misspelt: every role takes mq_qmgr
            "mq_user": "app",  # the user's own
            "rolling_restart_targets": [{"type": "listener", "names": [], "allow_empty": True}],
            "qmgr_restart_report_path": str(tmp_path / "report.json"),
        },
        "roles": ["mqrest.admin.provision", "mqrest.admin.rolling_restart", "mqrest.admin.qmgr_restart"],
    }
    returncode, output, warnings = play_roles(tmp_path, play, check=True)
    assert returncode == 0, output[-6000:]
    assert warnings == [
        "role provision: variable mq_qmgrs is not one it takes, so it is ignored; did you mean mq_qmgr?",
        "role provision: variable mq_queue is not one it takes, so it is ignored; did you mean mq_queues?",
        "role qmgr_restart: variable mq_qmgrs is not one it takes, so it is ignored; did you mean mq_qmgr?",
        "role rolling_restart: variable mq_qmgrs is not one it takes, so it is ignored; did you mean mq_qmgr?",
    ], output[-6000:]
    assert "mq_user" not in output
    assert [e for e in mq.model.journal("QM1") if e["mutating"]] == []
    # The advice: mq_queues, not mq_queue; the queue is then provisioned, and nothing is warned about.
    play["vars"]["mq_queues"] = play["vars"].pop("mq_queue")
    del play["vars"]["mq_qmgrs"]
    play["roles"] = ["mqrest.admin.provision"]
    returncode, output, warnings = play_roles(tmp_path, play)
    assert (returncode, warnings) == (0, []), output[-6000:]
    assert [(e["command"], e["name"]) for e in mq.model.journal("QM1") if e["mutating"]] == [("DEFINE", "APP.IN")]
