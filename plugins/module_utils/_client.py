# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""MQSC verbs over a transport, with "not found" turned into an empty answer."""

from __future__ import annotations

import time

from ._errors import MQCommandError, MQError, MQHTTPError, MQTransportError, MQUnconfirmedError
from ._mqsc import NOT_FOUND_REASONS, MQSCCommand
from ._transport import quote_path_segment

__all__ = ["MQClient"]

# After a timeout the server may still be running the command: give it this long (at most) before re-reading.
SETTLE_CAP = 5.0
# After a proxy's 502/504 mqweb may still be finishing the command behind it: a short pause before re-reading, so the
# re-read does not race the command it is checking.
SETTLE_PROXY = 1.0


class MQClient:
    """Runs MQSC for one queue manager and records the mutating commands it sent.

    In check mode a mutating command is only recorded: ``sent`` then lists what would run.
    This is the single write gate of the collection.
    """

    def __init__(self, transport, check_mode=False, sleep=time.sleep):
        self.transport = transport
        self.check_mode = check_mode
        self.sleep = sleep
        self.sent = []
        self.applied = 0  # mutating commands MQ accepted: what ``changed`` means after a failure
        self.warnings = []

    @property
    def changed(self):
        """A module's ``changed``: in check mode, that a mutating command would be sent; else that MQ accepted one
        (a START answered "already started" was sent but changed nothing: another writer had done it)."""
        return bool(self.sent) if self.check_mode else self.applied > 0

    def run(self, command, took_effect=None, retry=None):
        """Run one command. A mutation is sent once; when its answer is lost, ``took_effect()`` re-reads
        the object to learn whether it applied, and the truth is reported instead of a guess or a resend.
        ``retry=False`` turns off the transport's retries of a read, for callers that poll anyway.
        """
        if not command.mutating:
            return self.transport.run_mqsc(command, retry=retry)
        self.sent.append(command.text())
        if self.check_mode:
            return []
        try:
            rows = self.transport.run_mqsc(command)
        except MQCommandError as exc:
            exc.details["applied"] = False  # MQ ran the command and refused it
            raise
        except (MQTransportError, MQHTTPError) as exc:
            if not exc.answer_lost:
                # An HTTP error status other than a proxy's 502/504 comes from mqweb, which refused the command before
                # MQ ran it (503: the queue manager is not available).
                exc.details.update(applied=False, mq_command=command.text())
                raise
            if took_effect is None:
                raise
            self._confirm(command, exc, took_effect)
            return []
        self.applied += 1
        return rows

    def _confirm(self, command, exc, took_effect):
        detail = exc.detail  # what went wrong, without the command, which the messages below name once
        if not exc.reached:
            raise MQUnconfirmedError("{0}: not sent, so it changed nothing: {1}".format(command.text(), detail),
                                     mq_command=command.text(), applied=False)
        if exc.timed_out:
            self.sleep(min(self.transport.request_timeout, SETTLE_CAP))
        elif exc.answer_lost and isinstance(exc, MQHTTPError):
            self.sleep(SETTLE_PROXY)
        try:
            applied = took_effect()
        except MQError as reread:
            raise MQUnconfirmedError(
                "{0}: no answer ({1}), and re-reading the object failed too ({2}): whether MQ applied the command is "
                "unknown; check the object before running the task again".format(command.text(), detail, reread.msg),
                mq_command=command.text(), applied="unknown")
        if applied:
            self.applied += 1
            self.warnings.append("{0}: the answer was lost ({1}), but re-reading the object shows the command took effect".format(
                command.text(), detail))
            return
        later = " (it timed out: if MQ is still working on it, it may yet take effect; run the task again to converge)" \
            if exc.timed_out else ""
        raise MQUnconfirmedError(
            "{0}: no answer ({1}); re-reading the object shows the command did not take effect, so this command changed "
            "nothing{2}".format(command.text(), detail, later), mq_command=command.text(), applied=False)

    def display(self, qualifier, name=None, parameters=None, retry=None):
        """DISPLAY with every attribute; [] when the object or status does not exist."""
        command = MQSCCommand("DISPLAY", qualifier, name, parameters, response_parameters=["all"])
        try:
            return self.run(command, retry=retry)
        except MQCommandError as exc:
            if exc.reason_code in NOT_FOUND_REASONS:
                return []
            raise

    @property
    def qmgr(self):
        """The queue manager every command goes to."""
        return self.transport.qmgr

    @property
    def request_count(self):
        """HTTP requests made so far (retries and logins included)."""
        return self.transport.request_count

    def qmgr_state(self, retry=False):
        """The state GET /admin/qmgr/{qmgr} shows (running, starting, ended, ...); not retried by default: the callers poll."""
        body = self.transport.get_json("/admin/qmgr/" + quote_path_segment(self.qmgr), retry=retry)
        entries = (body.get("qmgr") or [{}]) if isinstance(body, dict) else [{}]
        return str(entries[0].get("state") or "unknown")

    def refresh_security(self, security_type):
        """REFRESH SECURITY TYPE(...): the queue manager reads its security configuration again (CONNAUTH: the
        authentication information objects; AUTHSERV: the authorization service's cache of users and groups; SSL: the key
        repository, restarting the TLS channels, which _refresh_ssl waits for). A mutation: recorded, and not sent in check
        mode."""
        self.run(MQSCCommand("REFRESH", "SECURITY", None, {"TYPE": security_type}))

    def display_one(self, qualifier, name, parameters=None):
        rows = self.display(qualifier, name, parameters)
        return rows[0] if rows else None
