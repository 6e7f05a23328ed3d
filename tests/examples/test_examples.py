# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every module's EXAMPLES block, run verbatim by ansible-playbook against the emulator.

The blocks are read from plugins/modules/*.py when the tests are collected (the files are parsed, not
imported), so a new module or a changed example is tested without touching this file. Each example runs
as the tasks of one play on localhost against a fresh TLS emulator with QM1, QM2 and PARTNER (NETWORK below).
The connection comes from the environment (MQ_REST_URL, MQ_QMGR, MQ_REST_USERNAME, MQ_REST_PASSWORD, MQ_REST_CA_PATH), as AWX
injects it; examples that spell their connection out read it from the variables below, passed as extra vars.

    .venv/bin/python -m pytest tests/examples -q
"""

from __future__ import annotations

import ast
import glob
import json
import os
import subprocess
import sys

import pytest
import requests
import yaml
from mqemu import EmulatorServer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

USER, PASSWORD = "admin", "passw0rd"

# What an example may assume already exists on the queue manager it runs against (its reader's own objects).
# Set up with mq_objects before the example runs; the example's tasks themselves are never changed. QM1 starts fresh
# (no transmission queue): an example that defines a sender defines its transmission queue too, as a reader copying
# it to a new queue manager needs (issue 21, item 11); only the reader's running objects that an example restarts
# bring theirs here.
PREREQUISITES = {
    "mq_restart": {
        "queues": [{"name": "QM2", "usage": "xmitq"}],
        "channels": [{"name": name, "type": "sdr", "conname": "qm2host(1414)", "xmitq": "QM2", "state": "started"}
                     for name in ("PAYMENTS.TO.QM2", "ORDERS.TO.QM2", "REPORTS.TO.QM2", "REPORTS.DAILY")]
        + [{"name": name, "type": "rcvr"} for name in ("QM2.TO.QM1", "QM3.TO.QM1")],
        "listeners": [{"name": "APP.LISTENER", "port": 1415, "control": "qmgr", "state": "started"},
                      {"name": "TCP.1414", "port": 1414, "control": "qmgr", "state": "started"}],
    },
    # What the restart example's baseline records and waits for again (the queue manager itself is not restarted here:
    # endmqm/strmqm run on its host, which this test has not got).
    "mq_qmgr_wait": {
        "queues": [{"name": "QM2", "usage": "xmitq"}],
        "channels": [{"name": "QM1.TO.QM2", "type": "sdr", "conname": "qm2host(1414)", "xmitq": "QM2", "state": "started"}],
        "listeners": [{"name": "APP.LISTENER", "port": 1415, "control": "qmgr", "state": "started"}],
    },
    # A running TLS sender for the refresh of the key repository to bounce and wait for (its receiver: PARTNER_OBJECTS).
    "mq_refresh_security": {
        "queues": [{"name": "QM2", "usage": "xmitq"}],
        "channels": [{"name": "QM1.TO.QM2", "type": "sdr", "conname": "qm2host(1414)", "xmitq": "QM2",
                      "ssl_cipher": "ANY_TLS12_OR_HIGHER", "state": "started"}],
    },
    # Objects the examples delete ("absent, force: true"), running, so that the force path is taken.
    "mq_channel": {
        "channels": [{"name": "OLD.SVRCONN", "type": "svrconn"}],
    },
    "mq_listener": {
        "listeners": [{"name": "OLD.LISTENER", "port": 1499, "state": "started"}],
    },
    "mq_queue": {
        "queues": [{"name": "APP.OLD.QUEUE"}],
    },
    "mq_objects": {
        "channels": [{"name": "APP.OLD", "type": "svrconn"}, {"name": "APP.UNDECLARED", "type": "svrconn"}],
    },
}


def module_examples():
    """(module name, EXAMPLES text) of every module, read without importing it."""
    found = []
    for path in sorted(glob.glob(os.path.join(ROOT, "plugins", "modules", "*.py"))):
        name = os.path.splitext(os.path.basename(path))[0]
        if name.startswith("_"):
            continue
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read(), path)
        text = None
        for node in tree.body:
            if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "EXAMPLES" for t in node.targets):
                text = ast.literal_eval(node.value)
        found.append((name, text))
    return found


EXAMPLES = module_examples()


def test_every_module_has_examples():
    assert EXAMPLES, "no modules found under plugins/modules"
    missing = [name for name, text in EXAMPLES if not (text or "").strip()]
    assert not missing, "modules without an EXAMPLES block: {0}".format(missing)


# The reader's network, which the examples' senders need to reach RUNNING (the emulator's channel network): at the hosts
# their CONNAMEs name (qm2host, partner.example.com) a running queue manager with a listener on 1414 that defines a
# receiver for any sender that connects (CHAD, channel auto-definition). Nothing on QM1: see PREREQUISITES.
HOSTS = {"QM2": "qm2host", "PARTNER": "partner.example.com"}
NETWORK = [
    (qmgr, command) for qmgr in HOSTS for command in (
        "ALTER QMGR CHAD(ENABLED)", "DEFINE LISTENER(TCP.1414) TRPTYPE(TCP) PORT(1414) CONTROL(QMGR)", "START LISTENER(TCP.1414)")]


# The users and groups of the queue managers' hosts that the examples' authority records name (MQ refuses a record for an
# entity its host does not know: 2292 MQRC_UNKNOWN_ENTITY).
PRINCIPALS = {"app": ("passw0rd", ["apps"]), "batch": (None, ["apps"]), "operator": (None, ["mqops"])}


@pytest.fixture(scope="session")
def emulator():
    with EmulatorServer(qmgrs=["QM1", *HOSTS], tls=True, timing="fast", hosts=HOSTS, principals=PRINCIPALS) as srv:
        yield srv


# Senders on other queue managers that an example expects to reach QM1 (its receivers): started before the example, they
# retry until its prerequisites define QM1's listener on 1414 and the receivers, as a partner's sender would.
PARTNER_SENDERS = {
    "mq_restart": [(qmgr, command) for qmgr, channel in (("QM2", "QM2.TO.QM1"), ("PARTNER", "QM3.TO.QM1")) for command in (
        "DEFINE QLOCAL(QM1) USAGE(XMITQ)", f"DEFINE CHANNEL({channel}) CHLTYPE(SDR) CONNAME('localhost(1414)') XMITQ(QM1)",
        f"START CHANNEL({channel})")],
}


# Objects on other queue managers that an example's prerequisites need there: a TLS sender's receiver with its CipherSpec.
PARTNER_OBJECTS = {
    "mq_refresh_security": [("QM2", "DEFINE CHANNEL(QM1.TO.QM2) CHLTYPE(RCVR) SSLCIPH(ANY_TLS12_OR_HIGHER)")],
}

# Certificates an example expects in a queue manager's key repository besides its default one (the reader has put the new
# certificate there with runmqakm before rotating to it): added through the emulator's control API.
CERTIFICATES = {name: [("QM1", "qm1-2027")] for name in ("cert_rotation", "cert_rotation_report")}


def reset_network(emulator, name=None):
    emulator.model.reset()
    for qmgr, command in NETWORK + PARTNER_OBJECTS.get(name, []) + PARTNER_SENDERS.get(name, []):
        status, reply = emulator.model.run_mqsc(qmgr, {"type": "runCommand", "parameters": {"command": command}})
        assert status == 200 and reply["overallCompletionCode"] == 0, reply
    for qmgr, label in CERTIFICATES.get(name, []):
        requests.post("{0}/qmgr/{1}/keyrepo/certificates".format(emulator.control_url, qmgr), json={"label": label},
                      verify=emulator.ca_path, timeout=10).raise_for_status()


def playbook(name, tasks):
    play = {"name": "EXAMPLES of " + name, "hosts": "localhost", "gather_facts": False, "tasks": tasks}
    plays = [play]
    if name in PREREQUISITES:
        plays.insert(0, {"name": "What the example expects to exist", "hosts": "localhost", "gather_facts": False,
                         "tasks": [{"name": "Objects of the reader's queue manager",
                                    "mqrest.admin.mq_objects": PREREQUISITES[name]}]})
    return plays


@pytest.mark.parametrize("name,text", EXAMPLES, ids=[example[0] for example in EXAMPLES])
def test_example_runs(name, text, emulator, collections_path, tmp_path):
    tasks = yaml.safe_load(text)
    assert isinstance(tasks, list) and tasks, "EXAMPLES of {0} is not a list of tasks".format(name)
    reset_network(emulator, name)
    book = tmp_path / "examples.yml"
    book.write_text(yaml.safe_dump(playbook(name, tasks), sort_keys=False), encoding="utf-8")
    extra = {
        "mq_rest_url": emulator.base_url,
        "mq_ca_path": emulator.ca_path,
        "mq_admin_user": USER,
        "mq_admin_password": PASSWORD,
    }
    env = dict(
        os.environ,
        ANSIBLE_COLLECTIONS_PATH=collections_path,
        ANSIBLE_LOCALHOST_WARNING="false",
        ANSIBLE_INVENTORY_UNPARSED_WARNING="false",
        ANSIBLE_NOCOLOR="1",
        ANSIBLE_PYTHON_INTERPRETER=sys.executable,
        MQ_REST_URL=emulator.base_url,
        MQ_QMGR="QM1",
        MQ_REST_USERNAME=USER,
        MQ_REST_PASSWORD=PASSWORD,
        MQ_REST_CA_PATH=emulator.ca_path,
        # The reader's host has endmqm and strmqm (the qmgr_restart examples run them): here the emulator's shims.
        PATH=os.path.join(ROOT, "tests", "emulator", "bin") + os.pathsep + os.environ.get("PATH", ""),
        MQEMU_CONTROL_URL=emulator.control_url,
        MQEMU_CA_PATH=emulator.ca_path,
    )
    for key in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        env.pop(key, None)
    command = [os.path.join(os.path.dirname(sys.executable), "ansible-playbook"), "-i", "localhost,",
               "-c", "local", "-e", json.dumps(extra), str(book)]
    result = subprocess.run(command, env=env, cwd=str(tmp_path), capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, "EXAMPLES of {0} failed against the emulator:\n{1}\n{2}".format(
        name, result.stdout[-6000:], result.stderr[-3000:])
