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

from ._attributes import AtLeast, Ref
from ._errors import MQCommandError, MQError, MQInputError
from ._mqsc import FLAG, MQSCCommand

__all__ = ["EnsureResult", "Applying", "ensure_present", "ensure_absent", "changed_keywords", "plan_present", "active_error", "took_effect",
           "option_label", "read_one", "delete_command", "check_references", "restart_warning", "waits_for", "waits_warning"]

# A command answered with one of its verb's ``raced`` reason codes (Verb.raced, _attributes.DEFINE_ALTER_DELETE) raced
# another writer: the object is planned again from a new read.
# Re-plans of one object before giving up: a writer that keeps flipping the object is not a race but a fight.
RACE_LIMIT = 3


def changed_keywords(otype, desired, row):
    """Keywords whose desired value differs from the DISPLAY row (only the ones the user set); not the fixed ones, which
    only a recreate changes (ObjectType.fixed_conflicts), nor the identity keywords, by which the row was found. A set is
    compared after its shorthands are expanded for the object's subtype; one declared as a minimum (AtLeast) is held by
    any superset. A secret (LDAPPWD) that ``desired`` holds is sent: DISPLAY shows it masked, so it cannot be compared, and
    ``desired`` holds it only when it is to be sent (ObjectType.desired_for)."""
    identity = otype.identity.all_keywords
    subtype = _subtype(otype, desired, row)
    changed = []
    for keyword, value in desired.items():
        attr = otype.by_keyword[keyword]
        if keyword in identity or attr in otype.fixed_attrs:
            continue
        if attr.secret or not attr.satisfied(value, row.get(keyword.lower()), subtype):
            changed.append(keyword)
    return changed


def _subtype(otype, desired, row):
    """The subtype that decides how values compare (an authority record's OBJTYPE expands ALL): declared, else existing."""
    declared = desired.get(otype.subtype_attr.keyword) if otype.subtype_attr is not None else None
    return otype.subtype_attr.normalize(declared) if declared else otype.row_subtype(row)


def read_one(client, otype, name, subtype=None, namespace=None):
    """The DISPLAY row of object ``name`` (a name, or a Ref: the record with those identity keywords; None: absent) in the
    namespace ``subtype`` or ``namespace`` says (ObjectType.pick: a svrconn and a clntconn may share a name; with neither
    given, such a name is ambiguous and raises MQInputError)."""
    display_name, parameters = otype.display_of(name)
    return otype.pick(otype.rows(client.display(otype.qualifier, display_name, parameters or None)), name, subtype, namespace)


def restart_warning(otype, name, labels, passive=False):
    """The warning for a running object that keeps the old values of ``labels`` until it next starts."""
    what = ", ".join(labels)
    if passive:
        # A receiver or server-connection channel runs one instance per partner or client; each reads the definition when
        # it starts, so only the instances running now keep the old values.
        return ("{0} {1!r}: its running instances keep the old {2} until they end; new ones use the new values. "
                "state: restarted stops and starts it (ending every instance) to apply them now".format(otype.kind, name, what))
    # The advice must work in a later task too: there, state: started finds a RUNNING object started and leaves it.
    return ("{0} {1!r} runs with the old {2}: MQ applies {3} when the {0} next starts. To apply {3} now, restart it: "
            "state: restarted (or mqrest.admin.mq_restart). state: started does so only in the task that makes the change; "
            "in a later task it leaves a RUNNING {0} as it is".format(otype.kind, name, what, "it" if len(labels) == 1 else "them"))


