# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the documentation that the type registry (plugins/module_utils/_types.py) decides, between markers.

    python tools/generate_docs.py            # rewrite every generated block
    python tools/generate_docs.py --check    # exit 1, naming the files, when a committed block differs from the rows

Each object type's row holds its options' descriptions (Attr.doc); the options every object module shares (name, state,
attributes, recreate, force, purge) and the values every object module returns are worded here once, from what the row
says about the type. The blocks: the options, Ansible attributes and common return values of each single-object module
(its own facts, such as RV(topic), stay written by hand), the list options of mq_objects with their suboptions,
mq_info's types and facts, mq_export's kinds, the provision and drift_report roles' variables (argument spec, task,
declared list), the README's table of object types and the action group in meta/runtime.yml (every module in
plugins/modules that takes the connection options).
A block sits between a BEGIN and an END line that say it is generated; everything outside them is written by hand.
tests/unit/plugins/test_generated_docs.py fails when a row changes and the blocks are not written again.
"""

from __future__ import annotations

import os
import re
import sys
import textwrap

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIDTH = 120
BEGIN = "BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py"
END = "END generated"


def _registry():
    """The registry and the argument-spec builders, imported from this checkout (dev link or the collection copy)."""
    here = ROOT
    parts = here.split(os.sep)
    if parts[-3:-1] == ["ansible_collections", "mqrest"] and parts[-1] == "admin":
        sys.path.insert(0, os.sep.join(parts[:-3]))
    else:
        sys.path.insert(0, os.path.join(ROOT, ".tmp", "dev"))
    from ansible_collections.mqrest.admin.plugins.module_utils import _argspec, _errors, _types  # pylint: disable=import-outside-toplevel
    return _types.REGISTRY, _argspec, _errors


# -- the options every object module shares ------------------------------------------------------------------------
def _a(word):
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def _and(words):
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _plural(otype):
    """How prose names several objects of the type: the list option (queues), or the noun's plural (channel authentication
    records)."""
    return otype.list_option if otype.noun == otype.kind else otype.noun + "s"


def common_docs(otype, bulk):
    """{option: [paragraphs]} of the entry options besides the attributes, worded from the row."""
    lifecycle, noun, identity = otype.lifecycle, otype.noun, otype.identity
    fixed = otype.fixed_attrs
    free = [a for a in otype.attrs if not a.option]
    blanks = bool(otype.name_chars.pattern.fullmatch("A B"))
    docs = {}
    if otype.singleton:
        # The queue manager's own row: no name, no state, nothing to recreate; its attributes and the free ones.
        docs["attributes"] = ["Further attributes of the queue manager (C(ALTER QMGR)) that have no option of their own, as a "
                              "dictionary of keyword to value{0}.".format(
                                  ", for example C({0})".format(otype.attributes_example) if otype.attributes_example else ""),
                              "Keywords are case-insensitive and are checked against the attributes C(ALTER QMGR) takes on "
                              "Multiplatforms; an unknown keyword is an error that suggests the closest known ones. A keyword "
                              "that has an option of its own must be set with that option."]
        return docs
    if identity.keys:
        # A record named by more than its name: the row says what its name option is.
        docs[identity.option] = list(identity.doc)
        keys = [a.option for a in otype.attrs if a.keyword in identity.all_keywords]
        creating = "V(present) makes the {0} exist with the given attributes; attributes not given are left alone. The {0} is " \
                   "found by O({1}) with {2}, which are sent on every command as given, their case kept.".format(
                       noun, identity.option, _and(["O({0})".format(k) for k in keys]))
    else:
        docs[identity.option] = [
            "Name of the {0}, 1 to {1} characters from C({2}); anything else ({3}quotes, parentheses, C(*), line breaks) "
            "fails the task before any request.".format(noun, otype.name_max, otype.name_chars.words,
                                                        "blanks at either end, " if blanks else "blanks, "),
            "MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different {0}s. "
            "C(runmqsc) folds unquoted names to upper case, so {1} defined there without quotes has an upper-case name.".format(
                noun, _a(noun))] + list(identity.doc)
        creating = "V(present) makes the {0} exist with the given attributes; attributes not given are left alone. An existing {0} " \
                   "needs only its O(name){1}.".format(noun, "; its O({0}) comes from its definition".format(otype.subtype_attr.option)
                                                       if otype.subtype_attr else "")
    needs = ["O({0})".format(otype.type_attr.option)] if otype.type_attr is not None and otype.type_attr.default is None and \
        otype.type_default is None else []
    # The identity keywords a record's kind requires are named with the identity above, not as options needed to create it.
    needs += [" or ".join("O({0})".format(otype.by_keyword[k].option) for k in item if isinstance(item, tuple)) or
              "O({0})".format(otype.by_keyword[item].option) for items in otype.required.values() for item in items
              if isinstance(item, tuple) or item not in identity.all_keywords]
    if needs:
        needs = list(dict.fromkeys(needs))
        creating += " Options needed only to create it ({0}) are checked after the one C(DISPLAY), before anything is " \
                    "changed, naming every missing one at once.".format(
                        "; ".join(needs) if any(" or " in n for n in needs) else _and(needs))
    state = [creating]
    remove = otype.verbs.remove
    absent = "V(absent) deletes it." if remove is None or remove.verb == "DELETE" else "V(absent) removes it (C({0})).".format(remove.text())
    if lifecycle:
        absent += " An active {0} is only stopped and deleted with O(force=true).".format(noun)
    if otype.messages:
        absent += " One that holds messages is deleted only with O(purge=true)."
    state.append(absent)
    if lifecycle:
        state.append("V(started) and V(stopped) imply V(present) and then start or stop the {0}{1}. They send nothing when "
                     "it is already in that state.".format(noun, "" if bulk else ", waiting for the result when O(wait=true)"))
        if bulk:
            state.append("The waiting options are set once for the task. V(restarted) is not offered here; restart objects "
                         "with M(mqrest.admin.mq_restart).")
        else:
            state.append("V(restarted) implies V(present) and then always restarts the {0}, as M(mqrest.admin.mq_restart) does. "
                         "It stops the {0} when it runs, waiting for the stop even with O(wait=false) because MQ refuses to "
                         "start an object that is still stopping, then starts it, waiting for the start when O(wait=true). In "
                         "check mode it reports the commands and sends neither.".format(noun))
    else:
        state.append("{0} have no run state, so there is no V(started) or V(stopped).".format(_plural(otype).capitalize()))
    docs["state"] = state
    if free:
        attributes = ["Further MQSC {0} attributes that have no option of their own, as a dictionary of keyword to value{1}.".format(
            noun, ", for example C({0})".format(otype.attributes_example) if otype.attributes_example else ""),
            "Keywords are case-insensitive and are checked against the attributes MQ defines for {0}{1}; an unknown keyword "
            "is an error that suggests the closest known ones. A keyword that has an option of its own must be set with "
            "that option.".format(_a(noun), " of its type" if otype.subtype_attr else "")]
    else:
        attributes = ["Further MQSC attributes without an option of their own. Every {0} attribute this collection manages has "
                      "an option, so this takes only an empty dictionary.".format(noun)]
    docs["attributes"] = attributes
    recreate = "Allow deleting and defining the {0} again when a change can only be made that way: MQ cannot change {1} of " \
               "an existing {0} in place. The new definition starts from MQ's defaults plus the options given here.".format(
                   noun, _and(["O({0})".format(a.option) if a.option else "C({0})".format(a.keyword) for a in fixed])
                   if fixed else "some attributes")
    if lifecycle:
        recreate += " An active {0} is stopped first.".format(noun)
    if otype.messages:
        recreate += " One that holds messages also needs O(purge=true)."
    docs["recreate"] = [recreate]
    if lifecycle:
        docs["force"] = ["With O(state=absent), stop an active {0} before deleting it. Without it the task fails and leaves "
                         "the {0} alone.".format(noun)]
        if not bulk:
            docs["force"].append("The stop before a delete is always waited for, even with O(wait=false), because MQ refuses "
                                 "to delete an object that is still stopping.")
    if otype.messages:
        keyword, subtypes = otype.messages
        what = _and([otype.subtype_label(s) for s in subtypes])
        docs["purge"] = [
            "Allow deleting a {0} {1} that holds messages, discarding them (C(DELETE {2} ... PURGE)); with O(recreate=true), "
            "allow recreating one.".format(what, noun, _and(subtypes)),
            "Without it, such a {0} fails the task before anything is changed, saying how many messages it holds "
            "(C({1})). MQ itself refuses to delete a {0} with uncommitted messages or one an application has open, whatever "
            "this option says; that failure shows MQ's reason code and message.".format(noun, keyword)]
    for attr in otype.attrs:
        if attr.mode_option:
            docs[attr.mode_option] = [
                "How O({0}) is declared. V(exact): the {1} holds exactly these; what it holds besides is removed (C({2})). "
                "V(add): the {1} holds at least these; nothing is removed.".format(attr.option, noun, attr.delta[1]),
                "Either way only the difference is sent, and a second run sends nothing."]
    return docs


def update_password_doc(otype):
    """The paragraphs of ``update_password``, for a row with secret attributes (Attr.secret)."""
    secrets = _and(["O({0})".format(a.option) for a in otype.attrs if a.secret])
    return ["When to send {0}: MQ shows a secret masked, so a changed one cannot be seen. V(on_create) sends it only when "
            "this task defines the {1} (or defines it again with O(recreate=true)); V(always) sends it on every run, which "
            "then always reports a change.".format(secrets, otype.noun)]


def attr_doc(otype, attr):
    """An attribute option's paragraphs: its row's ``doc``, and what MQ answers to a second object with a unique value."""
    paragraphs = list(attr.doc)
    for keywords, why in otype.exclusive.items():
        if attr.keyword in keywords:
            others = [otype.by_keyword[k] for k in keywords if k != attr.keyword]
            paragraphs.append("Not together with {0}: {1}.".format(
                _or(["O({0})".format(a.option) if a.option else "C({0})".format(a.keyword) for a in others]), why))
    if attr.unique:
        paragraphs.append("Another {0} object holding the same O({1}) is refused by MQ ({2} C({3})).".format(
            otype.noun, attr.option, attr.unique, otype.reasons[attr.unique]))
    return paragraphs


# -- YAML text -----------------------------------------------------------------------------------------------------
def _scalar(text):
    """A YAML scalar for ``text``: plain where YAML reads it back unchanged, else double-quoted."""
    try:
        plain = yaml.safe_load(text) == text and not re.search(r": |\s#|^[\-?:,\[\]{}#&*!|>'\"%@`]", text)
    except yaml.YAMLError:
        plain = False
    return text if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _paragraphs(paragraphs, indent):
    lines = []
    for text in paragraphs:
        lines.extend(textwrap.wrap(_scalar(text), WIDTH, initial_indent=" " * indent + "- ", subsequent_indent=" " * (indent + 2),
                                   break_long_words=False, break_on_hyphens=False))
    return lines


def _or(words):
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _flow(value):
    return yaml.safe_dump(value, default_flow_style=True, width=10000).strip().replace("\n...", "")


def option_lines(name, spec, paragraphs, indent, suboptions=None):
    """One option's documentation: description, then type, elements, choices, default, aliases and required as the
    argument spec says (validate-modules compares them)."""
    pad = " " * indent
    lines = ["{0}{1}:".format(pad, name), "{0}  description:".format(pad)] + _paragraphs(paragraphs, indent + 4)
    for key in ("type", "elements", "required", "choices", "default", "aliases"):
        if key in spec and not (key == "required" and not spec[key]):
            line = "{0}  {1}: {2}".format(pad, key, _flow(spec[key]))
            if len(line) > WIDTH and isinstance(spec[key], list):
                # A long list (an authority record's authorities) one item a line, within the line length pep8 allows.
                lines.append("{0}  {1}:".format(pad, key))
                lines.extend("{0}    - {1}".format(pad, _flow(item)) for item in spec[key])
            else:
                lines.append(line)
    if suboptions is not None:
        lines.append("{0}  suboptions:".format(pad))
        lines.extend(suboptions)
    return lines


_OPTION_REF = re.compile(r"\b(O|RV)\(([a-z_]+)((?:=[^)]*)?)\)")


def _retarget(paragraphs, otype, entry_options, bulk_options):
    """Option references as seen from an mq_objects entry: O(x) of the entry becomes O(list[].x) (O(mapping.x) for the queue
    manager's own attributes, one mapping), one of mq_objects itself stays, any other (and every RV()) points at the
    single-object module."""
    def fix(match):
        role, option, value = match.groups()
        if role == "O" and option in entry_options:
            return "O({0}{1}.{2}{3})".format(otype.list_option, "" if otype.singleton else "[]", option, value)
        if role == "O" and option in bulk_options:
            return match.group(0)
        return "{0}(mqrest.admin.{1}#module:{2}{3})".format(role, otype.module, option, value)
    return [_OPTION_REF.sub(fix, text) for text in paragraphs]


def entry_option_lines(otype, argspec, indent, bulk=False, bulk_options=()):
    """The options of one object (a module's options, or an mq_objects entry's suboptions)."""
    options = argspec.entry_options(otype, restart=not bulk)
    docs = common_docs(otype, bulk)
    docs.update((a.option, attr_doc(otype, a)) for a in otype.attrs if a.option)
    if otype.secret_keywords:
        docs["update_password"] = update_password_doc(otype)
    lines = []
    for name, spec in options.items():
        paragraphs = docs[name]
        if not paragraphs:
            raise SystemExit("{0}: option {1} has no description (Attr.doc)".format(otype.kind, name))
        if bulk:
            paragraphs = _retarget(paragraphs, otype, options, bulk_options)
        lines.extend(option_lines(name, spec, paragraphs, indent))
    return lines


# -- what every object module returns -------------------------------------------------------------------------------
# The support of each Ansible attribute: the same for every object module.
ATTRIBUTES = ["  check_mode:", "    support: full", "  diff_mode:", "    support: full", "  idempotent:", "    support: full",
              "  platform:", "    description: Target operating systems and families that the module can be run against.",
              "    support: full", "    platforms: posix",
              "    details: Runs on the controller (C(delegate_to=localhost)) or any host that reaches the mqweb server over HTTPS."]


def _return_value(name, paragraphs, returned, type_, indent=0, **more):
    pad = " " * indent
    lines = ["{0}{1}:".format(pad, name), "{0}  description:".format(pad)] + _paragraphs(paragraphs, indent + 4)
    lines += ["{0}  returned: {1}".format(pad, returned)] if returned else []
    lines.append("{0}  type: {1}".format(pad, type_))
    for key, value in more.items():
        lines.append("{0}  {1}: {2}".format(pad, key, _flow(value)))
    return lines


def _reasons(codes):
    errors = _registry()[2]
    return _or(["{0} {1}".format(code, errors.reason_name(code)) for code in sorted(codes)])


def _raced_doc(otype):
    """What RV(raced) means for the type, from its verbs' ``raced`` reason codes."""
    verbs, kind = otype.verbs, otype.noun
    cases = []
    if verbs.create is not None and verbs.create.raced:
        cases.append("a C({0}) answered {1} because it exists now".format(verbs.create.text(), _or(str(c) for c in sorted(verbs.create.raced))))
    gone = [v for v in (verbs.change, verbs.remove) if v is not None and v.raced]
    if gone:
        cases.append("{0} C({1}) answered {2} because it is gone".format(
            _a(gone[0].text()).split()[0], ") or C(".join(v.text() for v in gone), _or(str(c) for c in sorted(set().union(*(v.raced for v in gone))))))
    return ("True when another writer changed the {0} between this task's read and its command ({1}), and the task read it "
            "again and converged from there. RV(action) and RV(changed_attributes) say what this task's own commands "
            "did.".format(kind, ", ".join(cases)) if cases else
            "Always false: MQ refuses none of the {0}'s commands because another writer got there first ({1} adds to and "
            "removes from a record, creating it when needed).".format(kind, verbs.change.text()))


def return_lines(otype):
    """The RETURN values every object module has, worded from the row; the object's own entry (its facts, with a sample)
    and anything particular to the module stay written by hand after the block."""
    lifecycle, verbs, noun = otype.lifecycle, otype.verbs, otype.noun
    if otype.singleton:
        actions = ["updated", "unchanged"]  # ALTER QMGR only
    else:
        actions = ["created", "updated"] + (["recreated"] if otype.fixed_attrs else []) + ["unchanged", "deleted", "absent"]
    lines = _return_value("action", ["What was done to the definition."], "always", "str", sample="updated", choices=actions)
    if lifecycle:
        run_action = ["What was done to the run state, besides RV(action)'s change to the definition. V(started), V(stopped) "
                      "or V(restarted) when this task's own command did it (in check mode, what it would do); null when the "
                      "state was already right, when another writer had done it, or with O(state=present) or O(state=absent)."]
        if lifecycle.failing:
            failing = _or(["C({0})".format(state) for state in sorted(lifecycle.failing)])
            run_action.append("V(restarted) with O(state=started) too, for changed attributes (RV(restarted_for)) or for {0} that "
                              "was {1} (RV(restarted_for) then empty).".format(_a(noun), failing))
        run_action.append("The diff then shows C(state) before and after (C(state) before is left out for an object this task "
                          "created).")
        lines += _return_value("run_action", run_action, "success, unless O(state=absent)", "str", sample="started",
                               choices=["started", "stopped", "restarted"])
        lines += _return_value("restarted_for", [
            "The changed attributes that this task restarted the object for (O(state=started) and an C(ALTER) of attributes "
            "that a running object only takes when it next starts); empty otherwise. RV(run_action) is then V(restarted). The "
            "idempotency guide lists these attributes per object type."], "success, unless O(state=absent)", "list",
            elements="str")
        passive = ", or {0} {1}, whose running instances a restart would end".format(
            _a(_or([otype.subtype_label(s) for s in sorted(lifecycle.passive)])), noun) if lifecycle.passive else ""
        lines += _return_value("restart_required", [
            "True when the object runs and keeps the old values of changed attributes until it next starts, because this task "
            "did not restart it (O(state=present){0}). A warning names the attributes.".format(passive)],
            "success, unless O(state=absent)", "bool", sample=False)
    free = any(not a.option for a in otype.attrs)
    lines += _return_value("changed_attributes", ["Options{0} that were or would be changed.".format(
        " (or lower-case MQSC keywords given in O(attributes))" if free else "")], "always", "list", elements="str")
    lines += _return_value("commands", ["MQSC commands that were sent, or that would be sent in check mode, in runmqsc form."],
                           "always", "list", elements="str")
    lines += _return_value("diff", ["Before and after values of the changed attributes{0}.".format(
        ", and C(state) before and after when RV(run_action) is set" if lifecycle else "")], "when diff mode is enabled", "dict")
    if verbs.can_race:
        lines += _return_value("raced", [_raced_doc(otype)], "success", "bool", sample=False)
    if otype.refreshes:
        kinds = sorted({a.refresh for a in otype.attrs if a.refresh} | set(otype.used_by_qmgr.values()))
        lines += _return_value("refresh_required", refresh_doc(otype), "success", "list", elements="str", sample=kinds[:1])
    if otype.restarts_qmgr and not lifecycle:
        lines += _return_value("restart_required", [
            "True when a changed attribute takes effect only when the queue manager next starts ({0}); a warning names "
            "them. This task does not restart it (M(mqrest.admin.qmgr_restart) does).".format(
                _and(["C({0})".format(a.keyword) for a in otype.attrs if a.restart]))], "success", "bool", sample=False)
    lines += _return_value("not_attempted", [
        "When the task failed part-way, the planned MQSC commands that were never sent, in runmqsc form. RV(commands) lists "
        "those that were sent, the last of them the one that failed."], "failure", "list", elements="str")
    if lifecycle:
        lines += _return_value("sync_result", [
            "Facts about the start, stop or restart that was issued and waited for. A restart sums both phases, as the "
            "RV(mqrest.admin.mq_restart#module:sync_results) of M(mqrest.admin.mq_restart) do."],
            "when a start, stop or restart was issued and not in check mode", "dict")
        lines.append("  contains:")
        lines += _return_value("operation", ["V(started), V(stopped) or V(restarted)."], None, "str", indent=4)
        lines += _return_value("polls", ["Number of status requests made while waiting."], None, "int", indent=4)
        lines += _return_value("elapsed_seconds", ["Seconds from sending the command until the status confirmed it."], None,
                               "float", indent=4)
        lines += _return_value("by_another_writer", [
            "True when MQ answered that the {0} already was started ({1}) or stopped ({2}), because another writer got there "
            "between this task's status read and its command. That is not counted as this task's change.".format(
                noun, _reasons(lifecycle.already_started), _reasons(lifecycle.already_stopped)),
            "For a restart, true when MQ answered either phase so."], None, "bool", indent=4)
        if lifecycle.hold:
            lines += _return_value("held_stopped", ["As RV(held_stopped)."], "when RV(held_stopped) is", "bool", indent=4)
        lines.append("  sample: {operation: started, polls: 3, elapsed_seconds: 0.41}")
    return lines


def refresh_doc(otype):
    """What ``refresh_required`` says for a row: which changes wait for which REFRESH SECURITY type."""
    by_type = {}
    for attr in otype.attrs:
        if attr.refresh:
            by_type.setdefault(attr.refresh, []).append("O({0})".format(attr.option) if attr.option else "C({0})".format(attr.keyword))
    parts = ["V({0}) after a change of {1}".format(kind, _or(names)) for kind, names in sorted(by_type.items())]
    parts += ["V({0}) after any change to the {1} the queue manager's C({2}) names".format(kind, otype.noun, keyword)
              for keyword, kind in sorted(otype.used_by_qmgr.items())]
    return ["The C(REFRESH SECURITY) types the change waits for before the queue manager uses it: {0}; empty when nothing "
            "waits. A warning says so. This task never runs the refresh.".format("; ".join(parts))]


# -- the blocks ----------------------------------------------------------------------------------------------------
def blocks():
    """{path relative to the repository: {block name: text}} of every generated block."""
    registry, argspec, _unused = _registry()
    out = {}
    bulk_options = {"purge", "wait", "wait_timeout", "poll_interval", "outage_grace", "stop_mode", "stop_status", "retrying_grace"}
    for otype in registry:
        out["plugins/modules/{0}.py".format(otype.module)] = {
            "attributes": ATTRIBUTES, "options": entry_option_lines(otype, argspec, 2), "return": return_lines(otype)}
    bulk = []
    for otype in registry:
        if otype.singleton:
            paragraphs = ["The queue manager's own attributes, one mapping of the options of M(mqrest.admin.{0}).".format(
                otype.module)] + list(otype.doc) + ["Leave the option out to leave them alone."]
            spec = {"type": "dict"}
        else:
            protected = ", except those MQ makes itself ({0})".format(_protected(otype)) if otype.protected else ""
            paragraphs = ["The {0} this task manages, each with the per-object options of M(mqrest.admin.{1}).".format(
                _plural(otype), otype.module)] + list(otype.doc) + [
                "Two entries with the same O({0}[].{1}) are refused before any request: MQ allows one {2} object per {3}.".format(
                    otype.list_option, a.option, otype.noun, a.option.replace("_", " ")) for a in otype.attrs if a.unique] + [
                "Leave the option out to leave {0} alone. An empty list manages no {1}, which with O(purge) deletes every {1} "
                "whose {2} starts with the prefix{3}.".format(_plural(otype), otype.noun, otype.identity.option, protected)]
            spec = {"type": "list", "elements": "dict"}
        bulk.extend(option_lines(otype.list_option, spec, paragraphs, 2,
                                 entry_option_lines(otype, argspec, 6, bulk=True, bulk_options=bulk_options)))
    out["plugins/modules/mq_objects.py"] = {"options": bulk}
    out["plugins/modules/mq_info.py"] = {
        "options": option_lines("types", {"type": "list", "elements": "str", "choices": registry.kinds,
                                          "default": registry.kinds},
                                ["What to read: V(qmgr) (C(DISPLAY QMGR) and C(DISPLAY QMSTATUS)) and the object types. The "
                                 "default reads the queue manager and every object type."], 2),
        "return": sum((_info_return(otype) for otype in registry if not otype.singleton), [])}
    exported = [t.kind for t in registry.objects]
    out["plugins/modules/mq_export.py"] = {
        "options": option_lines("kinds", {"type": "list", "elements": "str", "choices": exported, "default": exported},
                                ["The object types to export, each as the list option of M(mqrest.admin.mq_objects) it fills "
                                 "(V({0}) fills C({1})). The default exports every type of named object the collection "
                                 "manages (the queue manager's own attributes, C(qmgr_attributes), are not exported).".format(
                                     registry.objects[0].kind, registry.objects[0].list_option)], 2)}
    out["roles/provision/meta/argument_specs.yml"] = {"variables": sum((_role_option(otype) for otype in registry), [])}
    out["roles/provision/tasks/main.yml"] = {"lists": ["    {0}: \"{{{{ {1} | default(omit) }}}}\"".format(t.list_option, t.role_variable)
                                                       for t in registry]}
    # One entry per type, a list of what the host declares (the queue manager's mapping counts as one object); the
    # provision and drift_report roles count the same declarations.
    declared = ["  - \"{{{{ [{0}] if {0} is defined else none }}}}\"".format(t.role_variable) if t.singleton else
                "  - \"{{{{ {0} | default(none) }}}}\"".format(t.role_variable) for t in registry]
    out["roles/provision/vars/main.yml"] = {"declared": ["provision_declared:"] + declared}
    # The drift report reads the provision role's variables: the same declarations serve both.
    out["roles/drift_report/meta/argument_specs.yml"] = out["roles/provision/meta/argument_specs.yml"]
    out["roles/drift_report/tasks/main.yml"] = {"lists": [
        "    {0}: \"{{{{ {1} | mqrest.admin.drift_declarations('{0}') if {1} is defined else omit }}}}\"".format(
            t.list_option, t.role_variable) for t in registry]}
    out["roles/drift_report/vars/main.yml"] = {"declared": ["drift_report_declared:"] + declared}
    out["README.md"] = {"types": _readme_table(registry)}
    out["docs/docsite/rst/guide_architecture.rst"] = {"rows": _guide_table(registry)}
    # Every module that takes the connection options (its documentation extends mqrest.admin.connection) is in the
    # action group, so that module_defaults for group/mqrest.admin.mq reach a new one too; check_role_vars and
    # qmgr_restart_report take none (the group's defaults would be refused by them).
    modules = sorted(os.path.splitext(f)[0] for f in os.listdir(os.path.join(ROOT, "plugins", "modules")) if f.endswith(".py")
                     and "mqrest.admin.connection" in _read(os.path.join(ROOT, "plugins", "modules", f)))
    out["meta/runtime.yml"] = {"action_group": ["    - " + m for m in modules]}
    out["roles/provision/README.md"] = {"variables": ["| Variable | Default | Meaning |", "| --- | --- | --- |"] + [
        "| `{0}` | undefined | a mapping of `mqrest.admin.{1}` options (the queue manager's own attributes, applied first); "
        "undefined leaves them alone |".format(t.role_variable, t.module) if t.singleton else
        "| `{0}` | undefined | entries of `mqrest.admin.{1}` options; undefined leaves {2} alone |".format(
            t.role_variable, t.module, t.noun + "s") for t in registry]}
    return {path: {name: "\n".join(lines) + "\n" for name, lines in found.items()} for path, found in out.items()}


def _protected(otype, value_format="{0}"):
    """The records MQ makes itself, as the row lists them: 'profile *, type blockuser; ...'."""
    def said(key, value):
        attr = otype.by_keyword.get(key.upper())
        option, value = (otype.identity.option, value) if key == otype.name_key else (attr.option, attr.fact(value)) if attr else (key, value)
        return "{0} {1}".format(option, value_format.format(value))
    return "; ".join(", ".join(said(k, v) for k, v in pattern.items()) for pattern in otype.protected)


def _read(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _info_return(otype):
    plural = _plural(otype)
    paragraphs = ["Matching {0}, as M(mqrest.admin.{1}) reports them{2}.".format(
        plural, otype.module, ", each with its status records" if otype.lifecycle else "")]
    if otype.subtype_attr and not otype.lifecycle:
        paragraphs[0] = paragraphs[0][:-1] + " (C({0}) {1}). {2} have no status records here.".format(
            otype.subtype_attr.option, _or(["V({0})".format(otype.subtype_label(c)) for c in otype.subtype_attr.choices]),
            plural[:1].upper() + plural[1:])
    elif not otype.lifecycle:
        paragraphs[0] += " {0} have no status records here.".format(plural[:1].upper() + plural[1:])
    if otype.identity.keyword:
        paragraphs.append("O(name) filters them by C({0}), a trailing V(*) matching any end; the queue manager's own records "
                          "(no {1}) come only with the default V(*).".format(otype.identity.keyword, otype.identity.option))
    if otype.messages:
        keyword, subtypes = otype.messages
        paragraphs.append("{0} {1}'s C({2}) is the number of messages on it.".format(
            _a(_and([otype.subtype_label(s) for s in subtypes])).capitalize(), otype.kind, keyword.lower()))
    lines = ["{0}:".format(otype.list_option), "  description:"] + _paragraphs(paragraphs, 4) + [
        "  returned: when O(types) contains V({0})".format(otype.kind), "  type: list", "  elements: dict"]
    if otype.lifecycle:
        lines += ["  contains:", "    status:", "      description:"] + _paragraphs([
            "Status records (C(DISPLAY {0}), lower-case MQSC keywords); empty when the {1} has no status record.".format(
                otype.lifecycle.status_qualifier, otype.kind)], 8) + [
            "      type: list", "      elements: dict", "    status_summary:", "      description:"] + _paragraphs([
                "The status values, for example V(RUNNING), V(RUNNING x3) or V(no status record)."], 8) + ["      type: str"]
    return lines


def _role_option(otype):
    if otype.singleton:
        paragraphs = ["The queue manager's own attributes, a dictionary of M(mqrest.admin.{0}) options without the connection "
                      "options; applied first (M(mqrest.admin.mq_objects) option C({1})).".format(otype.module, otype.list_option),
                      "Leave it undefined to leave them alone. Not C(mq_qmgr), which names the host's queue manager."]
        return option_lines(otype.role_variable, {"type": "dict"}, paragraphs, 6)
    paragraphs = ["{0}, each a dictionary of M(mqrest.admin.{1}) options without the connection{2} options.".format(
        _plural(otype).capitalize(), otype.module, " and waiting" if otype.lifecycle else ""),
        "Leave it undefined to leave {0} alone; an empty list declares that there are none (see O(provision_purge)).".format(
            _plural(otype))]
    return option_lines(otype.role_variable, {"type": "list", "elements": "dict"}, paragraphs, 6)


def _readme_table(registry):
    lines = ["| Object type | Module | `mq_objects` key, role variable | Run state |", "| --- | --- | --- | --- |"]
    for otype in registry:
        lines.append("| {0} | `mqrest.admin.{1}`: {2} | `{3}`{4}, `{5}` | {6} |".format(
            otype.kind, otype.module, otype.summary, otype.list_option, " (one mapping)" if otype.singleton else "", otype.role_variable,
            "started, stopped, restarted (`{0}`)".format(otype.lifecycle.status_qualifier) if otype.lifecycle else "none"))
    return lines


def _instead(verb, lit):
    """" (ACTION(REMOVEALL) where TYPE is BLOCKUSER or BLOCKADDR)": the keywords a verb carries instead for some records."""
    cases = {}
    for (keyword, value), keywords in verb.instead.items():
        cases.setdefault((keyword, tuple(sorted(keywords.items()))), []).append(value)
    return "".join(" ({0} where {1} is {2})".format(" ".join(lit("{0}({1})".format(k, v)) for k, v in keywords), keyword,
                                                    " or ".join(values)) for (keyword, keywords), values in cases.items())


def _guide_table(registry):
    """The architecture guide's table of rows: what each row says beyond its attributes, as the row says it."""
    def lit(text):
        return "``{0}``".format(text)

    lines = ["", ".. list-table::", "   :header-rows: 1", "   :widths: 10 14 24 10 42", "",
             "   * - Row", "     - DISPLAY", "     - Fixed once created", "     - Lifecycle", "     - Besides its attributes"]
    for otype in registry:
        fixed = []
        for attr in otype.fixed_attrs:
            notes = ["the subtype"] if attr is otype.subtype_attr else []
            notes += ["the command's qualifier"] if attr is otype.type_attr and otype.type_in_qualifier else []
            notes += ["default " + lit(attr.fact(attr.default))] if attr.default else []
            notes += ["unique: a second one is {0} {1}".format(attr.unique, otype.reasons[attr.unique])] if attr.unique else []
            fixed.append(lit(attr.keyword) + (" ({0})".format("; ".join(notes)) if notes else ""))
        if otype.subtype_attr is not None and otype.subtype_attr not in otype.fixed_attrs:
            fixed.append("none ({0} is the subtype)".format(lit(otype.subtype_attr.keyword)))
        lifecycle = otype.lifecycle
        said = []
        if otype.type_default:
            said.append("{0} {1}".format(lit("type_default"), lit(otype.subtype_label(otype.type_default))))
        if otype.required:
            said.append("{0} {1}".format(lit("required"), ", ".join(
                "{0}: {1}".format(subtype, " ".join("({0})".format(" or ".join(k)) if isinstance(k, tuple) else k for k in items))
                if subtype else " ".join(items) for subtype, items in otype.required.items())))
        for keywords in otype.exclusive:
            said.append("{0} {1}".format(lit("exclusive"), " ".join(keywords)))
        if otype.messages:
            said.append("{0} {1} of {2}".format(lit("messages"), lit(otype.messages[0]), ", ".join(otype.messages[1])))
        for keyword, (qualifier, values, what) in otype.references.items():
            said.append("{0} {1}: a {2} ({3})".format(lit("references"), lit(keyword), what, lit(otype.by_keyword[keyword].option + "_check")))
        for subtype, (keyword, value) in otype.namespaces.items():
            said.append("{0} {1}: {2}".format(lit("namespaces"), subtype, lit("{0}({1})".format(keyword, value))))
        if lifecycle and lifecycle.address:
            said.append("{0} {1}".format(lit("address"), ", ".join(lifecycle.address)))
        if otype.singleton:
            said.append("{0}: no name, {1} only (nothing creates or deletes it; never purged)".format(
                lit("SINGLETON"), lit(otype.verbs.change.verb + " " + otype.qualifier)))
        refresh = {}
        for attr in otype.attrs:
            if attr.refresh:
                refresh.setdefault(attr.refresh, []).append(attr.keyword)
        for kind, keywords in sorted(refresh.items()):
            said.append("{0} {1}: {2}".format(lit("refresh"), kind, " ".join(keywords)))
        for keyword, kind in sorted(otype.used_by_qmgr.items()):
            said.append("{0} {1} ({2})".format(lit("used_by_qmgr"), lit(keyword), kind))
        if otype.restarts_qmgr:
            said.append("{0} {1}".format(lit("restart"), " ".join(a.keyword for a in otype.attrs if a.restart)))
        if otype.secret_keywords:
            said.append("{0} {1}".format(lit("secret"), " ".join(sorted(otype.secret_keywords))))
        if otype.identity.keys:
            carrier = " (" + lit(otype.identity.keyword) + ")" if otype.identity.keyword else ""
            keys = ", ".join("{0}: {1}".format(subtype, " ".join(keys)) if subtype else " ".join(keys)
                             for subtype, keys in otype.identity.keys.items())
            said.append("{0} {1}{2}: {3}".format(lit("identity"), lit(otype.identity.option), carrier, keys))
        verbs = [(role, getattr(otype.verbs, role)) for role in ("create", "change", "remove")]
        if [verb.text() if verb else None for _role, verb in verbs] != ["DEFINE", "ALTER", "DELETE"]:
            said.append("{0} {1}".format(lit("verbs"), "; ".join(
                "{0}: {1}{2}{3}".format(role, lit(verb.text()), " (whole record)" if verb.whole else "", _instead(verb, lit))
                for role, verb in verbs if verb)))
        for attr in otype.attrs:
            if attr.delta:
                mode = ", {0} {1}".format(lit("mode_option"), lit(attr.mode_option)) if attr.mode_option else ""
                said.append("{0} {1}: {2}/{3}{4}".format(lit("delta"), lit(attr.keyword), lit(attr.delta[0]), lit(attr.delta[1]), mode))
        if otype.protected:
            said.append("{0} {1}".format(lit("protected"), _protected(otype, "``{0}``")))
        if lifecycle and lifecycle.needs_keyword:
            said.append("{0} {1}".format(lit("needs_keyword"), ", ".join(
                "{0} ({1})".format(keyword, operation) for operation, keyword in lifecycle.needs_keyword.items())))
        cells = [lit(otype.kind.upper()), lit(otype.qualifier) + (" (any type)" if otype.type_in_qualifier else ""),
                 "; ".join(fixed) or "none", lit(lifecycle.status_qualifier) if lifecycle else "none", "; ".join(said) or "none"]
        for first, cell in zip(["   * - "] + ["     - "] * 4, cells):
            lines += textwrap.wrap(cell, WIDTH, initial_indent=first, subsequent_indent="       ", break_long_words=False,
                                   break_on_hyphens=False)
    return lines + [""]


# -- markers -------------------------------------------------------------------------------------------------------
def _markers(path, name):
    comment = "<!-- {0} -->" if path.endswith(".md") else ".. {0}" if path.endswith(".rst") else "# {0}"
    return comment.format("{0} ({1})".format(BEGIN, name)), comment.format("{0} ({1})".format(END, name))


def apply(path, text, found):
    """``text`` with each of ``found``'s blocks written between its markers; SystemExit when a marker is missing."""
    for name, block in found.items():
        begin, end = _markers(path, name)
        pattern = re.compile(r"^([ \t]*){0}\n.*?^[ \t]*{1}\n".format(re.escape(begin), re.escape(end)), re.M | re.S)
        match = pattern.search(text)
        if match is None:
            raise SystemExit("{0}: no '{1}' ... '{2}' lines to write the generated block between".format(path, begin, end))
        pad = match.group(1)
        text = text[:match.start()] + "{0}{1}\n{2}{0}{3}\n".format(pad, begin, block, end) + text[match.end():]
    return text


def main(argv):
    check = "--check" in argv
    stale = []
    for path, found in blocks().items():
        full = os.path.join(ROOT, path)
        with open(full, encoding="utf-8") as handle:
            old = handle.read()
        new = apply(path, old, found)
        if new != old:
            stale.append(path)
            if not check:
                with open(full, "w", encoding="utf-8") as handle:
                    handle.write(new)
    if check and stale:
        print("generated blocks differ from the type registry in: {0}; run python tools/generate_docs.py".format(", ".join(stale)))
        return 1
    print("{0}: {1}".format("stale" if check else "written", ", ".join(stale) or "nothing to change"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
