# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""mq_export: the objects a queue manager holds, as the declarations mq_objects converges.

Read: one generic DISPLAY per object type (the queue manager's own SYSTEM.* objects come with it, and among them the
default objects; with a prefix, one more DISPLAY for those), and one status DISPLAY per type that runs when the run
state is wanted. Nothing but the registry's rows decides what an entry holds, so a new kind is exported as it lands.
Every value is checked the way mq_objects will check it, and compared again after that check: what mq_objects would
not take back unchanged is left out with a note, so converging the export changes nothing.
"""

from __future__ import annotations

from ._converge import read_rows
from ._errors import MQInputError
from ._mqsc import generic_name_for
from ._restart import SYSTEM_PREFIX
from ._runtime import ObjectRuntime

__all__ = ["export", "MASKED"]

# How MQ shows a secret it holds (a channel's PASSWORD, an AUTHINFO's LDAPPWD): eight asterisks, whatever the value.
MASKED = "********"
# What DISPLAY shows about an object that no command sets: its dates and times, a local queue's depth and handles, a
# namelist's count of names (NAMCOUNT follows from NAMES) and a subscription's identifier and origin (SUBID, SUBTYPE).
# Left out of the comparison with the default object, which they always differ from.
SHOWN_ONLY = frozenset(("ALTDATE", "ALTTIME", "CRDATE", "CRTIME", "CURDEPTH", "IPPROCS", "OPPROCS", "NAMCOUNT", "SUBID", "SUBTYPE"))


def export(client, otypes, prefix=None, include_defaults=False, include_state=False):
    """(declarations {list option: [entries]}, notes [str], summary {kind: count}) of the objects of ``otypes`` whose
    names start with ``prefix`` (None: every name), the queue manager's own SYSTEM.* objects left out."""
    declarations, notes, summary = {}, [], {}
    for otype in otypes:
        rows = read_rows(client, otype, [], prefix or "")
        defaults = _default_rows(client, otype, rows, prefix) if not include_defaults else {}
        objects = [row for name in sorted(rows) if not name.startswith(SYSTEM_PREFIX) and name.startswith(prefix or "")
                   for row in rows[name]]
        statuses = {}
        if include_state and otype.lifecycle and objects:
            statuses = ObjectRuntime(client, otype).statuses(sorted({_name(otype, row) for row in objects}))
        entries = []
        for row in objects:
            default = defaults.get(otype.default_name(row)) if not include_defaults else None
            if not include_defaults and otype.default_name(row) and default is None:
                notes.append("{0}: {1} is not there to compare with, so every attribute is exported".format(
                    _who(otype, row), otype.default_name(row)))
            entries.append(_entry(otype, row, default, include_defaults, statuses.get(_name(otype, row)) if include_state else None, notes))
        entries.sort(key=lambda entry: tuple(str(v or "") for v in otype.identity.of_params(otype, entry, otype.subtype(entry))))
        declarations[otype.list_option] = entries
        summary[otype.kind] = len(entries)
    return declarations, notes, summary


def _name(otype, row):
    return row.get(otype.qualifier.lower())


def _who(otype, row):
    """How a note names an object: its type and name, and its namespace where another object may share the name."""
    return "{0} {1!r}".format(otype.kind, otype.label(_name(otype, row), otype.row_namespace(row)))


def _default_rows(client, otype, rows, prefix):
    """{name: DISPLAY row} of the type's default objects: among ``rows`` when they are every object, else one DISPLAY."""
    wanted = sorted(set(otype.defaults.values()) if isinstance(otype.defaults, dict) else [otype.defaults] if otype.defaults else [])
    if not wanted:
        return {}
    if prefix:
        rows = read_rows(client, otype, [], generic_name_for(wanted, generic=True)[:-1])
    found = {}
    for name in wanted:
        for row in rows.get(name, []):
            # A default object serves the objects of its own type (SYSTEM.DEF.CLNTCONN is a clntconn channel).
            if otype.default_name(row) == name:
                found[name] = row
    return found


def _always(otype, subtype):
    """The keywords an entry always carries: what names the object and what a DEFINE of it needs (its type, its fixed
    and required attributes, the keywords of its identity), whatever their values."""
    keywords = {a.keyword for a in otype.fixed_attrs}
    keywords.update(otype.required.get(subtype, ()))
    keywords.update(otype.identity.keys.get(subtype, otype.identity.keys.get(None, ())))
    if otype.subtype_attr is not None:
        keywords.add(otype.subtype_attr.keyword)
    return keywords