def waits_for(client, otype, name, action, keywords, qmgr_row=None):
    """(REFRESH SECURITY types, keywords) that ``action`` (created, updated, ...) of ``keywords`` of object ``name`` waits
    for before the queue manager uses it: the refreshes its attributes need (Attr.refresh: ALTER QMGR CONNAUTH, SSLKEYR, ...),
    the refresh of an object the queue manager names (ObjectType.used_by_qmgr: the AUTHINFO CONNAUTH names, read from
    ``qmgr_row``, the queue manager's attributes after the task, or else with one DISPLAY QMGR), and the keywords it takes only
    at its next start (Attr.restart). Nothing is run: REFRESH SECURITY is another module's business."""
    if action in (None, "unchanged", "absent"):
        return [], []
    refresh, restart = otype.waits(keywords)
    if otype.used_by_qmgr:
        if qmgr_row is None:
            qmgr_row = client.display_one("QMGR", None) or {}
        refresh = sorted(set(refresh) | {kind for keyword, kind in otype.used_by_qmgr.items()
                                         if str(qmgr_row.get(keyword.lower()) or "").strip() == name})
    return refresh, restart


# What mq_refresh_security does besides the refresh, per type (REFRESH SECURITY TYPE(SSL) bounces the TLS channels).
_REFRESH_WAITS = {"ssl": " and waits until every TLS channel and client it bounces is back"}


def waits_warning(otype, name, refresh, restart):
    """The warnings for a change that is not in effect yet: a REFRESH SECURITY to run, a queue manager restart."""
    what = "{0} {1!r}".format(otype.kind, name) if name is not None else "the queue manager"
    warnings = ["{0}: the change takes effect after REFRESH SECURITY TYPE({1}), which this task does not run{2}: "
                "mqrest.admin.mq_refresh_security with type: {3} runs it{4}".format(
                    what, kind.upper(), " (or when the {0} next starts)".format(otype.kind) if otype.lifecycle else "", kind,
                    _REFRESH_WAITS.get(kind, "")) for kind in refresh]
    if restart:
        labels = [option_label(otype, k) for k in restart]
        warnings.append("{0}: {1} {2} effect when the queue manager next starts (mqrest.admin.qmgr_restart restarts it)".format(
            what, ", ".join(labels), "takes" if len(labels) == 1 else "take"))
    return warnings


def option_label(otype, keyword):
    """How results name a keyword: its option, or the lower-case keyword of the attributes option."""
    attr = otype.by_keyword.get(keyword)
    return attr.option if attr is not None and attr.option else keyword.lower()


class EnsureResult:
    """changed, before, after and the commands that ran (or would run in check mode)."""

    def __init__(self, otype, action, before=None, after=None, commands=(), changed=()):
        self.otype = otype
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
        before = self.otype.facts(self.before) if self.before else {}
        after = self.otype.facts(self.after) if self.after else {}
        if self.action in ("updated",):
            keys = [option_label(self.otype, k) for k in self.changed_keywords]
            before = {k: before.get(k) for k in keys}
            after = {k: after.get(k) for k in keys}
        return {"before": before, "after": after}

    def as_result(self):
        result = {
            "changed": self.changed,
            "action": self.action,
            "changed_attributes": [option_label(self.otype, k) for k in self.changed_keywords],
            self.otype.kind: self.otype.facts(self.after) if self.after else {},
            "commands": self.commands,
            "diff": self.diff(),
        }
        if self.otype.verbs.can_race:
            result["raced"] = bool(self.raced)
        return result


def _command(otype, role, name, type_value=None, parameters=None):
    """The command that creates, changes or removes (``role``, a verb of ``otype.verbs``) object ``name`` (a name, or a
    Ref) whose type keyword (CHLTYPE, TRPTYPE, a queue's TYPE) is ``type_value``.

    The identity keywords go first (SET CHLAUTH(profile) TYPE(...) ADDRESS(...)), then the type keyword: MQSC wants
    CHLTYPE right after the channel name. A queue's type is the qualifier instead (DEFINE QLOCAL), and MQ takes no TYPE
    keyword. A verb's own keywords (SET ... ACTION(ADD)) come last.
    """
    verb = getattr(otype.verbs, role)
    if verb is None:
        raise MQError("MQ cannot {0} a {1}".format(role, otype.kind))
    identity = otype.identity_parameters(name) if isinstance(name, Ref) else {}
    type_keyword = otype.type_attr.keyword if otype.type_attr is not None else None
    params = {k: v for k, v in (parameters or {}).items() if k not in identity}
    type_value = params.pop(type_keyword, type_value) if type_keyword else None
    qualifier = type_value if otype.type_in_qualifier and type_value else otype.qualifier
    if type_value is not None and not otype.type_in_qualifier and role != "remove":
        params = dict({type_keyword: type_value}, **params)
    params = dict(identity, **params)
    params.update(verb.parameters_for(params))
    return MQSCCommand(verb.verb, qualifier, otype.command_name(name), params, role=role,
                       secrets=otype.secret_keywords)


