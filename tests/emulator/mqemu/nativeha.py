# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""A Native HA group: one queue manager, three instances on three hosts, one of them active and two replicas that receive
its recovery log (README "Queue-manager lifecycle", "Native HA").

IBM's rules modelled here: ROLE is Active, Replica or Unknown, INSYNC says whether an instance could take over, BACKLOG is
the KiB of log the active has written that the instance has not acknowledged, QUORUM is in-sync instances over configured
ones, and the active's view is definitive (IBM-NHA-STATUS, IBM-NHA-ATTRS, IBM-QMSTATUS-94). endmqm on the active or a
replica stops that instance after checking that the group keeps its quorum; a replica then takes over from a stopped
active (IBM-ENDMQM). The election and catch-up times are the emulator's own ([I], timing keys nativeha_*).

Lazy like the rest: each instance has a plan [(monotonic time, state)] of its own process (`starting` and `up` for a
replica, then the endmqm states) and its backlog in segments [(from, "grow"|"drain", KiB, until)]; the active instance's
state is the queue manager's plan (lifecycle.Lifecycle), whose `active`/`previous`/`switch_at` say which host is active.
"""

import time

from .lifecycle import END_MODES, ENDED, INF, UP, plan_state, wall

REPLICATION_PORT = 9414  # the replication port of IBM's samples, REPLADDR(host(9414)) ([S] NHAK8S)
SIZE = 3  # a Native HA group has three instances ([V] IBM-NHA-LINUX "You need three nodes")


def lsn(kib):
    """A log sequence number in MQ's <a:b:c:d> form for KiB of log written ([S] NHALAB shows <0:0:28:64618>; the
    numbering is the emulator's)."""
    kib = max(0, int(kib))
    return f"<0:0:{kib // 65536}:{kib % 65536}>"


def _yes(flag):
    return "yes" if flag else "no"


class Instance:
    """One instance of the group: its own process plan and its backlog."""

    __slots__ = ("host", "plan", "lag", "insync_at", "held", "connected_at")

    def __init__(self, host, state="up"):
        self.host = host
        self.plan = [(-INF, state)]
        self.lag = [(-INF, "drain", 0.0, -INF)]
        self.insync_at, self.held, self.connected_at = -INF, False, -INF


