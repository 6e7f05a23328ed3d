# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The life of one queue manager between endmqm and strmqm: its /admin/qmgr state over time, the start milestones, the
multi-instance pair and the ground-truth timeline (README "Queue-manager lifecycle").

Lazy like the rest: a plan [(monotonic time, state)] says which state holds from when; the state at t is the last entry
at or before t. Milestones are monotonic instants; the timeline shows the ones reached, as epoch seconds.
"""

import time

INF = float("inf")
# /admin/qmgr states ([V] IBM GET /admin/qmgr state= values, MQ 9.2 q128360_) and the dspmq words for them ([S] dspmq
# output parsed by public monitoring checks; [V] the dspmq page lists the states).
DSPMQ_WORDS = {"running": "Running", "starting": "Starting", "quiescing": "Quiescing", "endingImmediately": "Ending immediately",
               "endingPreemptively": "Ending preemptively", "ended": "Ended normally", "endedImmediately": "Ended immediately",
               "endedPreemptively": "Ended preemptively", "endedUnexpectedly": "Ended unexpectedly",
               "runningAsStandby": "Running as standby", "runningElsewhere": "Running elsewhere"}
ENDED = ("ended", "endedImmediately", "endedPreemptively", "endedUnexpectedly")
ENDING = ("quiescing", "endingImmediately", "endingPreemptively")
UP = ("starting", "running")
# endmqm modes: (state while ending, state once ended). -c and -w quiesce: the queue manager ends once every application
# has disconnected; -i ends after the MQI calls in progress; -p at once ([V] IBM endmqm).
END_MODES = {"controlled": ("quiescing", "ended"), "wait": ("quiescing", "ended"), "immediate": ("endingImmediately", "endedImmediately"),
             "preemptive": ("endingPreemptively", "endedPreemptively"), "crash": ("endedUnexpectedly", "endedUnexpectedly")}
# Ground-truth milestones, in the order a restart reaches them (control API GET /qmgr/{qm}/timeline).
MILESTONES = ("end_requested", "ended", "start_requested", "running", "command_server", "channel_initiator", "listeners",
              "connections")


def wall(t, offset=None):
    """Epoch seconds of monotonic instant t (None for a milestone not planned); offset: epoch minus monotonic, taken once
    per answer so equal instants give equal epochs."""
    offset = time.time() - time.monotonic() if offset is None else offset
    return None if t is None or t == INF else round(t + offset, 6)


class Lifecycle:
    """State plan, milestones and multi-instance pair of one queue manager. Callers hold the queue manager's lock."""

    def __init__(self):
        self.plan = [(-INF, "running")]
        self.marks = dict.fromkeys(MILESTONES)
        self.mode = None  # the end mode of the current cycle
        self.history = []  # earlier cycles (timeline dicts), most recent last
        self.waiting_apps = False  # a controlled end waits for an application that never disconnects
        self.cmdserv_held = False  # a start that found a cmdserv_down fault: the command server waits for it to go
        # Multi-instance: the hosts of the pair, the active one and the standby one (None: not running as standby).
        # switch_at: from then on the active instance is `active` (before it, `previous` was ending).
        self.pair, self.active, self.standby, self.previous, self.switch_at = None, None, None, None, -INF
        self.marks.update(running=-INF, command_server=-INF, channel_initiator=-INF, listeners=-INF, connections=-INF)

    # ----- reading --------------------------------------------------------------------------------------------
    def state(self, now):
        out = self.plan[0][1]
        for t, state in self.plan:
            if t > now:
                break
            out = state
        return out

    def state_on(self, host, now):
        """The state an instance's own mqweb or dspmq shows on host (None: the active instance's view)."""
        state = self.state(now)
        if self.pair is None or host is None:
            return state
        active = self.previous if now < self.switch_at else self.active
        if host == active:
            return state
        if state in ENDED:
            return state
        if host == self.standby or (now < self.switch_at and host == self.active):
            return "runningAsStandby"
        return "runningElsewhere"

    def reached(self, key, now):
        t = self.marks.get(key)
        return t is not None and t <= now

    def timeline(self, now):
        """The current cycle: each milestone's epoch seconds once reached (null before, or never planned)."""
        offset = time.time() - time.monotonic()
        out = {key: (wall(t, offset) if t is not None and -INF < t <= now else None) for key, t in self.marks.items()}
        return dict(out, end_mode=self.mode)

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

    def cmdserv_state(self, now, down):
        if down or self.marks["command_server"] == INF:
            return "STOPPED" if down or self.state(now) != "running" else "STARTING"
        return "RUNNING" if self.reached("command_server", now) else "STARTING"

    def chinit_state(self, now):
        return "RUNNING" if self.reached("channel_initiator", now) else "STARTING"