def _writes(otype, desired, row):
    """{KEYWORD: wire value} a command carries to make the object hold ``desired``: a set written as what to add and what
    to remove (Attr.delta: AUTHADD, AUTHRMV) against ``row``, the object now (None: it is being created, and gets the whole
    set, or ``empty`` for none); the rest as it is."""
    subtype = _subtype(otype, desired, row)
    params = {}
    for keyword, value in desired.items():
        attr = otype.by_keyword[keyword]
        if not attr.delta:
            params[keyword] = list(value) if isinstance(value, AtLeast) else value
            continue
        current = (attr.normalize(row.get(keyword.lower()), subtype) or frozenset()) if row is not None else frozenset()
        target = attr.normalize(value, subtype)
        additions = sorted(target - current)
        removals = sorted(current - target) if row is not None and not isinstance(value, AtLeast) else []
        if additions or row is None:
            params[attr.delta[0]] = additions or [attr.empty]
        if removals:
            params[attr.delta[1]] = removals
    return params


def _define(otype, name, desired):
    parameters = _writes(otype, desired, None)
    for attr in otype.attrs:
        # SET AUTHREC needs AUTHADD or AUTHRMV (PCF Set Authority Record): a record declared without authorities holds none.
        if attr.delta and attr.keyword not in desired:
            parameters[attr.delta[0]] = [attr.empty]
    return _command(otype, "create", name, parameters=parameters)


def _row_type(otype, row):
    return row.get(otype.type_attr.keyword.lower()) if otype.type_attr is not None and row else None


def _sets(otype, command, row=None):
    """{KEYWORD: value} a command that creates or changes an object leaves it holding: the type among them for a DEFINE (a
    queue's is its qualifier), not the identity keywords nor the verb's own; a set written as additions and removals as it
    results from ``row``, the object before the command."""
    verb = getattr(otype.verbs, command.role)
    creates = command.role == "create"
    skip = set(verb.parameters) | otype.identity.all_keywords | {otype.identity.keyword}
    type_keyword = otype.type_attr.keyword if otype.type_attr is not None else None
    values = {k: v for k, v in command.parameters.items() if k not in skip and (creates or k != type_keyword)}
    if creates and otype.type_in_qualifier:
        values[type_keyword] = command.qualifier
    subtype = _subtype(otype, command.parameters, row)
    for attr in otype.attrs:
        if attr.delta and (attr.delta[0] in values or attr.delta[1] in values):
            before = (attr.normalize(row.get(attr.keyword.lower()), subtype) or frozenset()) if row else frozenset()
            additions = attr.expand(attr.items(values.pop(attr.delta[0], None)), subtype)
            removals = attr.expand(attr.items(values.pop(attr.delta[1], None)), subtype)
            values[attr.keyword] = sorted((before | additions) - removals)
    return values


def delete_command(otype, name, row, purge=False, how="set purge: true to delete it with its messages"):
    """The DELETE (or the type's remove verb) of the object DISPLAY ``row`` shows. A local queue holding messages is refused
    unless ``purge`` (then DELETE QLOCAL ... PURGE): MQ would refuse it too (NOPURGE is its default), and the messages would
    be lost. A clntconn channel is addressed with CHLTABLE(CLNTTBL). A record named by identity keywords is addressed with
    the values MQ holds (a mixed-case CLNTUSER as it was set)."""
    held = otype.held_messages(row)
    if held and not purge:
        raise MQError("{0} {1} {2!r} holds {3} message{4}, which deleting it would discard; MQ refuses to delete it without PURGE. "
                      "Empty it first, or {5}".format(otype.subtype_label(otype.row_subtype(row)), otype.kind, name, held,
                                                      "" if held == 1 else "s", how))
    parameters = otype.delete_parameters(row)
    if purge and otype.messages and otype.row_subtype(row) in otype.messages[1]:
        parameters["PURGE"] = FLAG
    if otype.identity.keys or otype.identity.keyword:
        name = otype.row_ref(row)
    return _command(otype, "remove", name, _row_type(otype, row), parameters)


