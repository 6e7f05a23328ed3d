# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""A queue manager's restart in one run (the qmgr_restart action): the preflight, the stop and start commands on its
host, the waits, the restore of what ran before, the health gate, and the rescue that never leaves it ended; for a
Native HA group or a multi-instance pair, one instance's part and the plan that orders them (the others first, the
active instance last, so that there is one failover).

IBM gives endmqm and strmqm no REST equivalent, so the stop and the start are commands on the queue manager's host:
the caller passes ``run_command`` (the action runs ansible.builtin.command on that host, with the task's connection,
become and environment; the unit tests pass a fake). Everything else is REST from the controller through the code
mq_qmgr_wait and mq_restart run: _qmgr (baseline and milestones) and _rolling (the restore). The milestones are
polled in a thread from before the start command (strmqm returns only once the queue manager runs), so each is timed
within a poll of when it happened while the start command and the restore run.
"""

from __future__ import annotations

import re
import shlex
import threading
import time

from ._errors import MQCommandError, MQError, MQHTTPError, MQInputError, MQTransportError
from ._qmgr import QmgrWait, capture_baseline, log_warnings, plan
from ._rolling import restore, restore_plan
from ._waiter import WaitPolicy, pause

__all__ = ["QmgrRestart", "restart_order", "default_commands", "preemptive_command", "group_status", "Options", "STEPS"]

# The steps, named as a person reads them: a failure is reported as "<step>: <what went wrong>".
PREFLIGHT = "Preflight, read what runs and the log the next start replays"
STOP = "Stop the queue manager"
ENDED_WAIT = "Wait until it has ended"
ESCALATE = "End it preemptively"
ENDED_PREEMPTIVELY = "Wait until it has ended preemptively"
START = "Start the queue manager"
RESTORE = "Start again, in priority order, what ran before and did not come back by itself"
MILESTONES = "Every milestone reached (running, command server, channel initiator, listeners, channels, connections)"
HEALTH = "Health gate, everything that ran before still runs; then read what runs now, for the report"
STOP_INSTANCE = "Stop this instance"
LEFT_WAIT = "Wait until this instance has left the group"
START_INSTANCE = "Start this instance"
SYNC_WAIT = "Wait until this instance is back in sync"
STEPS = (PREFLIGHT, STOP, ENDED_WAIT, ESCALATE, ENDED_PREEMPTIVELY, START, RESTORE, MILESTONES, HEALTH, STOP_INSTANCE, LEFT_WAIT,
         START_INSTANCE, SYNC_WAIT)

# endmqm's flag per mode ([V] IBM endmqm): -c controlled (waits for applications), -w the same and returns once ended,
# -i immediate (MQI calls in progress complete), -p preemptive (the escalation only).
END_FLAGS = {"controlled": "-c", "wait": "-w", "immediate": "-i", "preemptive": "-p"}
# strmqm -x exits 30 when it started a standby instance because the active one runs elsewhere ([V] IBM strmqm).
STANDBY_STARTED = 30

NATIVE_HA, MULTI_INSTANCE = "native_ha", "multi_instance"
ACTIVE, REPLICA, STANDBY = "active", "replica", "standby"
_DSPMQ_INSTANCE = re.compile(r"INSTANCE\(([^)]*)\)\s+MODE\((\w+)\)", re.IGNORECASE)


class Options:
    """What one restart is asked to do (the action's options, checked there). ``group``/``role``/``instance``: the
    instance of a Native HA group or multi-instance pair this run restarts (None for a single-instance queue manager)."""

    __slots__ = ("qmgr", "stop_mode", "escalate_preemptive", "switchover", "stop_command", "start_command", "end_timeout",
                 "start_timeout", "poll_interval", "connections_share", "restore", "priority", "restore_timeout", "health_timeout",
                 "log_limits", "group", "role", "instance", "check_mode")

    def __init__(self, qmgr, stop_mode="immediate", escalate_preemptive=False, switchover=False, stop_command=None,
                 start_command=None, end_timeout=120.0, start_timeout=600.0, poll_interval=0.5, connections_share=0.9, restore=True,
                 priority=None, restore_timeout=60.0, health_timeout=30.0, log_limits=None, group=None, role=None, instance=None,
                 check_mode=False):
        self.qmgr, self.stop_mode, self.escalate_preemptive, self.switchover = qmgr, stop_mode, escalate_preemptive, switchover
        self.end_timeout, self.start_timeout, self.poll_interval = end_timeout, start_timeout, poll_interval
        self.connections_share, self.restore, self.priority = connections_share, restore, list(priority or [])
        self.restore_timeout, self.health_timeout, self.log_limits = restore_timeout, health_timeout, log_limits
        self.group, self.role, self.instance, self.check_mode = group, role, instance, check_mode
        default_stop, default_start = default_commands(qmgr, stop_mode, switchover, group, role)
        self.stop_command = stop_command or default_stop
        self.start_command = start_command or default_start

    @property
    def passive(self):
        """A standby or replica instance: ending it leaves the queue manager running on the active one."""
        return self.role in (STANDBY, REPLICA)

    @property
    def takeover(self):
        """The active instance of a group, or switchover: the queue manager does not stay ended, another instance
        takes over, and the milestones are those of the takeover, timed from the stop command."""
        return not self.passive and (self.switchover or self.group is not None)

    @property
    def start_codes(self):
        """strmqm's exit codes that mean started: 30 too where this instance comes back as a standby."""
        return (0, STANDBY_STARTED) if self.switchover or self.group == MULTI_INSTANCE else (0,)


def default_commands(qmgr, stop_mode, switchover=False, group=None, role=None):
    """(stop, start) command lines for endmqm and strmqm ([V] IBM endmqm, strmqm): a standby or replica instance ends
    alone with -x; the active instance of a group, or a switchover, ends with -s so that another instance takes over;
    strmqm -x starts a multi-instance queue manager's instance as the standby when the active one runs elsewhere."""
    if role in (STANDBY, REPLICA):
        stop = "endmqm -x {0}".format(qmgr)
    else:
        stop = "endmqm {0}{1} {2}".format(END_FLAGS[stop_mode], " -s" if switchover or group else "", qmgr)
    start = "strmqm {0}{1}".format("-x " if switchover or group == MULTI_INSTANCE else "", qmgr)
    return stop, start


def preemptive_command(command, stop_mode):
    """The stop command with the mode's endmqm flag swapped for -p (a container's own stop command, which has no such
    flag, runs again as it is)."""
    words = shlex.split(command)
    flag = END_FLAGS[stop_mode]
    if flag in words:
        words[words.index(flag)] = END_FLAGS["preemptive"]
    return " ".join(shlex.quote(word) for word in words)


def _word(row, key):
    return str(row.get(key, "")).strip().upper()


def group_status(client):
    """{instance name: row} of DISPLAY QMSTATUS TYPE(NATIVEHA) ALL, read through the active instance (IBM: its view is
    definitive, a replica's may be out of date); {} for a queue manager that is not Native HA (MQ refuses the TYPE)."""
    try:
        rows = client.display("QMSTATUS", None, {"TYPE": "NATIVEHA"}, retry=False)
    except MQCommandError:
        return {}
    return {str(row["instance"]).strip(): row for row in rows if str(row.get("instance", "")).strip()}


def _in_sync(row):
    """A replica that could take over now: connected to the active instance and in sync with it ([V] IBM Native HA
    status: CONNACTV, INSYNC)."""
    return _word(row, "role") == "REPLICA" and _word(row, "connactv") == "YES" and _word(row, "insync") == "YES"


def _describe(row):
    if row is None:
        return "not in DISPLAY QMSTATUS TYPE(NATIVEHA)"
    backlog = row.get("backlog")
    return "ROLE({0}) CONNACTV({1}) INSYNC({2}){3}".format(
        _word(row, "role") or "-", _word(row, "connactv") or "-", _word(row, "insync") or "-",
        " BACKLOG({0} KB)".format(backlog) if backlog not in (None, "") else "")


def normalize_instances(instances):
    """[{host, name}] from entries that are inventory host names (the instance has the same name) or {host, name}."""
    entries = []
    for index, entry in enumerate(instances or []):
        if isinstance(entry, str):
            entry = {"host": entry}
        if not isinstance(entry, dict) or not str(entry.get("host") or "").strip():
            raise MQInputError("instances[{0}]={1!r} must be the inventory host of an instance, or {{host, name}}".format(index, entry))
        host = str(entry["host"]).strip()
        entries.append({"host": host, "name": str(entry.get("name") or host).strip()})
    for key in ("host", "name"):
        values = [e[key] for e in entries]
        if len(set(values)) != len(values):
            raise MQInputError("instances names the {0} {1!r} twice: each instance once".format(
                key, next(v for v in values if values.count(v) > 1)))
    if entries and len(entries) < 2:
        raise MQInputError("instances lists {0}: a multi-instance queue manager has two instances, a Native HA group three; "
                           "leave it empty for a single-instance queue manager".format(entries[0]["host"]))
    return entries


def restart_order(client, instances, qmgr, run_command):
    """The plan of a group's rolling restart: {group, order: [{host, name, role}]}, the standby or replicas first (in the
    order given), the active instance last, so that the queue manager fails over once (IBM's mq-helm rolling-update
    sample: "This assures there is only a single failover").

    Native HA is read over REST (DISPLAY QMSTATUS TYPE(NATIVEHA)); a multi-instance queue manager's instances are only
    shown by dspmq -x on its hosts, so ``run_command`` runs it on the task's host (one of the two).
    """
    entries = normalize_instances(instances)
    by_name = {e["name"]: e for e in entries}
    rows = group_status(client)
    if rows:
        group = NATIVE_HA
        roles = {name: _word(row, "role") for name, row in rows.items()}
        what = "the Native HA group of {0} has the instances {1}".format(qmgr, ", ".join(sorted(rows)))
    else:
        group = MULTI_INSTANCE
        answer = run_command("dspmq -x -m {0}".format(qmgr))
        if answer.get("rc") != 0:
            raise MQError("dspmq -x -m {0} on this host failed, so which instance of {0} is active is unknown: {1}".format(
                qmgr, command_text(answer)))
        roles = {name.strip(): mode.upper() for name, mode in _DSPMQ_INSTANCE.findall(answer.get("stdout") or "")}
        what = "dspmq -x shows the instances {0}".format(", ".join("{0} ({1})".format(n, m.lower()) for n, m in sorted(roles.items())))
    if set(roles) != set(by_name):
        raise MQInputError("instances names {0}, but {1}: give each instance's inventory host, with {{host, name}} where the "
                           "instance has another name".format(", ".join(sorted(by_name)), what))
    active = [name for name, role in roles.items() if role == "ACTIVE"]
    if len(active) != 1:
        raise MQError("{0} has {1} active instances ({2}): a rolling restart needs exactly one".format(
            qmgr, len(active), what))
    others = [e for e in entries if e["name"] != active[0]]
    if group == MULTI_INSTANCE and [e for e in others if roles[e["name"]] != "STANDBY"]:
        raise MQError("{0} has no standby instance running ({1}): ending the active one would end the queue manager; start the "
                      "standby (strmqm -x) first".format(qmgr, what))
    passive = REPLICA if group == NATIVE_HA else STANDBY
    order = [dict(e, role=passive) for e in others] + [dict(by_name[active[0]], role=ACTIVE)]
    return {"group": group, "order": order}


def command_text(answer):
    """What a command run said, for a message: its rc and output on one line (or why it could not run at all)."""
    output = (answer.get("stderr") or answer.get("stdout") or "").strip()
    if not output:
        # The command could not be run (not found, not allowed): ansible.builtin.command's "Error executing command."
        # and, in its exception, the reason.
        exception = answer.get("exception")
        exception = exception.get("msg") if isinstance(exception, dict) else exception
        # ansible-core 2.19 hands an action an error summary object, not its text: the reason is the message of the last
        # event in its cause chain ("Error executing command." <- "[Errno 2] No such file or directory: ...").
        event = getattr(exception, "event", None)
        while event is not None:
            exception = event.msg
            event = event.chain.event if getattr(event, "chain", None) else None
        lines = str(exception or "").strip().splitlines()
        output = lines[-1].strip() if lines else ""
    output = re.sub(r"\s*\n\s*", "; ", output)
    if answer.get("rc") is None:
        # Not run at all (become or the connection failed): the module's message says why.
        return "; ".join(text for text in (answer.get("msg"), output) if text) or "failed, no message"
    return "rc {0}: {1}".format(answer["rc"], output) if output else "rc {0}".format(answer["rc"])


class StepFailed(Exception):
    def __init__(self, step, detail):
        super().__init__("{0}: {1}".format(step, detail))
        self.text = "{0}: {1}".format(step, detail)


class Steps:
    """What a run of steps on one queue manager shares (QmgrRestart, CertRotation): an MQError in a step fails the run
    naming the step (StepFailed); whatever fails, the recovery runs (the rescue, the rollback); the REST session is
    closed; the run returns its report."""

    client = None
    failure = ""

    def _run(self, steps, recover):
        try:
            steps()
        except StepFailed as exc:
            self.failure = exc.text
            recover()
        except Exception as exc:  # pylint: disable=broad-exception-caught  # whatever failed, the recovery runs
            self.failure = "unexpected {0}: {1}".format(type(exc).__name__, getattr(exc, "msg", None) or exc)
            recover()
        finally:
            if self.client is not None:
                self.client.transport.close()
        return self.report()

    @staticmethod
    def _step(step, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except MQError as exc:
            raise StepFailed(step, exc.msg)

    def report(self):
        raise NotImplementedError


class _Watch:
    """The milestone wait, in a thread with its own REST session (a requests Session is not shared between threads)."""

    def __init__(self, connect, steps, policy, since, wall):
        self.connect, self.steps, self.policy, self.since, self.wall = connect, steps, policy, since, wall
        self.cancel = threading.Event()
        self.reached = set()
        self.changed = threading.Condition()
        self.result, self.error = None, None
        self.thread = threading.Thread(target=self._run, name="qmgr-milestones", daemon=True)

    def _run(self):
        client = None
        try:
            client = self.connect()
            self.result = QmgrWait(client, self.steps, self.policy, since=self.since, wall=self.wall, reached=self._reached,
                                   cancel=self.cancel).run()
        except MQError as exc:
            self.error = exc
        except Exception as exc:  # pylint: disable=broad-exception-caught  # reported by join(), in the caller's thread
            self.error = MQError("the milestone wait failed: {0}: {1}".format(type(exc).__name__, exc))
        finally:
            if client is not None:
                client.transport.close()
            with self.changed:
                self.changed.notify_all()

    def _reached(self, name):
        with self.changed:
            self.reached.add(name)
            self.changed.notify_all()

    def start(self):
        self.thread.start()

    def wait_for(self, name):
        """Until ``name`` is reached or the wait has ended (reached or not)."""
        with self.changed:
            while name not in self.reached and self.thread.is_alive():
                self.changed.wait(0.5)
        return name in self.reached

    def stop(self):
        self.cancel.set()
        self.thread.join()

    def join(self):
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.result


class QmgrRestart(Steps):
    """One run: ``run()`` returns the report (``failure`` says what failed; the rescue ran by then).

    ``connect()`` returns a new MQClient (one per thread); ``run_command(command)`` runs a command line on the queue
    manager's host and returns ansible.builtin.command's result ({rc, stdout, stderr, cmd, msg}). ``clock``, ``wall`` and
    ``sleep`` are the monotonic clock, the epoch clock and the pause of every wait (the tests' fake clock).
    """

    def __init__(self, connect, run_command, options, clock=time.monotonic, wall=time.time, sleep=None):
        self.connect, self.run_command, self.o = connect, run_command, options
        self.clock, self.wall = clock, wall
        self._sleep = sleep
        self.client = None
        self.before = None
        self.warnings = []
        self.failure = self.rescue = ""
        self.stopped = False
        self.stop_at = self.start_at = None
        self.commands = {}  # stop / start: the command line that ran
        self.escalated = False
        self.waits = {}  # ended, ended_preemptively, milestones, health: each wait's result
        self.state = None  # the state the last read saw
        self.restored = []
        self.after = None
        self.started_ok = False
        self.group_before, self.group_after = {}, {}
        self.times = {}  # left, connected, in_sync: seconds, for an instance of a group
        self.extra_requests = 0

    # -- the run -------------------------------------------------------------------------------------
    def run(self):
        return self._run(self._steps, self._rescue)

    def _steps(self):
        self._preflight()
        if not self.o.check_mode:
            if self.o.passive:
                self._restart_instance()
            else:
                self._restart_qmgr()

    def _policy(self, timeout):
        return WaitPolicy(timeout=timeout, poll_interval=self.o.poll_interval, clock=self.clock, sleep=self._sleep or time.sleep)

    def _wait(self, key, steps, timeout, since=None):
        """One QmgrWait in this thread; its result is kept under ``key`` (also when it fails) for the report."""
        try:
            result = QmgrWait(self.client, steps, self._policy(timeout), since=since, wall=self.wall).run()
        except MQError as exc:
            self._keep(key, dict(exc.result, failed=True))
            raise
        return self._keep(key, result)

    def _keep(self, key, result):
        self.waits[key] = result
        if result.get("state"):
            self.state = result["state"]
        return result

    def _command(self, step, command, codes=(0,)):
        answer = self.run_command(command)
        if answer.get("rc") not in codes:
            raise StepFailed(step, command_text(answer) if answer.get("rc") is None else "{0} ({1})".format(
                answer.get("msg") or "failed", command_text(answer)))
        return answer

    # -- preflight --------------------------------------------------------------------------------------
    def _preflight(self):
        self.client = self._step(PREFLIGHT, self.connect)
        if self.o.group == NATIVE_HA:
            self.group_before = self._step(PREFLIGHT, group_status, self.client)
            self._check_group()
        if self.o.passive:
            # The queue manager runs on the active instance, and stays up: nothing to capture, only that it runs.
            self.state = self._step(PREFLIGHT, self.client.qmgr_state)
            if self.state != "running":
                raise StepFailed(PREFLIGHT, "{0} is {1}: restart its {2} instance only while it runs".format(
                    self.o.qmgr, self.state, self.o.role))
            return
        self.before = self._step(PREFLIGHT, capture_baseline, self.client, self.wall)
        self.state = self.before["state"]
        self.warnings = log_warnings(self.before, self.o.log_limits)

    def _check_group(self):
        """The planned role still holds, and ending the active instance leaves a replica in sync to take over."""
        rows, name = self.group_before, self.o.instance
        if name not in rows:
            raise StepFailed(PREFLIGHT, "instance {0} is not in the Native HA group of {1} ({2})".format(
                name, self.o.qmgr, ", ".join(sorted(rows)) or "no instances shown"))
        role = _word(rows[name], "role").lower()
        if role != self.o.role:
            raise StepFailed(PREFLIGHT, "instance {0} was planned as the {1} instance but is now {2}: the group changed since "
                                        "the plan; run the restart again".format(name, self.o.role, role or "unknown"))
        if self.o.role == ACTIVE:
            behind = ["{0} ({1})".format(other, _describe(row)) for other, row in sorted(rows.items()) if other != name and not _in_sync(row)]
            if behind:
                raise StepFailed(PREFLIGHT, "not every replica is in sync, so ending the active instance could leave none to take "
                                            "over: {0}".format(", ".join(behind)))

    # -- a queue manager, or the active instance of a group ---------------------------------------------
    def _restart_qmgr(self):
        self.stop_at = self.wall()
        self.stopped = True
        self.commands["stop"] = self.o.stop_command
        self._command(STOP, self.o.stop_command)
        if not self.o.takeover:
            self._wait_ended()
        # The milestones count from just before the start command; after a takeover from the stop command, since the
        # other instance starts then.
        since = self.stop_at if self.o.takeover else self.wall()
        steps = plan("started", None, self.before, None, None, self.o.connections_share, self.o.qmgr)
        watch = _Watch(self.connect, steps, self._policy(self.o.start_timeout), since, self.wall)
        if self._sleep is None:
            watch.policy.sleep = watch.cancel.wait  # a called-off wait ends at once, not after its pause
        watch.start()
        try:
            self.start_at = self.wall()
            self.commands["start"] = self.o.start_command
            self._command(START, self.o.start_command, self.o.start_codes)
            self.started_ok = True
            if self.o.restore and watch.wait_for("channel_initiator"):
                self._restore()
        except BaseException:
            # A failed start: the milestones are not measured (the report shows "-"), only counted among the requests
            # made. A failed restore: those reached by then are reported.
            watch.stop()
            self._keep("milestones" if self.started_ok else "called_off",
                       dict((watch.error.result if watch.error else watch.result) or {}, failed=True))
            raise
        try:
            self._keep("milestones", watch.join())
        except MQError as exc:
            self._keep("milestones", dict(exc.result, failed=True))
            raise StepFailed(MILESTONES, exc.msg)
        health = plan("started", ["running", "command_server", "channel_initiator", "listeners", "channels"], self.before, None, None,
                      self.o.connections_share, self.o.qmgr)
        self._step(HEALTH, self._wait, "health", health, self.o.health_timeout)
        before = self.client.request_count
        self.after = self._step(HEALTH, capture_baseline, self.client, self.wall)
        self.waits["health"]["requests"] += self.client.request_count - before
        if self.o.group == NATIVE_HA:
            self._wait_in_sync()

    def _wait_ended(self):
        steps = plan("ended", None, None, None, None, 0.9, self.o.qmgr)
        try:
            self._wait("ended", steps, self.o.end_timeout, since=self.stop_at)
            return
        except MQError as exc:
            if not self.o.escalate_preemptive:
                raise StepFailed(ENDED_WAIT, exc.msg)
        self.escalated = True
        self._command(ESCALATE, preemptive_command(self.o.stop_command, self.o.stop_mode))
        self._step(ENDED_PREEMPTIVELY, self._wait, "ended_preemptively", steps, self.o.end_timeout, self.stop_at)

    def _restore(self):
        # The restore runs as soon as the channel initiator does, when the queue manager is still starting its own
        # CONTROL(QMGR) listeners and services: only the MANUAL ones (the baseline's ``manual``) are the restore's to
        # start; the others are the queue manager's, and the milestones and the health gate wait for them. When the
        # definitions could not be read (``manual`` null), everything that ran is started, as mq_restart does.
        manual = self.before.get("manual")
        baseline = self.before if manual is None else dict(self.before, listeners=manual["listeners"], services=manual["services"])
        steps = restore_plan(baseline, self.o.priority, self.o.qmgr)
        policy = WaitPolicy(timeout=self.o.restore_timeout, poll_interval=self.o.poll_interval, outage_grace=15.0, clock=self.clock,
                            sleep=self._sleep or time.sleep)
        try:
            self.restored = restore(self.client, steps, policy, None)["restored"]
        except MQError as exc:
            self.restored = exc.result.get("restored", [])
            raise StepFailed(RESTORE, exc.msg)

    # -- a standby or replica instance --------------------------------------------------------------------
    def _restart_instance(self):
        self.stop_at = self.wall()
        self.stopped = True
        self.commands["stop"] = self.o.stop_command
        self._command(STOP_INSTANCE, self.o.stop_command)
        if self.o.group == NATIVE_HA:
            self.times["left"] = self._step(LEFT_WAIT, self._poll_instance, lambda row: row is None or _word(row, "connactv") != "YES",
                                            "leave the group", self.o.end_timeout, self.stop_at)
        self.start_at = self.wall()
        self.commands["start"] = self.o.start_command
        self._command(START_INSTANCE, self.o.start_command, self.o.start_codes)
        self.started_ok = True
        if self.o.group == NATIVE_HA:
            self._wait_in_sync()

    def _wait_in_sync(self):
        """This instance is a replica again, connected and in sync: the next instance may be restarted ([V] IBM's
        considerations for a rolling update: wait for the instance to report REPLICA and to reconnect)."""
        since = self.start_at or self.stop_at
        self.times["in_sync"] = self._step(SYNC_WAIT, self._poll_instance, _in_sync, "come back in sync", self.o.start_timeout, since)

    def _poll_instance(self, done, what, timeout, since):
        """Poll this instance's row of the group until ``done(row)``; seconds from ``since``. mqweb's 503 while the group
        fails over, or a refused connection, is "not yet"."""
        start = self.clock()
        deadline, last_progress, seen = start + timeout, start, "nothing read yet"
        requests = self.client.request_count
        try:
            while True:
                try:
                    rows = group_status(self.client)
                    self.group_after = rows
                    row = rows.get(self.o.instance)
                    seen = _describe(row)
                    if done(row):
                        return round(self.wall() - since, 3)
                except (MQHTTPError, MQTransportError) as exc:
                    seen = exc.msg
                now = self.clock()
                if now >= deadline:
                    raise MQError("instance {0} of {1} did not {2} within {3:g}s (last seen: {4})".format(
                        self.o.instance, self.o.qmgr, what, timeout, seen))
                (self._sleep or time.sleep)(max(0.0, min(pause(now - last_progress, self.o.poll_interval, 5.0), deadline - now)))
        finally:
            self.extra_requests += self.client.request_count - requests

    # -- rescue ---------------------------------------------------------------------------------------------
    def _rescue(self):
        """Once the stop command ran, whatever failed: start the queue manager (or this instance) again unless it runs,
        and say what was done."""
        try:
            self._rescue_steps()
        except Exception as exc:  # pylint: disable=broad-exception-caught  # the report must still say what happened
            self.rescue = (self.rescue + "; " if self.rescue else "") + "the rescue failed: {0}: {1}".format(
                type(exc).__name__, getattr(exc, "msg", None) or exc)

    def _rescue_steps(self):
        if not self.stopped:
            self.rescue = "nothing to undo: the queue manager was not stopped"
            return
        if self.o.passive:
            self._rescue_instance()
            return
        try:
            probe = self._wait("probe", plan("started", ["running"], None, None, None, 0.9, self.o.qmgr), self.o.poll_interval * 4)
        except MQError:
            probe = None
        instance_down = self.o.group is not None and not self.started_ok
        if probe is not None and not instance_down:
            self.rescue = "none needed: it runs"
            return
        rescue_at = self.wall()
        answer = self.run_command(self.o.start_command)
        if answer.get("rc") not in self.o.start_codes:
            self.rescue = "its start command failed too ({0})".format(command_text(answer))
            return
        if probe is not None:
            self.rescue = "the queue manager runs on another instance; started this instance again"
            return
        try:
            waited = self._wait("rescue", plan("started", ["running", "command_server"], None, None, None, 0.9, self.o.qmgr),
                                self.o.start_timeout, since=rescue_at)
        except MQError as exc:
            self.rescue = "started it again, but {0}".format(exc.msg)
            return
        self.rescue = "started it again: running and accepting commands {0} s after its start command".format(
            waited["milestones"][-1]["elapsed_seconds"])

    def _rescue_instance(self):
        if self.o.group == NATIVE_HA:
            try:
                row = group_status(self.client).get(self.o.instance)
            except MQError as exc:
                self.rescue = "could not read the group: {0}".format(exc.msg)
                return
            if row is not None and _word(row, "connactv") == "YES":
                self.rescue = "none needed: instance {0} runs ({1})".format(self.o.instance, _describe(row))
                return
        elif self.started_ok:
            self.rescue = "none needed: instance {0} runs as the standby".format(self.o.instance)
            return
        answer = self.run_command(self.o.start_command)
        if answer.get("rc") not in self.o.start_codes:
            self.rescue = "its start command failed too ({0})".format(command_text(answer))
            return
        self.rescue = "started instance {0} again".format(self.o.instance)

    # -- the report -----------------------------------------------------------------------------------------
    def report(self):
        before = self.before or {}
        ended = self.waits.get("ended_preemptively") or self.waits.get("ended") or {}
        milestones = self.waits.get("milestones") or {}
        end_mode = self.o.stop_mode + (" then preemptive" if self.escalated else "")
        if self.o.passive:
            end_mode = "{0} only".format(self.o.role)
        elif self.o.takeover:
            end_mode += ", switchover"
        counted = [self.waits.get(k) or {} for k in ("ended", "ended_preemptively", "called_off", "milestones", "health")]
        report = {
            "qmgr": before.get("qmgr") or self.o.qmgr,
            "outcome": "failed" if self.failure else "checked" if self.o.check_mode else "restarted",
            "failure": self.failure,
            "rescue": self.rescue,
            "state": self.state or "unknown",
            "log": {key: before.get(key) for key in ("loginuse", "logutil", "logtype", "recsz")},
            "log_warnings": list(self.warnings),
            "end_mode": end_mode,
            "stop_command": self.commands.get("stop", ""),
            "start_command": self.commands.get("start", ""),
            "ended_seconds": None if not ended or ended.get("failed") else ended.get("elapsed_seconds"),
            "ended_state": ended.get("state"),
            "milestones": milestones.get("milestones", []),
            "stopped_at": self.stop_at,
            "milestones_since": milestones.get("since"),
            "restored": list(self.restored),
            "connections": {"before": before.get("connections"), "after": (self.after or {}).get("connections")},
            "requests": sum(w.get("requests", 0) for w in counted) + self.extra_requests,
            "polls": sum(w.get("polls", 0) for w in counted),
        }
        if self.o.group is not None or self.o.instance is not None:
            report.update(self._instance_report(milestones))
        return report

    def _instance_report(self, milestones):
        """Which instance this run restarted, its role before and after, and (the active one) the failover."""
        after = self.group_after.get(self.o.instance) if self.group_after else None
        role_after = None
        if self.o.group == NATIVE_HA and after is not None:
            role_after = _word(after, "role").lower() or None
        elif self.started_ok and self.o.group == MULTI_INSTANCE:
            role_after = STANDBY
        active_after = next((name for name, row in self.group_after.items() if _word(row, "role") == "ACTIVE"), None)
        running = next((m for m in milestones.get("milestones", []) if m["name"] == "running" and m["reached"]), None)
        return {"group": self.o.group, "instance": self.o.instance, "role_before": self.o.role, "role_after": role_after,
                "active_after": active_after,
                "failover_seconds": running["elapsed_seconds"] if running is not None and self.o.takeover else None,
                "left_seconds": self.times.get("left"), "in_sync_seconds": self.times.get("in_sync")}
