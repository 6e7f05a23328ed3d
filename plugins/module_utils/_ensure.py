# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""Convergence: DISPLAY once, then DEFINE, ALTER only what differs, or DELETE.

Never REPLACE: a DEFINE ... REPLACE rewrites every attribute and bumps ALTDATE/ALTTIME even
when nothing changed. In check mode the same decisions are made and nothing mutating is sent.
When another writer got there between the DISPLAY and the command, Applying reads the object
again and plans it again, and reports what its own commands did.
"""

from __future__ import annotations

from ._errors import MQCommandError, MQError, MQInputError
from ._mqsc import FLAG, MQSCCommand

__all__ = ["EnsureResult", "Applying", "ensure_present", "ensure_absent", "changed_keywords", "plan_present", "active_error", "took_effect",
           "option_label", "read_one", "delete_command", "check_references", "restart_warning"]

# MQ has no transactions over REST: between our DISPLAY and our command another writer (a second play, an operator in
# runmqsc) may define or delete the object. These answers say so, and the object is planned again from a new read:
# a DEFINE answered 4001 (MQRCCF_OBJECT_ALREADY_EXISTS: it exists now) or 4002 (MQRCCF_OBJECT_WRONG_TYPE: a queue of another
# type has the name now, queues sharing one name space), an ALTER answered 2085 (MQRC_UNKNOWN_OBJECT_NAME: it is gone now),
# a DELETE answered 2085 (it is gone already, which is what the DELETE wanted).
RACED = {"DEFINE": (4001, 4002), "ALTER": (2085,), "DELETE": (2085,)}
# Re-plans of one object before giving up: a writer that keeps flipping the object is not a race but a fight.
RACE_LIMIT = 3


def changed_keywords(spec, desired, row):
    """Keywords whose desired value differs from the DISPLAY row (only the ones the user set)."""
    changed = []
    for keyword, value in desired.items():
        attr = spec.by_keyword[keyword]
        if attr is spec.type_attr:
            continue
        if attr.normalize(row.get(keyword.lower())) != attr.normalize(value):
            changed.append(keyword)
    return changed


def read_one(client, spec, name, subtype=None, namespace=None):
    """The DISPLAY row of object ``name`` (None: absent) in the namespace ``subtype`` or ``namespace`` says (ObjectType.pick:
    a svrconn and a clntconn may share a name; with neither given, such a name is ambiguous and raises MQInputError)."""
    return spec.pick(client.display(spec.qualifier, name), name, subtype, namespace)


def restart_warning(spec, name, labels, passive=False):
    """The warning for a running object that keeps the old values of ``labels`` until it next starts."""
    what = ", ".join(labels)
    if passive:
        # A receiver or server-connection channel runs one instance per partner or client; each reads the definition when
        # it starts, so only the instances running now keep the old values.
        return ("{0} {1!r}: its running instances keep the old {2} until they end; new ones use the new values. "
                "state: restarted stops and starts it (ending every instance) to apply them now".format(spec.kind, name, what))
    # The advice must work in a later task too: there, state: started finds a RUNNING object started and leaves it.
    return ("{0} {1!r} runs with the old {2}: MQ applies {3} when the {0} next starts. To apply {3} now, restart it: "
            "state: restarted (or mqrest.admin.mq_restart). state: started does so only in the task that makes the change; "
            "in a later task it leaves a RUNNING {0} as it is".format(spec.kind, name, what, "it" if len(labels) == 1 else "them"))


def option_label(spec, keyword):
    """How results name a keyword: its option, or the lower-case keyword of the attributes option."""
    attr = spec.by_keyword.get(keyword)
    return attr.option if attr is not None and attr.option else keyword.lower()


class EnsureResult:
    """changed, before, after and the commands that ran (or would run in check mode)."""

    def __init__(self, spec, action, before=None, after=None, commands=(), changed=()):
        self.spec = spec
        self.action = action
        self.before = before
        self.after = after
        self.commands = list(commands)
        self.changed_keywords = list(changed)

    raced = 0  # re-plans after another writer changed the object under this task

    @property
    def changed(self):
        return self.action not in ("unchanged", "absent")

    def diff(self):
        before = self.spec.facts(self.before) if self.before else {}
        after = self.spec.facts(self.after) if self.after else {}
        if self.action in ("updated",):
            keys = [option_label(self.spec, k) for k in self.changed_keywords]
            before = {k: before.get(k) for k in keys}
            after = {k: after.get(k) for k in keys}
        return {"before": before, "after": after}

    def as_result(self):
        return {
            "changed": self.changed,
            "action": self.action,
            "changed_attributes": [option_label(self.spec, k) for k in self.changed_keywords],
            self.spec.kind: self.spec.facts(self.after) if self.after else {},
            "commands": self.commands,
            "diff": self.diff(),
            "raced": bool(self.raced),
        }


def _command(spec, verb, name, type_value=None, parameters=None):
    """A DEFINE, ALTER or DELETE of one object whose type keyword (CHLTYPE, TRPTYPE, a queue's TYPE) is ``type_value``.

    The type keyword goes first: MQSC wants CHLTYPE right after the channel name. A queue's type is the qualifier instead
    (DEFINE QLOCAL), and MQ takes no TYPE keyword.
    """
    type_keyword = spec.type_attr.keyword if spec.type_attr is not None else None
    params = dict(parameters or {})
    type_value = params.pop(type_keyword, type_value) if type_keyword else None
    qualifier = type_value if spec.type_in_qualifier and type_value else spec.qualifier
    if type_value is not None and not spec.type_in_qualifier and verb != "DELETE":
        params = dict({type_keyword: type_value}, **params)
    return MQSCCommand(verb, qualifier, name, params)


def _define(spec, name, desired):
    return _command(spec, "DEFINE", name, parameters=desired)


def _row_type(spec, row):
    return row.get(spec.type_attr.keyword.lower()) if spec.type_attr is not None and row else None


def _sets(spec, command):
    """{KEYWORD: value} a DEFINE or ALTER sets, the type among them for a DEFINE (a queue's is its qualifier)."""
    if spec.type_attr is None:
        return dict(command.parameters)
    type_keyword = spec.type_attr.keyword
    values = {k: v for k, v in command.parameters.items() if command.verb == "DEFINE" or k != type_keyword}
    if command.verb == "DEFINE" and spec.type_in_qualifier:
        values[type_keyword] = command.qualifier
    return values


def delete_command(spec, name, row, purge=False, how="set purge: true to delete it with its messages"):
    """The DELETE of the object DISPLAY ``row`` shows. A local queue holding messages is refused unless ``purge`` (then
    DELETE QLOCAL ... PURGE): MQ would refuse it too (NOPURGE is its default), and the messages would be lost. A clntconn
    channel is addressed with CHLTABLE(CLNTTBL)."""
    held = spec.held_messages(row)
    if held and not purge:
        raise MQError("{0} {1} {2!r} holds {3} message{4}, which deleting it would discard; MQ refuses to delete it without PURGE. "
                      "Empty it first, or {5}".format(spec.subtype_label(spec.row_subtype(row)), spec.kind, name, held,
                                                      "" if held == 1 else "s", how))
    parameters = spec.delete_parameters(row)
    if purge and spec.messages and spec.row_subtype(row) in spec.messages[1]:
        parameters["PURGE"] = FLAG
    return _command(spec, "DELETE", name, _row_type(spec, row), parameters)


def _predicted(spec, name, desired, row=None):
    after = dict(row or {})
    after[spec.qualifier.lower()] = name
    after.update({k.lower(): v for k, v in desired.items()})
    return after


def type_conflict(spec, desired, row):
    """True when the existing ``row`` has another type (CHLTYPE, TRPTYPE) than ``desired`` asks for."""
    type_attr = spec.type_attr
    return type_attr is not None and row is not None and type_attr.keyword in desired and \
        type_attr.normalize(row.get(type_attr.keyword.lower())) != type_attr.normalize(desired[type_attr.keyword])


def plan_present(spec, name, desired, row, recreate=False, purge=False):
    """Pure diff: (action, commands, applied) that make DISPLAY ``row`` (None: absent) hold ``desired``.

    ``applied`` is {KEYWORD: value} the commands set, the changed keywords for an ALTER. A type change
    without ``recreate`` raises MQInputError: MQ cannot change CHLTYPE, TRPTYPE or a queue's type in place.
    ``purge``: a recreate may discard the messages of a local queue (delete_command).
    """
    if row is None:
        return "created", [_define(spec, name, desired)], dict(desired)
    type_attr = spec.type_attr
    if type_conflict(spec, desired, row):
        if not recreate:
            raise MQInputError(
                "{0}={1!r}: {2} {3!r} exists with {0}={4!r}, and MQ cannot change {5} in place; "
                "set recreate: true to delete and define it again".format(
                    type_attr.option, type_attr.fact(desired[type_attr.keyword]), spec.kind, name,
                    type_attr.fact(row.get(type_attr.keyword.lower())), type_attr.keyword))
        return "recreated", [delete_command(spec, name, row, purge, how="set purge: true to recreate it without its messages"),
                             _define(spec, name, desired)], dict(desired)
    changed = changed_keywords(spec, desired, row)
    if not changed:
        return "unchanged", [], {}
    # ALTER CHANNEL needs CHLTYPE and ALTER LISTENER needs TRPTYPE, even though they cannot change (ALTER QLOCAL: the qualifier).
    applied = {k: desired[k] for k in changed}
    return "updated", [_command(spec, "ALTER", name, _row_type(spec, row), applied)], applied


_UNREAD = object()


def ensure_present(client, spec, name, desired, runtime=None, recreate=False, row=_UNREAD, purge=False):
    """Make object ``name`` exist with the ``desired`` {KEYWORD: wire value} attributes.

    ``row``: the DISPLAY the caller already made (None: absent); read here when not given.
    """
    if row is _UNREAD:
        row = read_one(client, spec, name, desired.get(spec.type_attr.keyword) if spec.type_attr is not None else None)
    action, commands, _applied = plan_present(spec, name, desired, row, recreate, purge)
    if action == "unchanged":
        return EnsureResult(spec, "unchanged", row, row)
    change = Applying(spec, name, action, commands, row, desired)
    if action == "recreated" and runtime is not None:
        _stop_if_active(runtime, change)
    return _apply(client, change)


def ensure_absent(client, spec, name, runtime=None, force=False, subtype=None, purge=False):
    """Delete object ``name`` (of ``subtype``'s namespace, when given) if it exists."""
    row = read_one(client, spec, name, subtype)
    if row is None:
        return EnsureResult(spec, "absent")
    change = Applying(spec, name, "deleted", [delete_command(spec, name, row, purge)], row)
    # A subtype that never runs has no status of its own: a clntconn's name may be a running svrconn's.
    if runtime is not None and not runtime.lifecycle.why_unstartable(spec.row_subtype(row)):
        rows = runtime.statuses([name])[name]
        if rows and not runtime.is_stopped(rows):
            if not force:
                raise active_error(spec, name, rows)
            _stop_if_active(runtime, change, rows)
    return _apply(client, change)


def check_references(client, spec, applied, modes):
    """Read the object each reference keyword this task sets names (a sender's XMITQ), once, and warn (``modes``
    {KEYWORD: "warn"}) or fail ("fail") before anything changes when it is missing or not what the keyword needs;
    "ignore" reads nothing. The warnings go to ``client.warnings``.
    """
    for keyword, (qualifier, needs, what) in spec.references.items():
        value, mode = applied.get(keyword), modes.get(keyword, "warn")
        if mode == "ignore" or not str(value or "").strip():
            continue
        row = client.display_one(qualifier, value)
        wrong = [k for k, v in needs.items() if str((row or {}).get(k.lower(), "")).strip().upper() != v]
        if not wrong:
            continue
        option = spec.by_keyword[keyword].option
        found = "does not exist" if row is None else "has " + " and ".join(
            "{0}({1})".format(k, str(row[k.lower()]).strip()) if k.lower() in row else "no " + k for k in wrong)
        message = "{0}={1!r}: {2} {1!r} {3}; MQ accepts the {4} definition, but the {4} cannot start until it is a {5} ({6})".format(
            option, value, qualifier.lower(), found, spec.kind, what, " ".join("{0}({1})".format(k, v) for k, v in needs.items()))
        if mode == "fail":
            raise MQError(message + "; nothing was changed ({0}_check: fail)".format(option))
        client.warnings.append(message + " ({0}_check: fail makes this an error, ignore silences it)".format(option))


def active_error(spec, name, rows, how="set force: true to stop and delete it"):
    return MQError("{0} {1!r} is active (status: {2}); MQ will not delete it while it runs. Stop it first "
                   "(state: stopped) or {3}".format(spec.kind, name, ", ".join(sorted({str(r.get('status')) for r in rows})), how))


def _stop_if_active(runtime, change, rows=None):
    """Stop the object (and wait) before ``change`` deletes it, when its status shows it active; ``rows`` saves the read
    when the caller has it. A stop that fails leaves every command of the change unsent."""
    if rows is None:
        rows = runtime.statuses([change.name])[change.name]
    if rows and not runtime.is_stopped(rows):
        try:
            runtime.run("stop", [(change.name, change.spec.row_subtype(change.row), None)], always_wait=True)
        except MQError as exc:
            raise change.stopped_by(exc)


def took_effect(client, spec, command):
    """Re-read the object after a lost answer: does MQ hold what ``command`` asked for?"""
    def check():
        current = read_one(client, spec, command.name, namespace=spec.command_namespace(command.parameters))
        if command.verb == "DELETE":
            return current is None
        sets = _sets(spec, command)
        return current is not None and not changed_keywords(spec, sets, current) and (
            spec.type_attr is None or spec.type_attr.keyword not in sets
            or spec.type_attr.normalize(_row_type(spec, current)) == spec.type_attr.normalize(sets[spec.type_attr.keyword]))
    return check


class Applying:
    """The planned commands of one object, sent in order, and what was done: a command that raced another writer
    (see RACED) is not a failure: the object is read again and planned again, and ``raced`` counts it.

    ``desired``: {KEYWORD: value} for an object that should exist, None for one being deleted. ``row``: the DISPLAY the
    plan came from, then the one the last re-plan came from. ``done``: the commands MQ accepted (every one in check mode).
    """

    def __init__(self, spec, name, planned, commands, row, desired=None):
        self.spec = spec
        self.name = name
        self.planned = planned
        self.pending = list(commands)
        self.row = row
        self.desired = desired
        self.done = []
        self.raced = 0
        self.failed = None  # the command that failed (it was sent; ``pending`` holds those that were not)
        # Re-reads look in the object's namespace: a clntconn channel may share its name with a svrconn.
        self.namespace = spec.row_namespace(row) if row is not None else spec.command_namespace(desired or {})

    def run(self, client):
        while self.pending:
            command = self.pending.pop(0)
            try:
                client.run(command, took_effect=took_effect(client, self.spec, command))  # only recorded in check mode
            except MQCommandError as exc:
                if exc.reason_code not in RACED.get(command.verb, ()):
                    self.failed = command
                    raise
                try:
                    self._replan(client, command, exc)
                except MQError:
                    self.failed = command
                    raise
                continue
            except MQError:
                self.failed = command
                raise
            self.done.append(command)
        return self

    def _replan(self, client, command, exc):
        self.raced += 1
        if self.raced > RACE_LIMIT:
            raise MQError("{0} {1!r} was changed by another writer {2} times while this task converged it (last: {3}); stopped "
                          "trying: {4}".format(self.spec.kind, self.name, self.raced, command.text(), exc.msg))
        if command.verb == "DELETE" or self.desired is None:
            return  # gone already; a recreate goes on to its DEFINE
        self.row = read_one(client, self.spec, self.name, namespace=self.namespace)
        if type_conflict(self.spec, self.desired, self.row):
            type_attr = self.spec.type_attr
            raise MQError(
                "{0} {1!r}: another writer defined it with {2}({3}) while this task was about to {4} it with {2}({5}); MQ cannot "
                "change {2} in place, so it is left as the other writer made it (recreate: true on a later run replaces it)".format(
                    self.spec.kind, self.name, type_attr.keyword, self.row.get(type_attr.keyword.lower()), command.verb,
                    self.desired[type_attr.keyword]), mq_command=command.text())
        self.pending[:0] = plan_present(self.spec, self.name, self.desired, self.row)[1]

    @property
    def action(self):
        """What the commands MQ accepted did to the definition; None when it failed before any of them."""
        verbs = {command.verb for command in self.done}
        if not verbs and self.failed is not None:
            return None
        if verbs & {"DEFINE", "ALTER"}:
            return "recreated" if "DELETE" in verbs else "created" if "DEFINE" in verbs else "updated"
        if "DELETE" in verbs:
            return self.planned if self.planned in ("deleted", "purged") else "deleted"
        return "unchanged" if self.desired is not None else "absent"

    @property
    def applied(self):
        """{KEYWORD: value} the accepted commands set; an ALTER's type keyword is only there because MQ wants it."""
        return {k: v for command in self.done if command.verb in ("DEFINE", "ALTER") for k, v in _sets(self.spec, command).items()}

    def stopped_by(self, exc):
        """``exc`` with what was done and what was planned and not sent, in its result and at the end of its message."""
        result = {"not_attempted": [command.text() for command in self.pending]}
        if self.done:
            result["action"] = self.action
        if self.pending:
            exc.msg += "; the task stopped there, and did not send: " + "; ".join(result["not_attempted"])
        return exc.with_result(result)


def _apply(client, change):
    try:
        change.run(client)
    except MQError as exc:
        raise change.stopped_by(exc)
    spec, name, action, applied = change.spec, change.name, change.action, change.applied
    if action in ("absent", "deleted"):
        after = None
    elif client.check_mode:
        after = _predicted(spec, name, applied, None if action == "recreated" else change.row)
    else:
        # Read back what MQ actually holds (defaults filled in, ALTDATE updated): one DISPLAY, only after a change or a race.
        after = read_one(client, spec, name, namespace=change.namespace)
    result = EnsureResult(spec, action, change.row, after, client.sent, list(applied) if action == "updated" else sorted(applied))
    result.raced = change.raced
    return result