def _predicted(otype, name, desired, row=None):
    after = dict(row or {})
    ref = name if isinstance(name, Ref) else Ref(name)
    after[otype.name_key] = ref.name
    after.update({k.lower(): v for k, v in ref.keys if v is not None})
    after.update({k.lower(): v for k, v in desired.items()})
    return after


def plan_present(otype, name, desired, row, recreate=False, purge=False):
    """Pure diff: (action, commands, applied) that make DISPLAY ``row`` (None: absent) hold ``desired``.

    ``applied`` is {KEYWORD: value} the object holds for what the commands set (a set attribute whole, after the additions
    and removals), the changed keywords for a change. A change of a fixed attribute (ObjectType.fixed_conflicts: CHLTYPE,
    TRPTYPE, a queue's type, a topic's TOPICSTR) without ``recreate`` raises MQInputError: MQ cannot change it in place.
    ``purge``: a recreate may discard the messages of a local queue. A change verb that replaces the whole record
    (Verb.whole: SET CHLAUTH ... ACTION(REPLACE)) carries the attributes left alone too (ObjectType.record).
    """
    if row is None:
        return "created", [_define(otype, name, desired)], _holding(otype, desired, None)
    conflicts = otype.fixed_conflicts(desired, row)
    if conflicts:
        if not recreate:
            raise MQInputError("; ".join(
                "{0}={1!r}: {2} {3!r} exists with {0}={4!r}, and MQ cannot change {5} in place".format(
                    option_label(otype, a.keyword), a.fact(desired[a.keyword]), otype.kind, name, a.fact(row.get(a.keyword.lower())),
                    a.keyword) for a in conflicts) + "; set recreate: true to delete and define it again")
        return "recreated", [delete_command(otype, name, row, purge, how="set purge: true to recreate it without its messages"),
                             _define(otype, name, desired)], _holding(otype, desired, None)
    changed = changed_keywords(otype, desired, row)
    if not changed:
        return "unchanged", [], {}
    # ALTER CHANNEL needs CHLTYPE and ALTER LISTENER needs TRPTYPE, even though they cannot change (ALTER QLOCAL: the qualifier).
    applied = {k: desired[k] for k in changed}
    carried = otype.record(desired, row) if otype.verbs.change.whole else applied
    return "updated", [_command(otype, "change", name, _row_type(otype, row), _writes(otype, carried, row))], _holding(otype, applied, row)


def _holding(otype, desired, row):
    """{KEYWORD: value} the object holds for ``desired`` once it is applied to ``row``: a set whole (expanded, and with what
    it held before where it was declared as a minimum), the rest as declared."""
    subtype = _subtype(otype, desired, row)
    held = {}
    for keyword, value in desired.items():
        if keyword in otype.identity.all_keywords:
            continue  # which object it is, not what it holds
        attr = otype.by_keyword[keyword]
        if attr.value_type == "set":
            value = attr.normalize(value, subtype) | (attr.normalize((row or {}).get(keyword.lower()), subtype) or frozenset()
                                                      if isinstance(value, AtLeast) else frozenset())
            value = sorted(value)
        held[keyword] = value
    return held


_UNREAD = object()


