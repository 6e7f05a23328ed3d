# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""endmqm, strmqm and dspmq as the control API runs them for the shims in bin/ (README "Queue-manager lifecycle").

Each command answers what the real one would: an exit code and the lines it prints ([R]/[S] sources in the fidelity
table), plus `wait`, the state the shim polls for before it prints `then` and exits (strmqm returns once the queue
manager runs, or once a Native HA replica runs; endmqm -w, -i and -p once it has ended; endmqm -c at once). A command runs
on a host (the shims' MQEMU_HOST, default the active instance's host), which matters for multi-instance pairs and Native
HA groups (set_instances).
"""

import time

from .lifecycle import DSPMQ_WORDS, ENDED, ENDING, INF, UP
from .nativeha import Group
from .network import host_key

# strmqm / endmqm return codes ([S] a public start script mirroring IBM's strmqm table; [V] IBM endmqm/strmqm pages list
# them; the endmqm numbers 77 and 79 are [R] and unconfirmed: IBM documents the errors, not their numbers).
RC_TEXT = {0: "Queue manager started", 3: "Queue manager being created", 5: "Queue manager running",
           16: "Queue manager does not exist", 23: "Log not available",
           24: "A process that was using the previous instance of the queue manager has not yet disconnected.",
           30: "A standby instance of the queue manager started. The active instance is running elsewhere",
           31: "The queue manager already has an active instance. The queue manager permits standby instances.",
           40: "Queue manager not available", 47: "The queue manager is already running as a standby instance",
           49: "Queue manager stopping", 69: "Storage not available", 71: "Unexpected error",
           72: "Queue manager name error", 77: "IBM MQ queue manager cannot switch over",
           79: "Active instance of IBM MQ queue manager not ended", 100: "Log location invalid",
           119: "User not authorized to start the queue manager"}
END_FLAGS = {"c": "controlled", "w": "wait", "i": "immediate", "p": "preemptive"}
DSPMQ_OUTPUTS = ("status", "default", "standby", "installation", "ha", "dr", "nativeha", "all")


def _answer(code, lines, wait=None, then=(), state=None, host=None):
    """host: where the command ran; the shim polls the state as seen there (after a switchover: runningElsewhere)."""
    return {"exit": code, "lines": list(lines), "wait": wait, "then": list(then), "state": state, "host": host}


def _fail(code, name):
    return _answer(code, [f"AMQ: IBM MQ queue manager '{name}': {RC_TEXT.get(code, 'Unexpected error')}."])


def _not_available(name):
    return _answer(40, [f"AMQ8146E: IBM MQ queue manager '{name}' not available."])


def _host(qm, model, host, now):
    """The host a command runs on: the one given (MQEMU_HOST) or the active instance's host (until a planned switchover
    or failover happens, the old one's)."""
    if host:
        return host_key(host)
    return (qm.life.active_host(now) if qm.life.kind else None) or model.network.host(qm.name)


def _ended_answer(name, mode, switchover, state, host):
    """endmqm's output: -c returns at once, -w/-i/-p once the instance on host has ended."""
    done = [f"IBM MQ queue manager '{name}' ended" + (", permitting switchover to a standby instance." if switchover else ".")]
    if mode == "controlled":
        return _answer(0, ["Quiesce request accepted. The queue manager will stop when all outstanding work", "is complete."],
                       state=state, host=host)
    first = f"Waiting for queue manager '{name}' to end." if mode == "wait" else f"IBM MQ queue manager '{name}' ending."
    return _answer(0, [first], wait="ended", then=done, state=state, host=host)


