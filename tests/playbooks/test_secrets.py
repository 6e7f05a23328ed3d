# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Secrets never leak: every module runs in a real ansible-playbook at -vvvv, in success and failure paths,
with a distinctive password, LTPA cookies and a client key passphrase. None of them may appear on stdout or
stderr, in the log file, in the JSON-formatted results, in the tree callback's files or in registered results.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys

import pytest
import yaml

from mqemu import EmulatorServer

PASSWORD = "Zq7-pw-SECRET-9d41"
WRONG_PASSWORD = "Zq7-pw-WRONG-5c02"
KEY_PASSPHRASE = "clientkeypass"  # fixed by the emulator's test PKI (client-<user>-encrypted.key)
WRONG_PASSPHRASE = "Zq7-kp-WRONG-7e13"

CASES = {
    # name: (task options, expected to fail, text the message must contain)
    "info_basic": ({"mqrest.admin.mq_info": {"types": ["qmgr", "listener"]}}, False, None),
    "listener_ltpa": ({"mqrest.admin.mq_listener": {"name": "SEC.LSTR", "port": 1800, "state": "started", "auth_method": "ltpa"}},
                      False, None),
    "restart_ltpa": ({"mqrest.admin.mq_restart": {"type": "listener", "names": ["SEC.*"], "auth_method": "ltpa"}}, False, None),
    "channel_wrong_password": ({"mqrest.admin.mq_channel": {"name": "SEC.SVRCONN", "type": "svrconn", "password": WRONG_PASSWORD}},
                               True, "HTTP 401"),
    "info_ltpa_wrong_password": ({"mqrest.admin.mq_info": {"auth_method": "ltpa", "password": WRONG_PASSWORD}}, True, "HTTP 401"),
    "listener_ltpa_unknown_qmgr": ({"mqrest.admin.mq_listener": {"name": "SEC.LSTR", "qmgr": "NOPE", "auth_method": "ltpa"}},
                                   True, "HTTP 404"),
    "service_client_key_passphrase": ({"mqrest.admin.mq_service": {"name": "SEC.SVC", "auth_method": "certificate",
                                                                   "client_cert": "{{ pki }}/client-admin.pem",
                                                                   "client_key": "{{ pki }}/client-admin-encrypted.key",
                                                                   "client_key_passphrase": KEY_PASSPHRASE}}, False, None),
    "info_wrong_passphrase": ({"mqrest.admin.mq_info": {"auth_method": "certificate", "client_cert": "{{ pki }}/client-admin.pem",
                                                        "client_key": "{{ pki }}/client-admin-encrypted.key",
                                                        "client_key_passphrase": WRONG_PASSPHRASE}}, True, "does not decrypt"),
    "listener_bad_input": ({"mqrest.admin.mq_listener": {"name": "SEC.LSTR", "port": 70000}}, True, "out of range"),
    "info_unreachable": ({"mqrest.admin.mq_info": {"rest_url": "https://127.0.0.1:9/ibmmq/rest/v2", "retries": 0}}, True,
                         "Connection refused"),
    "info_read_only_user_mutates": ({"mqrest.admin.mq_listener": {"name": "SEC.RO", "username": "reader"}}, True, "HTTP 403"),
    "objects_ltpa": ({"mqrest.admin.mq_objects": {"listeners": [{"name": "SEC.OBJ.L", "port": 1801, "state": "started"}],
                                                  "channels": [{"name": "SEC.OBJ.C", "type": "svrconn"}], "auth_method": "ltpa"}},
                     False, None),
    "objects_ltpa_wrong_password": ({"mqrest.admin.mq_objects": {"services": [{"name": "SEC.OBJ.S"}], "auth_method": "ltpa",
                                                                 "password": WRONG_PASSWORD}},
                                    True, "HTTP 401"),
    "info_no_validate_certs": ({"mqrest.admin.mq_info": {"types": ["qmgr"], "validate_certs": False, "ca_path": None}}, False, None),
}


@pytest.fixture(scope="module")
def secret_emulator():
    users = {"admin": (PASSWORD, "MQWebAdmin"), "reader": (PASSWORD, "MQWebAdminRO")}
    with EmulatorServer(qmgrs=["QM1"], users=users, tls=True, timing="zero") as server:
        issued = []
        login = server.model.login

        def recording_login(*args, **kwargs):
            token = login(*args, **kwargs)
            if token:
                issued.append(token)
            return token

        server.model.login = recording_login
        server.issued_tokens = issued
        yield server