def ensure_present(client, otype, name, desired, runtime=None, recreate=False, row=_UNREAD, purge=False):
    """Make object ``name`` exist with the ``desired`` {KEYWORD: wire value} attributes.

    ``row``: the DISPLAY the caller already made (None: absent); read here when not given.
    """
    if row is _UNREAD:
        row = read_one(client, otype, name, desired.get(otype.type_attr.keyword) if otype.type_attr is not None else None)
    action, commands, _applied = plan_present(otype, name, desired, row, recreate, purge)
    if action == "unchanged":
        return EnsureResult(otype, "unchanged", row, row)
    change = Applying(otype, name, action, commands, row, desired)
    if action == "recreated" and runtime is not None:
        _stop_if_active(runtime, change)
    return _apply(client, change)


def ensure_absent(client, otype, name, runtime=None, force=False, subtype=None, purge=False):
    """Delete object ``name`` (of ``subtype``'s namespace, when given) if it exists."""
    row = read_one(client, otype, name, subtype)
    if row is None:
        return EnsureResult(otype, "absent")
    change = Applying(otype, name, "deleted", [delete_command(otype, name, row, purge)], row)
    # A subtype that never runs has no status of its own: a clntconn's name may be a running svrconn's.
    if runtime is not None and not runtime.lifecycle.why_unstartable(otype.row_subtype(row)):
        rows = runtime.statuses([name])[name]
        if rows and not runtime.is_stopped(rows):
            if not force:
                raise active_error(otype, name, rows)
            _stop_if_active(runtime, change, rows)
    return _apply(client, change)


def check_references(client, otype, applied, modes):
    """Read the object each reference keyword this task sets names (a sender's XMITQ), once, and warn (``modes``
    {KEYWORD: "warn"}) or fail ("fail") before anything changes when it is missing or not what the keyword needs;
    "ignore" reads nothing. The warnings go to ``client.warnings``.
    """
    for keyword, (qualifier, needs, what) in otype.references.items():
        value, mode = applied.get(keyword), modes.get(keyword, "warn")
        if mode == "ignore" or not str(value or "").strip():
            continue
        row = client.display_one(qualifier, value)
        wrong = [k for k, v in needs.items() if str((row or {}).get(k.lower(), "")).strip().upper() != v]
        if not wrong:
            continue
        option = otype.by_keyword[keyword].option
        found = "does not exist" if row is None else "has " + " and ".join(
            "{0}({1})".format(k, str(row[k.lower()]).strip()) if k.lower() in row else "no " + k for k in wrong)
        message = "{0}={1!r}: {2} {1!r} {3}; MQ accepts the {4} definition, but the {4} cannot start until it is a {5} ({6})".format(
            option, value, qualifier.lower(), found, otype.kind, what, " ".join("{0}({1})".format(k, v) for k, v in needs.items()))
        if mode == "fail":
            raise MQError(message + "; nothing was changed ({0}_check: fail)".format(option))
        client.warnings.append(message + " ({0}_check: fail makes this an error, ignore silences it)".format(option))


def active_error(otype, name, rows, how="set force: true to stop and delete it"):
    return MQError("{0} {1!r} is active (status: {2}); MQ will not delete it while it runs. Stop it first "
                   "(state: stopped) or {3}".format(otype.kind, name, ", ".join(sorted({str(r.get('status')) for r in rows})), how))


def _stop_if_active(runtime, change, rows=None):
    """Stop the object (and wait) before ``change`` deletes it, when its status shows it active; ``rows`` saves the read
    when the caller has it. A stop that fails leaves every command of the change unsent."""
    if rows is None:
        rows = runtime.statuses([change.name])[change.name]
    if rows and not runtime.is_stopped(rows):
        try:
            runtime.run("stop", [(change.name, change.otype.row_subtype(change.row), None)], always_wait=True)
        except MQError as exc:
            raise change.stopped_by(exc)


def took_effect(client, otype, command):
    """Re-read the object after a lost answer: does MQ hold what ``command`` asked for?"""
    def check():
        current = read_one(client, otype, otype.command_ref(command), namespace=otype.command_namespace(command.parameters))
        if otype.verbs.role(command) == "remove":
            return current is None
        # A set the command adds to and removes from is already as the command leaves it when re-applying it changes nothing.
        # A secret is shown masked: not comparable.
        sets = {k: v for k, v in _sets(otype, command, current).items() if k not in otype.secret_keywords}
        return current is not None and not changed_keywords(otype, sets, current) and (
            otype.type_attr is None or otype.type_attr.keyword not in sets
            or otype.type_attr.normalize(_row_type(otype, current)) == otype.type_attr.normalize(sets[otype.type_attr.keyword]))
    return check


