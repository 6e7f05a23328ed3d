# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""endmqm, strmqm and dspmq as the control API runs them for the shims in bin/ (README "Queue-manager lifecycle").

Each command answers what the real one would: an exit code and the lines it prints ([R]/[S] sources in the fidelity
table), plus `wait`, the state the shim polls for before it prints `then` and exits (strmqm returns once the queue
manager runs; endmqm -w, -i and -p once it has ended; endmqm -c at once).
"""

import time

from .lifecycle import ENDED, ENDING, INF, UP
from .network import host_key

# strmqm / endmqm return codes ([S] a public start script mirroring IBM's strmqm table; [V] IBM endmqm/strmqm pages list
# them; the endmqm numbers 77 and 79 are [R]).
RC_TEXT = {0: "Queue manager started", 3: "Queue manager being created", 5: "Queue manager running",
           16: "Queue manager does not exist", 23: "Log not available",
           24: "A process that was using the previous instance of the queue manager has not yet disconnected.",
           30: "A standby instance of the queue manager started. The active instance is running elsewhere",
           31: "The queue manager already has an active instance. The queue manager permits standby instances.",
           40: "Queue manager not available", 49: "Queue manager stopping", 69: "Storage not available", 71: "Unexpected error",
           72: "Queue manager name error", 77: "IBM MQ queue manager cannot switch over",
           79: "Active instance of IBM MQ queue manager not ended", 100: "Log location invalid",
           119: "User not authorized to start the queue manager"}
END_FLAGS = {"c": "controlled", "w": "wait", "i": "immediate", "p": "preemptive"}


def _answer(code, lines, wait=None, then=(), state=None, host=None):
    """host: where the command ran; the shim polls the state as seen there (after a switchover: runningElsewhere)."""
    return {"exit": code, "lines": list(lines), "wait": wait, "then": list(then), "state": state, "host": host}


def _fail(code, name):
    return _answer(code, [f"AMQ: IBM MQ queue manager '{name}': {RC_TEXT.get(code, 'Unexpected error')}."])


def _host(qm, model, host):
    """The host a command runs on: the one given (MQEMU_HOST) or the queue manager's active host."""
    return host_key(host) if host else model.network.host(qm.name)


def endmqm(model, name, mode="controlled", switchover=False, standby=False, host=None):
    """endmqm [-c|-w|-i|-p] [-s] [-x] QMNAME on host -> answer (exit, lines, wait, then)."""
    qm = model.qmgrs.get(name)
    if qm is None:
        return _answer(16, [f"AMQ8118E: IBM MQ queue manager '{name}' does not exist."])
    if mode not in END_FLAGS.values():
        raise ValueError(f"mode must be one of {', '.join(END_FLAGS.values())}")
    with model.changing() as now:
        life, here = qm.life, _host(qm, model, host)
        view = life.state_on(here, now)
        if standby:  # -x: end the standby instance on this host, leave the active one running
            if life.pair is None or life.standby != here:
                return _fail(40, name)
            life.standby = None
            return _answer(0, [f"IBM MQ standby instance of queue manager '{name}' ended."])
        if view == "runningAsStandby":
            return _fail(79, name)  # endmqm on a standby instance needs -x ([V] IBM endmqm)
        state = life.state(now)
        if state in ENDED or view == "runningElsewhere":
            return _answer(40, [f"AMQ8146E: IBM MQ queue manager '{name}' not available."])
        if state in ENDING and (mode in ("controlled", "wait") or state == "endingPreemptively"):
            return _fail(49, name)
        if switchover and (life.pair is None or life.standby is None):
            return _fail(77, name)
        old_active = model.network.host(name)
        ended = qm.endmqm(now, mode, hold=model.faults.has(name, "never_disconnect"))
        if switchover:
            _switch(model, qm, old_active, ended)
        elif life.pair is not None:
            life.standby = None  # endmqm without -s ends every instance ([V] IBM endmqm)
        done = [f"IBM MQ queue manager '{name}' ended" + (", permitting switchover to a standby instance." if switchover else ".")]
        if mode == "controlled":
            return _answer(0, ["Quiesce request accepted. The queue manager will stop when all outstanding work", "is complete."],
                           state=life.state(now))
        first = f"Waiting for queue manager '{name}' to end." if mode == "wait" else f"IBM MQ queue manager '{name}' ending."
        return _answer(0, [first], wait="ended", then=done, state=life.state(now), host=here)


def _switch(model, qm, old_active, ended):
    """endmqm -s: once the active instance has ended, the standby becomes active on its host, where its listeners now
    run (partners' senders reach it only when their CONNAME lists that host)."""
    life = qm.life
    life.previous, life.active, life.standby, life.switch_at = old_active, life.standby, None, ended
    model.network.set_host(qm.name, life.active)
    if ended < INF:
        qm.strmqm(ended)