def endmqm(model, name, mode="controlled", switchover=False, standby=False, host=None):
    """endmqm [-c|-w|-i|-p] [-s] [-x] QMNAME on host -> answer (exit, lines, wait, then)."""
    qm = model.qmgrs.get(name)
    if qm is None:
        return _answer(16, [f"AMQ8118E: IBM MQ queue manager '{name}' does not exist."])
    if mode not in END_FLAGS.values():
        raise ValueError(f"mode must be one of {', '.join(END_FLAGS.values())}")
    with model.changing() as now:
        life, here = qm.life, _host(qm, model, host, now)
        if life.kind == "nativeha":
            return _endmqm_nativeha(model, qm, now, here, mode, switchover, standby)
        view = life.state_on(here, now)
        if standby:  # -x: end the standby instance on this host, leave the active one running
            if life.kind != "multi" or life.standby != here:
                return _fail(40, name)
            life.standby = None
            return _answer(0, [f"IBM MQ standby instance of queue manager '{name}' ended."])
        if view == "runningAsStandby":
            return _fail(79, name)  # endmqm on a standby instance needs -x ([V] IBM-ENDMQM; the number 79: unconfirmed)
        state = life.state(now)
        if state in ENDED or view == "runningElsewhere":
            return _not_available(name)
        escalating = state in ENDING
        if escalating and (mode in ("controlled", "wait") or state == "endingPreemptively"):
            return _fail(49, name)
        takeover = None
        if switchover and not escalating:
            # IBM-SWITCHOVER: "Switchover only takes place if a standby queue manager instance is already started. The
            # endmqm -s command releases the active queue manager lock and permits switchover: it does not start a
            # standby." So with standbys permitted and none running it ends the queue manager; 77 is kept for a queue
            # manager that permits none ([R] the number), and for both cases with switchover_without_standby=refuse.
            if life.kind != "multi" or (life.standby is None and model.config["switchover_without_standby"] == "refuse"):
                return _fail(77, name)
            takeover = life.standby
        old_active = model.network.host(name)
        ended = qm.endmqm(now, mode, hold=model.faults.has(name, "never_disconnect"))
        if escalating:
            _replan_takeover(model, qm, now, ended)
        elif takeover is not None:
            _take_over(model, qm, "switchover", old_active, takeover, now, ended, ended)
        elif life.kind == "multi":
            life.standby = None  # endmqm without -s ends every instance ([V] IBM-ENDMQM)
        return _ended_answer(name, mode, switchover, life.state(now), here)


def _endmqm_nativeha(model, qm, now, here, mode, switchover, standby):
    """endmqm on a Native HA instance: it stops that instance (the group keeps running), after checking that the
    group keeps its quorum; on the active instance an in-sync replica then takes over ([V] IBM-ENDMQM: "A check is
    performed to see if stopping the specified instance breaks the group's quorum, and the command fails if it does. If
    you issue endmqm -s on the active instance, that instance stops and one of the replicas becomes the active instance.
    If you issue endmqm -x on a replica instance, the instance is stopped."; IBM's container stops any instance with
    `endmqm -w -r`, MQCONT)."""
    name, life, group = qm.name, qm.life, qm.life.group
    if here not in group.members:
        return _not_available(name)
    view, active = group.view(here, now), here == group.active_at(now)
    if view in ENDED:
        return _not_available(name)
    escalating = view in ENDING
    if escalating and (mode in ("controlled", "wait") or view == "endingPreemptively"):
        return _fail(49, name)
    if standby and active:
        return _fail(40, name)  # -x ends a replica; the active instance has none on its host ([I])
    if not escalating and model.config["nativeha_quorum_check"] and not group.can_stop(here, now):
        # [V] the check; [I] the exit code (77, unconfirmed) and the text
        return _answer(77, [f"AMQ: IBM MQ queue manager '{name}': ending the instance on '{here}' would break the quorum of "
                            f"its Native HA group ({group.quorum(now)}/3 in sync)."])
    if active:
        ended = qm.endmqm(now, mode, hold=model.faults.has(name, "never_disconnect"))
        group.end_member(here, now, mode, ended)
        if escalating:
            _replan_takeover(model, qm, now, ended)
        else:
            target = group.takeover_target(ended, here)
            if target is not None:
                start = ended + qm.settings.seconds("nativeha_failover") if ended < INF else INF
                _take_over(model, qm, "failover", here, target, now, ended, start)
    else:  # a replica has no applications to wait for ([I]); -p ends it at once
        group.end_member(here, now, mode, now if mode == "preemptive" else now + qm.settings.seconds("qmgr_end"))
    return _ended_answer(name, mode, switchover, group.view(here, now), here)


def _take_over(model, qm, kind, old, new, requested, ended, start):
    """A switchover (multi-instance endmqm -s), a failover (a crash, or a Native HA active instance ending): from start
    on, the instance on `new` is the active one and starts the queue manager (replay and milestones as strmqm); its
    listeners run on its host, so partners' senders reconnect only when their CONNAME lists it. start INF: the old active
    instance has not ended yet (an application that never disconnects), release() starts it."""
    life = qm.life
    life.take_over(kind, old, new, requested, ended, start)
    if life.kind == "multi":
        life.standby = None
    model.network.set_host(qm.name, new)
    _start_takeover(model, qm, start)


