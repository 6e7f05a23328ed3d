# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""Whole-queue-manager convergence: the objects of every type in the registry, of one queue manager, in one pass.

Read: one generic DISPLAY per object type, and one status DISPLAY per type only when a state or a
deletion needs it. Plan: the pure diff of _ensure for every entry, plus purge; everything that can
be refused is refused here, so a bad entry fails the task before the first mutating command.
Apply: stop what must stop before a DELETE, then DELETE, DEFINE and ALTER, then START and STOP with
one fan-out wait for every object type.
"""

from __future__ import annotations

from ._attributes import Ref, validate_name
from ._ensure import Applying, active_error, delete_command, option_label, plan_present, restart_warning, waits_for, waits_warning
from ._errors import MQError, MQInputError, MQWaitError, reason_name
from ._lifecycle import summarize
from ._mqsc import generic_name_for
from ._restart import SYSTEM_PREFIX
from ._runtime import OPERATION_RESULT, ObjectRuntime, SyncOutcome, wait_for
from ._waiter import DONE

__all__ = ["Entry", "parse_entries", "validate_purge_prefix", "read_rows", "converge"]


class Entry:
    """One validated entry of a list option: what the user wants for one object (``ref``: which one, a Ref)."""

    __slots__ = ("otype", "where", "ref", "state", "desired", "subtype", "recreate", "force", "params", "purge")

    def __init__(self, otype, where, ref, state, desired, subtype, recreate, force, params=None, purge=False):
        self.otype = otype
        self.where = where
        self.ref = ref
        self.state = state
        self.desired = desired
        self.subtype = subtype
        self.recreate = recreate
        self.force = force
        self.params = params or {}  # the entry's options: what the type and the required keywords are checked against
        self.purge = purge  # a local queue's messages may be discarded with it

    def complete(self, row):
        """Once the object's DISPLAY ``row`` (None: absent) is known: its subtype and desired attributes, and the type and
        required options when it is to be created (all missing ones at once); raises MQInputError naming the entry."""
        if self.state == "absent":
            return
        try:
            self.subtype, self.desired = self.otype.desired_for(self.params, row, self.recreate)
            self.otype.check_run(self.state, self.subtype)
        except MQInputError as exc:
            raise MQInputError("{0}: {1}".format(self.where, exc.msg))


def parse_entries(otype, option, entries):
    """Check every entry of one list option beyond its argument spec; raises MQInputError naming the entry and the rule.

    ``entries`` come validated by Ansible against the entry options (_argspec.entry_options): types, choices, defaults.
    """
    parsed, seen, held = [], {}, {}
    for index, params in enumerate(entries):
        # The queue manager's own row is one mapping, without a name (ALTER QMGR).
        where = option if otype.singleton else "{0}[{1}] ({2})".format(option, index, params.get(otype.identity.option))
        try:
            ref = otype.validate_entry(params)
            if not otype.singleton:
                where = "{0}[{1}] ({2})".format(option, index, otype.label(ref))
            otype.check_state(params)
            subtype = otype.subtype(params)
            # Every entry gets its values checked, even one that deletes, as the single-object modules' argspecs do; the type and
            # the keywords a definition requires are needed only to create the object (Entry.complete, after the DISPLAY).
            desired = otype.desired_from_params(params, subtype, check_required=False)
        except MQInputError as exc:
            raise MQInputError("{0}: {1}".format(where, exc.msg))
        # The object's identity: its name and the identity keywords (a CHLAUTH record's TYPE and ADDRESS), and its namespace
        # (a clntconn channel may share its name with another channel).
        key = otype.key(ref)
        if key in seen:
            raise MQInputError("{0}: {1} {2!r} is already declared by {3}; each object may appear once{4}".format(
                where, otype.noun, otype.label(ref), seen[key], " (give type to declare a clntconn of the same name)"
                if otype.namespaces and not subtype else ""))
        seen[key] = where
        state = params.get("state", "present")
        for keyword, value in desired.items():
            # MQ holds a value of a unique attribute on one object at most (a topic string: 3300 on the second DEFINE).
            attr = otype.by_keyword[keyword]
            if state != "absent" and attr.unique:
                other = held.setdefault((keyword, attr.normalize(value)), where)
                if other != where:
                    raise MQInputError("{0}: {1}={2!r} is also declared by {3}; MQ allows one {4} per {1} ({5}: a second one "
                                       "fails with {6} {7})".format(where, attr.option, value, other, otype.kind, keyword,
                                                                    attr.unique, reason_name(attr.unique)))
        parsed.append(Entry(otype, where, ref, state, desired if state != "absent" else {}, subtype,
                            params.get("recreate", False), params.get("force", False), params, params.get("purge", False)))
    return parsed


def validate_purge_prefix(prefix, option="purge.prefix", never="purged"):
    """purge.prefix (and mq_export's prefix): a literal name prefix; SYSTEM.* objects are never purged (or exported), so a
    prefix inside them is refused."""
    if not isinstance(prefix, str) or not prefix:
        raise MQInputError("{0}={1!r} must be a non-empty name prefix, such as APP.".format(option, prefix))
    if "*" in prefix:
        raise MQInputError("{0}={1!r} is a literal prefix, not a generic name: leave out the *".format(option, prefix))
    validate_name(prefix, option, 48, "MQ object")
    if prefix.startswith(SYSTEM_PREFIX):
        raise MQInputError("{0}={1!r} names queue manager objects (SYSTEM.*), which are never {2}".format(option, prefix, never))
    return prefix


class _Plan:
    """What converge decided for one object: the definition change and the run-state change."""

    __slots__ = ("otype", "ref", "action", "commands", "applied", "row", "status", "subtype", "stop_first", "run", "state_before",
                 "desired", "wanted", "change", "outcome", "restart_for", "restart_required", "refresh_required", "qmgr_restart")

    def __init__(self, otype, ref, action, commands=(), applied=None, row=None, subtype=None, desired=None, wanted=None):
        self.otype = otype
        # "" or the subtype whose namespace the object lives in (a clntconn channel may share its name with a svrconn).
        self.ref = Ref(ref.name, ref.keys, otype.row_namespace(row) if row is not None else otype.namespace(subtype))
        self.action = action
        self.commands = list(commands)
        self.applied = applied or {}
        self.row = row
        self.status = []
        self.subtype = subtype
        self.stop_first = False  # active now and about to be deleted
        self.run = None  # "start", "stop", or "watch" (on its way to RUNNING: waited for, not started twice)
        self.state_before = "stopped"
        self.desired = desired  # None for an object being deleted
        self.wanted = wanted  # the entry's state
        self.change = None  # the Applying that sent the commands; None until they are sent
        self.outcome = None  # the SyncOutcome of the START or STOP; None until it is sent
        # Changed keywords a running object only takes at its next start (an ALTER of a running object); with state
        # started the object is restarted for them (run "restart"), otherwise restart_required says so.
        self.restart_for = []
        self.restart_required = False
        # What the change waits for before MQ uses it (waits_for): REFRESH SECURITY types, keywords for the queue manager's restart.
        self.refresh_required = []
        self.qmgr_restart = []

    @property
    def name(self):
        return self.ref.name

    @property
    def namespace(self):
        return self.ref.namespace

    @property
    def label(self):
        return self.otype.label(self.ref)

    @property
    def key(self):
        return self.otype.key(self.ref)

    def send(self, client):
        """Send the definition commands; after a race with another writer, adopt what was done instead."""
        self.change = Applying(self.otype, self.ref if self.ref.keys else self.name, self.action, self.commands, self.row, self.desired)
        self.change.run(client)
        if self.change.raced:
            self.action, self.applied, self.row = self.change.action, self.change.applied, self.change.row


def read_rows(client, otype, names, purge_prefix=None):
    """One DISPLAY for the declared names and the purge prefix ("": every object): {name: [rows]} (a name has two rows
    when a svrconn and a clntconn share it, a CHLAUTH profile one per record); the queue manager's own row under None."""
    if otype.singleton:
        return {None: client.display(otype.qualifier)}
    if not names and purge_prefix is None:
        return {}
    if otype.identity.keyword:
        # The name is a keyword (SET AUTHREC PROFILE(...)), and DISPLAY AUTHREC PROFILE(x) means the records that apply to x,
        # not a filter: one DISPLAY of every record, picked here.
        found = client.display(otype.qualifier)
    else:
        # A generic name is at most as long as a name (20 for channels): cut the prefix so that PREFIX* fits;
        # the names read are matched against the whole prefix afterwards.
        prefixes = list(names) + ([purge_prefix[:otype.name_max - 1]] if purge_prefix is not None else [])
        found = client.display(otype.qualifier, generic_name_for(prefixes, generic=purge_prefix is not None))
    rows = {}
    for row in otype.rows(found):
        rows.setdefault(row.get(otype.name_key), []).append(row)
    return rows


def _purgeable(otype, ref, row, prefix):
    """An undeclared object purge deletes: named under the prefix, not the queue manager's (SYSTEM.*), not one MQ makes
    itself (ObjectType.protected: IBM's default CHLAUTH records, the mqm group's authority records)."""
    return ref.name is not None and ref.name.startswith(prefix) and not ref.name.startswith(SYSTEM_PREFIX) and not otype.is_protected(row)


def _plan_type(client, runtime, otype, entries, purge):
    """Read one object type once and decide everything for it; raises before anything is changed."""
    purge_prefix = purge["prefix"] if purge else None
    rows = read_rows(client, otype, [e.ref.name for e in entries], purge_prefix)
    plans = []
    for entry in entries:
        try:
            row = otype.pick(rows.get(entry.ref.name, []), entry.ref if entry.ref.keys else entry.ref.name, entry.subtype)
        except MQInputError as exc:
            raise MQInputError("{0}: {1}".format(entry.where, exc.msg))
        entry.complete(row)
        existing_subtype = otype.row_subtype(row)
        target = entry.ref if entry.ref.keys else entry.ref.name
        if entry.state == "absent":
            plan = _Plan(otype, entry.ref, "deleted" if row else "absent",
                         [delete_command(otype, target, row, entry.purge)] if row else (),
                         row=row, subtype=existing_subtype or entry.subtype)
            plan.stop_first = entry.force  # checked against the status below
        else:
            action, commands, applied = plan_present(otype, target, entry.desired, row, entry.recreate, entry.purge)
            plan = _Plan(otype, entry.ref, action, commands, applied, row, entry.subtype or existing_subtype, entry.desired, entry.state)
            plan.stop_first = action == "recreated"
            if action == "updated" and entry.state in ("present", "started") and otype.lifecycle:
                plan.restart_for = otype.lifecycle.at_next_start(applied)
        plan.run = entry.state  # resolved against the status below
        plans.append(plan)
    if purge and otype.verbs.remove is not None:  # what cannot be deleted (the queue manager) is never purged
        managed = {plan.key for plan in plans}
        for name in sorted(rows, key=str):
            for row in rows[name]:
                ref = otype.row_ref(row)
                if otype.key(ref) not in managed and _purgeable(otype, ref, row, purge_prefix):
                    command = delete_command(otype, name, row, purge.get("messages"),
                                             how="set purge.messages: true to delete undeclared queues with their messages")
                    plan = _Plan(otype, ref, "purged", [command], row=row, subtype=otype.row_subtype(row))
                    plan.stop_first = purge["force"]
                    plans.append(plan)
    if runtime is not None:  # a type that never runs (queues) has no status to read and nothing to start or stop
        _read_status(runtime, plans)
        for plan in plans:
            _resolve(runtime, plan)
        _refuse_what_cannot_run(otype, entries, plans)
    else:
        for plan in plans:
            plan.run, plan.stop_first = None, False
    return plans


def _refuse_what_cannot_run(otype, entries, plans):
    """Refuse, before any change, runs that MQ would only refuse after the DEFINEs and the wait."""
    def value(entry, plan, keyword):
        # What the object will hold: the entry's value, else the current one (none after a recreate).
        row = plan.row if plan.action != "recreated" else None
        return entry.desired.get(keyword, (row or {}).get(keyword.lower()))

    lifecycle = otype.lifecycle
    if lifecycle.address:
        # Objects that occupy an address (listeners: IPADDR and PORT) cannot run two on one; the second would end at once
        # and burn the whole wait_timeout.
        host_keyword, port_keyword = lifecycle.address
        occupied = {}
        for entry, plan in zip(entries, plans):
            port = value(entry, plan, port_keyword)
            if entry.state != "started" or not port:
                continue
            where = (str(value(entry, plan, host_keyword) or "").strip().upper(), int(port))
            if where in occupied:
                raise MQInputError("{0}: {1} {2!r} and {3} would both listen on port {4}{5}; only one of them can run".format(
                    entry.where, otype.kind, entry.ref.name, occupied[where], where[1], " of " + where[0] if where[0] else ""))
            occupied[where] = entry.where
    for entry, plan in zip(entries, plans):
        for operation, keyword in lifecycle.needs_keyword.items():
            if plan.run == operation and not str(value(entry, plan, keyword) or "").strip():
                raise MQInputError("{0}: state={1!r} needs {2}: MQ cannot {3} a {4} without {5}".format(
                    entry.where, entry.state, otype.by_keyword[keyword].option, operation, otype.kind, keyword))


def _read_status(runtime, plans):
    """One status DISPLAY for the type, only for objects that exist and whose run state matters."""
    # A subtype that never runs (clntconn) has no status: its name may be a running svrconn's.
    needed = [p for p in plans if p.row is not None and not runtime.lifecycle.why_unstartable(p.subtype)
              and (p.action in ("deleted", "purged", "recreated") or p.run in ("started", "stopped") or p.restart_for)]
    if not needed:
        return
    statuses = runtime.statuses([p.name for p in needed])
    for plan in needed:
        plan.status = statuses[plan.name]


def _resolve(runtime, plan):
    """Turn the wanted state into the START/STOP (or nothing) that the status read calls for."""
    active = plan.status and not runtime.is_stopped(plan.status)
    # An idle svrconn has no record, yet accepts clients: it was started, and a stop must hold it (Lifecycle.hold).
    plan.state_before = "stopped" if runtime.stopped_as_asked(plan.status, plan.subtype) else "started"
    if plan.action in ("deleted", "purged"):
        if active and not plan.stop_first:
            how = "set purge.force: true to stop and delete unmanaged objects" if plan.action == "purged" else \
                "set force: true to stop and delete it"
            raise active_error(plan.otype, plan.name, plan.status, how)
        plan.stop_first = bool(active)
        plan.run = None
        return
    plan.stop_first = bool(plan.stop_first and active)
    wanted, plan.run = plan.run, None
    # A DEFINE (or the DELETE of a recreate) leaves no status: the object starts out stopped.
    rows = [] if plan.action in ("created", "recreated") else plan.status
    if plan.restart_for and not runtime.lifecycle.runs_on_old_values(rows, plan.subtype):
        plan.restart_for = []  # it takes them when it starts
    if plan.restart_for and (wanted != "started" or runtime.lifecycle.is_passive(plan.subtype)):
        plan.restart_required = True  # said in a warning once the ALTER is sent
    elif plan.restart_for or (wanted == "started" and runtime.lifecycle.is_failing(rows, plan.subtype)):
        plan.run = "restart"  # for changed attributes, or a channel RETRYING (ObjectRuntime.ensure_started says why)
    elif wanted == "started":
        if not runtime.is_running(rows, plan.subtype):
            plan.run = "start"
        elif runtime.on_its_way(rows, plan.subtype):
            plan.run = "watch"
    elif wanted == "stopped" and not runtime.stopped_as_asked(rows, plan.subtype):
        plan.run = "stop"


def _fan_out(runtimes, plans, operation_of, before_delete=False):
    """Issue START/STOP for every plan with an operation, across types, then one wait for all of them.

    ``before_delete``: the stops that a DELETE must follow; waited for even with wait=false, because MQ refuses
    to delete a running or stopping channel, listener or service.
    """
    pairs = []
    for plan in plans:
        operation = operation_of(plan)
        if operation is None:
            continue
        runtime = runtimes[plan.otype.kind]
        # A (re)defined object starts out with no status; the status read belongs to the one deleted.
        before = summarize(plan.status if before_delete or plan.action not in ("created", "recreated") else [])
        if operation == "restart":
            # The stop phase was sent and waited for (converge, after the ALTER); the start comes with every other START.
            outcome = runtime.issue("start", [(plan.name, plan.subtype, plan.outcome.status_after)])[0]
            outcome.earlier = plan.outcome
        elif operation == "watch":
            # Nothing to send: the channel is already on its way (BINDING, STARTING, ...); starting it twice would fail.
            outcome = SyncOutcome(plan.name, "start", before, issued=False, subtype=plan.subtype, sent_at=runtime.policy.clock())
        else:
            outcome = runtime.issue(operation, [(plan.name, plan.subtype, before)])[0]
        plan.outcome = outcome  # a stop before a DELETE is what this task did to the run state, as any other
        pairs.append((runtime, outcome, operation == "watch"))
    if not pairs:
        return []
    followed = [(runtime, outcome) for runtime, outcome, watch in pairs if outcome.issued or watch]
    if not pairs[0][0].client.check_mode:
        wait_for(followed, always=before_delete)
    failed = [(runtime, outcome) for runtime, outcome, _watch in pairs if outcome.outcome != DONE]
    if failed:
        message = "; ".join(runtime.describe_failures([outcome]) for runtime, outcome in failed)
        raise MQWaitError(message, [outcome.failure() for _runtime, outcome in failed],
                          result={"sync_results": [dict(outcome.as_dict(), type=runtime.otype.kind) for runtime, outcome, _watch in pairs]})
    return followed


def converge(client, managed, policy, stop=None, purge=None):
    """Make the queue manager hold ``managed`` [(otype, [Entry])]; returns the module result.

    ``policy``: the WaitPolicy of every start and stop; ``stop``: the stop options (stop_mode, stop_status).
    ``purge``: {"prefix", "force"} deletes unmanaged objects of the managed types whose names start with prefix.
    """
    runtimes = {otype.kind: ObjectRuntime(client, otype, policy, stop=stop) if otype.lifecycle else None for otype, _entries in managed}
    plans = []
    for otype, entries in managed:
        plans.extend(_plan_type(client, runtimes[otype.kind], otype, entries, purge))
    # An object the queue manager names (the AUTHINFO of CONNAUTH) waits for a refresh when it changes: the queue manager's
    # attributes come from its own entry when there is one, else from one DISPLAY QMGR, read before anything changes.
    qmgr = None
    if any(p.otype.used_by_qmgr and p.commands for p in plans) and not any(p.otype.singleton for p in plans):
        qmgr = client.display_one("QMGR", None) or {}

    waited = []
    try:
        waited = _fan_out(runtimes, plans, lambda p: "stop" if p.stop_first else None, before_delete=True)
        # Deletions first, the types in the reverse of the order of application: what names an object goes before it (an authority
        # record for a queue before the queue: MQ refuses DELETE AUTHREC for a profile that names no object, 2085).
        kinds = [otype.kind for otype, _entries in managed]

        def sending_order(plan):
            return (0, -kinds.index(plan.otype.kind)) if plan.action in ("deleted", "purged") else (1, 0)

        for plan in sorted(plans, key=sending_order):
            plan.send(client)
            if plan.change.raced and plan.wanted in ("started", "stopped"):
                _resolve_again(runtimes[plan.otype.kind], plan)
        # The stop phase of a restart for changed attributes, after their ALTER; the start phase sums it (plan.outcome).
        _fan_out(runtimes, plans, lambda p: "stop" if p.run == "restart" else None, before_delete=True)
        for plan in plans:
            if plan.restart_required:
                client.warnings.append(restart_warning(plan.otype, plan.name, [option_label(plan.otype, k) for k in plan.restart_for],
                                                       plan.otype.lifecycle.is_passive(plan.subtype)))
        waited = waited + _fan_out(runtimes, plans, lambda p: p.run)
    except MQError as exc:
        # The result says what was done; what was planned and never sent is listed apart, and the message says so.
        result = _result(client, plans, waited, failed=True, qmgr=qmgr)
        if "sync_results" in exc.result and "sync_results" in result:
            # The failing wait's records come after those of the stops before a delete that went well.
            exc.result["sync_results"] = result["sync_results"] + exc.result["sync_results"]
        if result["not_attempted"]:
            exc.msg += "; the task stopped there: {0} planned change(s) not attempted ({1})".format(
                len(result["not_attempted"]), _names(result["not_attempted"]))
        raise exc.with_result(result)
    return _result(client, plans, waited, qmgr=qmgr)


def _resolve_again(runtime, plan):
    """After a race the object is not what the plan read: decide its START/STOP from its status now."""
    plan.status = [] if plan.action in ("created", "recreated") else runtime.statuses([plan.name])[plan.name]
    plan.run, plan.stop_first = plan.wanted, False
    plan.restart_for = plan.otype.lifecycle.at_next_start(plan.applied) if plan.action == "updated" and plan.otype.lifecycle else []
    _resolve(runtime, plan)


def _who(plan):
    """How a result entry names the object: type and name, and for a type whose objects may share a name across namespaces
    (channels: a svrconn and a clntconn), the subtype that tells them apart (null when unknown)."""
    # The queue manager's own row has no name in its commands (ALTER QMGR); results name it as DISPLAY QMGR does.
    who = {"type": plan.otype.kind, "name": (plan.row or {}).get("qmname") if plan.otype.singleton else plan.name}
    if plan.ref.keys:
        # A record the name alone does not identify (a CHLAUTH profile holds one record per TYPE and ADDRESS): its identity
        # keywords as options, as the entry declares them.
        who["identity"] = {plan.otype.by_keyword[k].option: plan.otype.by_keyword[k].fact(v) for k, v in plan.ref.keys if v is not None}
    if plan.otype.namespaces:
        subtype = plan.otype.row_subtype(plan.row) or plan.subtype
        who["subtype"] = subtype.lower() if subtype else None
    return who


def _names(entries, shown=5):
    names = ["{0} {1!r}{2}".format(e["type"], e["name"], "".join(" {0}={1}".format(k, v) for k, v in e.get("identity", {}).items()))
             for e in entries]
    return ", ".join(names[:shown]) + (" and {0} more".format(len(names) - shown) if len(names) > shown else "")


def _facts(otype, wire):
    facts = otype.facts({k.lower(): v for k, v in wire.items()})
    facts.pop(otype.identity.option, None)
    return facts


def _qmgr_after(plans, read):
    """The queue manager's attributes as this task leaves them: its entry's DISPLAY with what its ALTER set, or ``read``."""
    for plan in plans:
        if plan.otype.singleton:
            applied = plan.change.applied if plan.change is not None else {}
            return dict(plan.row or {}, **{k.lower(): v for k, v in applied.items()})
    return read


def _result(client, plans, waited, failed=False, qmgr=None):
    """What was done: definition changes MQ accepted and starts and stops this task made (every planned one in check mode).

    ``failed``: the task stopped part-way; what was planned and never sent goes into ``not_attempted``. ``qmgr``: the
    queue manager's attributes read for what an object it names waits for (``refresh_required``).
    """
    qmgr = _qmgr_after(plans, qmgr)
    refresh_required = set()
    summary = dict.fromkeys(("created", "updated", "recreated", "deleted", "purged", "unchanged", "started", "stopped", "restarted",
                             "raced"), 0)
    changes, not_attempted, before, after = [], [], {}, {}
    for plan in plans:
        change = plan.change
        # None: commands were planned and never sent. A plan without commands is "unchanged" or "absent" either way.
        action = change.action if change is not None else None if plan.commands else plan.action
        applied = change.applied if change is not None else {}
        raced = bool(change is not None and change.raced)
        # None for a watched channel (this task did not start it), one another writer had started or stopped, or a run
        # that failed or was never sent.
        outcome = plan.outcome
        run_action = OPERATION_RESULT["restart" if outcome.earlier else outcome.operation] \
            if outcome is not None and outcome.changed and outcome.outcome == DONE else None
        if action in summary:
            summary[action] += 1
        if run_action:
            summary[run_action] += 1
        summary["raced"] += raced
        if failed:
            planned_action = plan.action if change is None and plan.commands else None
            # A start still to come after this task's stop (of a recreate or a restart) was not attempted either.
            sent = plan.outcome is not None and (plan.outcome.operation != "stop" or plan.run == "stop")
            planned_run = OPERATION_RESULT.get(plan.run) if not sent else None
            if planned_action or planned_run:
                not_attempted.append(dict(_who(plan), action=planned_action, run_action=planned_run, changed_attributes=sorted(
                    option_label(plan.otype, k) for k in plan.applied) if planned_action else []))
        if action is None or (action in ("unchanged", "absent") and not run_action and not raced):
            continue  # the failed command is in the message and last in commands
        changes.append(dict(_who(plan), action=action, changed_attributes=sorted(option_label(plan.otype, k) for k in applied),
                            run_action=run_action, raced=raced))
        if plan.otype.lifecycle:  # a type that runs (not a queue) says whether a change waits for a restart
            changes[-1].update(restarted_for=[option_label(plan.otype, k) for k in plan.restart_for] if run_action == "restarted" else [],
                               restart_required=plan.restart_required)
        if plan.otype.refreshes or plan.otype.restarts_qmgr:  # what the change waits for: a REFRESH SECURITY, the queue manager's restart
            refresh, restart = waits_for(client, plan.otype, plan.name, action, list(applied), qmgr)
            if plan.otype.refreshes:
                changes[-1]["refresh_required"] = refresh
                refresh_required.update(refresh)
            if plan.otype.restarts_qmgr:
                changes[-1]["restart_required"] = bool(restart)
            client.warnings.extend(waits_warning(plan.otype, plan.name, refresh, restart))
        if action in ("unchanged", "absent") and not run_action:
            continue  # raced into nothing to do: listed, but no diff
        key = plan.otype.list_option
        old, new = {}, {}
        if action in ("deleted", "purged", "recreated"):
            old = plan.otype.facts(plan.row)
            old.pop(plan.otype.identity.option, None)
        if action in ("created", "recreated"):
            new = _facts(plan.otype, applied)
        elif action == "updated":
            old = {option_label(plan.otype, k): plan.otype.by_keyword[k].fact(plan.row.get(k.lower())) for k in applied}
            new = _facts(plan.otype, applied)
        if run_action:
            old["state"] = plan.state_before
            new["state"] = run_action
        # Keyed by name, and by namespace as well where two objects may share a name ("APP.C (clntconn)"); the queue
        # manager's own attributes are one mapping.
        if plan.otype.singleton:
            before[key], after[key] = old, new
            continue
        if action not in ("deleted", "purged"):
            after.setdefault(key, {})[plan.label] = new
        if action not in ("created",):
            before.setdefault(key, {})[plan.label] = old
    result = {
        "changed": any(c["action"] not in ("unchanged", "absent") or c["run_action"] for c in changes),
        "changes": changes,
        "summary": summary,
        "commands": list(client.sent),
        "diff": {"before": before, "after": after},
        "refresh_required": sorted(refresh_required),
    }
    if failed:
        result["not_attempted"] = not_attempted
    if not client.check_mode:
        result["sync_results"] = [dict(outcome.as_dict(), type=runtime.otype.kind) for runtime, outcome in waited]
    return result
