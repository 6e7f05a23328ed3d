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
def collections_path():
    """.tmp/dev, the collections path `make demo` and `make emulator` use: this checkout as mqrest.admin. The same path
    in every session and pytest worker, so the AnsiballZ payload cache of the dev virtualenv (tools/ansiballz_cache),
    whose key holds the collections path, builds each module's payload once instead of once per temporary path. What
    else is put into .tmp/dev is seen by the tests too."""
    base = os.path.join(ROOT, ".tmp", "dev")
    link = os.path.join(base, "ansible_collections", "mqrest", "admin")
    if os.path.realpath(link) != os.path.realpath(ROOT):
        os.makedirs(os.path.dirname(link), exist_ok=True)
        # Made beside it and renamed over it: workers that start together each put the same link in place.
        partial = "{0}.{1}".format(link, os.getpid())
        os.symlink(ROOT, partial, target_is_directory=True)
        try:
            os.replace(partial, link)
        except OSError as error:  # a directory there (a collection installed into .tmp/dev): leave no stray link
            os.unlink(partial)
            raise RuntimeError("cannot make {0} a link to this checkout: {1}".format(link, error)) from error
    return base


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