def _start_takeover(model, qm, start):
    if start == INF:
        return
    life = qm.life
    if life.group is not None:
        life.group.promote(life.active, start)
    qm.strmqm(start, cmdserv_held=model.faults.cmdserv_down(qm.name))
    life.started_after_takeover(start, life.marks["running"])


def _replan_takeover(model, qm, now, ended):
    """An escalated end (endmqm -i/-p while quiescing) ends the old active instance at another time, and an end that
    waited for an application ends now: a takeover still pending (planned to start after now) starts from then."""
    life = qm.life
    if not life.failovers or life.failovers[-1]["start_requested"] != life.switch_at or life.switch_at <= now:
        return
    delay = qm.settings.seconds("nativeha_failover") if life.kind == "nativeha" else 0.0
    start = ended + delay if ended < INF else INF
    life.failovers[-1].update(ended=ended, start_requested=start)
    life.switch_at = start
    life.unplan_start()
    _start_takeover(model, qm, start)


def strmqm(model, name, standby=False, host=None):
    """strmqm [-x] QMNAME on host -> answer; a strmqm_fails fault for the queue manager makes it exit with its code."""
    qm = model.qmgrs.get(name)
    if qm is None:
        return _answer(16, [f"AMQ8118E: IBM MQ queue manager '{name}' does not exist."])
    with model.changing() as now:
        life, here = qm.life, _host(qm, model, host, now)
        if life.kind == "nativeha":
            return _strmqm_nativeha(model, qm, now, here)
        state = life.state(now)
        if state in ENDING:
            return _fail(49, name)
        fault = model.faults.take_strmqm(name)
        if state in UP and life.kind == "multi" and here != model.network.host(name):
            if not standby:
                return _fail(31, name)
            if life.standby == here:
                return _fail(47, name)  # this host already runs the standby ([R] 47, the strmqm table's "already running as standby")
            life.standby = here
            return _answer(30, [f"A standby instance of queue manager '{name}' has been started. The active instance is running "
                                "elsewhere."])
        if state in UP:
            return _answer(5, [f"IBM MQ queue manager '{name}' running."])
        if fault is not None:
            return _strmqm_failed(name, fault)
        if life.kind == "multi" and here in life.hosts and here != model.network.host(name):
            life.active, life.previous, life.switch_at = here, here, -INF  # started on the other instance's host
            model.network.set_host(name, here)
        if life.kind == "multi":
            life.standby = None
        qm.strmqm(now, cmdserv_held=model.faults.cmdserv_down(name))
        return _started_answer(qm, life.state(now), here)


def _strmqm_failed(name, fault):
    code = fault.get("exit", 71)
    return _answer(code, [f"IBM MQ queue manager '{name}' starting.", f"AMQ: {RC_TEXT.get(code, 'Unexpected error')}."])


def _started_answer(qm, state, host):
    name = qm.name
    records = int(float(qm.qmstatus.get("LOGINUSE", 0)) * 40)  # [I] only a number for the message
    lines = [f"IBM MQ queue manager '{name}' starting.", "The queue manager is associated with installation 'Installation1'."]
    then = [f"{records} log records accessed on queue manager '{name}' during the log replay phase.",
            f"Log replay for queue manager '{name}' complete.",
            f"Transaction manager state recovered for queue manager '{name}'.",
            f"IBM MQ queue manager '{name}' started using V9.4.2.0."]
    return _answer(0, lines, wait="running", then=then, state=state, host=host)


def _strmqm_nativeha(model, qm, now, here):
    """strmqm on a Native HA instance's host starts that instance: it joins the running group as a replica and catches
    up; with no active instance, the one that was active last becomes active again once a majority runs ([I])."""
    name, life, group = qm.name, qm.life, qm.life.group
    if here not in group.members:
        return _answer(16, [f"AMQ8118E: IBM MQ queue manager '{name}' does not exist."])  # no instance on this host ([I])
    view = group.view(here, now)
    if view in ENDING:
        return _fail(49, name)
    if view not in ENDED:
        return _answer(5, [f"IBM MQ queue manager '{name}' running."])  # a running replica too ([I] 5)
    fault = model.faults.take_strmqm(name)
    if fault is not None:
        return _strmqm_failed(name, fault)
    held = model.faults.take_lifecycle("replica_out_of_sync", name, here) is not None
    group.start_member(here, now, held)
    elected = group.electable(now)
    if elected is not None:
        start = max(group.members[h].connected_at for h in (here, elected)) + qm.settings.seconds("nativeha_failover")
        life.active, life.previous, life.switch_at = elected, elected, -INF
        model.network.set_host(name, elected)
        group.promote(elected, start)
        qm.strmqm(start, cmdserv_held=model.faults.cmdserv_down(name))
        if elected == here:
            return _started_answer(qm, group.view(here, now), here)
    lines = [f"IBM MQ queue manager '{name}' starting.", "The queue manager is associated with installation 'Installation1'."]
    return _answer(0, lines, wait="replica", then=[f"IBM MQ queue manager '{name}' started as a replica instance."],
                   state=group.view(here, now), host=here)


