# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""Convergence: DISPLAY once, then DEFINE, ALTER only what differs, or DELETE.

Never REPLACE: a DEFINE ... REPLACE rewrites every attribute and bumps ALTDATE/ALTTIME even
when nothing changed. In check mode the same decisions are made and nothing mutating is sent.
"""

from __future__ import annotations

from ._errors import MQError, MQInputError
from ._mqsc import MQSCCommand

__all__ = ["EnsureResult", "ensure_present", "ensure_absent", "changed_keywords", "plan_present", "active_error", "took_effect", "option_label"]


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
        }


def _define(spec, name, desired):
    # The type keyword goes first: MQSC wants CHLTYPE right after the channel name.
    params = {}
    if spec.type_attr is not None and spec.type_attr.keyword in desired:
        params[spec.type_attr.keyword] = desired[spec.type_attr.keyword]
    params.update(desired)
    return MQSCCommand("DEFINE", spec.qualifier, name, params)


def _predicted(spec, name, desired, row=None):
    after = dict(row or {})
    after[spec.qualifier.lower()] = name
    after.update({k.lower(): v for k, v in desired.items()})
    return after


def plan_present(spec, name, desired, row, recreate=False):
    """Pure diff: (action, commands, applied) that make DISPLAY ``row`` (None: absent) hold ``desired``.

    ``applied`` is {KEYWORD: value} the commands set, the changed keywords for an ALTER. A type change
    without ``recreate`` raises MQInputError: MQ cannot change CHLTYPE or TRPTYPE in place.
    """
    if row is None:
        return "created", [_define(spec, name, desired)], dict(desired)
    type_attr = spec.type_attr
    if type_attr is not None and type_attr.keyword in desired and \
            type_attr.normalize(row.get(type_attr.keyword.lower())) != type_attr.normalize(desired[type_attr.keyword]):
        if not recreate:
            raise MQInputError(
                "{0}={1!r}: {2} {3!r} exists with {0}={4!r}, and MQ cannot change {5} in place; "
                "set recreate: true to delete and define it again".format(
                    type_attr.option, type_attr.fact(desired[type_attr.keyword]), spec.kind, name,
                    type_attr.fact(row.get(type_attr.keyword.lower())), type_attr.keyword))
        return "recreated", [MQSCCommand("DELETE", spec.qualifier, name), _define(spec, name, desired)], dict(desired)
    changed = changed_keywords(spec, desired, row)
    if not changed:
        return "unchanged", [], {}
    params = {}
    if type_attr is not None:
        # ALTER CHANNEL needs CHLTYPE and ALTER LISTENER needs TRPTYPE, even though they cannot change.
        params[type_attr.keyword] = row.get(type_attr.keyword.lower())
    params.update((k, desired[k]) for k in changed)
    return "updated", [MQSCCommand("ALTER", spec.qualifier, name, params)], {k: desired[k] for k in changed}


def ensure_present(client, spec, name, desired, runtime=None, recreate=False):
    """Make object ``name`` exist with the ``desired`` {KEYWORD: wire value} attributes."""
    row = client.display_one(spec.qualifier, name)
    action, commands, applied = plan_present(spec, name, desired, row, recreate)
    if action == "unchanged":
        return EnsureResult(spec, "unchanged", row, row)
    if action == "recreated" and runtime is not None:
        _stop_if_active(runtime, spec, name, row)
    return _apply(client, spec, name, action, row, commands, applied, sorted(applied) if action != "updated" else list(applied))


def ensure_absent(client, spec, name, runtime=None, force=False):
    row = client.display_one(spec.qualifier, name)
    if row is None:
        return EnsureResult(spec, "absent")
    if runtime is not None:
        rows = runtime.statuses([name])[name]
        if rows and not runtime.is_stopped(rows):
            if not force:
                raise active_error(spec, name, rows)
            _stop_if_active(runtime, spec, name, row, rows)
    return _apply(client, spec, name, "deleted", row, [MQSCCommand("DELETE", spec.qualifier, name)], {}, ())


def active_error(spec, name, rows, how="set force: true to stop and delete it"):
    return MQError("{0} {1!r} is active (status: {2}); MQ will not delete it while it runs. Stop it first "
                   "(state: stopped) or {3}".format(spec.kind, name, ", ".join(sorted({str(r.get('status')) for r in rows})), how))


def _stop_if_active(runtime, spec, name, row, rows=None):
    """Stop the object (and wait) when its status shows it active; ``rows`` saves the read when the caller has it."""
    subtype = spec.row_subtype(row)
    if rows is None:
        rows = runtime.statuses([name])[name]
    if rows and not runtime.is_stopped(rows):
        runtime.run("stop", [(name, subtype, None)], always_wait=True)


def took_effect(client, spec, command):
    """Re-read the object after a lost answer: does MQ hold what ``command`` asked for?"""
    def check():
        current = client.display_one(spec.qualifier, command.name)
        if command.verb == "DELETE":
            return current is None
        return current is not None and not changed_keywords(spec, command.parameters, current) and (
            spec.type_attr is None or spec.type_attr.keyword not in command.parameters
            or spec.type_attr.normalize(current.get(spec.type_attr.keyword.lower())) == spec.type_attr.normalize(
                command.parameters[spec.type_attr.keyword]))
    return check


def _apply(client, spec, name, action, row, commands, desired, changed):
    for command in commands:
        client.run(command, took_effect=took_effect(client, spec, command))  # only recorded in check mode
    if action == "deleted":
        after = None
    elif client.check_mode:
        after = _predicted(spec, name, desired, None if action == "recreated" else row)
    else:
        # Read back what MQ actually holds (defaults filled in, ALTDATE updated): one DISPLAY, only after a change.
        after = client.display_one(spec.qualifier, name)
    return EnsureResult(spec, action, row, after, client.sent, changed)