def _value(attr, value):
    """``value`` of DISPLAY as the declaration spells it: an option as its module's results show it (``type: sdr``,
    ``persistence: true``), a keyword of the ``attributes`` option as MQ spells it (``TRIGTYPE: FIRST``)."""
    if attr.option or attr.value_type not in ("enum", "enum_list"):
        return attr.fact(value)
    normalized = attr.normalize(value)
    return list(normalized) if isinstance(normalized, tuple) else normalized


def _entry(otype, row, default, include_defaults, status, notes):
    """One declaration of the object of DISPLAY ``row``; ``default``: the DISPLAY row of its default object (None: keep
    every attribute); ``status``: its status rows (None: its run state is not exported)."""
    subtype = otype.row_subtype(row)
    always = _always(otype, subtype)
    entry = {otype.identity.option: _name(otype, row)} if otype.identity.option else {}
    masked = sorted(key.upper() for key, value in row.items() if value == MASKED)
    # Attributes this collection has no keyword for (a queue's TRIGGER or MAXFSIZE) cannot be declared: say so when they
    # are not what a DEFINE would give anyway.
    unmanaged = ["{0}({1})".format(key.upper(), value) for key, value in sorted(row.items())
                 if default is not None and value != MASKED and key in default and default[key] != value and key.upper() not in SHOWN_ONLY
                 and key != otype.qualifier.lower() and not (key.upper() in otype.by_keyword and otype.by_keyword[key.upper()].applies_to(subtype))]
    attributes = {}
    for attr in otype.attrs:
        key = attr.keyword.lower()
        value = row.get(key)
        if key not in row or value == MASKED or not attr.applies_to(subtype):
            continue
        if attr.keyword not in always and not include_defaults and default is not None and attr.normalize(value) == attr.normalize(default.get(key)):
            continue
        if attr.fixed and attr.keyword not in otype.required.get(subtype, ()) and str(value).strip() == "":
            # A blank fixed attribute is what a DEFINE without it gives, and declaring it blank can clash with the one
            # given instead (a subscription's TOPICOBJ beside its TOPICSTR: mq_objects takes one of them).
            continue
        declared = _value(attr, value)
        try:
            same = attr.normalize(attr.validate(declared)) == attr.normalize(value)
        except MQInputError as exc:
            notes.append("{0}: {1}({2}) left out: {3}".format(_who(otype, row), attr.keyword, value, exc.msg))
            continue
        if not same:
            notes.append("{0}: {1}({2}) left out: mq_objects would not take it back unchanged".format(_who(otype, row), attr.keyword, value))
        elif attr.option:
            entry[attr.option] = declared
        else:
            attributes[attr.keyword] = declared
    if attributes:
        entry["attributes"] = attributes
    for keyword in masked:
        notes.append("{0}: {1} left out: MQ shows it masked ({2}), so its value cannot be read{3}".format(
            _who(otype, row), keyword, MASKED, "; declare it from your secret store" if keyword in otype.by_keyword else
            " (this collection does not manage it)"))
    if unmanaged:
        notes.append("{0}: {1} {2} from {3} and {4} not exported: this collection does not manage {5}".format(
            _who(otype, row), ", ".join(unmanaged), "differs" if len(unmanaged) == 1 else "differ", otype.default_name(row),
            "is" if len(unmanaged) == 1 else "are", "it" if len(unmanaged) == 1 else "them"))
    if status is not None:
        _state(otype, row, subtype, status, entry, notes)
    return entry


def _state(otype, row, subtype, status, entry, notes):
    """``state: started`` for an object that runs as mq_objects' started finds it (nothing else is exported as a state)."""
    lifecycle = otype.lifecycle
    if lifecycle.why_unstartable(subtype) or lifecycle.why_unmonitored(subtype):
        return  # no run state MQ keeps (a clntconn, a command service)
    if lifecycle.is_failing(status, subtype):
        # state: started would stop and start it; MQ retries it by itself with the definition it started with.
        notes.append("{0}: state left out: it is {1}, so state: started would restart it".format(
            _who(otype, row), ", ".join(sorted({str(r.get("status")) for r in status}))))
    elif lifecycle.is_running(status, subtype):
        entry["state"] = "started"