class Group:
    """The three instances of one queue manager; `life` is its lifecycle.Lifecycle, `seconds` reads a timing key."""

    def __init__(self, life, hosts, seconds, now):
        self.life, self.hosts, self.seconds, self.t0 = life, list(hosts), seconds, now
        state = life.state(now)
        self.members = {h: Instance(h) for h in self.hosts}
        if state in ENDED:
            self.members[self.hosts[0]].plan = [(-INF, state)]
        self.init_at = now if state in UP else -INF  # when the current active instance became active (HAINITDA)

    # ----- reading ------------------------------------------------------------------------------------------
    def active_at(self, t):
        """The host whose instance is active at t, or None while the group has none (ended, or electing)."""
        return None if self.life.state(t) in ENDED else self.life.active_host(t)

    def view(self, host, t):
        """What the instance on host shows at t: the queue manager's state on the active instance, `replica` on a
        running replica (`negotiating` while the group has no active instance), else the instance's own state."""
        member = self.members.get(host)
        if member is None:
            return "runningElsewhere"  # a host without an instance of this queue manager ([I])
        if host == self.active_at(t):
            return self.life.state(t)
        state = plan_state(member.plan, t)
        if state == "up":
            return "replica" if self.active_at(t) else "negotiating"
        return state

    def running(self, host, t):
        """The instance's process runs (as the active instance or a replica, starting or not)."""
        return host == self.active_at(t) or plan_state(self.members[host].plan, t) in ("up", "starting")

    def _rate(self):
        return self.seconds("nativeha_log_kib_per_s")

    def lag_kib(self, member, t):
        for start, mode, kib, until in reversed(member.lag):
            if start <= t:
                if mode == "grow":
                    return kib + self._rate() * (t - start)
                return 0.0 if t >= until else kib * (until - t) / (until - start)
        return 0.0

    def backlog(self, host, t):
        """KiB of log the active instance has written that this instance has not acknowledged ([V] IBM-NHA-ATTRS)."""
        return 0 if host == self.active_at(t) else int(round(self.lag_kib(self.members[host], t)))

    def insync(self, host, t):
        """Able to take over ([V] IBM-NHA-STATUS): the active one, or a running replica that has caught up."""
        if host == self.active_at(t):
            return True
        member = self.members[host]
        return plan_state(member.plan, t) == "up" and not member.held and t >= member.insync_at

    def connected(self, host, t):
        """CONNACTV: a pair of active connections to the active instance."""
        active = self.active_at(t)
        if active is None or host == active:
            return active is not None
        member = self.members[host]
        return plan_state(member.plan, t) == "up" and t >= member.connected_at

    def quorum(self, t):
        """In-sync instances (the active one included) over the configured three ([V] IBM-NHA-STATUS)."""
        return sum(self.insync(h, t) for h in self.hosts)

    def can_stop(self, host, now):
        """endmqm checks that stopping this instance keeps the group's quorum ([V] IBM-ENDMQM): at least two other
        instances in sync, an active instance that is already ending not counted."""
        active = self.active_at(now)
        others = [h for h in self.hosts if h != host]
        return sum((self.life.state(now) in UP) if h == active else self.insync(h, now) for h in others) >= 2

    def takeover_target(self, t, old):
        """The replica that takes over when the active instance on `old` has ended at t: the first in-sync one in the
        configured order ([I] the order; IBM: an in-sync instance)."""
        for host in self.hosts:
            member = self.members[host]
            if host != old and plan_state(member.plan, t) == "up" and not member.held and t >= member.insync_at:
                return host
        return None

    def electable(self, now):
        """With no active instance and none planned, the instance that was active last can become active again once it
        runs with at least one other instance (a majority); the others lack the log it wrote last ([I])."""
        if self.life.state(now) not in ENDED or self.life.switch_at > now:
            return None
        last = self.life.active
        running = [h for h in self.hosts if plan_state(self.members[h].plan, now) in ("up", "starting")]
        return last if last in running and len(running) >= 2 else None

    # ----- changing -----------------------------------------------------------------------------------------
    def end_member(self, host, now, mode, ended_at):
        """The instance on host ends in endmqm mode, ended from ended_at (INF: not yet known); from then on its backlog
        grows with what the active instance writes."""
        member = self.members[host]
        ending, ended = END_MODES[mode]
        member.plan = [(now, ending), (ended_at, ended)] if ended_at > now else [(now, ended)]
        member.held, member.insync_at = False, INF
        if ended_at < INF:
            member.lag.append((ended_at, "grow", self.lag_kib(member, ended_at), None))

    def end_known(self, ended_at):
        """The active instance's end waited for an application (ended at INF): it ended at ended_at after all."""
        for member in self.members.values():
            if member.plan[-1][0] == INF:
                member.plan[-1] = (ended_at, member.plan[-1][1])
                member.lag.append((ended_at, "grow", self.lag_kib(member, ended_at), None))

    def start_member(self, host, now, held=False):
        """strmqm on host: the instance starts as a replica, connects after timing nativeha_replica_start and then
        receives the log it missed at nativeha_catchup_kib_per_s; held (a replica_out_of_sync fault): it never catches
        up until the fault is cleared."""
        member = self.members[host]
        connect = now + self.seconds("nativeha_replica_start")
        member.plan = [(now, "starting"), (connect, "up")] if connect > now else [(now, "up")]
        member.connected_at, member.held = connect, held
        if held:
            member.insync_at = INF  # the backlog keeps growing from the last 'grow' segment
        else:
            self._drain(member, connect)

    def _drain(self, member, t):
        kib, rate = self.lag_kib(member, t), self.seconds("nativeha_catchup_kib_per_s")
        until = t + kib / rate if rate > 0 else t
        member.lag.append((t, "drain", kib, until))
        member.insync_at = until

    def release(self, now):
        """The replica_out_of_sync faults were cleared: held replicas catch up from now."""
        for member in self.members.values():
            if member.held:
                member.held = False
                self._drain(member, max(now, member.connected_at))

    def promote(self, host, start):
        """The instance on host becomes the active one at start (it starts the queue manager then)."""
        member = self.members[host]
        member.plan, member.held = [(-INF, "up")], False
        member.lag.append((start, "drain", 0.0, start))
        member.insync_at, self.init_at = start, start

    # ----- output ---------------------------------------------------------------------------------------------
    def written(self, t):
        return self._rate() * max(0.0, t - self.t0)

    def qmgr_fields(self, now):
        """DISPLAY QMSTATUS TYPE(QMGR) fields of a Native HA queue manager (the active instance's view) ([V]
        IBM-QMSTATUS-94: INSTANCE, QUORUM, GRPROLE; [S] NHALAB GRPROLE(Live) and an empty GRPNAME without cross-region
        replication)."""
        active = self.active_at(now) or ""
        best = min([self.backlog(h, now) for h in self.hosts if h != active and self.insync(h, now)] or [0])
        return {"instance": active, "quorum": f"{self.quorum(now)}/{SIZE}", "grprole": "LIVE", "grpname": "",
                "grplsn": lsn(self.written(now) - best)}

    def _row(self, host, now, viewer_up=True):
        """One instance as the viewing instance sees it: role, in-sync, backlog, connections, LSN and sync time."""
        offset = time.time() - time.monotonic()
        active = self.active_at(now)
        member = self.members[host]
        up = self.running(host, now) and viewer_up
        role = "Active" if host == active else "Replica" if up and plan_state(member.plan, now) == "up" else "Unknown"
        insync, backlog = self.insync(host, now), self.backlog(host, now)
        synced = now if insync else next((s for s, mode, _k, _u in reversed(member.lag) if mode == "grow" and s <= now), now)
        stamp = time.gmtime(wall(synced, offset))
        return {"role": role, "insync": insync, "backlog": backlog, "connactv": self.connected(host, now),
                "acklsn": lsn(self.written(now) - backlog), "hastatus": "Normal" if insync else "Synchronizing" if up else "Unknown",
                "synctime": time.strftime("%Y-%m-%dT%H:%M:%S", stamp) + f".{int((wall(synced, offset) % 1) * 1e6):06d}Z"}

    def qmstatus_rows(self, now):
        """DISPLAY QMSTATUS TYPE(NATIVEHA) rows, one per instance in configured order, as the active instance reports
        them: the active row has ROLE, HAINIT* and HASTATUS, the replicas' rows ACKLSN, BACKLOG, CONNACTV, INSYNC and
        SYNCTIME ([S] NHAK8S, a real 9.4 transcript; [V] IBM-QMSTATUS-94 keywords; values of a stopped instance [I])."""
        offset = time.time() - time.monotonic()
        rows = []
        for host in self.hosts:
            row = self._row(host, now)
            out = {"instance": host, "type": "NATIVEHA", "nhatype": "INSTANCE", "role": row["role"].upper()}
            if row["role"] == "Active":
                init = wall(max(self.init_at, self.t0), offset)
                out.update(hainitda=time.strftime("%Y-%m-%d", time.localtime(init)), hainitl=lsn(self.written(self.init_at)),
                           hainitti=time.strftime("%H.%M.%S", time.localtime(init)), hastatus="NORMAL")
            else:
                out.update(acklsn=row["acklsn"], backlog=row["backlog"], connactv=_yes(row["connactv"]).upper(),
                           hastatus=row["hastatus"].upper(), insync=_yes(row["insync"]).upper(), synctime=row["synctime"])
            out["repladdr"] = f"{host}({REPLICATION_PORT})"
            rows.append(out)
        return rows

    def dspmq_fields(self, host, now):
        """`dspmq -o nativeha` on host: [(KEY, value, translated)] of the instance there ([S] NHALAB 9.4 output; an ended
        instance reports ROLE(Unknown) INSYNC(no) QUORUM(0/3), [S] NHALAB from IBM's container docs)."""
        up = self.running(host, now)
        role = self._row(host, now)["role"] if up else "Unknown"
        quorum = self.quorum(now) if up else 0
        return [("ROLE", role, True), ("INSTANCE", host, False), ("INSYNC", _yes(up and self.insync(host, now)), True),
                ("QUORUM", f"{quorum}/{SIZE}", False), ("GRPLSN", lsn(self.written(now)) if up else "", False),
                ("GRPNAME", "", False), ("GRPROLE", "Live" if up else "Unknown", True)]

    def dspmq_instances(self, host, now):
        """`dspmq -o nativeha -x` on host: one field list per instance. From an ended instance everything is Unknown
        ([S] NHALAB); replicas show the same data as the active one here, where a real replica's may be out of date
        ([V] IBM-NHA-STATUS)."""
        up = self.running(host, now)
        stamp = time.localtime()
        out = []
        for other in self.hosts:
            if not up:
                out.append([("INSTANCE", other, False), ("ROLE", "Unknown", True), ("REPLADDR", other, False),
                            ("CONNACTV", "Unknown", True), ("INSYNC", "Unknown", True), ("BACKLOG", "Unknown", True),
                            ("CONNINST", "no", True), ("ALTDATE", "", False), ("ALTTIME", "", False)])
                continue
            row = self._row(other, now)
            out.append([("INSTANCE", other, False), ("ROLE", row["role"], True), ("REPLADDR", other, False),
                        ("CONNACTV", _yes(row["connactv"]), True), ("INSYNC", _yes(row["insync"]), True),
                        ("BACKLOG", str(row["backlog"]), False), ("CONNINST", _yes(self.running(other, now)), True),
                        ("ACKLSN", row["acklsn"], False), ("HASTATUS", row["hastatus"], True),
                        ("SYNCTIME", row["synctime"], False), ("ALTDATE", time.strftime("%Y-%m-%d", stamp), False),
                        ("ALTTIME", time.strftime("%H.%M.%S", stamp), False)])
        return out

    def timeline(self, now):
        """The ground truth per instance (control API timeline)."""
        return {"quorum": f"{self.quorum(now)}/{SIZE}", "active": self.active_at(now),
                "instances": [{"instance": h, "host": h, "state": self.view(h, now), "role": self._row(h, now)["role"],
                               "insync": self.insync(h, now), "backlog": self.backlog(h, now),
                               "connactv": self.connected(h, now)} for h in self.hosts]}
