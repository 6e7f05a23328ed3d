# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A listener that ends right after START (issue 13) says why it likely ended and names its port.

The emulator's listener_port_conflict 'vanish' (its default) ends a second listener on a port another one holds.
"""

from __future__ import annotations

import pytest


# listener_start 0: the record is gone before the first poll (the wait runs out); 0.5: the first poll sees STARTING,
# a later one sees it gone (the wait fails at once). Either way the message says why.
@pytest.mark.parametrize("listener_start", [0.0, 0.5])
def test_a_listener_that_cannot_bind_its_port_names_the_port_and_the_error_log(mq, run_module, listener_start):
    mq.model.set_config(listener_port_conflict="vanish")
    assert not run_module("mq_listener", name="L.ONE", port=1415, state="started").get("failed")
    mq.model.set_timing(listener_start=listener_start)
    result = run_module("mq_listener", name="L.TWO", port=1415, state="started", wait_timeout=2)
    assert result["failed"] is True
    assert "listener 'L.TWO'" in result["msg"], result["msg"]
    assert "port 1415 is already in use by another listener or process" in result["msg"], result["msg"]
    assert "AMQERR01.LOG" in result["msg"], result["msg"]


def test_a_listener_that_runs_gets_no_such_hint(mq, run_module):
    result = run_module("mq_listener", name="L.ONE", port=1415, state="started")
    assert not result.get("failed"), result.get("msg")
    assert result["sync_result"]["operation"] == "started"
