# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The network between the emulated queue managers: host names, one listener port space per host, CONNAME resolution
and the sender/receiver pairs that a RUNNING sender needs (README "Runtime state", "Channel network").

Still lazy. A sender's future only depends on the network conditions (queues, listeners, partner channels, queue
manager states, hosts), and those change only through commands and control calls. So every such call runs as
    advance(now)  ->  the change  ->  settle(now)
advance materialises what the current plans say happened up to now (a sender connected at its retry tick: the partner
gets its receiver record; clients reconnected after a restart); settle re-plans every sender that is not connected
against the new conditions, and breaks the pairs whose partner went away. A plan walks the sender's attempts (SHORTRTY
of them SHORTTMR apart, the first one included, then LONGRTY every LONGTMR; MQ seconds times timing channel_retry_scale)
and evaluates each attempt with the views at the tick's own time, so a partner listener still STARTING at one tick is
RUNNING at the next. Conditions only move from "refused" to "accepted" between two calls (a STARTING listener, a
starting queue manager, a STOPPING receiver going inactive), so the first accepting tick is found by bisection.

Locks: the network's one re-entrant lock is also every queue manager's `lock` (the model passes it to each
QueueManager), so holding "a queue manager's lock" means holding all of them, and two queue managers' locks can never be
taken in opposite orders. The model's rule stays: that lock first, then a part's own lock (journal, faults, tokens).
"""

import heapq
import itertools
import threading
import time

from . import keyrepo
from . import objects as O
from .parse import Command
from .status import Status

LOCAL_HOSTS = ("", "localhost", "127.0.0.1", "::1", "localhost.localdomain")
DEFAULT_PORT = 1414
# The channel types a sender's partner may have (IBM "channel combinations": SDR-RCVR, SDR-RQSTR, SVR-RQSTR,
# RQSTR-SDR/SVR, CLUSSDR-CLUSRCVR).
PARTNER_TYPES = {"SDR": ("RCVR", "RQSTR"), "SVR": ("RCVR", "RQSTR"), "RQSTR": ("SDR", "SVR"), "CLUSSDR": ("CLUSRCVR",)}
REFUSING = ("STOPPED", "STOPPING")
FAR = 1e15  # "when every lazy phase has ended": views at FAR show final states

# Why an attempt failed, as the sender's error log would say it (AMQ message and MQRCCF reason). README fidelity table.
ERR_XMITQ_MISSING = ("AMQ9509E", O.RC_UNKNOWN_OBJECT, "Program cannot open queue manager object: the transmission queue "
                     "'{xmitq}' failed to open with reason code 2085 (MQRC_UNKNOWN_OBJECT_NAME).")
ERR_NOT_XMITQ = ("AMQ9531E", 4037, "Queue '{xmitq}' identified as a transmission queue in the channel definition '{name}' is "
                 "not a transmission queue (MQRCCF_NOT_XMIT_Q).")
ERR_HOST = ("AMQ9202E", 4010, "Remote host '{conname}' not available, retry later (MQRCCF_HOST_NOT_AVAILABLE).")
ERR_NOT_DEFINED = ("AMQ9520E", 4033, "Channel '{name}' not defined remotely (MQRCCF_UNKNOWN_REMOTE_CHANNEL).")
ERR_WRONG_TYPE = ("AMQ9547E", None, "Type of remote channel '{name}' not suitable for action requested.")
ERR_REMOTE_STOPPED = ("AMQ9558E", None, "Remote channel '{name}' is not currently available.")


def host_key(host):
    """Host names compare case-insensitively; localhost, 127.0.0.1 and ::1 are one host."""
    host = str(host or "").strip().lower()
    return "localhost" if host in LOCAL_HOSTS else host


def parse_conname(conname):
    """CONNAME 'host(port),host2(port2)' -> [(host, port)] in the order MQ tries them (port default 1414)."""
    out = []
    for item in str(conname or "").split(","):
        item = item.strip()
        if not item:
            continue
        host, _sep, rest = item.partition("(")
        port = rest.rstrip(")").strip()
        out.append((host_key(host), int(port) if port.isdigit() else DEFAULT_PORT))
    return out


def _error(template, **kw):
    msgid, reason, text = template
    return {"msgid": msgid, "reason": reason, "message": f"{msgid}: {text.format(**kw)}"}


def build(t0, segments, final):
    """A Status from absolute times: segments [(state, end_time)] in order from t0, then final."""
    phases, start = [], t0
    for state, end in segments:
        end = max(end, start)
        phases.append((state, end - start))
        start = end
    return Status(t0, phases, final, None)


class Network:
    """Hosts, pairs and plans of the queue managers of one model (model.qmgrs, read live)."""

    def __init__(self, model, hosts=None):
        self.model = model
        self.lock = threading.RLock()
        self.initial_hosts = {name: host_key(h) for name, h in (hosts or {}).items()}
        self.seq = itertools.count()
        self.reset()

    def reset(self):
        self.hosts = dict(self.initial_hosts)
        self.links = {}  # (sender qmgr, channel) -> (partner qmgr, sender Status, partner Status)
        self.events = []  # heap of (time, seq, sender qmgr, channel, sender Status, plan id): planned connections

    # ----- hosts and ports ------------------------------------------------------------------------------------
    def host(self, qmgr):
        return self.hosts.get(qmgr, "localhost")

    def set_host(self, qmgr, host):
        self.hosts[qmgr] = host_key(host)
        return self.hosts[qmgr]

    def listeners_on_host(self, qmgr):
        """Listener records of the other queue managers on qmgr's host: one port space per host ([I] TCP bind)."""
        host = self.host(qmgr)
        return [(name, rec) for other, qm in self.model.qmgrs.items() if other != qmgr and self.host(other) == host
                for name, rec in qm.status.lsstatus.items()]

    def _listening(self, host, port, t):
        """The running queue manager with a RUNNING TCP listener on host:port at time t, or None."""
        for name, qm in self.model.qmgrs.items():
            if self.host(name) != host or qm.state(t) != "running":
                continue
            for lname, rec in qm.status.lsstatus.items():
                if rec.info["PORT"] == port and rec.info["TRPTYPE"] == "TCP" and \
                        qm.status.view("LISTENER", lname, rec, t) == "RUNNING":
                    return qm
        return None

    # ----- one connection attempt -----------------------------------------------------------------------------
    def attempt(self, qm, name, obj, rec, t):
        """(partner QueueManager, None) when the sender's attempt at time t connects, else (None, error dict).
        CONNAME and XMITQ are those captured at START (an ALTER takes effect at the next start)."""
        conname = rec.info["conname"]
        if obj.otype in O.XMITQ_TYPES:
            xmitq = rec.info["xmitq"]
            queue = qm.store["QUEUE"].get(xmitq)
            if queue is None:
                return None, _error(ERR_XMITQ_MISSING, xmitq=xmitq, name=name)
            if queue.otype != "QLOCAL" or queue.attrs.get("USAGE") != "XMITQ":
                return None, _error(ERR_NOT_XMITQ, xmitq=xmitq, name=name)
        for host, port in parse_conname(conname):
            partner = self._listening(host, port, t)
            if partner is not None:
                break
        else:
            return None, _error(ERR_HOST, conname=conname)
        remote = partner.store["CHANNEL"].get(name)
        if remote is None and self._auto_defines(partner, obj):
            return partner, None
        if remote is None:
            return None, _error(ERR_NOT_DEFINED, name=name)
        if remote.otype not in PARTNER_TYPES[obj.otype]:
            return None, _error(ERR_WRONG_TYPE, name=name)
        if any(partner.status.view("CHANNEL", name, r, t) in REFUSING for r in partner.status.chstatus.get(name, [])):
            return None, _error(ERR_REMOTE_STOPPED, name=name)
        if keyrepo.is_tls(obj) or keyrepo.is_tls(remote):
            # The TLS handshake (keyrepo.py): both ends' certificates and trust, as each key repository is read now.
            failure = keyrepo.handshake(name, keyrepo.End(qm, obj), keyrepo.End(partner, remote),
                                        (self.host(qm.name), self.host(partner.name)))
            if failure is not None:
                return None, dict(failure["error"], logs=failure["logs"])
        return partner, None

    # ----- advance and settle ---------------------------------------------------------------------------------
    def advance(self, now):
        """Materialise the planned connections and client reconnections up to now, in time order, and the transmission
        queues of the senders that have become STOPPED."""
        while self.events and self.events[0][0] <= now:
            ts, _seq, qmgr, name, rec, plan = heapq.heappop(self.events)
            qm = self.model.qmgrs.get(qmgr)
            if qm is None or rec.info.get("plan") != plan or not any(r is rec for r in qm.status.chstatus.get(name, [])):
                continue  # re-planned or gone since
            self._connect(qm, name, rec, ts)
        for qm in self.model.qmgrs.values():
            qm.status.reconnect_clients(now)
            qm.status.hold_xmitqs(now)  # a sender that has become STOPPED disables its transmission queue
        for key, (_partner, srec, _prec) in list(self.links.items()):
            qm = self.model.qmgrs.get(key[0])
            if qm is None or qm.status.view("CHANNEL", key[1], srec, now) is None:
                del self.links[key]  # ended at DISCINT: both ends' records lapse by themselves

    def settle(self, now):
        """After a change: break the pairs whose partner went away, then re-plan every sender that is not connected."""
        for key, (pname, srec, prec) in list(self.links.items()):
            qm, partner = self.model.qmgrs.get(key[0]), self.model.qmgrs.get(pname)
            sender_live = qm is not None and any(r is srec for r in qm.status.chstatus.get(key[1], [])) and \
                qm.status.view("CHANNEL", key[1], srec, now) not in (None, "STOPPING", "STOPPED")
            if not sender_live:
                del self.links[key]
                self._drop_partner_record(partner, key[1], prec, now)
                continue
            if not self._link_holds(key[1], srec, partner, prec, now):
                del self.links[key]
                self._drop_partner_record(partner, key[1], prec, now)
                self._retry_after_break(qm, key[1], srec, now)
        for qmgr, qm in self.model.qmgrs.items():
            for name, recs in list(qm.status.chstatus.items()):
                for rec in recs:
                    if "sched" in rec.info and (qmgr, name) not in self.links:
                        self._plan(qm, name, rec, now)

    def _link_holds(self, name, srec, partner, prec, now):
        if partner is None or partner.state(now) != "running":
            return False
        if not any(r is prec for r in partner.status.chstatus.get(name, [])) or \
                partner.status.view("CHANNEL", name, prec, now) in (None,) + REFUSING:
            return False  # the receiver was stopped (or its queue manager ended)
        addresses = parse_conname(srec.info["conname"])
        if self.host(partner.name) not in [h for h, _p in addresses]:
            return False  # the partner moved to another host
        if self.model.config["listener_stop_breaks_channels"]:
            return any(self._listening(h, p, now) is partner for h, p in addresses)
        return True

    def _drop_partner_record(self, partner, name, prec, now):
        """The receiver's instance ends with its sender (after a STOPPING phase of channel_stop seconds)."""
        if partner is None:
            return
        recs = partner.status.chstatus.get(name, [])
        for i, rec in enumerate(recs):
            if rec is prec and partner.status.view("CHANNEL", name, rec, now) not in (None,) + REFUSING:
                recs[i] = Status(now, [("STOPPING", self.model.timing["channel_stop"])], None, rec.info)

    def _retry_after_break(self, qm, name, srec, now):
        """A running sender whose partner went away retries from the start of its counts (IBM-CHL-ERRORS)."""
        obj = qm.store["CHANNEL"][name]
        srec.info.update(sched=qm.status.schedule(obj, now, after_break=True), first_done=True, rqmname="")
        self._replace(qm, name, srec, build(now, [], "RETRYING"))
        self._plan(qm, name, srec, now)

    @staticmethod
    def _auto_defines(partner, obj):
        """ALTER QMGR CHAD(ENABLED): a sender or server reaching an undefined channel gets a RCVR defined for it, like its
        model SYSTEM.AUTO.RECEIVER (IBM-PREP-CHL; without the model, nothing is defined: [I])."""
        return obj.otype in ("SDR", "SVR") and partner.qmgr.attrs.get("CHAD") == "ENABLED" and \
            O.CHAD_MODELS["RCVR"] in partner.store["CHANNEL"]

    # ----- plans ------------------------------------------------------------------------------------------------
    def _plan(self, qm, name, rec, now):
        """Re-plan one sender from now: connect at the first accepting tick, or retry until the counts run out."""
        if rec.stuck and qm.settings.stuck("CHANNEL", name):
            return  # a 'stuck' fault keeps the transition in its last phase (BINDING)
        state = qm.status.view("CHANNEL", name, rec, now)
        if state in (None, "STOPPING", "STOPPED", "RUNNING"):
            return  # stopped, or connected without a link (a server without CONNAME): nothing to plan
        obj = qm.store["CHANNEL"][name]
        if rec.stuck:  # the fault was cleared: the held attempt happens now
            rec.stuck = False
            counts = rec.info["sched"].remaining(now, rec.info.pop("first_done", False))
            rec.info.update(sched=qm.status.schedule(obj, now, counts), lead=[])
        sched = rec.info["sched"]
        rec.info["plan"] = plan = next(self.seq)
        lead = [(p, e) for p, e in self._lead(rec) if e > now] if not rec.info.get("first_done") else []
        if obj.otype == "SVR" and not rec.info["conname"].strip():
            # A server without CONNAME waits for its requester; the emulator has always shown it RUNNING ([I]).
            self._replace(qm, name, rec, build(rec.t0, lead, "RUNNING"))
            return
        start = max(1 if rec.info.get("first_done") else 0, sched.first_at_or_after(now))
        if start <= sched.last and sched.tick(start) <= rec.info.get("planned_at", -FAR):
            start += 1  # a tick at the instant of the previous plan was evaluated then, under the old conditions
        rec.info["planned_at"] = now
        if start > sched.last:
            if rec.final == "RETRYING":  # a broken connection with no retry to make: "it goes to STOPPED" (IBM-CHL-ERRORS)
                self._replace(qm, name, rec, build(now, [], "STOPPED"))
            return  # the counts ran out before now: the record already shows STOPPED
        partner, error = self.attempt(qm, name, obj, rec, sched.tick(start))
        if partner is None:
            self._log_failed_handshake(rec, error)
            rec.info["error"] = error
            if error["msgid"] in ("AMQ9509E", "AMQ9531E") and self.model.config["xmitq_error"] == "stopped":
                # The MCA cannot open its transmission queue: no retry, the channel stops (config xmitq_error).
                self._replace(qm, name, rec, build(rec.t0, lead, "STOPPED"))
                return
            if self.attempt(qm, name, obj, rec, sched.tick(sched.last))[0] is None:
                # No tick will ever connect: RETRYING until the last retry, then STOPPED (IBM-LONGRTY).
                self._replace(qm, name, rec, build(rec.t0, lead + [("RETRYING", sched.tick(sched.last))], "STOPPED"))
                return
            lo, hi = start + 1, sched.last  # bisect for the first accepting tick (conditions only improve)
            while lo < hi:
                mid = (lo + hi) // 2
                if self.attempt(qm, name, obj, rec, sched.tick(mid))[0] is None:
                    lo = mid + 1
                else:
                    hi = mid
            start = lo
        ts = sched.tick(start)
        discint = self._discint(obj)
        running = [("RETRYING", ts), ("RUNNING", ts + discint)] if discint else [("RETRYING", ts)]
        self._replace(qm, name, rec, build(rec.t0, lead + running, None if discint else "RUNNING"))
        heapq.heappush(self.events, (ts, next(self.seq), qm.name, name, rec, plan))

    @staticmethod
    def _log_failed_handshake(rec, error):
        """A failed TLS handshake writes its AMQ messages to both ends' error logs, once per distinct failure of a sender (a
        plan is re-made after every change; the same failure again is not a new attempt's log entry: [I])."""
        logs = error.pop("logs", None)
        if logs and (rec.info.get("error") or {}).get("message") != error["message"]:
            for qm, which, inserts in logs:
                qm.security.append(*keyrepo.LOG[which], None, **inserts)

    @staticmethod
    def _lead(rec):
        """The start phases (INITIALIZING, STARTING, BINDING) as absolute end times."""
        out, t = [], rec.t0
        for state, seconds in rec.info.get("lead", ()):
            t += seconds
            out.append((state, t))
        return out

    def _discint(self, obj):
        """DISCINT in emulated seconds (0: never disconnects); the idle time before a sender ends normally."""
        return float(obj.attrs.get("DISCINT", 0) or 0) * self.model.timing["channel_discint_scale"]

    @staticmethod
    def _replace(qm, name, rec, planned):
        rec.t0, rec.phases, rec.final = planned.t0, planned.phases, planned.final

    def _connect(self, qm, name, rec, ts):
        """The sender connected at ts: the partner shows one receiving instance per connected sender."""
        obj = qm.store["CHANNEL"][name]
        partner, error = self.attempt(qm, name, obj, rec, ts)
        if partner is None:  # cannot happen while plans are re-made after every change; stay safe
            error.pop("logs", None)
            rec.info["error"] = error
            return
        if name not in partner.store["CHANNEL"]:  # channel auto-definition (CHAD) on the partner
            partner.execute(Command("DEFINE", "CHANNEL", name, {"CHLTYPE": "RCVR", "LIKE": O.CHAD_MODELS["RCVR"]}))
        discint = self._discint(obj)
        info = {"conname": self.host(qm.name), "xmitq": partner.store["CHANNEL"][name].attrs.get("XMITQ", ""), "rqmname": qm.name,
                "wall": time.time() + (ts - time.monotonic()), "peer": (qm.name, name)}
        remote = partner.store["CHANNEL"][name]
        if keyrepo.is_tls(obj) or keyrepo.is_tls(remote):  # each end shows the other's certificate issuer and the handshake
            own, other = keyrepo.End(qm, obj), keyrepo.End(partner, remote)
            rec.info["tls"], info["tls"] = keyrepo.peer_info(other, info["wall"]), keyrepo.peer_info(own, info["wall"])
        else:
            rec.info.pop("tls", None)
        prec = Status(ts, [("RUNNING", discint)] if discint else [], None if discint else "RUNNING", info)
        partner.status.chstatus.setdefault(name, []).append(prec)
        rec.info.update(rqmname=partner.name, error=None)
        self.links[(qm.name, name)] = (partner.name, rec, prec)

    # ----- REFRESH SECURITY TYPE(SSL) ---------------------------------------------------------------------------
    def refresh_ssl(self, qm, now):
        """IBM-REFRESH-SEC, IBM-EXPLORER-REFRESH-SSL: "all running TLS channels are stopped and restarted". Each RUNNING
        instance of a channel with SSLCIPH on qm:
        - a sender, server or cluster-sender it started (it has retry counts) restarts: its partner's instance ends, it goes
          through the start phases again and makes a new handshake (new CHSTADA/CHSTATI, SSLKEYDA/SSLKEYTI), with full
          retry counts; a failing handshake leaves it RETRYING with the AMQ messages in the error logs;
        - every other one (RCVR, RQSTR, CLUSRCVR, a SVR or SDR its partner started) is stopped: STOPPING for channel_stop
          seconds, then no record; the partner's sender sees the break, goes RETRYING and comes back at a retry (settle);
        - SVRCONN client instances are disconnected and reconnect like after a restart (client_reconnect_delay/_spread).
        Non-TLS channels are untouched. Returns (seconds the stops take, whether one of them never ends: a 'stuck' fault)."""
        stop, bounced, stuck = self.model.timing["channel_stop"], False, False
        for name, recs in list(qm.status.chstatus.items()):
            obj = qm.store["CHANNEL"].get(name)
            if obj is None or not keyrepo.is_tls(obj):
                continue
            running = [r for r in recs if qm.status.view("CHANNEL", name, r, now) == "RUNNING"]
            if not running:
                continue
            bounced, stuck = True, stuck or qm.settings.stuck("CHANNEL", name)
            kept = [r for r in recs if all(r is not x for x in running)]
            clients = [r for r in running if r.info.get("client")]
            if clients:
                qm.status.reconnects[name] = qm.status.reconnect_times(qm.status.clients.get(name, len(clients)), now + stop)
            for rec in running:
                if rec.info.get("client"):
                    continue
                if obj.otype in O.XMITQ_TYPES + ("CLUSSDR",) and "sched" in rec.info:
                    link = self.links.pop((qm.name, name), None)
                    partner = self.model.qmgrs.get(link[0]) if link else None
                    if partner is not None:  # the partner's instance ends with the conversation
                        partner.status.chstatus[name] = [r for r in partner.status.chstatus.get(name, []) if r is not link[2]]
                        if not partner.status.chstatus[name]:
                            del partner.status.chstatus[name]
                    kept.append(qm.status.channel_start_record(name, obj, now))
                else:
                    kept.append(Status(now, [("STOPPING", stop)], None, dict(rec.info, tls=None)))
            if kept:
                qm.status.chstatus[name] = kept
            else:
                del qm.status.chstatus[name]
        return (stop if bounced else 0.0), stuck

    # ----- messages (hook for put_messages) --------------------------------------------------------------------
    def message_arrived(self, qm, queue, now):
        """A message on a transmission queue: its idle sender keeps running, an inactive one starts (triggering, [I])."""
        for name, obj in qm.store["CHANNEL"].items():
            if obj.otype not in O.XMITQ_TYPES or obj.attrs.get("XMITQ") != queue:
                continue
            recs = qm.status.live_channel(name, now)
            if not recs:
                qm.status.chstatus[name] = [qm.status.channel_start_record(name, obj, now)]
                continue
            link = self.links.get((qm.name, name))
            discint = self._discint(obj)
            if link is not None and discint and qm.status.view("CHANNEL", name, link[1], now) == "RUNNING":
                for rec in link[1:]:
                    rec.t0, rec.phases, rec.final = now, [("RUNNING", discint)], None  # the idle time starts again
