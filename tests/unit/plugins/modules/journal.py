# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a module test reads back from the emulator: the commands QM1 received (its journal) and the module's warnings."""

from __future__ import annotations

import json
import urllib.request


def control(mq, method, path, body=None):
    """The emulator's control API over HTTP."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(mq.control_url + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as answer:  # the in-process emulator, on loopback
        return json.loads(answer.read() or b"{}")


def sent(mq):
    """(verb, qualifier, name) of every command QM1 received since the journal was cleared, reads included."""
    return [(e["command"], e["qualifier"], e["name"]) for e in mq.model.journal("QM1")]


def mutating(mq):
    """(verb, qualifier, name) of the commands that changed something on QM1."""
    return [(e["command"], e["qualifier"], e["name"]) for e in mq.model.journal("QM1") if e["mutating"]]


def fresh(mq):
    """Forget what earlier steps of a test sent: an empty journal and request counts."""
    mq.model.clear_journal()
    mq.model.clear_requests()


def warning_texts(result):
    """The warnings' texts (ansible-core 2.19 returns them as structured events)."""
    return [w["event"]["msg"] if isinstance(w, dict) else w for w in result.get("warnings", [])]
