# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""How an object type runs: the lifecycle record that sits beside each attribute table.

Every rule about starting, stopping and reading the run state of an object type is a field of its
Lifecycle, and every predicate over status records is a method here. No other file asks which type
an object is: it asks the record. An object type without a run state (queues) has no Lifecycle.
"""

from __future__ import annotations

__all__ = ["Lifecycle", "status_values", "summarize"]

# A stopped object either has a STOPPED record or none at all; INACTIVE is a channel that ended normally
# (DISCINT, STOP ... STATUS(INACTIVE)), which MQ shows while the record is being removed.
_STOPPED = frozenset(("STOPPED", "INACTIVE"))


def status_values(rows):
    """The STATUS of each record, upper case and without the blanks MQ may pad it with."""
    return [str(row.get("status", "")).strip().upper() for row in rows]


def summarize(rows):
    """'RUNNING', 'RUNNING x3', 'RUNNING, STOPPING' or 'no status record'."""
    if not rows:
        return "no status record"
    counts = {}
    for status in status_values(rows):
        status = status or "UNKNOWN"
        counts[status] = counts.get(status, 0) + 1
    return ", ".join(s if n == 1 else "{0} x{1}".format(s, n) for s, n in counts.items())


class Lifecycle:
    """The run-state rules of one object type.

    ``status_qualifier``/``status_key``: the status DISPLAY and the key of its rows that names the object.
    ``subtype_keyword``: the attribute whose value changes the rules (CHLTYPE, SERVTYPE); ``default_subtype`` is
    MQ's default for it. ``running``: states in which a START is pointless because the object is started or on its
    way; ``on_its_way``: those of them a start waits through rather than issues again. ``failing``: states that
    fail a start at once, with why; an object found in one is restarted by state=started, not waited for.
    ``passive``: subtypes that START only enables (they run when a partner connects), so "started" means "no STOPPED
    record". ``unstartable``: subtypes no START/STOP applies to, with why.
    ``unmonitored``: subtypes MQ keeps no status for, with why. ``stop_options``: (module option, STOP keyword).
    ``already_started``/``already_stopped``: reason codes that mean the object already is where the command
    wants it (a race between our status read and the command, not a failure). ``needs_keyword``: {operation:
    keyword} without which MQ refuses the operation. ``address``: the keywords (host, port) a running object
    occupies, which no two running objects can share. ``hold``: (STOP keyword, value, advice): a STOP with that value, which
    is also MQ's default, leaves a STOPPED record that keeps a passive object refusing its partners (channels:
    STATUS(STOPPED)); without that record an idle passive object accepts the next partner, so it is not "stopped".
    ``advice`` tells the user what else refuses partners when MQ will not hold an idle object. ``live``: the keywords a
    running object takes at once (or that do not affect a running object); MQ applies every other keyword of the type
    only when the object next starts. ``partnered``: the passive subtypes a partner *channel* connects to and retries
    to reach (a rcvr's sender): after a restart a RUNNING instance proves the partner came back (mq_restart's
    ``wait_for_partner``); a svrconn's clients and an active subtype's own start are not that. ``renegotiates``: the
    subtypes that ``REFRESH SECURITY TYPE(SSL)`` stops and restarts itself when they use TLS (senders); the queue manager
    only stops its other TLS instances, which come back when their partner or client connects again (_refresh_ssl).
    """

    def __init__(self, status_qualifier, status_key, already_started, already_stopped, subtype_keyword=None, default_subtype=None,
                 running=("RUNNING", "STARTING"), on_its_way=("STARTING",), failing=None, passive=(), unstartable=None,
                 unmonitored=None, stop_options=(), needs_keyword=None, address=None, hold=None, live=(), partnered=(), ended=None,
                 renegotiates=()):
        self.status_qualifier = status_qualifier
        self.status_key = status_key
        self.already_started = frozenset(already_started)
        self.already_stopped = frozenset(already_stopped)
        self.subtype_keyword = subtype_keyword
        self.default_subtype = default_subtype
        self.running = frozenset(running)
        self.on_its_way_states = frozenset(on_its_way)
        self.failing = dict(failing or {})
        self.passive = frozenset(passive)
        self.unstartable = dict(unstartable or {})
        self.unmonitored = dict(unmonitored or {})
        self.stop_options = tuple(stop_options)
        self.needs_keyword = dict(needs_keyword or {})
        self.address = address
        self.hold = hold
        self.live = frozenset(live)
        self.partnered = frozenset(partnered)
        self.ended = ended
        self.renegotiates = frozenset(renegotiates)

    def subtype_of(self, row):
        """The subtype a DISPLAY row (or a {keyword: value} dict) declares, upper case; None when the type has none."""
        if self.subtype_keyword is None or not row:
            return None
        value = row.get(self.subtype_keyword.lower(), row.get(self.subtype_keyword))
        return str(value).strip().upper() if value else None

    def already(self, operation):
        return self.already_started if operation == "start" else self.already_stopped

    def why_unstartable(self, subtype):
        """None, or why no START or STOP can be sent for an object of this subtype."""
        return self.unstartable.get(subtype)

    def subtype_or_default(self, subtype):
        return subtype or self.default_subtype

    def why_unmonitored(self, subtype):
        """None, or why MQ has no status record to read for this subtype (its state can be neither checked nor waited for)."""
        return self.unmonitored.get(self.subtype_or_default(subtype))

    def is_passive(self, subtype):
        return subtype in self.passive

    def serves_clients(self, subtype):
        """A passive subtype that no partner channel starts (a svrconn): its instances are applications' connections, which
        QMSTATUS counts (CONNS), not objects a restart brings back."""
        return self.is_passive(subtype) and subtype not in self.partnered

    def restarted_by_refresh(self, subtype):
        """Does REFRESH SECURITY TYPE(SSL) restart a running TLS instance of this subtype itself (``renegotiates``)? If not,
        it only stops it, and a partner's retry or a client brings it back."""
        return subtype in self.renegotiates

    def is_running(self, rows, subtype=None):
        """Started, or on its way: a START now would be refused or pointless."""
        statuses = set(status_values(rows))
        if self.is_passive(subtype):
            # An enabled receiver/server-connection channel with no partner has no record; it is "started".
            return "STOPPED" not in statuses
        return bool(statuses & self.running)

    def at_next_start(self, keywords):
        """The ``keywords`` (changed on a definition) that a running object only takes when it next starts, in order. The
        subtype keyword is not one: it changes the rules the object runs by (a command service has no status at all)."""
        return [k for k in keywords if k not in self.live and k != self.subtype_keyword]

    def runs_on_old_values(self, rows, subtype=None):
        """Would a change that applies at the next start wait for one? Yes while any record is not at rest (a channel
        RETRYING or BINDING included), unless MQ keeps no status for the subtype."""
        return not self.why_unmonitored(subtype) and not self.is_stopped(rows)

    def started_by_another(self, rows, subtype=None):
        """After a START that MQ answered "already started" (4031 for a channel): is the object really started? A
        channel still STOPPING, or still INITIALIZING from an earlier start, gets the same answer (APAR IT34083)."""
        statuses = set(status_values(rows))
        if self.is_passive(subtype):
            return not statuses & {"STOPPED", "STOPPING"}
        return "RUNNING" in statuses

    def is_stopped(self, rows, subtype=None, stop_parameters=None):
        """No longer running; with ``stop_parameters`` (the STOP keywords a task sends), also held where it asks for a hold."""
        statuses = status_values(rows)
        if stop_parameters is not None and self.holds(subtype, stop_parameters):
            # An idle svrconn/rcvr/clusrcvr has no record and accepts the next client or partner; only a STOPPED record
            # refuses them (2537 MQRC_CHANNEL_NOT_AVAILABLE, IBM technote 7045669).
            return bool(statuses) and all(status == "STOPPED" for status in statuses)
        return all(status in _STOPPED for status in statuses)

    def holds(self, subtype, stop_parameters):
        """Is a STOP with ``stop_parameters`` meant to leave this passive subtype held in a STOPPED record?"""
        if self.hold is None or not self.is_passive(subtype):
            return False
        keyword, value, _advice = self.hold
        return stop_parameters.get(keyword, value) == value

    def is_failing(self, rows, subtype=None):
        """Started but failing, and not running: every record in a failing state (a sender RETRYING). MQ retries it
        with the definition it started with; state=started stops and starts it for an attempt now (_runtime)."""
        statuses = set(status_values(rows))
        return not self.is_passive(subtype) and "RUNNING" not in statuses and bool(statuses) and statuses <= set(self.failing)

    def is_on_its_way(self, rows, subtype=None):
        """Started but not RUNNING yet (a channel BINDING): a start waits for it instead of starting it twice."""
        statuses = set(status_values(rows))
        return not self.is_passive(subtype) and "RUNNING" not in statuses and bool(statuses & self.on_its_way_states)

    def stopping_or_stopped(self, rows):
        """Has a STOP been acted on? (for re-reading after a lost answer)"""
        return self.is_stopped(rows) or "STOPPING" in status_values(rows)

    def why_ended(self, row):
        """Why a start that ended at once probably did, from the object's definition ``row`` (a DISPLAY row; None when
        it could not be read); None when the record has nothing to say."""
        if not self.address:
            return self.ended
        host_keyword, port_keyword = self.address
        row = row or {}
        port, host = row.get(port_keyword.lower()), str(row.get(host_keyword.lower()) or "").strip()
        where = "its port" if port in (None, "") else "port {0}{1}".format(port, " of " + host if host else "")
        # runmqlsr ends at once when it cannot bind its address; LSSTATUS then has no record and only the queue manager's
        # error log says why (the bind failure and its errno).
        return ("it probably ended because {0} is already in use by another {1} or process; check the queue manager's error log "
                "(AMQERR01.LOG)".format(where, self.status_key))

    def stop_parameters(self, values):
        """STOP keywords from {option: value} (channels: MODE and STATUS)."""
        return {keyword: values[option].upper() for option, keyword in self.stop_options if values.get(option)}

    def why_no_partner_wait(self, subtype):
        """None, or why a health gate cannot wait for this subtype's partner to reconnect (``partnered``)."""
        if subtype in self.partnered:
            return None
        if not self.partnered:
            return "a {0} has no partner channel".format(self.status_key)
        kinds = ", ".join(sorted(s.lower() for s in self.partnered))
        if self.is_passive(subtype):
            why = "its clients reconnect at their own pace, if ever"
        else:
            why = "it connects to its partner itself, so the health gate already requires it RUNNING"
        return "a {0} {1} is not started by a partner channel: {2}; wait_for_partner applies to {3} channels".format(
            (subtype or "").lower(), self.status_key, why, kinds)

    def healthy(self, rows, subtype=None, partner=False):
        """After a restart: RUNNING for an active object; not STOPPED or failing for a passive one, which waits for
        its partner or its clients; with ``partner`` a passive one must also show a RUNNING instance (its partner is back)."""
        statuses = status_values(rows)
        if self.is_passive(subtype) and not partner:
            return not any(s == "STOPPED" or s in self.failing for s in statuses)
        return "RUNNING" in statuses and all(s not in self.failing for s in statuses)
