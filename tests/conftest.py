# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fixtures shared by the suites that run the collection: the unit tests (tests/unit), the playbook tests
(tests/playbooks) and the EXAMPLES and README runs (tests/examples)."""

import os

import pytest
from mqemu import EmulatorServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="session")
def collections_path(tmp_path_factory):
    """A collections path holding this checkout as mqrest.admin (as `make demo` and `make emulator` pass .tmp/dev)."""
    base = tmp_path_factory.mktemp("collections")
    link = base / "ansible_collections" / "mqrest" / "admin"
    link.parent.mkdir(parents=True)
    link.symlink_to(ROOT, target_is_directory=True)
    return str(base)


# A sender on QM1 runs only with a partner (the emulator's channel network): QM2 runs on host "partner", so CONNAME
# partner(1414) reaches its listener, and defines a receiver for any sender that connects (CHAD, channel auto-definition);
# QM1 has the transmission queue XQ the tests' senders name.
NETWORK = (("QM1", "DEFINE QLOCAL(XQ) USAGE(XMITQ)"), ("QM2", "ALTER QMGR CHAD(ENABLED)"),
           ("QM2", "DEFINE LISTENER(PARTNER.TCP) TRPTYPE(TCP) PORT(1414) CONTROL(QMGR)"), ("QM2", "START LISTENER(PARTNER.TCP)"))


@pytest.fixture(scope="session")
def emulator():
    with EmulatorServer(qmgrs=["QM1", "QM2"], timing="zero", hosts={"QM2": "partner"}) as server:
        yield server


@pytest.fixture
def mq(emulator):
    """A fresh emulator state with the partner set up (NETWORK), and an empty journal for each test."""
    emulator.model.reset()
    for qmgr, command in NETWORK:
        status, reply = emulator.model.run_mqsc(qmgr, {"type": "runCommand", "parameters": {"command": command}})
        assert status == 200 and reply["overallCompletionCode"] == 0, reply
    emulator.model.clear_journal()
    emulator.model.clear_requests()
    return emulator
