# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Concurrent writers: four ansible-playbook runs converge the same 100 channels on one queue manager at once.

Each run logs in as its own user, so the emulator's journal says which run sent what. The emulator holds every
mutating command until all four runs have read the channels, so every run plans from the same empty queue manager
and three of every four DEFINEs race one that got there first (the worst case, every time, rather than by luck).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading

import pytest
import yaml

from mqemu import EmulatorServer

RUNS = ["run1", "run2", "run3", "run4"]
NAMES = ["RACE.C{0:03d}".format(i) for i in range(100)]
PASSWORD = "passw0rd"


@pytest.fixture(scope="module")
def server():
    with EmulatorServer(qmgrs=["QM1"], users={user: (PASSWORD, "MQWebAdmin") for user in RUNS}, timing="zero") as srv:
        run_mqsc = srv.model.run_mqsc
        planned = set()
        srv.all_planned = threading.Event()

        def held(qmgr, body, user="admin", gateway=None):
            # The plan read of a run is its DISPLAY CHANNEL; its mutations wait until every run has made it.
            if str(body.get("command", "")).upper() == "DISPLAY" and str(body.get("qualifier", "")).upper() == "CHANNEL":
                planned.add(user)
                if planned >= set(RUNS):
                    srv.all_planned.set()
            elif not srv.all_planned.wait(120):
                raise AssertionError("not every run read the channels within 120 s")
            return run_mqsc(qmgr, body, user, gateway)

        srv.model.run_mqsc = held
        srv.planned = planned
        yield srv


def converge_in_parallel(tmp_path, srv, descriptions):
    """Run one mq_objects playbook per user at once; returns {user: result} from each run's tree callback file."""
    srv.model.reset()
    srv.planned.clear()
    srv.all_planned.clear()
    playbook = shutil.which("ansible-playbook", path=os.path.dirname(sys.executable)) or "ansible-playbook"
    processes = {}
    for user in RUNS:
        play = [{"hosts": "localhost", "connection": "local", "gather_facts": False, "tasks": [{
            "name": "Converge the channels", "mqrest.admin.mq_objects": {
                "rest_url": srv.base_url, "qmgr": "QM1", "username": user, "password": PASSWORD, "request_timeout": 150,
                "channels": [{"name": name, "type": "svrconn", "description": descriptions[user]} for name in NAMES]}}]}]
        (tmp_path / (user + ".yml")).write_text(yaml.safe_dump(play))
        env = dict(os.environ, ANSIBLE_PYTHON_INTERPRETER=sys.executable,
                   ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_INVENTORY_UNPARSED_WARNING="false", ANSIBLE_NOCOLOR="true",
                   ANSIBLE_CALLBACKS_ENABLED="ansible.builtin.tree", ANSIBLE_CALLBACK_TREE_DIR=str(tmp_path / user),
                   ANSIBLE_LOAD_CALLBACK_PLUGINS="true", ANSIBLE_HOME=str(tmp_path / "home" / user))
        # ansible-test units limits what the test process may import from ansible; the playbook needs all of it.
        env.pop("PYTHONPATH", None)
        processes[user] = subprocess.Popen([playbook, "-i", "localhost,", str(tmp_path / (user + ".yml"))], env=env,
                                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    results = {}
    for user, process in processes.items():
        output = process.communicate(timeout=300)[0]
        assert process.returncode == 0, output[-3000:]
        results[user] = json.loads((tmp_path / user / "localhost").read_text())
    return results


def accepted(srv, user, verb):
    """Names of the channels this user's successful ``verb`` commands changed, in request order."""
    return [e["name"] for e in srv.model.journal("QM1")
            if e["user"] == user and e["command"] == verb and e["http_status"] == 200 and e["completion_code"] == 0]


def check_every_run_reports_its_own_commands(srv, results):
    for user, result in results.items():
        assert "failed" not in result, (user, result.get("msg"))
        mutations = [e for e in srv.model.journal("QM1") if e["user"] == user and e["mutating"]]
        assert len(result["commands"]) == len(mutations), user  # every command it sent is reported, once
        created = [c["name"] for c in result["changes"] if c["action"] == "created"]
        updated = [c["name"] for c in result["changes"] if c["action"] == "updated"]
        assert created == accepted(srv, user, "DEFINE"), user
        assert updated == accepted(srv, user, "ALTER"), user
        summary = result["summary"]
        assert (summary["created"], summary["updated"]) == (len(created), len(updated)), user
        assert summary["created"] + summary["updated"] + summary["unchanged"] == len(NAMES), user
        # Every DEFINE that found the channel there (4001) was re-read and planned again, and says so.
        raced = [c["name"] for c in result["changes"] if c["raced"]]
        assert summary["raced"] == len(raced) == len(NAMES) - len(created), user
        assert result["changed"] is bool(created or updated)


def final_descriptions(srv):
    status, body = srv.model.run_mqsc("QM1", {"type": "runCommandJSON", "command": "display", "qualifier": "channel",
                                              "name": "RACE.*", "responseParameters": ["descr"]}, RUNS[0])
    assert status == 200
    return {e["parameters"]["channel"]: e["parameters"]["descr"] for e in body["commandResponse"]}


def test_four_runs_with_identical_declarations_define_each_object_once(tmp_path, server):
    results = converge_in_parallel(tmp_path, server, dict.fromkeys(RUNS, "same"))
    check_every_run_reports_its_own_commands(server, results)
    assert sorted(n for user in RUNS for n in accepted(server, user, "DEFINE")) == NAMES
    assert sum(r["summary"]["created"] for r in results.values()) == len(NAMES)
    assert [e for e in server.model.journal("QM1") if e["command"] == "ALTER"] == []  # nothing differed, nothing altered
    assert sum(r["summary"]["raced"] for r in results.values()) == 3 * len(NAMES)
    assert final_descriptions(server) == dict.fromkeys(NAMES, "same")


def test_four_runs_with_different_descriptions_each_alter_what_they_found_and_the_last_writer_wins(tmp_path, server):
    descriptions = {user: "declared by " + user for user in RUNS}
    results = converge_in_parallel(tmp_path, server, descriptions)
    check_every_run_reports_its_own_commands(server, results)
    assert sum(r["summary"]["created"] for r in results.values()) == len(NAMES)
    # Each DEFINE that lost found another run's description and altered it to its own.
    assert sum(r["summary"]["updated"] for r in results.values()) == 3 * len(NAMES)
    last_writer = {}
    for entry in server.model.journal("QM1"):
        if entry["mutating"] and entry["completion_code"] == 0:
            last_writer[entry["name"]] = entry["user"]
    assert final_descriptions(server) == {name: descriptions[last_writer[name]] for name in NAMES}