class Applying:
    """The planned commands of one object, sent in order, and what was done: a command that raced another writer
    (Verb.raced) is not a failure: the object is read again and planned again, and ``raced`` counts it.

    ``desired``: {KEYWORD: value} for an object that should exist, None for one being deleted. ``row``: the DISPLAY the
    plan came from, then the one the last re-plan came from. ``done``: the commands MQ accepted (every one in check mode).
    """

    def __init__(self, otype, name, planned, commands, row, desired=None):
        self.otype = otype
        self.name = name
        self.planned = planned
        self.pending = list(commands)
        self.row = row
        self.desired = desired
        self.done = []
        self.raced = 0
        self.failed = None  # the command that failed (it was sent; ``pending`` holds those that were not)
        # Re-reads look in the object's namespace: a clntconn channel may share its name with a svrconn.
        self.namespace = otype.row_namespace(row) if row is not None else otype.command_namespace(desired or {})

    def run(self, client):
        while self.pending:
            command = self.pending.pop(0)
            try:
                client.run(command, took_effect=took_effect(client, self.otype, command))  # only recorded in check mode
            except MQCommandError as exc:
                if exc.reason_code not in self.otype.verbs.raced(command):
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
                          "trying: {4}".format(self.otype.noun, self.otype.label(self.name), self.raced, command.text(), exc.msg))
        if self.otype.verbs.role(command) == "remove" or self.desired is None:
            return  # gone already; a recreate goes on to its DEFINE
        self.row = read_one(client, self.otype, self.name, namespace=self.namespace)
        for attr in self.otype.fixed_conflicts(self.desired, self.row)[:1]:
            raise MQError(
                "{0} {1!r}: another writer defined it with {2}({3}) while this task was about to {4} it with {2}({5}); MQ cannot "
                "change {2} in place, so it is left as the other writer made it (recreate: true on a later run replaces it)".format(
                    self.otype.kind, self.name, attr.keyword, self.row.get(attr.keyword.lower()), command.verb,
                    self.desired[attr.keyword]), mq_command=command.text())
        self.pending[:0] = plan_present(self.otype, self.name, self.desired, self.row)[1]

    @property
    def action(self):
        """What the commands MQ accepted did to the definition; None when it failed before any of them."""
        roles = {self.otype.verbs.role(command) for command in self.done}
        if not roles and self.failed is not None:
            return None
        if roles & {"create", "change"}:
            return "recreated" if "remove" in roles else "created" if "create" in roles else "updated"
        if "remove" in roles:
            return self.planned if self.planned in ("deleted", "purged") else "deleted"
        return "unchanged" if self.desired is not None else "absent"

    @property
    def applied(self):
        """{KEYWORD: value} the accepted commands set; an ALTER's type keyword is only there because MQ wants it."""
        applied = {}
        for command in self.done:
            if command.role == "create":
                applied.update(_sets(self.otype, command))
            elif command.role == "change":
                # A change that replaces the whole record (Verb.whole) carries what it leaves as it was too.
                sets = _sets(self.otype, command, self.row)
                applied.update((k, sets[k]) for k in changed_keywords(self.otype, sets, self.row or {}))
        return applied

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
    otype, name, action, applied = change.otype, change.name, change.action, change.applied
    if action in ("absent", "deleted"):
        after = None
    elif client.check_mode:
        after = _predicted(otype, name, applied, None if action == "recreated" else change.row)
    else:
        # Read back what MQ actually holds (defaults filled in, ALTDATE updated): one DISPLAY, only after a change or a race.
        after = read_one(client, otype, name, namespace=change.namespace)
    result = EnsureResult(otype, action, change.row, after, client.sent, list(applied) if action == "updated" else sorted(applied))
    result.raced = change.raced
    return result