def strmqm(model, name, standby=False, host=None):
    """strmqm [-x] QMNAME on host -> answer; a strmqm_fails fault for the queue manager makes it exit with its code."""
    qm = model.qmgrs.get(name)
    if qm is None:
        return _answer(16, [f"AMQ8118E: IBM MQ queue manager '{name}' does not exist."])
    with model.changing() as now:
        life, here = qm.life, _host(qm, model, host)
        state = life.state(now)
        if state in ENDING:
            return _fail(49, name)
        fault = model.faults.take_strmqm(name)
        if state in UP and life.pair is not None and here != model.network.host(name):
            if not standby:
                return _fail(31, name)
            life.standby = here
            return _answer(30, [f"A standby instance of queue manager '{name}' has been started. The active instance is running "
                                "elsewhere."])
        if state in UP:
            return _answer(5, [f"IBM MQ queue manager '{name}' running."])
        if fault is not None:
            code = fault.get("exit", 71)
            return _answer(code, [f"IBM MQ queue manager '{name}' starting.", f"AMQ: {RC_TEXT.get(code, 'Unexpected error')}."])
        if life.pair is not None and here in life.pair and here != model.network.host(name):
            life.active, life.previous, life.switch_at = here, here, -INF  # started on the other instance's host
            model.network.set_host(name, here)
        if life.pair is not None:
            life.standby = None
        qm.strmqm(now, cmdserv_held=model.faults.cmdserv_down(name))
        records = int(float(qm.qmstatus.get("LOGINUSE", 0)) * 40)  # [I] only a number for the message
        lines = [f"IBM MQ queue manager '{name}' starting.", "The queue manager is associated with installation 'Installation1'."]
        then = [f"{records} log records accessed on queue manager '{name}' during the log replay phase.",
                f"Log replay for queue manager '{name}' complete.",
                f"Transaction manager state recovered for queue manager '{name}'.",
                f"IBM MQ queue manager '{name}' started using V9.4.2.0."]
        return _answer(0, lines, wait="running", then=then, state=life.state(now), host=here)


def crash(model, name):
    """The queue manager ends unexpectedly (endedUnexpectedly); nothing is quiesced."""
    qm = model.control.qm(name)
    with model.changing() as now:
        qm.endmqm(now, "crash")
        if qm.life.pair is not None and qm.life.standby is not None:
            _switch(model, qm, model.network.host(name), now)  # the standby takes over ([V] multi-instance failover)
        return qm.life.state(now)


def release(model, qm, now):
    """Faults were cleared: an end waiting for an application finishes, a held command server starts."""
    life = qm.life
    waiting = life.waiting_apps
    life.release(now, qm.settings.seconds("client_disconnect") + qm.settings.seconds("qmgr_end"),
                 not model.faults.cmdserv_down(qm.name))
    if waiting and not life.waiting_apps and life.switch_at == INF:
        life.switch_at = life.marks["ended"]
        qm.strmqm(life.switch_at)


def set_instances(model, name, hosts):
    """A multi-instance pair: hosts[0] runs the active instance, hosts[1] the standby (an empty list: single instance)."""
    qm = model.control.qm(name)
    if not isinstance(hosts, list) or len(hosts) not in (0, 2) or any(not isinstance(h, str) or not h.strip() for h in hosts):
        raise ValueError("hosts must be a list of two host names (or empty)")
    with model.changing():
        life = qm.life
        if not hosts:
            life.pair = life.active = life.standby = life.previous = None
            return {"name": name, "instances": []}
        pair = [host_key(h) for h in hosts]
        if pair[0] == pair[1]:
            raise ValueError("the two instances need two hosts")
        life.pair, life.active, life.previous, life.switch_at = pair, pair[0], pair[0], -INF
        life.standby = pair[1] if life.state(time.monotonic()) in UP else None
        model.network.set_host(name, pair[0])
        return {"name": name, "instances": instances(model, qm, time.monotonic())}


def instances(model, qm, now):
    """[{host, mode}] as dspmq -x lists them: the active instance (while not ended) and the standby."""
    life = qm.life
    active = model.network.host(qm.name) if life.pair is None else (life.previous if now < life.switch_at else life.active)
    out = [] if life.state(now) in ENDED else [{"host": active, "mode": "Active"}]
    if life.pair is not None and life.standby is not None:
        out.append({"host": life.standby, "mode": "Standby"})
    return out


def timeline(model, name, host=None):
    """GET /qmgr/{qm}/timeline: the state (as seen on host), the instances and the milestones of the current cycle."""
    qm = model.control.qm(name)
    with model.changing(settle=False) as now:
        life = qm.life
        return {"qmgr": name, "state": life.state_on(host_key(host) if host else None, now), "host": model.network.host(name),
                "instances": instances(model, qm, now), "standby": "Permitted" if life.pair else "Not permitted",
                "replay_seconds": round(qm.replay_seconds(), 6), "current": life.timeline(now), "history": list(life.history)}