def crash(model, name, host=None):
    """The queue manager's instance on host (default: the active one) ends unexpectedly (endedUnexpectedly); nothing is
    quiesced. A standby or an in-sync Native HA replica takes over ([V] multi-instance failover; IBM-NHA-STATUS)."""
    qm = model.control.qm(name)
    with model.changing() as now:
        life = qm.life
        if life.kind == "nativeha":
            group = life.group
            here = host_key(host) if host else (group.active_at(now) or life.active)
            if here not in group.members:
                raise ValueError(f"{name} has no instance on host {here}")
            if here == group.active_at(now):
                qm.endmqm(now, "crash")
                group.end_member(here, now, "crash", now)
                target = group.takeover_target(now, here)
                if target is not None:
                    _take_over(model, qm, "failover", here, target, now, now, now + qm.settings.seconds("nativeha_failover"))
            elif group.running(here, now):
                group.end_member(here, now, "crash", now)
            return group.view(here, now)
        old_active = model.network.host(name)
        qm.endmqm(now, "crash")
        if life.kind == "multi" and life.standby is not None:
            _take_over(model, qm, "failover", old_active, life.standby, now, now, now)
        return life.state(now)


def release(model, qm, now):
    """Faults were cleared: an end waiting for an application finishes (a pending takeover then starts), a held command
    server starts, held Native HA replicas catch up."""
    life = qm.life
    waiting = life.waiting_apps
    life.release(now, qm.settings.seconds("client_disconnect") + qm.settings.seconds("qmgr_end"),
                 not model.faults.cmdserv_down(qm.name))
    if waiting and not life.waiting_apps:
        ended = life.marks["ended"]
        if life.group is not None:
            life.group.end_known(ended)
        if life.failovers and life.failovers[-1]["start_requested"] == INF:
            _replan_takeover(model, qm, now, ended)
    if life.group is not None:
        life.group.release(now)


def set_instances(model, name, hosts):
    """The queue manager's instances: two hosts make a multi-instance pair (hosts[0] active, hosts[1] the standby), three a
    Native HA group (hosts[0] active, the others replicas), an empty list a single instance again."""
    qm = model.control.qm(name)
    if not isinstance(hosts, list) or len(hosts) not in (0, 2, 3) or any(not isinstance(h, str) or not h.strip() for h in hosts):
        raise ValueError("hosts must be a list of two host names (a multi-instance pair), three (a Native HA group), or empty")
    group = [host_key(h) for h in hosts]
    if len(set(group)) != len(group):
        raise ValueError("each instance needs a host of its own")
    with model.changing() as now:
        life = qm.life
        life.kind, life.hosts, life.group, life.standby = None, None, None, None
        life.active = life.previous = None
        life.switch_at = -INF
        if group:
            life.kind = "multi" if len(group) == 2 else "nativeha"
            life.hosts, life.active, life.previous = group, group[0], group[0]
            model.network.set_host(name, group[0])
            if life.kind == "multi":
                life.standby = group[1] if life.state(now) in UP else None
            else:
                life.group = Group(life, group, qm.settings.seconds, now)
        return {"name": name, "kind": life.kind or "single", "instances": instances(model, qm, now)}


def instances(model, qm, now):
    """[{host, mode}] as dspmq -x lists them: the active instance (while not ended) and a multi-instance standby."""
    life = qm.life
    if life.group is not None:
        active = life.group.active_at(now)
        return [] if active is None else [{"host": active, "mode": "Active"}]
    active = model.network.host(qm.name) if life.kind is None else life.active_host(now)
    out = [] if life.state(now) in ENDED else [{"host": active, "mode": "Active"}]
    if life.kind == "multi" and life.standby is not None:
        out.append({"host": life.standby, "mode": "Standby"})
    return out


