# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""REFRESH SECURITY TYPE(SSL) as a synchronous operation: what runs over TLS before, the refresh, and the wait until it is back.

IBM (REFRESH SECURITY, q086490_; reference §6): "All running TLS channels are stopped and restarted". Sender, server and
cluster-sender channels finish their batch and renegotiate (Lifecycle.renegotiates); every other TLS channel is stopped, and
its partner's sender reconnects on its own retry schedule; TLS clients are disconnected and reconnect at their own pace. The
command answers once the channels have stopped, within a 10-minute limit (1 minute on z/OS), past which it fails with AMQ9710
(3008 MQRCCF_COMMAND_FAILED). A TLS channel that can no longer use its certificate (its label gone from the key repository,
expired, or not trusted by the partner) does not come back, which is what this wait is for: it names every one.

mq_refresh_security (type ssl) and the cert_rotation action both call ``refresh_ssl``.
"""

from __future__ import annotations

import time

from ._errors import MQCommandError, MQError
from ._lifecycle import status_values, summarize
from ._qmgr import read_polled, share_of
from ._types import REGISTRY
from ._waiter import MIN_INTERVAL, Unavailable, pause

__all__ = ["COMMAND", "capture", "refresh_ssl"]

COMMAND = "REFRESH SECURITY TYPE(SSL)"
# CHSTADA/CHSTATI name the second an instance started. An instance read in the capture started before that read ended; the
# refresh goes at least this long after it, so a new instance always shows another second than the one it replaced (a
# channel that came back from a first refresh moments ago is told apart from its restart by a second one).
STAMP_RESOLUTION = 1.0
# MQRCCF_COMMAND_FAILED with AMQ9710: the TLS channels took longer than MQ's limit to stop (IBM q086490_).
_COMMAND_FAILED = 3008
_CHANNEL = REGISTRY["channel"]
_LIFECYCLE = _CHANNEL.lifecycle
# Why a TLS channel usually stays down after the refresh; DISPLAY CHSTATUS does not say, the error log does.
_TLS_HINT = ("a TLS channel that does not come back after the refresh usually cannot use its certificate: the label it uses "
             "(the channel's CERTLABL, else the queue manager's) is missing from the key repository or expired, or the partner "
             "does not trust its issuer; the error log of each end (AMQERR01.LOG) says which")


def _started(row):
    """When a status record's instance started (CHSTADA, CHSTATI): a new instance has another."""
    return (str(row.get("chstada") or "").strip(), str(row.get("chstati") or "").strip())


def _running(rows):
    return [row for row in rows if status_values([row])[0] == "RUNNING"]


class _Bounced:
    """One TLS channel that ran before the refresh, and what the polls after it saw.

    Back when it runs an instance that is not one of those it ran before (another start time), or that runs after a poll saw
    it without one: an outbound channel restarts itself, an inbound one when its partner's sender reconnects
    (wait_for_partner's rule), and an instance still RUNNING with the start time it had before was never restarted.
    """

    def __init__(self, name, subtype, rows):
        self.name = name
        self.subtype = subtype
        self.outbound = _LIFECYCLE.restarted_by_refresh(subtype)
        self.before = {_started(row) for row in _running(rows)}
        self.status_before = summarize(rows)
        self.status_after = None
        self.down_seconds = None
        self.seen_down = False
        self.same_instance = False  # the last poll saw it RUNNING on an instance it ran before the refresh

    @property
    def direction(self):
        return "outbound" if self.outbound else "inbound"

    @property
    def label(self):
        """How messages name it: 'QM1.TO.QM2 (sdr, outbound)'."""
        return "{0} ({1}, {2})".format(self.name, (self.subtype or "").lower(), self.direction)

    @property
    def back(self):
        return self.down_seconds is not None

    def observe(self, rows, since_refresh):
        """Judge one poll's records of this channel; True when it is back now."""
        self.status_after = summarize(rows)
        running = _running(rows)
        if not running:
            self.seen_down = True
            return False
        if self.seen_down or any(_started(row) not in self.before for row in running):
            self.down_seconds = round(since_refresh, 3)
            return True
        self.same_instance = True
        return False

    def why_not_back(self):
        if self.status_after is None:
            return "no poll read its status after the refresh"
        if self.same_instance:
            return "still RUNNING with the start time it had before the refresh: it was not restarted"
        return "last seen: " + self.status_after

    def entry(self, waited=True):
        entry = {"name": self.name, "type": (self.subtype or "").lower(), "direction": self.direction,
                 "status_before": self.status_before}
        if waited:
            entry.update(status_after=self.status_after, down_seconds=self.down_seconds, back=self.back)
        return entry


