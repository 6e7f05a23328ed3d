# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Unit tests talk to the project's MQ REST emulator, run in-process (the fixtures ``emulator`` and ``mq`` of
tests/conftest.py): MQ semantics live in one place."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._client import MQClient
from ansible_collections.mqrest.admin.plugins.module_utils._transport import RestTransport


class FakeClock:
    """A monotonic clock that only its own sleeps move; ``sleeps`` records every pause."""

    def __init__(self):
        self.now = 100.0
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_clock():
    """For polling loops: pass ``clock=fake_clock, sleep=fake_clock.sleep``."""
    return FakeClock()


@pytest.fixture
def transport_factory(mq):
    def make(**overrides):
        options = dict(username="admin", password="passw0rd", auth_method="basic", retries=2, request_timeout=5, sleep=lambda s: None)
        options.update(overrides)
        return RestTransport(options.pop("base_url", mq.base_url), options.pop("qmgr", "QM1"), **options)
    return make


@pytest.fixture
def client_factory(transport_factory):
    def make(check_mode=False, **overrides):
        return MQClient(transport_factory(**overrides), check_mode=check_mode)
    return make


@pytest.fixture
def mutations(mq):
    """Mutating commands the emulator received for QM1 since the test started."""
    return lambda qmgr="QM1": [entry for entry in mq.model.journal(qmgr) if entry["mutating"]]


@pytest.fixture
def another_writer(mq, monkeypatch):
    """another_writer(verb, qualifier, *commands): right after this task's (user admin) first request with that verb and
    qualifier, another writer (user other) runs ``commands`` [MQSCCommand] through the same code path as HTTP."""
    run_mqsc = mq.model.run_mqsc
    hooks = []

    def hooked(qmgr, body, user="admin", gateway=None):
        answer = run_mqsc(qmgr, body, user, gateway)
        for hook in list(hooks):
            verb, qualifier, commands = hook
            if user == "admin" and (body.get("command", "").upper(), body.get("qualifier", "").upper()) == (verb, qualifier):
                hooks.remove(hook)
                for command in commands:
                    status, reply = run_mqsc(qmgr, command.payload(), "other")
                    assert status == 200 and reply["overallCompletionCode"] == 0, reply
                break  # one hook per request: the next one waits for the next such request
        return answer

    monkeypatch.setattr(mq.model, "run_mqsc", hooked)
    mq.model.users["other"] = mq.model.users["admin"]
    yield lambda verb, qualifier, *commands: hooks.append((verb, qualifier, commands))
    mq.model.users.pop("other", None)
