# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Runtime status of one queue manager's channels, listeners and services: the START/STOP state machines.

State is lazy: a status record stores when its current phase sequence began and where it ends; the visible state is
computed from the monotonic clock whenever it is read, so no thread runs per object.
"""

import os
import time

from . import objects as O
from .parse import MqscError


class Status:
    """A lazily evaluated runtime status record: phases [(state, seconds)] from t0, then final (None = record gone).

    stuck: a 'stuck' fault matched when the transition began; while that fault stays, the last phase never ends.
    """

    __slots__ = ("t0", "phases", "final", "info", "stuck")

    def __init__(self, t0, phases, final, info, stuck=False):
        self.t0, self.phases, self.final, self.info, self.stuck = t0, phases, final, info, stuck

    def view(self, now, stuck=False):
        elapsed = now - self.t0
        for i, (state, seconds) in enumerate(self.phases):
            if elapsed < seconds or (stuck and i == len(self.phases) - 1):
                return state
            elapsed -= seconds
        return self.final


class Schedule:
    """The connection attempts of one sender: `short` of them SHORTTMR (S seconds) apart, the first at t, then `long` more
    LONGTMR (L) apart. IBM counts the first attempt against SHORTRTY: "If the initial allocation attempt fails, the short
    retry count is decremented and the channel retries the remaining number of times" (IBM-SHORTRTY, IBM-LONGRTY), so a
    START makes SHORTRTY + LONGRTY attempts in all. Index i is the i-th attempt; `last` the index of the final one."""

    __slots__ = ("t", "short", "long", "S", "L")

    def __init__(self, t, short, long_, S, L):
        self.t, self.short, self.long, self.S, self.L = t, short, long_, S, L

    @property
    def last(self):
        return self.short + self.long - 1

    def tick(self, i):
        if i < self.short:
            return self.t + i * self.S
        k = max(self.short - 1, 0)  # the last short attempt (or the first attempt when no short one is left)
        return self.t + k * self.S + (i - k) * self.L

    def first_at_or_after(self, now):
        """Index of the first attempt at or after now (last + 1 if none is left)."""
        if now <= self.t:
            return 0
        k = max(self.short - 1, 0)
        if self.short and self.S > 0 and now <= self.tick(k):
            return -int(-(now - self.t) // self.S)
        if self.L > 0:
            return min(self.last + 1, k - int(-(now - self.tick(k)) // self.L))
        return self.last + 1

    def remaining(self, now, after_break=False):
        """(short, long) attempts left once those before now have failed (they survive a restart, IBM-LONGRTY). after_break:
        index 0 is the moment the connection broke, not an attempt (RuntimeStatus.schedule)."""
        done = max(self.first_at_or_after(now), 1 if after_break else 0)
        return max(0, self.short - done), self.long - max(0, done - self.short)


# Channel states that make a channel "in use" for START/DELETE (IBM-CHL-STATES: RETRYING and STOPPED are not active;
# the emulator also treats its own STARTING phase as in use because a start is already under way).
NOT_IN_USE = ("STOPPED", "RETRYING")


class RuntimeStatus:
    """The status records of one queue manager, next to its object store (kind -> name -> MQObject).

    chstatus: channel name -> [Status], one per instance (an SVRCONN has one per attached client); lsstatus, svstatus:
    name -> Status. A record whose state has become None is dropped when it is next read. Callers hold the queue
    manager's lock and have checked the command's options and looked the object up.
    """

    def __init__(self, store, settings):
        self.store, self.settings = store, settings
        self.chstatus, self.lsstatus, self.svstatus = {}, {}, {}
        self.clients, self.reconnects = {}, {}  # SVRCONN channel -> attached clients; -> their reconnect times after a start
        # tls_client(channel, issuer=..., now=None) -> None (no TLS) or (refusal or None, the instance's TLS fields):
        # QueueManager.tls_client, set by the queue manager, which holds the key repository
        self.tls_client = lambda channel, issuer=None, now=None: None
        self.pid = 1000

    # ----- reading records ---------------------------------------------------------------------------------------
    def view(self, kind, name, rec, now):
        return rec.view(now, rec.stuck and self.settings.stuck(kind, name))

    def live_channel(self, name, now):
        recs = [r for r in self.chstatus.get(name, []) if self.view("CHANNEL", name, r, now) is not None]
        if recs:
            self.chstatus[name] = recs
        else:
            self.chstatus.pop(name, None)
        return recs

    def live(self, table, kind, name, now):
        rec = table.get(name)
        if rec is not None and self.view(kind, name, rec, now) is None:
            del table[name]
            rec = None
        return rec

    def client_count(self, now):
        """Attached SVRCONN client instances that are RUNNING (each one is a connection)."""
        return sum(1 for n, recs in self.chstatus.items() for r in recs
                   if r.info.get("client") and self.view("CHANNEL", n, r, now) == "RUNNING")

    # ----- new records -------------------------------------------------------------------------------------------
    def _record(self, kind, name, t0, phases, final, info):
        return Status(t0, phases, final, info, self.settings.stuck(kind, name))

    def _next_pid(self):
        self.pid += 1
        return self.pid

    def schedule(self, obj, t, counts=None, after_break=False):
        """The attempts of a sender whose first attempt is at t: SHORTRTY/LONGRTY (or the counts left over from before a
        restart) every SHORTTMR/LONGTMR MQ seconds, times timing channel_retry_scale. A START makes at least one attempt
        (SHORTRTY 0: the first attempt has no short count to decrement, [I]). after_break: t is the moment a running
        channel lost its partner, not an attempt; the retries follow it in full (IBM-CHL-ERRORS). RQSTR has no retry
        attributes: a failed requester stops (IBM-CHL-ERRORS)."""
        scale = self.settings.seconds("channel_retry_scale")
        short, long_ = counts or (int(obj.attrs.get("SHORTRTY", 0)), int(obj.attrs.get("LONGRTY", 0)))
        if counts is None:
            short = short + 1 if after_break else max(short, 1)
        return Schedule(t, short, long_, int(obj.attrs.get("SHORTTMR", 0)) * scale, int(obj.attrs.get("LONGTMR", 0)) * scale)

    def channel_start_record(self, name, obj, t0, counts=None):
        """A starting sender: INITIALIZING, STARTING, BINDING (channel_start spread over them, IBM-CURRENT-ACTIVE), then its
        first attempt; what follows is planned by the network (network.py), which is told after every change."""
        third = self.settings.seconds("channel_start") / 3
        lead = [("INITIALIZING", third), ("STARTING", third), ("BINDING", third)]
        info = {"conname": obj.attrs.get("CONNAME", ""), "xmitq": obj.attrs.get("XMITQ", ""), "lead": lead, "rqmname": "",
                "wall": time.time() + (t0 - time.monotonic()), "sched": self.schedule(obj, t0 + 3 * third, counts), "error": None}
        return self._record("CHANNEL", name, t0, list(lead), "BINDING", info)

    def _listener_record(self, name, obj, t0):
        port, final = obj.attrs["PORT"], "RUNNING"
        # One port space per host: the other queue managers' listeners on this host count too (network.py).
        holders = [(other, rec) for other, rec in self.lsstatus.items() if other != name] + self.settings.listeners_on_host()
        conflict = port and any(not rec.info.get("conflict") and rec.info["PORT"] == port and rec.view(time.monotonic()) is not None
                                for _other, rec in holders)
        if conflict:  # runmqlsr cannot bind a port another listener holds (config listener_port_conflict)
            final = {"vanish": None, "starting": "STARTING", "ignore": "RUNNING"}[self.settings.config("listener_port_conflict")]
        info = dict(obj.attrs, pid=self._next_pid(), wall=time.time() + (t0 - time.monotonic()), conflict=bool(conflict))
        return self._record("LISTENER", name, t0, [("STARTING", self.settings.seconds("listener_start"))], final, info)

    def _service_record(self, name, obj, t0):
        cmd = obj.attrs["STARTCMD"].strip()
        runs = self.settings.config("service_command_check") == "always" or cmd.startswith(("+MQ_INSTALL_PATH+", "/opt/mqm/")) \
            or os.path.exists(cmd)
        info = dict(obj.attrs, pid=self._next_pid(), wall=time.time() + (t0 - time.monotonic()))
        return self._record("SERVICE", name, t0, [("STARTING", self.settings.seconds("service_start"))], "RUNNING" if runs else None,
                            info)

    # ----- queue manager end and start ---------------------------------------------------------------------------
    def end(self):
        """The queue manager ends: listeners and services end; RETRYING and STOPPED channel status is remembered, SVRCONN
        included from MQ 8.0 (q015680_; the SVRCONN reset of IBM-RESTART-CHL is a z/OS channel-initiator rule). A pending
        STOP completes; a sender still starting is remembered as RETRYING with the retry counts it has left."""
        self.lsstatus.clear()
        self.svstatus.clear()
        now = time.monotonic()
        for name in list(self.chstatus):
            kept = []
            for rec in self.chstatus[name]:
                state = self.view("CHANNEL", name, rec, now)
                if state == "STOPPING":
                    state = rec.final
                elif state in ("INITIALIZING", "STARTING", "BINDING") and "sched" in rec.info:
                    state = "RETRYING"
                if state in ("RETRYING", "STOPPED") and "peer" not in rec.info:
                    info = dict(rec.info)
                    if "sched" in info:  # no plan while the queue manager is down; the counts resume at the next start
                        info["counts"] = info.pop("sched").remaining(now, info.pop("first_done", False))
                    kept.append(Status(now, [], state, info))
            if kept:
                self.chstatus[name] = kept[:1]
            else:
                del self.chstatus[name]
        self.reconnects.clear()

    def begin(self, channels_at, objects_at, clients_from):
        """The queue manager starts: RETRYING senders go on with the retries they had left from channels_at (the channel
        initiator), CONTROL(QMGR|STARTONLY) objects start at objects_at, and attached clients reconnect one by one from
        clients_from (timing client_reconnect_delay/_spread). Returns the instant the last client is back (None: none)."""
        for name, recs in self.chstatus.items():
            if recs and recs[0].final == "RETRYING":
                counts = recs[0].info.get("counts")
                self.chstatus[name] = [self.channel_start_record(name, self.store["CHANNEL"][name], channels_at, counts)]
        for name, obj in self.store["LISTENER"].items():
            if obj.attrs["CONTROL"] != "MANUAL" and name not in self.lsstatus:
                self.lsstatus[name] = self._listener_record(name, obj, objects_at)
        for name, obj in self.store["SERVICE"].items():
            if obj.attrs["CONTROL"] != "MANUAL" and obj.attrs["SERVTYPE"] == "SERVER" and obj.attrs["STARTCMD"].strip():
                self.svstatus[name] = self._service_record(name, obj, objects_at)
        self.reconnects = {channel: self.reconnect_times(count, clients_from) for channel, count in self.clients.items() if count}
        return max((t for times in self.reconnects.values() for t in times), default=None)

    def reconnect_times(self, count, start):
        """When count clients that lost their connection at ``start`` are back: one by one over client_reconnect_spread, after
        client_reconnect_delay."""
        delay, spread = self.settings.seconds("client_reconnect_delay"), self.settings.seconds("client_reconnect_spread")
        return [start + delay + spread * i / count for i in range(count)]

    def _client_record(self, i, t0, tls=None):
        wall = time.time() + (t0 - time.monotonic())
        info = {"conname": f"10.0.{i // 250}.{i % 250 + 1}", "client": True, "wall": wall}
        if tls is not None:
            info["tls"] = dict(tls, sslkey_wall=wall)
        return Status(t0, [], "RUNNING", info)

    def reconnect_clients(self, now):
        """Clients whose reconnect time has come connect, unless their SVRCONN is STOPPED: then MQ refuses them (2537
        MQRC_CHANNEL_NOT_AVAILABLE); reconnectable ones wait for its START, the others are dropped from the attached count
        (config clients_after_channel_stop)."""
        for channel, times in list(self.reconnects.items()):
            due = [t for t in times if t <= now]
            if not due:
                continue
            handshake = self.tls_client(channel, now=now)
            if handshake is not None and handshake[0] is not None:
                # TLS clients whose handshake fails keep trying: still due now, they come in once the key repository lets them
                self.reconnects[channel] = [now] * len(due) + times[len(due):]
                continue
            tls = handshake[1] if handshake else None
            self.reconnects[channel] = times[len(due):]
            recs = self.live_channel(channel, now)
            if any(self.view("CHANNEL", channel, r, now) == "STOPPED" for r in recs):
                if self.settings.config("clients_after_channel_stop") == "forget":
                    self.clients[channel] -= len(due)
                continue
            recs = [r for r in recs if r.info.get("client")]
            self.chstatus[channel] = recs + [self._client_record(len(recs) + i, t, tls) for i, t in enumerate(due)]

    def channel_stopped(self, channel, now):
        return any(self.view("CHANNEL", channel, r, now) == "STOPPED" for r in self.live_channel(channel, now))

    def connect_client(self, channel, conname, mcauser, tls=None):
        """One more client connection of SVRCONN channel (control API connect, after security accepted it): a RUNNING
        instance with the client's address as CONNAME and the user ID it runs with as MCAUSER."""
        now = time.monotonic()
        recs = [r for r in self.live_channel(channel, now) if r.info.get("client")]
        rec = self._client_record(len(recs), now, tls)
        rec.info.update(conname=conname, mcauser=mcauser)
        self.chstatus[channel] = recs + [rec]
        self.clients[channel] = self.clients.get(channel, 0) + 1

    def attach_clients(self, channel, count):
        """Replace the instances of SVRCONN channel with count RUNNING client connections (the control API)."""
        recs = self.live_channel(channel, time.monotonic())
        if any(self.view("CHANNEL", channel, r, time.monotonic()) == "STOPPED" for r in recs) and count:
            raise ValueError(f"reason 2537 MQRC_CHANNEL_NOT_AVAILABLE: channel {channel} is STOPPED; MQ refuses client "
                             "connections until it is started")
        handshake = self.tls_client(channel) if count else None
        if handshake is not None and handshake[0] is not None:
            raise ValueError(f"reason 2393 MQRC_SSL_INITIALIZATION_ERROR: the TLS handshake of channel {channel} fails "
                             f"({handshake[0]})")
        tls = handshake[1] if handshake else None
        recs = [self._client_record(i, time.monotonic(), tls) for i in range(count)]
        self.clients[channel] = count
        self.reconnects.pop(channel, None)
        if recs:
            self.chstatus[channel] = recs
        else:
            self.chstatus.pop(channel, None)

    # ----- MQSC: DELETE, START and STOP (opts: the validated upper-case options) ------------------------------------
    def delete(self, kind, name):
        """DELETE is refused while the object runs; a deleted channel's saved status goes with it."""
        now = time.monotonic()
        if kind == "CHANNEL":
            if any(self.view(kind, name, r, now) not in NOT_IN_USE for r in self.live_channel(name, now)):
                raise MqscError(O.RC_CHANNEL_IN_USE, name)  # §4.2 [R]
            self.chstatus.pop(name, None)  # deleting a channel deletes its saved status
            self.clients.pop(name, None)
            self.reconnects.pop(name, None)
        elif kind == "LISTENER" and self.live(self.lsstatus, kind, name, now):
            raise MqscError(O.RC_LISTENER_RUNNING, name)
        elif kind == "SERVICE" and self.live(self.svstatus, kind, name, now):
            raise MqscError(O.RC_SERVICE_RUNNING, name)

    def start_channel(self, name, obj, opts):
        if obj.otype == "CLNTCONN":
            raise MqscError(O.RC_CHANNEL_TYPE_ERROR, name)  # START is not valid for CLNTCONN (IBM-STA-CHL)
        now = time.monotonic()
        recs = self.live_channel(name, now)
        in_use = {self.view("CHANNEL", name, r, now) for r in recs} - set(NOT_IN_USE)
        if in_use:
            # IBM-CURRENT-ACTIVE: STARTING is not an active state, so whether START there is "in use" (4031) is [I]
            # (config start_starting_channel "accepted": the start under way goes on).
            if opts.get("IGNSTATE") == "YES" or (in_use == {"STARTING"} and self.settings.config("start_starting_channel") == "accepted"):
                return
            raise MqscError(O.RC_CHANNEL_IN_USE, name)  # AMQ9514E [S]
        for rec in self.chstatus.pop(name, []):  # re-enable: the STOPPED (or RETRYING) record goes
            self._release_xmitq(rec)
        if obj.otype in O.INITIATING_TYPES:
            self.chstatus[name] = [self.channel_start_record(name, obj, now)]
        elif self.clients.get(name):
            # Reconnectable clients refused with 2537 while the channel was STOPPED keep trying; they are back after START.
            self.reconnects[name] = self.reconnect_times(self.clients[name], now)

    def stop_channel(self, name, obj, opts):
        if obj.otype == "CLNTCONN":
            raise MqscError(O.RC_CHANNEL_TYPE_ERROR, name)
        final = None if opts.get("STATUS") == "INACTIVE" else "STOPPED"
        now = time.monotonic()
        recs = self.live_channel(name, now)
        active = [r for r in recs if self.view("CHANNEL", name, r, now) != "STOPPED"]
        info = {"conname": "" if obj.otype == "SVRCONN" else obj.attrs.get("CONNAME", ""), "xmitq": obj.attrs.get("XMITQ", ""),
                "wall": time.time()}
        if not active:
            if opts.get("IGNSTATE") == "YES":
                return
            config = self.settings.config
            if not recs and final and config("stop_inactive_channel") == "stopped_record":
                # An inactive channel of any type is held STOPPED: APAR IT27694 stops an INACTIVE SVRCONN this way and shows
                # STATUS(STOPPED) after (IBM-IT27694); IT40956 describes the same STOP on a sender that never ran
                # (IBM-IT40956). No record is 4064 only under config "error", the answer of a WebSphere MQ 7.0 transcript.
                self.chstatus[name] = [Status(now, [], "STOPPED", info)]
                return
            if recs and final is None and config("stop_stopped_channel_inactive") == "inactive":
                # STOPPED -> INACTIVE without a START ("Later the MQ administrator changed this channel to INACTIVE state",
                # IBM-IT40956; [I] that STOP STATUS(INACTIVE) did it): the record goes, clients waiting to reconnect come in.
                del self.chstatus[name]
                if self.clients.get(name):
                    self.reconnects[name] = self.reconnect_times(self.clients[name], now)
                return
            raise MqscError(O.RC_CHANNEL_NOT_ACTIVE, name)  # 4064: "the channel was already stopped" (IBM-RC4064)
        # FORCE/TERMINATE do not wait for the batch to finish, so they take half the stop time.
        seconds = self.settings.seconds("channel_stop") * (1.0 if opts.get("MODE", "QUIESCE") == "QUIESCE" else 0.5)
        if obj.otype != "SVRCONN":
            info.update(conname=active[0].info["conname"], xmitq=active[0].info["xmitq"])
        # One STOPPING record replaces every instance; SVRCONN clients are disconnected (IBM-STOP-MQI). Reconnectable clients
        # (config clients_after_channel_stop "reconnect", [I]: MQCNO_RECONNECT retries on 2537 until its timeout, 1800 s by
        # default) come back when the channel takes them again: at once after STATUS(INACTIVE), after START from STOPPED.
        if self.settings.config("clients_after_channel_stop") == "forget":
            self.clients.pop(name, None)
        self.reconnects.pop(name, None)
        if final is None and self.clients.get(name):
            self.reconnects[name] = self.reconnect_times(self.clients[name], now + seconds)
        self.chstatus[name] = [self._record("CHANNEL", name, now, [("STOPPING", seconds)], final, info)]

    # ----- a sending channel's transmission queue while it is STOPPED --------------------------------------------
    def hold_xmitqs(self, now):
        """IBM q015680_ (IBM-RESTART-STOPPED): "when the channel entered the STOPPED state, the associated transmission queue
        was set to GET(DISABLED) and triggering was set off. When the start request is received, these attributes are
        reset automatically." Called before every command (network.advance), so the queue shows it from the moment a
        sender or server is STOPPED, however it got there (STOP, retries run out, an XMITQ error, a STOPPED record)."""
        for name, recs in self.chstatus.items():
            obj = self.store["CHANNEL"].get(name)
            if obj is None or obj.otype not in O.XMITQ_TYPES:
                continue
            for rec in recs:
                if "held_xmitq" in rec.info or "peer" in rec.info or self.view("CHANNEL", name, rec, now) != "STOPPED":
                    continue
                queue = self.store["QUEUE"].get(rec.info.get("xmitq", ""))
                if queue is None or queue.otype != "QLOCAL":
                    rec.info["held_xmitq"] = None
                    continue
                rec.info["held_xmitq"] = (rec.info["xmitq"], queue.attrs["GET"], queue.attrs["TRIGGER"])
                queue.attrs.update(GET="DISABLED", TRIGGER="NO")

    def _release_xmitq(self, rec):
        """START after STOPPED: the transmission queue gets back the GET and TRIGGER it had (IBM-RESTART-STOPPED)."""
        held = rec.info.get("held_xmitq")
        queue = self.store["QUEUE"].get(held[0]) if held else None
        if queue is not None and queue.otype == "QLOCAL":
            queue.attrs.update(GET=held[1], TRIGGER=held[2])

    def start_listener(self, name, obj, opts):
        self._start_process(self.lsstatus, "LISTENER", name, obj, opts, O.RC_LISTENER_STARTED, self._listener_record)

    def stop_listener(self, name, _obj, opts):
        self._stop_process(self.lsstatus, "LISTENER", name, opts, O.RC_LISTENER_STOPPED)  # AMQ8731W [S]

    def start_service(self, name, obj, opts):
        if not obj.attrs["STARTCMD"].strip():
            raise MqscError(O.RC_NO_START_CMD, name)
        if obj.attrs["SERVTYPE"] == "COMMAND":
            return  # COMMAND services run unmonitored: no status ever (IBM-SVC-WORK)
        self._start_process(self.svstatus, "SERVICE", name, obj, opts, O.RC_SERVICE_RUNNING, self._service_record)

    def stop_service(self, name, obj, opts):
        if not obj.attrs["STOPCMD"].strip():
            raise MqscError(O.RC_NO_STOP_CMD, name)
        if obj.attrs["SERVTYPE"] == "COMMAND":
            return
        self._stop_process(self.svstatus, "SERVICE", name, opts, O.RC_SERVICE_STOPPED)

    def _start_process(self, table, kind, name, obj, opts, running_reason, new_record):
        """START of a listener or service: refused while it has a status record, unless IGNSTATE(YES)."""
        now = time.monotonic()
        if self.live(table, kind, name, now):
            if opts.get("IGNSTATE") == "YES":
                return
            raise MqscError(running_reason, name)
        table[name] = new_record(name, obj, now)

    def _stop_process(self, table, kind, name, opts, stopped_reason):
        """STOP of a listener or service: STOPPING for <kind>_stop seconds, then the record goes; a second STOP changes nothing."""
        now = time.monotonic()
        rec = self.live(table, kind, name, now)
        if rec is None:
            if opts.get("IGNSTATE") == "YES":
                return
            raise MqscError(stopped_reason, name)
        if self.view(kind, name, rec, now) != "STOPPING":
            table[name] = self._record(kind, name, now, [("STOPPING", self.settings.seconds(f"{kind.lower()}_stop"))], None, rec.info)
