# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A role given a misspelt mq_* variable warns, naming the variable it takes that is nearest (issue 21, item 12): the
roles run by ansible-playbook in check mode against the in-process emulator, as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys

import yaml


def play_roles(tmp_path, play, check=False):
    """ansible-playbook on one play, as a user runs it; (return code, output, the role warnings)."""
    book = tmp_path / "roles.yml"
    book.write_text(yaml.safe_dump([play]), encoding="utf-8")
    env = dict(os.environ, ANSIBLE_NOCOLOR="1", ANSIBLE_PYTHON_INTERPRETER=sys.executable,
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
