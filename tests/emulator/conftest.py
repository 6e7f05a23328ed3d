# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared fixtures for the emulator's own tests: one in-process emulator per module, reset before every test."""

import importlib
import math
import pkgutil
import time

import pytest
import requests

import mqemu
from mqemu import EmulatorServer


class Client:
    """A pooled requests.Session speaking the admin REST API the way the collection does."""

    def __init__(self, srv, user="admin", password="passw0rd", qmgr="QM1", **session_kw):
        self.srv, self.qmgr = srv, qmgr
        self.session = requests.Session()
        if user:
            self.session.auth = (user, password)
        self.session.headers["ibm-mq-rest-csrf-token"] = ""
        for key, value in session_kw.items():
            setattr(self.session, key, value)

    def post(self, body, qmgr=None, headers=None):
        resp = self.session.post(f"{self.srv.base_url}/admin/action/qmgr/{qmgr or self.qmgr}/mqsc", json=body, headers=headers,
                                 timeout=10)
        return resp.status_code, resp.json()

    def mqsc(self, command, qualifier, name=None, params=None, resp=None, qmgr=None, headers=None):
        body = {"type": "runCommandJSON", "command": command, "qualifier": qualifier}
        if name is not None:
            body["name"] = name
        if params is not None:
            body["parameters"] = params
        if resp is not None:
            body["responseParameters"] = resp
        return self.post(body, qmgr, headers)

    def text(self, command, qmgr=None):
        return self.post({"type": "runCommand", "parameters": {"command": command}}, qmgr)

    def ok(self, *args, **kwargs):
        status, body = self.mqsc(*args, **kwargs)
        assert status == 200 and body["overallCompletionCode"] == 0, body
        return [e.get("parameters", e.get("message")) for e in body["commandResponse"]]

    def fails(self, reason, *args, **kwargs):
        status, body = self.mqsc(*args, **kwargs)
        assert status == 200, body
        assert (body["overallCompletionCode"], body["overallReasonCode"]) == (2, 3008), body
        assert [(e["completionCode"], e["reasonCode"]) for e in body["commandResponse"]] == [(2, reason)], body
        return body["commandResponse"][0]["message"]

    def status_of(self, qualifier, name):
        status, body = self.mqsc("DISPLAY", qualifier, name, resp=["all"])
        assert status == 200
        rows = [e["parameters"]["status"] for e in body["commandResponse"] if "parameters" in e]
        return rows or body["commandResponse"][0]["reasonCode"]

    def ctl(self, method, path, json=None):
        resp = requests.request(method, f"{self.srv.control_url}/{path}", json=json, timeout=10)
        return resp.status_code, resp.json()


class FakeClock:
    """Stands in for the `time` module inside the emulator: monotonic() only moves when advance() is called.

    The emulator computes every runtime state lazily from time.monotonic(), so tests can read states at exact points in
    time through the real HTTP path instead of sleeping (and never need to assert that something was fast).
    """

    def __init__(self):
        # The next whole second of the real clock: the module-scoped servers were reset on the real clock, so the fake
        # one must not start before it; and from a whole second, steps of whole seconds (or halves, quarters) add up
        # exactly. From time.monotonic() itself, start + 110 could come out one ulp off, and a replica due in sync at
        # exactly that instant was read as one ulp late (a rare CI failure of
        # test_a_replica_that_does_not_come_back_in_sync).
        self.now = float(math.ceil(time.monotonic()))

    def monotonic(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds

    def __getattr__(self, name):
        return getattr(time, name)


def wait_for(predicate, timeout=5.0):
    """Poll until predicate() is truthy; returns its value (never asserts on elapsed time)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.02)


def partner(client, channel, xmitq="XQ", qmgr="QM2", chltype="RCVR"):
    """What a sender on client's queue manager needs to run (network.py): its XMITQ with USAGE(XMITQ) here, and a
    channel of the same name on the partner; the srv fixture's QM2 runs on host qm2host with DEV.LISTENER.TCP on 1414."""
    client.ok("DEFINE", "QLOCAL", xmitq, params={"usage": "XMITQ", "replace": "yes"})
    client.ok("DEFINE", "CHANNEL", channel, params={"chltype": chltype, "replace": "yes"}, qmgr=qmgr)


def ctl(client, action, qmgr="QM1", **body):
    """POST /mqemu/v1/qmgr/{qmgr}/{action} (endmqm, strmqm, instances, crash, ...), asserting 200."""
    status, answer = client.ctl("POST", f"qmgr/{qmgr}/{action}", body)
    assert status == 200, answer
    return answer


def timeline(client, qmgr="QM1", host=None):
    """The lifecycle's ground truth (GET /mqemu/v1/qmgr/{qmgr}/timeline), as seen on host."""
    return client.ctl("GET", f"qmgr/{qmgr}/timeline" + (f"?host={host}" if host else ""))[1]


@pytest.fixture(scope="module")
def srv():
    with EmulatorServer(qmgrs=["QM1", "QM2"], timing="zero", seed="dev", hosts={"QM2": "qm2host"}) as server:
        yield server


@pytest.fixture(autouse=True)
def _reset(request):
    if "srv" in request.fixturenames:
        request.getfixturevalue("srv").model.reset()


@pytest.fixture
def client(srv):
    return Client(srv)


@pytest.fixture
def clock(monkeypatch):
    """A FakeClock patched into every emulator module that reads the clock (time.time and sleep stay real)."""
    fake = FakeClock()
    for info in pkgutil.iter_modules(mqemu.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"mqemu.{info.name}")
        if getattr(module, "time", None) is time:
            monkeypatch.setattr(module, "time", fake)
    return fake
