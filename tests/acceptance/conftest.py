# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Target selection and object bookkeeping for the acceptance suite.

Without MQ_REST_URL each session starts an in-process emulator (the only thing imported from tests/emulator).
With MQ_REST_URL (and MQ_QMGR, MQ_REST_USERNAME, MQ_REST_PASSWORD, MQ_REST_CA_PATH or MQ_REST_VALIDATE_CERTS, the
names tools/with_emulator.py and the integration tests use) the same tests run against that queue manager.
The messaging checks put a message as MQ_REST_MSG_USERNAME / MQ_REST_MSG_PASSWORD (IBM: only the MQWebUser role
may use the messaging REST API), defaulting to the admin credentials.
"""

from __future__ import annotations

import itertools
import os
import random
import string
import sys

import pytest
import requests

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from acceptance_support import OBSERVED, REAL, wait_for  # noqa: E402  pylint: disable=wrong-import-position
from mqrest_raw import RawClient  # noqa: E402  pylint: disable=wrong-import-position


def pytest_terminal_summary(terminalreporter):
    if OBSERVED:
        terminalreporter.section("acceptance: documented alternatives seen on this target")
        for line in OBSERVED:
            terminalreporter.write_line(line)


class Target:
    def __init__(self, url, qmgr, username, password, verify, msg_username, msg_password, control_url=None):
        self.url, self.qmgr, self.username, self.password, self.verify = url, qmgr, username, password, verify
        self.msg_username, self.msg_password, self.control_url = msg_username, msg_password, control_url

    def client(self, username=None, password=None, basic=True):
        return RawClient(self.url, self.qmgr, username or self.username if basic else None,
                         password or self.password if basic else None, verify=self.verify)


def _verify_from_env():
    if os.environ.get("MQ_REST_CA_PATH"):
        return os.environ["MQ_REST_CA_PATH"]
    return os.environ.get("MQ_REST_VALIDATE_CERTS", "true").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def target():
    if REAL:
        user, password = os.environ.get("MQ_REST_USERNAME"), os.environ.get("MQ_REST_PASSWORD")
        yield Target(os.environ["MQ_REST_URL"], os.environ.get("MQ_QMGR", "QM1"), user, password, _verify_from_env(),
                     os.environ.get("MQ_REST_MSG_USERNAME", user), os.environ.get("MQ_REST_MSG_PASSWORD", password))
        return
    from mqemu import EmulatorServer  # pylint: disable=import-outside-toplevel  # only without a real target

    users = [("admin", "passw0rd", "MQWebAdmin"), ("app", "passw0rd", "MQWebUser")]
    # app is also an operating-system user of the queue manager's host, as the messaging user must be on real MQ
    server = EmulatorServer(qmgrs=["QM1"], users=users, timing="fast", principals={"app": ("passw0rd", ["apps"])}).start()
    try:
        yield Target(server.base_url, "QM1", "admin", "passw0rd", True, "app", "passw0rd", server.control_url)
    finally:
        server.stop()


@pytest.fixture()
def client(target):
    return target.client()


class Objects:
    """Names under a per-run prefix (ACPT.<3 random><test number>.) and their cleanup, so the suite can share a real qmgr.

    Channel names may have 20 characters (IBM 'Rules for naming IBM MQ objects'), so suffixes stay short.
    """

    def __init__(self, client, prefix):
        self.client, self.prefix, self.made = client, prefix, []

    def name(self, suffix):
        return self.prefix + suffix

    def track(self, qualifier, name):
        self.made.append((qualifier, name))
        return name

    def define(self, qualifier, suffix, parameters=None):
        name = self.track(qualifier, self.name(suffix))
        result = self.client.run_json("define", qualifier, name, parameters)
        assert result.ok, result
        return name

    def cleanup(self):
        # Plain MQSC text (quoted names keep their case): stop what may run, wait for the status to go, delete.
        for qualifier, name in reversed(self.made):
            if qualifier == "channel":
                self.client.run_text("STOP CHANNEL('{0}') MODE(FORCE) STATUS(INACTIVE)".format(name))
                # A STOPPED record may stay (STOP of a stopped channel is 4064); DELETE takes it with the channel.
                wait_for(lambda n=name: self.client.run_json("display", "chstatus", n, response_parameters=["status"]),
                         lambda r: all(row.get("status") == "STOPPED" for row in r.rows), 15)
                self.client.run_text("DELETE CHANNEL('{0}')".format(name))
            elif qualifier == "listener":
                self.client.run_text("STOP LISTENER('{0}')".format(name))
                wait_for(lambda n=name: self.client.run_json("display", "lsstatus", n), lambda r: not r.rows, 15)
                self.client.run_text("DELETE LISTENER('{0}')".format(name))
            elif qualifier == "qlocal":
                self.client.run_text("DELETE QLOCAL('{0}') PURGE".format(name))
            else:
                self.client.run_text("DELETE {0}('{1}')".format(qualifier.upper(), name))


@pytest.fixture(scope="session")
def prefix():
    return "ACPT." + "".join(random.choices(string.ascii_uppercase + string.digits, k=3))


_TEST_NUMBER = itertools.count(1)


@pytest.fixture()
def objs(target, prefix):
    # One sub-prefix per test (ACPT.K3Z07.), so generic DISPLAYs of one test never see another test's objects;
    # its own client, so a test that logs out does not stop the cleanup.
    objects = Objects(target.client(), "{0}{1:02d}.".format(prefix, next(_TEST_NUMBER) % 100))
    yield objects
    objects.cleanup()


@pytest.fixture()
def control(target):
    """The emulator's control API (emulator-only tests)."""
    def post(path, body=None):
        response = requests.post(target.control_url + path, json=body or {}, timeout=10)
        assert response.status_code < 300, response.text
        return response.json()
    return post