def timeline(model, name, host=None):
    """GET /qmgr/{qm}/timeline: the state (as seen on host), the instances, the milestones of the current cycle, every
    switchover and failover, and a Native HA group's instances."""
    qm = model.control.qm(name)
    with model.changing(settle=False) as now:
        life, offset = qm.life, time.time() - now  # one offset: equal instants give equal epochs
        return {"qmgr": name, "state": life.state_on(host_key(host) if host else None, now), "host": model.network.host(name),
                "kind": life.kind or "single", "instances": instances(model, qm, now),
                "standby": "Permitted" if life.kind == "multi" else "Not permitted",
                "replay_seconds": round(qm.replay_seconds(), 6), "current": life.timeline(now, offset),
                "history": list(life.history), "failovers": life.failover_log(now, offset),
                "nativeha": life.group.timeline(now) if life.group else None}


def _field(key, value, translated, untranslated):
    """KEY(value); dspmq -n prints the translated words untranslated, in upper case ([S] CHECKMK `STATUS(ENDED
    PRE-EMPTIVELY)`, `STANDBY(NOT PERMITTED)`, `MODE(ACTIVE)`; [V] MQC-READY matches `(RUNNING AS STANDBY)`, `(REPLICA)`)."""
    return f"{key}({value.upper() if translated and untranslated else value})"


NOT_CONFIGURED = [("ROLE", "Not configured", True), ("INSTANCE", "", False), ("INSYNC", "", False), ("QUORUM", "", False),
                  ("GRPLSN", "", False), ("GRPNAME", "", False), ("GRPROLE", "Not configured", True)]


def dspmq(model, name=None, outputs=("status",), extended=False, untranslated=False, active_only=False, host=None):
    """dspmq [-m QMNAME] [-o ...] [-x] [-n] [-a] on host -> answer. QMNAME(x) padded to column 58, then the fields in the
    order of a real 9.4.2 `dspmq -x -o all` ([S] INSTANA; `-o nativeha` fields [S] NHALAB; [V] IBM-DSPMQ-94)."""
    if name is not None and name not in model.qmgrs:
        return _answer(72, ["AMQ7048E: The queue manager name is either not valid or not known."])
    wanted = set(outputs) or {"status"}
    if wanted - set(DSPMQ_OUTPUTS):
        raise ValueError(f"outputs must be among {', '.join(DSPMQ_OUTPUTS)}")
    every, rdqm = "all" in wanted, model.config["dspmq_all_fields"] == "rdqm"
    lines = []
    with model.changing(settle=False) as now:
        for qm in ([model.qmgrs[name]] if name else model.qmgrs.values()):
            life = qm.life
            here = host_key(host) if host else None
            view = life.state_on(here, now)
            if active_only and view in ENDED:
                continue  # -a: only the queue managers with something running on this host ([V] IBM-DSPMQ-94)
            fields = []
            if every or "status" in wanted:
                fields.append(("STATUS", DSPMQ_WORDS.get(view, "Status not available"), True))
            if every or "default" in wanted:
                fields.append(("DEFAULT", "no", True))
            if every or "standby" in wanted:
                runs = view in ("running", "runningAsStandby", "runningElsewhere", "replica", "negotiating")
                fields.append(("STANDBY", ("Permitted" if life.kind == "multi" else "Not permitted") if runs else "Not applicable",
                               True))
            if every or "installation" in wanted:
                fields += [("INSTNAME", "Installation1", False), ("INSTPATH", "/opt/mqm", False), ("INSTVER", "9.4.2.0", False)]
            if (every and rdqm) or "ha" in wanted:
                fields.append(("HA", "", False))  # no RDQM here: HA() and DRROLE() stay empty ([S] CHECKMK)
            if (every and rdqm) or "dr" in wanted:
                fields.append(("DRROLE", "", False))
            viewer = here or model.network.host(qm.name)
            if every or "nativeha" in wanted:
                fields += life.group.dspmq_fields(viewer, now) if life.group else NOT_CONFIGURED
            lines.append(f"{'QMNAME(' + qm.name + ')':<57} " + " ".join(_field(*f, untranslated) for f in fields))
            if extended and wanted != {"nativeha"}:
                lines += [f"    INSTANCE({i['host']}) {_field('MODE', i['mode'], True, untranslated)}"
                          for i in instances(model, qm, now)]
            if extended and life.group and (every or "nativeha" in wanted):
                lines += [" " + " ".join(_field(*f, untranslated) for f in row) for row in life.group.dspmq_instances(viewer, now)]
    # [V] IBM-DSPMQ-94 "Success for dspmq -a is indicated by the return code 5" (the 9.3 page says nothing of it: config)
    return _answer(model.config["dspmq_active_exit"] if active_only else 0, lines)
