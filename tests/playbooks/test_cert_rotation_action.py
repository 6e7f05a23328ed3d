# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The cert_rotation action and role as a play runs them: ansible-playbook against the in-process emulator, the label check a
command on the host (the local connection; here grep over a file standing for the key repository). What they add to the
rules (test__cert_rotation.py): the connection as modules take it, the host command through ansible.builtin.command with the
task's environment (also in check mode), the real refresh_ssl, bad input refused before any request, and the role's report."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import yaml

# The qmgr_restart action's play helpers: the same play on host qm1 with the local connection.
from test_qmgr_restart_action import play, result, show  # pylint: disable=import-error

LABELS = "ibmwebspheremqqm1\nqm1-2027\n"


def environment(mq):
    return {"MQ_REST_URL": mq.base_url, "MQ_QMGR": "QM1", "MQ_REST_USERNAME": "admin", "MQ_REST_PASSWORD": "passw0rd"}


def rotate_task(tmp_path, **args):
    (tmp_path / "key.labels").write_text(LABELS, encoding="utf-8")
    options = {"label": "qm1-2027", "poll_interval": 0.2, "wait_timeout": 30, "key_repository": str(tmp_path / "key.labels"),
               "label_check_command": "grep -qx {label} {kdb}"}
    return {"name": "Rotate", "mqrest.admin.cert_rotation": dict(options, **args), "register": "restart"}


def mutations(mq):
    return [(e["command"], e["qualifier"]) for e in mq.model.journal("QM1") if e["mutating"]]


def test_check_mode_then_the_rotation_then_a_second_run_that_changes_nothing(mq, tmp_path):
    task = dict(rotate_task(tmp_path), environment=environment(mq))
    returncode, output = play(tmp_path, [dict(task, check_mode=True), show()])
    assert returncode == 0, output[-6000:]
    checked = result(tmp_path)
    assert (checked["outcome"], checked["changed"]) == ("checked", True)
    assert checked["commands"] == ["ALTER QMGR CERTLABL('qm1-2027')", "REFRESH SECURITY TYPE(SSL)"]
    assert checked["label_check"]["rc"] == 0 and mutations(mq) == []  # the host command ran, REST sent nothing mutating

    returncode, output = play(tmp_path, [task, show()])
    assert returncode == 0, output[-6000:]
    rotated = result(tmp_path)
    assert (rotated["outcome"], rotated["changed"], rotated["host"]) == ("rotated", True, "qm1")
    assert rotated["msg"] == "qm1 (QM1): rotated; label qm1-2027: queue manager 'ibmwebspheremqqm1' -> 'qm1-2027'; " \
                             "0 TLS channel(s) bounced, the slowest down - (not measured); clients 0/0"
    assert mutations(mq) == [("ALTER", "QMGR"), ("REFRESH", "SECURITY")]
    assert mq.model.qmgrs["QM1"].qmgr.attrs["CERTLABL"] == "qm1-2027" and "passw0rd" not in output

    mq.model.clear_journal()
    returncode, output = play(tmp_path, [task, show()])
    assert returncode == 0 and result(tmp_path)["outcome"] == "unchanged" and result(tmp_path)["changed"] is False
    assert mutations(mq) == []


def test_a_label_not_in_the_key_repository_fails_before_any_change(mq, tmp_path):
    returncode, output = play(tmp_path, [dict(rotate_task(tmp_path, label="qm1-2028"), environment=environment(mq),
                                              ignore_errors=True), show()])
    assert returncode == 0, output[-6000:]
    failed = result(tmp_path)
    assert failed["failed"] and failed["outcome"] == "failed" and "the label 'qm1-2028' is not known to be in the key repository" in failed["failure"]
    assert failed["msg"].endswith("rollback: nothing to undo: no label was changed") and mutations(mq) == []


def test_bad_input_is_refused_before_any_request_or_command(mq, tmp_path):
    mq.model.clear_requests()
    for args, words in (({"label": "x" * 65}, "must be a certificate label of 1 to 64 characters"),
                        ({"poll_interval": 0.1}, "poll_interval=0.1 must be at least 0.2 seconds"),
                        ({"channels": ["A", "a"]}, "must name each channel once"),
                        ({"connections_share": 2}, "connections_share=2.0 must be between 0 and 1")):
        returncode, output = play(tmp_path, [dict(rotate_task(tmp_path, label_check_command="/nonexistent {label}", **args),
                                                  environment=environment(mq))])
        assert returncode == 2 and words in output, output[-6000:]
    assert sum(mq.model.requests().values()) == 0


def test_the_role_reports_every_host_and_warns_about_a_misspelt_variable(mq, tmp_path):
    (tmp_path / "key.labels").write_text(LABELS, encoding="utf-8")
    book = tmp_path / "rotate.yml"
    book.write_text(yaml.safe_dump([{"hosts": "qm1", "gather_facts": False, "connection": "local", "vars": {
        "mq_connection": {"rest_url": mq.base_url, "username": "admin", "password": "passw0rd"}, "mq_qmgr": "QM1",
        "mq_conection": {}, "cert_rotation_label": "qm1-2027", "cert_rotation_become": False, "cert_rotation_poll_interval": 0.2,
        "cert_rotation_key_repository": str(tmp_path / "key.labels"), "cert_rotation_label_check_command": "grep -qx {label} {kdb}",
        "cert_rotation_report_path": str(tmp_path / "report.json")}, "roles": ["mqrest.admin.cert_rotation"]}]), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MQ_REST_") and k != "MQ_QMGR"}
    env.update(ANSIBLE_NOCOLOR="1", ANSIBLE_DEPRECATION_WARNINGS="false",
               ANSIBLE_STDOUT_CALLBACK="default", ANSIBLE_PYTHON_INTERPRETER=sys.executable)
    command = [os.path.join(os.path.dirname(sys.executable), "ansible-playbook"), "-i", "qm1,", str(book)]
    run = subprocess.run(command, env=env, cwd=str(tmp_path), capture_output=True, text=True, timeout=300, check=False)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    assert "variable mq_conection is not one it takes, so it is ignored; did you mean mq_connection?" in output
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["hosts"]["qm1"]
    assert report["outcome"] == "rotated" and report["labels"][0]["after"] == "qm1-2027"
    assert "HOST       QMGR     OUTCOME" in output and "qm1 (QM1): rotated; label qm1-2027" in output