def _tls_channels(client):
    """{name: subtype} of the channels defined with a CipherSpec (SSLCIPH not blank); client channel definitions (a
    namespace of their own) never run here."""
    key = _CHANNEL.name_key
    return {row[key]: _LIFECYCLE.subtype_of(row) for row in client.display("CHANNEL", "*")
            if str(row.get("sslciph") or "").strip() and not _CHANNEL.row_namespace(row)}


def _by_name(rows, names):
    found = {}
    for row in rows:
        name = row.get(_LIFECYCLE.status_key)
        if name in names:
            found.setdefault(name, []).append(row)
    return found


def _client_count(by_name, tls):
    """RUNNING instances of the TLS server-connection channels: one per connected client (Lifecycle.serves_clients)."""
    return sum(len(_running(rows)) for name, rows in by_name.items() if _LIFECYCLE.serves_clients(tls[name]))


def capture(client):
    """What the refresh will bounce: (tls {name: subtype}, [_Bounced] of the TLS channels with a RUNNING instance, their
    clients' count, [{name, type, status}] of the TLS channels that have a status but none RUNNING, which are not waited
    for). Two DISPLAYs: CHANNEL(*) for the CipherSpecs, CHSTATUS(*)."""
    tls = _tls_channels(client)
    by_name = _by_name(client.display(_LIFECYCLE.status_qualifier, "*"), tls)
    bounced, not_running = [], []
    for name in sorted(by_name):
        subtype, rows = tls[name], by_name[name]
        if _LIFECYCLE.serves_clients(subtype):
            continue
        if _running(rows):
            bounced.append(_Bounced(name, subtype, rows))
        else:
            not_running.append({"name": name, "type": (subtype or "").lower(), "status": summarize(rows)})
    return tls, bounced, _client_count(by_name, tls), not_running


def refresh_ssl(client, wait=True, timeout=120.0, poll_interval=1.0, connections_share=0.9, check_mode=False, clock=time.monotonic,
                sleep=time.sleep):
    """Capture, send REFRESH SECURITY TYPE(SSL), and with ``wait`` poll CHSTATUS(*) until every TLS channel that ran is back
    and the TLS clients are back to ``connections_share`` of their count before (rounded up). Returns the result dict
    (``changed``, ``type``, ``commands``, ``channels``, ``clients``, ``not_running``, ``elapsed``); raises MQError carrying it
    when something did not come back in ``timeout`` seconds or the refresh failed. ``check_mode`` (or a client in check mode):
    reads only, and the result says what would be bounced (``would_bounce``)."""
    started = clock()
    tls, bounced, clients_before, not_running = capture(client)
    captured = clock()
    required = share_of(clients_before, connections_share)
    result = {"changed": True, "type": "SSL", "commands": [COMMAND], "not_running": not_running}
    if check_mode or client.check_mode:
        result.update(would_bounce=[b.entry(waited=False) for b in bounced], clients={"before": clients_before})
        return result
    clients = {"before": clients_before, "after": None, "share_required": required, "back": None}
    result.update(channels=[b.entry(waited=False) for b in bounced], clients=clients)
    if wait and bounced:
        sleep(max(0.0, STAMP_RESOLUTION - (clock() - captured)))
    sent_at = clock()
    try:
        client.refresh_security("SSL")
    except MQError as exc:
        details = exc.details
        if _timed_out(exc):
            # AMQ9710 comes after MQ began stopping the TLS channels: the refresh acted, though it did not finish.
            client.applied += 1
            details = dict(details, applied=True)
        result.update(changed=client.changed, elapsed=round(clock() - started, 3))
        raise MQError(_refresh_failed(client, exc), result=result, **details)
    if not wait:
        result.update(waited=False, elapsed=round(clock() - started, 3))
        return result
    # The deadline runs from the refresh's answer (MQ answers once the channels have stopped); down_seconds from its sending.
    polls, last_unavailable = _wait(client, tls, bounced, clients, clock() + timeout, poll_interval, sent_at, clock, sleep)
    result.update(waited=True, polls=polls, channels=[b.entry() for b in bounced], elapsed=round(clock() - started, 3))
    down = [b for b in bounced if not b.back]
    if down or not clients["back"]:
        raise MQError(_not_back_message(client, down, clients, timeout, last_unavailable), result=result)
    return result


