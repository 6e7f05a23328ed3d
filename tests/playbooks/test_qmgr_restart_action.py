# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The qmgr_restart action as a play runs it: ansible-playbook against the in-process emulator, with the emulator's
endmqm and strmqm shims on the host (the local connection). What it adds to the rules (test__qmgr_restart.py): the
connection as modules take it (the group/mqrest.admin.mq module_defaults, MQ_REST_* from the task's environment), the
commands through ansible.builtin.command with the task's environment, and bad input refused before any request."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys

import yaml

SHIMS = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "emulator", "bin"))


def play(tmp_path, tasks, extra_env=None):
    book = tmp_path / "restart.yml"
    book.write_text(yaml.safe_dump([{"hosts": "qm1", "gather_facts": False, "connection": "local", "tasks": tasks}]), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MQ_REST_") and k != "MQ_QMGR"}
    env.update(ANSIBLE_NOCOLOR="1", ANSIBLE_PYTHON_INTERPRETER=sys.executable,
               ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_DEPRECATION_WARNINGS="false", ANSIBLE_STDOUT_CALLBACK="default",
               **(extra_env or {}))
    command = [os.path.join(os.path.dirname(sys.executable), "ansible-playbook"), "-i", "qm1,", str(book)]
    run = subprocess.run(command, env=env, cwd=str(tmp_path), capture_output=True, text=True, timeout=300, check=False)
    return run.returncode, run.stdout + run.stderr


def shims(mq):
    return {"PATH": SHIMS + os.pathsep + os.environ["PATH"], "MQEMU_CONTROL_URL": mq.control_url}


def restart_task(**args):
    return {"name": "Restart", "mqrest.admin.qmgr_restart": dict({"poll_interval": 0.2, "start_timeout": 60}, **args),
            "register": "restart"}


def show(var="restart"):
    return {"name": "Show", "ansible.builtin.copy": {"content": "{{ %s | to_json }}" % var, "dest": "{{ playbook_dir }}/result.json",
                                                     "mode": "0600"}}


def result(tmp_path):
    return json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))


def test_the_connection_comes_from_the_tasks_environment_and_the_commands_run_on_the_host(mq, tmp_path):
    environment = dict(shims(mq), MQ_REST_URL=mq.base_url, MQ_QMGR="QM1", MQ_REST_USERNAME="admin", MQ_REST_PASSWORD="passw0rd")
    returncode, output = play(tmp_path, [dict(restart_task(), environment=environment), show()])
    assert returncode == 0, output[-6000:]
    restart = result(tmp_path)
    assert (restart["outcome"], restart["changed"], restart["host"], restart["qmgr"]) == ("restarted", True, "qm1", "QM1")
    assert (restart["stop_command"], restart["start_command"]) == ("endmqm -i QM1", "strmqm QM1")
    assert all(m["reached"] or m["skipped"] for m in restart["milestones"]), restart["milestones"]
    assert restart["ended_state"] == "endedImmediately" and mq.model.qmgr_state("QM1") == "running"
    assert "passw0rd" not in output


def test_the_connection_comes_from_the_group_module_defaults_and_the_controllers_environment(mq, tmp_path):
    task = dict(restart_task(), environment=shims(mq),
                module_defaults={"group/mqrest.admin.mq": {"rest_url": mq.base_url, "qmgr": "QM1", "username": "admin"}})
    # No password anywhere: refused before any request, naming what is missing.
    mq.model.clear_requests()
    returncode, output = play(tmp_path, [task])
    assert returncode == 2 and "auth_method='basic' needs both username and password" in output, output[-6000:]
    assert sum(mq.model.requests().values()) == 0
    # The password from the controller's environment, as AWX injects a credential.
    returncode, output = play(tmp_path, [task, show()], extra_env={"MQ_REST_PASSWORD": "passw0rd"})
    assert returncode == 0, output[-6000:]
    assert result(tmp_path)["outcome"] == "restarted"


