# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The life of one queue manager between endmqm and strmqm: its /admin/qmgr state over time, the start milestones, its
instances (a multi-instance pair; a Native HA group, nativeha.py), the switchovers and failovers, and the ground-truth
timeline (README "Queue-manager lifecycle").

Lazy like the rest: a plan [(monotonic time, state)] says which state holds from when; the state at t is the last entry
at or before t. Milestones are monotonic instants; the timeline shows the ones reached, as epoch seconds.
"""

import time

INF = float("inf")
# /admin/qmgr states ([V] IBM GET /admin/qmgr state= values, MQ 9.2 q128360_) and the dspmq words for them ([S] dspmq
# output parsed by public monitoring checks, CHECKMK: "ENDED PRE-EMPTIVELY" from 8.0 on, so the translated word is
# "Ended pre-emptively"; [V] the dspmq page lists the states). Two views exist only on a Native HA instance's host
# (nativeha.py): `replica` (dspmq "Replica", [S] NHALAB, IBM-NHA-STATUS; "(REPLICA)" in `dspmq -n`, [V] MQC-READY) and
# `negotiating` (dspmq "Negotiating" while the instances elect an active one, [S] NHALAB).
DSPMQ_WORDS = {"running": "Running", "starting": "Starting", "quiescing": "Quiescing", "endingImmediately": "Ending immediately",
               "endingPreemptively": "Ending pre-emptively", "ended": "Ended normally", "endedImmediately": "Ended immediately",
               "endedPreemptively": "Ended pre-emptively", "endedUnexpectedly": "Ended unexpectedly",
               "runningAsStandby": "Running as standby", "runningElsewhere": "Running elsewhere", "replica": "Replica",
               "negotiating": "Negotiating"}
ENDED = ("ended", "endedImmediately", "endedPreemptively", "endedUnexpectedly")
ENDING = ("quiescing", "endingImmediately", "endingPreemptively")
UP = ("starting", "running")
# Views of an instance that runs but is not the active one: its mqweb refuses MQSC with 2543 MQRC_STANDBY_Q_MGR.
NOT_ACTIVE = ("runningAsStandby", "runningElsewhere", "replica", "negotiating")
# endmqm modes: (state while ending, state once ended). -c and -w quiesce: the queue manager ends once every application
# has disconnected; -i ends after the MQI calls in progress; -p at once ([V] IBM endmqm).
END_MODES = {"controlled": ("quiescing", "ended"), "wait": ("quiescing", "ended"), "immediate": ("endingImmediately", "endedImmediately"),
             "preemptive": ("endingPreemptively", "endedPreemptively"), "crash": ("endedUnexpectedly", "endedUnexpectedly")}
# Ground-truth milestones, in the order a restart reaches them (control API GET /qmgr/{qm}/timeline).
MILESTONES = ("end_requested", "ended", "start_requested", "running", "command_server", "channel_initiator", "listeners",
              "connections")


def plan_state(plan, now):
    """The state of a plan [(monotonic time, state)] at now: the last entry at or before now (the first before it)."""
    out = plan[0][1]
    for t, state in plan:
        if t > now:
            break
        out = state
    return out


def wall(t, offset=None):
    """Epoch seconds of monotonic instant t (None for a milestone not planned); offset: epoch minus monotonic, taken once
    per answer so equal instants give equal epochs."""
    offset = time.time() - time.monotonic() if offset is None else offset
    return None if t is None or t == INF else round(t + offset, 6)


class Lifecycle:
    """State plan, milestones and instances of one queue manager. Callers hold the queue manager's lock.

    Instances (commands.set_instances): kind None (one instance), "multi" (a multi-instance pair: hosts [active, standby],
    `standby` the host running the standby or None) or "nativeha" (a Native HA group of three: `group`, nativeha.Group).
    The plan is the queue manager as its active instance sees it; `active` is the host of the active instance from
    `switch_at` on, `previous` before it (a switchover or failover plans the takeover ahead). Every takeover is recorded
    in `failovers` for the timeline.
    """

    def __init__(self):
        self.plan = [(-INF, "running")]
        self.marks = dict.fromkeys(MILESTONES)
        self.mode = None  # the end mode of the current cycle
        self.history = []  # earlier cycles (timeline dicts), most recent last
        self.waiting_apps = False  # a controlled end waits for an application that never disconnects
        self.cmdserv_held = False  # a start that found a cmdserv_down fault: the command server waits for it to go
        self.kind, self.hosts, self.group, self.standby = None, None, None, None
        self.active, self.previous, self.switch_at = None, None, -INF
        self.failovers = []  # [{"kind", "from", "to", "end_requested", "ended", "start_requested"}] monotonic, last 20
        self.marks.update(running=-INF, command_server=-INF, channel_initiator=-INF, listeners=-INF, connections=-INF)

    # ----- reading --------------------------------------------------------------------------------------------
    def state(self, now):
        return plan_state(self.plan, now)

    def active_host(self, now):
        """The host of the active instance at now (None for a single instance)."""
        return self.previous if now < self.switch_at else self.active

    def state_on(self, host, now):
        """The state an instance's own mqweb or dspmq shows on host (None: the active instance's view)."""
        state = self.state(now)
        if self.kind is None or host is None:
            return state
        if self.kind == "nativeha":
            return self.group.view(host, now)
        if host == self.active_host(now):
            return state
        if state in ENDED:
            return state
        if host == self.standby or (now < self.switch_at and host == self.active):
            return "runningAsStandby"
        return "runningElsewhere"

    def reached(self, key, now):
        t = self.marks.get(key)
        return t is not None and t <= now

    def timeline(self, now, offset=None):
        """The current cycle: each milestone's epoch seconds once reached (null before, or never planned)."""
        offset = time.time() - time.monotonic() if offset is None else offset
        out = {key: (wall(t, offset) if t is not None and -INF < t <= now else None) for key, t in self.marks.items()}
        return dict(out, end_mode=self.mode)

    def failover_log(self, now, offset=None):
        """Every switchover and failover: the hosts, the milestones reached (epoch seconds) and `seconds`, from the old
        active instance's end to the new one running (null until it runs)."""
        offset = time.time() - time.monotonic() if offset is None else offset
        out = []
        for item in self.failovers:
            row = {key: (wall(item[key], offset) if key in item and item[key] is not None and item[key] <= now else None)
                   for key in ("end_requested", "ended", "start_requested", "running")}
            reached = row["running"] is not None and row["ended"] is not None
            out.append({"kind": item["kind"], "from": item["from"], "to": item["to"], **row,
                        "seconds": round(item["running"] - item["ended"], 6) if reached else None})
        return out

    # ----- changing ---------------------------------------------------------------------------------------------
    def new_cycle(self, now):
        if any(t is not None and t > -INF for t in self.marks.values()):
            self.history = (self.history + [self.timeline(now)])[-20:]
        self.marks = dict.fromkeys(MILESTONES)
        self.mode = None
        self.waiting_apps = self.cmdserv_held = False

    def end(self, now, mode, ended_at):
        """Plan the end: the ending state from now, the ended state from ended_at (INF: waits for applications)."""
        if self.state(now) not in ENDING:  # endmqm -i or -p while quiescing escalates the same end
            self.new_cycle(now)
        ending, ended = END_MODES[mode]
        self.mode = mode
        self.marks["end_requested"] = self.marks["end_requested"] or now
        self.marks["ended"] = ended_at
        self.waiting_apps = ended_at == INF
        self.plan = [(now, ending), (ended_at, ended)] if ended_at > now else [(now, ended)]
        return ended_at

    def start(self, at, running, cmdserv, chinit, listeners, connections, cmdserv_held=False):
        """Plan a start at `at`; the other arguments are the milestone instants (see QueueManager.strmqm)."""
        if self.marks["start_requested"] is not None:
            self.new_cycle(at)  # a second start without an end in between is a new cycle
        self.marks.update(start_requested=at, running=running, command_server=INF if cmdserv_held else cmdserv,
                          channel_initiator=chinit, listeners=listeners, connections=connections)
        self.cmdserv_held = cmdserv_held
        before = [p for p in self.plan if p[0] < at]  # a restart's "ended" until at
        self.plan = before + ([(at, "starting"), (running, "running")] if running > at else [(at, "running")])

    def release(self, now, disconnect, cmdserv_ok):
        """A fault went away: the waiting end can finish (disconnect seconds from now), the held command server starts."""
        if self.waiting_apps and self.state(now) == "quiescing":
            ended = now + disconnect
            self.plan = [(self.plan[0][0], "quiescing"), (ended, END_MODES[self.mode][1])]
            self.marks["ended"], self.waiting_apps = ended, False
        if self.cmdserv_held and cmdserv_ok:
            self.marks["command_server"], self.cmdserv_held = max(now, self.marks["running"]), False

    def take_over(self, kind, old, new, requested, ended, start):
        """Plan a takeover: from `start` on, the instance on `new` is the active one (it starts then); `ended` is when
        the old one ended. Recorded for the timeline; the caller starts the queue manager at `start`."""
        self.previous, self.active, self.switch_at = old, new, start
        item = {"kind": kind, "from": old, "to": new, "end_requested": requested, "ended": ended, "start_requested": start,
                "running": None}
        self.failovers = (self.failovers + [item])[-20:]

    def unplan_start(self):
        """Forget the start planned for a takeover (an escalated end re-plans it)."""
        self.marks.update(start_requested=None, running=None, command_server=None, channel_initiator=None, listeners=None,
                          connections=None)

    def started_after_takeover(self, start, running):
        """The queue manager started at `start` was the last planned takeover's: note when it runs."""
        if self.failovers and self.failovers[-1]["start_requested"] == start:
            self.failovers[-1]["running"] = running

    def cmdserv_state(self, now, down):
        if down or self.marks["command_server"] == INF:
            return "STOPPED" if down or self.state(now) != "running" else "STARTING"
        return "RUNNING" if self.reached("command_server", now) else "STARTING"

    def chinit_state(self, now):
        return "RUNNING" if self.reached("channel_initiator", now) else "STARTING"
