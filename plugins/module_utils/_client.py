# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""MQSC verbs over a transport, with "not found" turned into an empty answer."""

from __future__ import annotations

from ._errors import MQCommandError
from ._mqsc import NOT_FOUND_REASONS, MQSCCommand

__all__ = ["MQClient"]


class MQClient:
    """Runs MQSC for one queue manager and records the mutating commands it sent.

    In check mode a mutating command is only recorded: ``sent`` then lists what would run.
    This is the single write gate of the collection.
    """

    def __init__(self, transport, check_mode=False):
        self.transport = transport
        self.check_mode = check_mode
        self.sent = []
        self.applied = 0  # mutating commands MQ accepted: what ``changed`` means after a failure

    def run(self, command):
        if not command.mutating:
            return self.transport.run_mqsc(command)
        self.sent.append(command.text())
        if self.check_mode:
            return []
        rows = self.transport.run_mqsc(command)
        self.applied += 1
        return rows

    def display(self, qualifier, name=None, parameters=None):
        """DISPLAY with every attribute; [] when the object or status does not exist."""
        command = MQSCCommand("DISPLAY", qualifier, name, parameters, response_parameters=["all"])
        try:
            return self.run(command)
        except MQCommandError as exc:
            if exc.reason_code in NOT_FOUND_REASONS:
                return []
            raise

    def display_one(self, qualifier, name, parameters=None):
        rows = self.display(qualifier, name, parameters)
        return rows[0] if rows else None