def playbook(tmp_path, server):
    tasks = []
    for name, (task, fails, _text) in CASES.items():
        module, options = next(iter(task.items()))
        options = {k: ("{{ omit }}" if v is None else v) for k, v in options.items()}
        tasks.append({"name": name, module: options, "register": name, "ignore_errors": fails})
    tasks.append({"name": "Keep every registered result",
                  "ansible.builtin.copy": {"dest": str(tmp_path / "results.json"),
                                           "content": "{{ {" + ", ".join("'{0}': {0}".format(n) for n in CASES) + "} | to_json }}"}})
    play = [{"hosts": "localhost", "connection": "local", "gather_facts": False,
             "vars": {"pki": server.state_dir},
             "module_defaults": {"group/mqrest.admin.mq": {
                 "rest_url": server.base_url, "qmgr": "QM1", "username": "admin", "password": "{{ mq_password }}",
                 "ca_path": server.ca_path, "request_timeout": 5}},
             "tasks": tasks}]
    path = tmp_path / "secrets.yml"
    path.write_text(yaml.safe_dump(play, sort_keys=False))
    # The password comes from a vars file, as from a vault: never on a command line.
    (tmp_path / "secret_vars.yml").write_text(yaml.safe_dump({"mq_password": PASSWORD}))
    return path


def test_no_secret_appears_anywhere_at_vvvv(tmp_path, secret_emulator):
    env = dict(os.environ, ANSIBLE_PYTHON_INTERPRETER=sys.executable,
               ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_INVENTORY_UNPARSED_WARNING="false",
               ANSIBLE_LOG_PATH=str(tmp_path / "ansible.log"), ANSIBLE_CALLBACK_RESULT_FORMAT="json",
               ANSIBLE_CALLBACKS_ENABLED="ansible.builtin.tree", ANSIBLE_CALLBACK_TREE_DIR=str(tmp_path / "tree"),
               ANSIBLE_LOAD_CALLBACK_PLUGINS="true", ANSIBLE_NOCOLOR="true", ANSIBLE_HOME=str(tmp_path / "home"))
    env.pop("MQ_REST_PASSWORD", None)
    # ansible-test units limits what the test process may import from ansible; the playbook needs all of it.
    env.pop("PYTHONPATH", None)
    ansible_playbook = shutil.which("ansible-playbook", path=os.path.dirname(sys.executable)) or "ansible-playbook"
    run = subprocess.run([ansible_playbook, "-vvvv", "--diff", "-i", "localhost,", "-e", "@" + str(tmp_path / "secret_vars.yml"),
                          str(playbook(tmp_path, secret_emulator))],
                         env=env, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    results = json.loads((tmp_path / "results.json").read_text())
    for name, (_task, fails, text) in CASES.items():
        assert bool(results[name].get("failed")) is fails, (name, results[name].get("msg"))
        if text:
            assert text in results[name]["msg"], (name, results[name]["msg"])
    assert secret_emulator.issued_tokens, "the LTPA tasks must have logged in"

    secrets = [PASSWORD, WRONG_PASSWORD, KEY_PASSPHRASE, WRONG_PASSPHRASE] + secret_emulator.issued_tokens
    secrets += [base64.b64encode("{0}:{1}".format(user, pw).encode()).decode() for user in ("admin", "reader")
                for pw in (PASSWORD, WRONG_PASSWORD)]
    outputs = {"stdout": run.stdout, "stderr": run.stderr, "log": (tmp_path / "ansible.log").read_text(),
               "results": json.dumps(results)}
    for tree_file in (tmp_path / "tree").iterdir():
        outputs["tree/" + tree_file.name] = tree_file.read_text()
    assert len(run.stdout) > 10000  # -vvvv really was verbose: module arguments and results are in there
    # Report which secret leaked by its index, so a failure does not print the secret once more.
    leaks = ["secret #{0} in {1}".format(i, where) for where, text in outputs.items() for i, secret in enumerate(secrets) if secret in text]
    assert not leaks