def test_a_command_that_cannot_run_says_why(mq, tmp_path):
    environment = dict(shims(mq), MQ_REST_URL=mq.base_url, MQ_QMGR="QM1", MQ_REST_USERNAME="admin", MQ_REST_PASSWORD="passw0rd")
    returncode, output = play(tmp_path, [dict(restart_task(stop_command="/nonexistent/endmqm -i QM1"), environment=environment,
                                              ignore_errors=True), show()])
    assert returncode == 0, output[-6000:]
    restart = result(tmp_path)
    assert restart["failed"] and restart["failure"].startswith("Stop the queue manager: Error executing command. (rc 2: ")
    assert "No such file or directory" in restart["failure"], restart["failure"]
    assert (restart["rescue"], restart["state"]) == ("none needed: it runs", "running")


def test_bad_input_is_refused_before_any_request_or_command(mq, tmp_path):
    environment = dict(shims(mq), MQ_REST_URL=mq.base_url, MQ_QMGR="QM1", MQ_REST_USERNAME="admin", MQ_REST_PASSWORD="passw0rd")
    mq.model.clear_requests()
    returncode, output = play(tmp_path, [dict(restart_task(poll_interval=0.1), environment=environment)])
    assert returncode == 2
    assert "poll_interval=0.1 must be at least 0.2 seconds" in output
    returncode, output = play(tmp_path, [dict(restart_task(stop_mode="sometime"), environment=environment)])
    assert returncode == 2 and "stop_mode" in output and "controlled, wait, immediate" in output
    assert sum(mq.model.requests().values()) == 0


def test_the_role_costs_four_task_results_per_single_instance_queue_manager_and_the_table_one_per_batch(mq, tmp_path):
    """Issue 24: the role is the argument validation, the include, the restart and the report per host, and the table once
    per batch (run_once), whatever the restart does inside the action."""
    book = tmp_path / "roll.yml"
    book.write_text(yaml.safe_dump([{"hosts": "all", "gather_facts": False, "connection": "local", "serial": 2, "vars": {
        "mq_connection": {"rest_url": mq.base_url, "username": "admin", "password": "passw0rd"},
        "qmgr_restart_become": False, "qmgr_restart_environment": shims(mq), "qmgr_restart_poll_interval": 0.2,
        "qmgr_restart_report_path": str(tmp_path / "report.json")}, "roles": ["mqrest.admin.qmgr_restart"]}]), encoding="utf-8")
    inventory = tmp_path / "inventory.yml"
    inventory.write_text(yaml.safe_dump({"all": {"hosts": {"qm1": {"mq_qmgr": "QM1"}, "partner": {"mq_qmgr": "QM2"}}}}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MQ_REST_") and k != "MQ_QMGR"}
    env.update(ANSIBLE_NOCOLOR="1", ANSIBLE_PYTHON_INTERPRETER=sys.executable,
               ANSIBLE_DEPRECATION_WARNINGS="false", ANSIBLE_STDOUT_CALLBACK="default")
    command = [os.path.join(os.path.dirname(sys.executable), "ansible-playbook"), "-i", str(inventory), str(book)]
    run = subprocess.run(command, env=env, cwd=str(tmp_path), capture_output=True, text=True, timeout=300, check=False)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    recap = {host: {key: int(value) for key, value in re.findall(r"(\w+)=(\d+)", counts)}
             for host, counts in re.findall(r"^(qm1|partner)\s+:\s+(.*)$", output, re.M)}
    results = {host: counts["ok"] + counts["failed"] + counts["skipped"] + counts["ignored"] for host, counts in recap.items()}
    # One batch of two: the table's task runs once, on the batch's first host.
    assert sorted(results.values()) == [4, 5], output[-6000:]
    assert {h: c["changed"] for h, c in recap.items()} == {"qm1": 1, "partner": 1}
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["hosts"]
    assert {h: r["outcome"] for h, r in report.items()} == {"qm1": "restarted", "partner": "restarted"}