def _wait(client, tls, bounced, clients, deadline, poll_interval, sent_at, clock, sleep):
    """Poll CHSTATUS(*) (one request a poll, the first at once) until every channel is back and the clients are, or the
    ``deadline`` passes; returns (polls, why the last poll got no answer or None)."""
    pending = list(bounced)
    polls = 0
    while True:
        polls += 1
        unavailable = None
        try:
            by_name = _by_name(read_polled(client, "channel", ["*"]), tls)
        except Unavailable as exc:
            by_name, unavailable = None, exc.reason
        now = clock()
        if by_name is not None:
            pending = [b for b in pending if not b.observe(by_name.get(b.name, []), now - sent_at)]
            clients["after"] = _client_count(by_name, tls)
            clients["back"] = clients["after"] >= clients["share_required"]
        if (not pending and clients["back"]) or now >= deadline:
            return polls, unavailable
        sleep(max(0.0, min(pause(now - sent_at, MIN_INTERVAL, poll_interval), deadline - now)))


def _timed_out(exc):
    """Did the refresh fail because it ran out of time itself (AMQ9710, 3008 MQRCCF_COMMAND_FAILED)?"""
    return isinstance(exc, MQCommandError) and exc.reason_code == _COMMAND_FAILED and any("AMQ9710" in m for m in exc.messages)


def _refresh_failed(client, exc):
    """The message of a refresh MQ refused or that timed out itself (AMQ9710)."""
    if _timed_out(exc):
        return ("{0} on {1} timed out itself: the TLS channels took longer than MQ's limit (10 minutes; 1 on z/OS) to stop, so "
                "some may still be stopping, stopped or restarting; the channels in this result are as they were before it: {2}".format(
                    COMMAND, client.qmgr, exc.msg))
    if getattr(exc, "timed_out", False):
        # The request timed out, not the refresh: MQ answers it only once the TLS channels have stopped.
        return ("{0} on {1}: no answer within request_timeout ({2}); MQ answers the refresh once the TLS channels have "
                "stopped, which may take up to 10 minutes: allow a longer request_timeout. Whether it ran is unknown: the "
                "channels in this result are as they were before it".format(COMMAND, client.qmgr, exc.msg))
    return "{0} on {1} failed: {2}".format(COMMAND, client.qmgr, exc.msg)


def _not_back_message(client, down, clients, timeout, unavailable):
    parts = []
    if down:
        parts.append("{0} of the TLS channels did not come back within {1:g}s: {2}".format(
            len(down), timeout, "; ".join("{0}: {1}".format(b.label, b.why_not_back()) for b in down)))
    if not clients["back"]:
        parts.append("the TLS clients are {0} of the {1} needed ({2} before the refresh)".format(
            "unknown" if clients["after"] is None else clients["after"], clients["share_required"], clients["before"]))
    if unavailable:
        parts.append("the last poll got no answer ({0})".format(unavailable))
    return "{0} on {1}: {2}; {3}".format(COMMAND, client.qmgr, "; ".join(parts), _TLS_HINT if down else
                                         "clients reconnect at their own pace: allow a longer wait_timeout or a lower connections_share")
