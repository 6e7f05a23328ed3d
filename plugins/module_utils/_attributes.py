# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""Attribute tables: each MQSC keyword declared once with its option name, type, rules and comparison.

Argument specs, input validation, the diff engine and the snake_case facts are all derived from
these declarations, so a keyword cannot be validated one way and compared another.
"""

from __future__ import annotations

import difflib
import re

from ._errors import MQInputError, add_reason_names
from ._mqsc import MASK

__all__ = ["Attr", "AtLeast", "ObjectType", "Verb", "Verbs", "Identity", "Ref", "SINGLETON", "DEFINE_ALTER_DELETE", "NameChars",
           "NAME_CHARS", "validate_name", "RUN_STATES", "UPDATE_PASSWORD", "one_of"]

# The states that start, stop or restart the object after making it present.
RUN_STATES = ("started", "stopped", "restarted")
# Option names ansible-test's validate-modules takes for secrets unless the argument spec says no_log (its NO_LOG_REGEX).
_LOOKS_SECRET = re.compile(r"pass(?!ive)|secret|token|key", re.I)
# When a secret (Attr.secret) is sent, as community modules say it: on_create (when this task defines the object), always.
UPDATE_PASSWORD = ("on_create", "always")


def _and(words):
    """'a', 'a and b', 'a, b and c'."""
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _a(word):
    """'a local', 'an alias'."""
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def one_of(*keywords):
    """A ``required`` item that any one of ``keywords`` satisfies (a subscription's TOPICSTR or TOPICOBJ)."""
    return tuple(keywords)


def _keywords(item):
    """The keywords of a ``required`` item: itself, or its alternatives."""
    return (item,) if isinstance(item, str) else tuple(item)


class NameChars:
    """The characters a type's names are made of: ``pattern`` (a regular expression a whole name matches) and ``words``
    (how messages and the documentation say it)."""

    __slots__ = ("pattern", "words")

    def __init__(self, pattern, words):
        self.pattern = re.compile(pattern)
        self.words = words


# IBM-NAMING: A-Z a-z 0-9 . / _ % ; no blanks. Names are case-sensitive.
NAME_CHARS = NameChars(r"^[A-Za-z0-9._/%]+$", "A-Z a-z 0-9 . / _ %")
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
# A value echoed in a message is cut after this many characters: a 20,000-character USERDATA would otherwise fill the
# screen and bury the rule (the messages about length say the length).
_SHOWN_MAX = 80


def shown_value(value):
    """A value the user gave, as a message quotes it: its repr, a long string cut to its first 40 characters and '...'."""
    if isinstance(value, str) and len(value) > _SHOWN_MAX:
        quoted = repr(value[:_SHOWN_MAX // 2])
        return quoted[:-1] + "..." + quoted[-1]
    return repr(value)


def validate_name(name, option, max_length, what, generic=False, wildcards="", chars=NAME_CHARS):
    """Reject a name MQ would reject (4008/4044), before anything is sent.

    ``generic``: a trailing * is allowed (a generic name in a DISPLAY); ``wildcards``: characters a generic profile may
    hold anywhere (a CHLAUTH profile's *, an OAM profile's * and ?), each counted in the length; ``chars``: the type's
    name characters (NameChars: a subscription's names hold blanks).
    """
    pattern = name[:-1] if generic and isinstance(name, str) and name.endswith("*") else name
    if generic and name == "*":
        return name
    regex = chars.pattern if not wildcards else re.compile(r"^[A-Za-z0-9._/%" + re.escape(wildcards) + r"]+$")
    if not isinstance(name, str) or not pattern or len(pattern) > max_length or not regex.fullmatch(pattern):
        rule = "1 to {0} characters from {1}".format(max_length, chars.words)
        if generic:
            rule += ", optionally ending in * (a generic name)"
        if wildcards:
            rule += ", with {0} as wildcards anywhere (a generic profile)".format(" and ".join(wildcards))
        # A name that is only too long says by how much: MQ's limits differ per type (20 for a channel, 48 for a queue).
        length = "it is {0} characters long{1}, and ".format(len(pattern), " without the *" if pattern != name else "") \
            if isinstance(name, str) and len(pattern) > max_length else ""
        raise MQInputError("{0}={1} is not a valid {2} name: {3}it must be {4}".format(option, shown_value(name), what, length, rule))
    return name


class AtLeast(tuple):
    """A ``set`` attribute's values declared as a minimum (``mode: add``): the object must hold them, and may hold more."""

    __slots__ = ()


class Attr:
    """One MQSC keyword of one object type.

    value_type: ``str`` (case kept and compared exactly), ``istr`` (compared case-insensitively),
    ``name`` (an MQ object name), ``enum``, ``int``, ``int_or_enum`` (a number or a keyword
    such as AUTO), ``enum_list``, ``name_list`` (MQ object names in order, at most ``maximum`` of them: a namelist's
    NAMES), ``str_list`` (strings in order, each at most ``max_length`` characters, case kept: a channel's send exits,
    which run in turn) and ``bool`` (MQ's YES or NO, a boolean option); ``list`` and ``ilist``: strings MQ keeps
    as one list (a CHLAUTH USERLIST, ADDRLIST), compared as sets (``ilist`` case-insensitively), so a declared list is
    the whole list; ``set``: choices compared as a set after ``shorthands`` are expanded (an authority record's AUTHLIST).
    ``labels``: how the option spells an enum's MQ values where lower case is not enough (a queue's TYPE(QLOCAL) is
    ``type: local``).
    ``fixed``: MQ keeps the value the object was created with (ALTER has no such keyword, or refuses a new value: CHLTYPE,
    TOPICSTR); a different value needs ``recreate``, which deletes and defines the object again.
    ``refresh``: the ``REFRESH SECURITY TYPE(...)`` a change of this keyword waits for before it takes effect (results say
    ``refresh_required``); a change that waits for the object's restart is its lifecycle's business (``Lifecycle.live``).
    ``restart``: a change takes effect only when the queue manager next starts (ALTER QMGR CCSID, SCHINIT, SCMDSERV: results
    say ``restart_required``, with a warning naming them).
    ``secret``: the value is a secret (an AUTHINFO's LDAPPWD): its option is ``no_log``, commands show it masked, facts show
    only whether one is set, and since DISPLAY shows it masked it cannot be compared: it is sent when the object is defined,
    and on every run with the row's ``update_password: always`` (ObjectType.desired_for).
    ``pattern``: (regular expression, the rule in words) a value must match, where MQ has such a rule (OCSPURL starts with
    ``http://``).
    ``unique``: no two objects of the type may hold the same value; the reason code MQ refuses a second one with (TOPICSTR:
    3300, named in the row's ``reasons``). One task that declares a value twice is refused before any request.
    ``doc``: the option's description (Ansible markup, one string per paragraph): tools/generate_docs.py writes it into the
    module's documentation and into mq_objects' suboptions; ``aliases``: other names the option takes.
    ``max_items``: how many values a list may hold (MQ's limit).
    ``shorthands``: {value: {subtype: values}}: a ``set`` choice that stands for several, per subtype (ALL, ALLADM, ALLMQI
    per object type); ``empty``: the value that writes no value at all (NONE).
    ``delta``: (add keyword, remove keyword): a ``set`` that commands write as what to add and what to remove, never whole
    (SET AUTHREC AUTHADD(...) AUTHRMV(...)); ``mode_option``: the entry option that declares it exactly (``exact``: what
    is not declared is removed) or as a minimum (``add``).
    ``when``: {KEYWORD: values}: the attribute is valid only where the record's KEYWORD (the declared value, else the
    existing one, else that keyword's ``mq_default``) is one of ``values``; ``mq_default``: MQ's own default, which ``when``
    and ``needs`` go by. ``needs``: {value: keywords}: holding ``value`` requires those keywords (USERSRC(MAP) requires
    MCAUSER). MQ refuses a record that breaks either.
    """

    __slots__ = ("keyword", "value_type", "option", "choices", "minimum", "maximum", "max_length", "types", "default", "labels",
                 "fixed", "refresh", "restart", "secret", "pattern", "unique", "doc", "aliases", "max_items", "shorthands", "empty",
                 "delta", "mode_option", "when", "mq_default", "needs")

    def __init__(self, keyword, value_type="str", option=None, choices=None, minimum=None, maximum=None, max_length=None, types=None,
                 default=None, labels=None, fixed=False, refresh=None, restart=False, secret=False, pattern=None, unique=None, doc=(),
                 aliases=(), max_items=None, shorthands=None, empty=None, delta=None, mode_option=None, when=None, mq_default=None,
                 needs=None):
        self.keyword = keyword
        self.value_type = value_type
        self.option = option
        self.choices = tuple(choices) if choices else None
        self.minimum = minimum
        self.maximum = maximum
        self.max_length = max_length
        self.types = frozenset(types) if types else None
        # The option's default (a module default, not MQ's): only where every DEFINE and ALTER needs a value.
        self.default = default
        self.labels = dict(labels or {})
        self.fixed = fixed
        self.refresh = refresh
        self.restart = restart
        self.secret = secret
        self.pattern = pattern
        self.unique = unique
        self.doc = (doc,) if isinstance(doc, str) else tuple(doc)
        self.aliases = tuple(aliases)
        self.max_items = max_items
        self.shorthands = dict(shorthands or {})
        self.empty = empty
        self.delta = delta
        self.mode_option = mode_option
        self.when = dict(when or {})
        self.mq_default = mq_default
        self.needs = dict(needs or {})

    @property
    def label(self):
        return self.option or "attributes." + self.keyword

    @property
    def many(self):
        """A value of several values, compared as a set: a list or a set attribute."""
        return self.value_type in ("list", "ilist", "set")

    def applies_to(self, subtype):
        return self.types is None or subtype is None or subtype in self.types

    def argspec(self):
        if self.value_type == "int":
            spec = {"type": "int"}
        elif self.value_type == "enum":
            spec = {"type": "str", "choices": [self.choice_label(c) for c in self.choices]}
        elif self.value_type == "bool":
            spec = {"type": "bool"}
        elif self.value_type in ("enum_list", "set"):
            spec = {"type": "list", "elements": "str", "choices": [c.lower() for c in self.choices]}
        elif self.value_type in ("list", "ilist", "name_list", "str_list"):
            spec = {"type": "list", "elements": "str"}
        else:
            spec = {"type": "str"}
        if self.default is not None:
            spec["default"] = self.fact(self.default)
        if self.aliases:
            spec["aliases"] = list(self.aliases)
        if self.secret:
            spec["no_log"] = True
        elif _LOOKS_SECRET.search(self.option or ""):
            # Not a secret (the key repository's path), though validate-modules' check for undeclared secrets goes by the name.
            spec["no_log"] = False
        return spec

    def shown(self, value):
        """How messages show a value the user gave: a secret's never."""
        return "'{0}'".format(MASK) if self.secret else shown_value(value)

    def validate(self, value, label=None):
        """Check a user value and return it in wire form (what goes into the JSON parameters)."""
        label = label or self.label
        if self.value_type == "int":
            return self._validate_int(value, label)
        if self.value_type == "int_or_enum":
            if isinstance(value, str) and value.upper() in self.choices:
                return value.upper()
            return self._validate_int(value, label, also=" or one of " + ", ".join(self.choices))
        if self.value_type == "enum":
            return self._validate_choice(value, label)
        if self.value_type in ("enum_list", "set"):
            values = value if isinstance(value, (list, tuple)) else [value]
            chosen = [self._validate_choice(v, label) for v in values]
            return chosen if self.value_type == "enum_list" else list(dict.fromkeys(chosen))
        if self.value_type in ("list", "ilist"):
            values = value if isinstance(value, (list, tuple)) else [value]
            if self.max_items and len(values) > self.max_items:
                raise MQInputError("{0} holds {1} values; MQ allows at most {2}".format(label, len(values), self.max_items))
            return list(dict.fromkeys(self._validate_text(v, "{0}[{1}]".format(label, i)) for i, v in enumerate(values)))
        if self.value_type == "name_list":
            return self._validate_names(value, label)
        if self.value_type == "str_list":
            return self._validate_strings(value, label)
        if self.value_type == "bool":
            if isinstance(value, bool):
                return "YES" if value else "NO"
            if isinstance(value, str) and value.upper() in ("YES", "NO"):
                return value.upper()
            raise MQInputError("{0}={1} must be true or false".format(label, self.shown(value)))
        text = self._validate_text(value, label)
        if self.value_type == "name" and text.strip():
            validate_name(text, label, self.max_length or 48, "MQ object")
        return text

    def _validate_text(self, value, label):
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise MQInputError("{0}={1} must be a string".format(label, self.shown(value)))
        text = str(value)
        if _CONTROL_CHARS.search(text):
            raise MQInputError("{0}={1} must be a single line without control characters".format(label, self.shown(text)))
        if self.max_length and len(text) > self.max_length:
            raise MQInputError("{0}={1} is {2} characters long; MQ allows at most {3}".format(
                label, self.shown(text), len(text), self.max_length))
        if self.pattern and text.strip() and not re.match(self.pattern[0], text):
            raise MQInputError("{0}={1} {2}".format(label, self.shown(text), self.pattern[1]))
        return text

    def _validate_int(self, value, label, also=""):
        try:
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError(value)
            number = int(value)
        except (TypeError, ValueError):
            raise MQInputError("{0}={1!r} must be an integer{2}".format(label, value, also))
        if (self.minimum is not None and number < self.minimum) or (self.maximum is not None and number > self.maximum):
            raise MQInputError("{0}={1!r} is out of range: MQ accepts {2} to {3}{4}".format(label, value, self.minimum, self.maximum, also))
        return number

    def _validate_names(self, value, label):
        """A list of MQ object names (empty is a valid list); MQ keeps their order."""
        if not isinstance(value, (list, tuple)):
            raise MQInputError("{0}={1!r} must be a list of names".format(label, value))
        if self.maximum is not None and len(value) > self.maximum:
            raise MQInputError("{0} has {1} names; MQ allows at most {2}".format(label, len(value), self.maximum))
        return [validate_name(v, "{0}[{1}]".format(label, i), self.max_length or 48, "MQ object") for i, v in enumerate(value)]

    def _validate_strings(self, value, label):
        """Strings in order (a channel's exits or their data); runmqsc's one string of them, separated by commas, blanks or
        both, is the same list."""
        if isinstance(value, str):
            value = [v for v in re.split(r"[,\s]+", value) if v]
        if not isinstance(value, (list, tuple)):
            raise MQInputError("{0}={1!r} must be a list of strings".format(label, value))
        items = []
        for i, item in enumerate(value):
            text = item if isinstance(item, str) else None
            if not text or not text.strip() or _CONTROL_CHARS.search(text) or re.search(r"[,\s]", text):
                raise MQInputError("{0}[{1}]={2} must be a non-empty string without blanks, commas or control characters".format(
                    label, i, shown_value(item)))
            if self.max_length and len(text) > self.max_length:
                raise MQInputError("{0}[{1}]={2} is {3} characters long; MQ allows at most {4}".format(
                    label, i, shown_value(text), len(text), self.max_length))
            items.append(text)
        return items

    def _validate_choice(self, value, label):
        if isinstance(value, str):
            for choice in self.choices:
                if value.lower() == self.choice_label(choice):
                    return choice
        raise MQInputError("{0}={1!r} must be one of {2}".format(label, value, ", ".join(self.choice_label(c) for c in self.choices)))

    def choice_label(self, choice):
        """How the option spells one of MQ's values: lower case, or its label."""
        return self.labels.get(choice, choice.lower())

    def items(self, value):
        """The values of a list or set attribute as DISPLAY or a user gives them: a list, or MQ's comma-separated text."""
        if value is None:
            return []
        values = value if isinstance(value, (list, tuple, set, frozenset)) else str(value).split(",")
        items = [str(v).strip() for v in values]
        return [v.upper() if self.value_type != "list" else v for v in items if v]

    def expand(self, values, subtype):
        """A set's values with each shorthand replaced by what it stands for on ``subtype`` and ``empty`` left out."""
        expanded = set()
        for value in values:
            if value in self.shorthands and subtype in self.shorthands[value]:
                expanded.update(self.shorthands[value][subtype])
            elif value != self.empty:
                expanded.add(value)
        return frozenset(expanded)

    def normalize(self, value, subtype=None):
        """Comparable form of a wire or DISPLAY value. MQ strips trailing blanks on DISPLAY. ``subtype``: the object's,
        which a set's shorthands expand by."""
        if value is None:
            return None
        if self.many:
            items = self.items(value)
            return self.expand(items, subtype) if self.value_type == "set" else frozenset(items)
        if self.value_type == "int":
            try:
                return int(value)
            except (TypeError, ValueError):
                return value
        if self.value_type in ("enum_list", "name_list", "str_list"):
            # Order matters: COMPMSG/COMPHDR list the techniques in order of preference, MQ keeps a namelist's order and runs
            # exits in their order.
            values = value if isinstance(value, (list, tuple)) else [v for v in str(value).split(",") if v.strip()]
            if self.value_type in ("name_list", "str_list"):
                return tuple(str(v).strip() for v in values)  # names are case-sensitive
            return tuple(str(v).strip().upper() for v in values)
        if self.value_type == "bool" and isinstance(value, bool):
            return "YES" if value else "NO"
        text = str(value).rstrip()
        if self.value_type in ("istr", "enum", "int_or_enum", "bool"):
            return text.upper()
        return text

    def satisfied(self, desired, current, subtype=None):
        """Does the value DISPLAY shows, ``current``, hold the ``desired`` one? Equal, or for a set declared as a minimum
        (AtLeast), a superset of it."""
        if isinstance(desired, AtLeast):
            return self.normalize(desired, subtype) <= (self.normalize(current, subtype) or frozenset())
        if self.many:
            return self.normalize(desired, subtype) == (self.normalize(current, subtype) or frozenset())
        return self.normalize(current) == self.normalize(desired)

    def wire(self, value):
        """A DISPLAY value in the form a command takes it (an existing value a command carries on)."""
        if self.many:
            return self.items(value)
        return value.rstrip() if isinstance(value, str) else value

    def fact(self, value):
        """User-facing form for results: enums in the lower case the options use; of a secret, only whether one is set."""
        if self.secret:
            return MASK if str(value or "").strip() else ""
        if self.value_type == "enum" and isinstance(value, str):
            return self.choice_label(value.strip().upper()) if self.labels else value.lower()
        if self.value_type == "bool" and isinstance(value, str) and value.strip().upper() in ("YES", "NO"):
            return value.strip().upper() == "YES"
        if self.value_type == "enum_list":
            return [v.lower() for v in self.normalize(value)]
        if self.value_type == "set":
            return sorted(v.lower() for v in self.items(value) if v != self.empty)
        if self.value_type in ("list", "ilist"):
            return self.items(value)
        if self.value_type in ("name_list", "str_list"):
            return list(self.normalize(value))
        if self.value_type in ("str", "istr", "name") and isinstance(value, str):
            return value.rstrip()
        return value


class Verb:
    """One MQSC verb a type is changed with: ``DEFINE``, or ``SET`` with its fixed keywords (``ACTION(ADD)``).

    ``raced``: the reason codes with which MQ says another writer got there first, between this task's DISPLAY and this
    command; the object is then read and planned again instead of failing (``_ensure.Applying``).
    ``whole``: the command replaces the whole record (SET CHLAUTH ... ACTION(REPLACE)), so a change carries every
    attribute the record keeps, the ones this task leaves alone with their existing values, not only those that differ.
    """

    __slots__ = ("verb", "parameters", "raced", "whole", "instead")

    def __init__(self, verb, parameters=None, raced=(), whole=False, instead=None):
        self.verb = verb
        self.parameters = dict(parameters or {})
        self.raced = frozenset(raced)
        self.whole = whole
        # {(KEYWORD, VALUE): {KEYWORD: value}}: the verb's own keywords for a record whose KEYWORD holds VALUE instead
        # (ACTION(REMOVEALL) for a blocking CHLAUTH record, whose list ACTION(REMOVE) would take entry by entry).
        self.instead = dict(instead or {})

    def parameters_for(self, params):
        """The verb's own keywords for a command that carries ``params``."""
        out = dict(self.parameters)
        for (keyword, value), keywords in self.instead.items():
            if str(params.get(keyword) or "").upper() == value:
                out.update(keywords)
        return out

    def text(self):
        """How documentation names the verb: ``DEFINE``, ``SET ... ACTION(ADD)``."""
        return " ".join([self.verb] + (["..."] if self.parameters else []) + ["{0}({1})".format(k, v) for k, v in self.parameters.items()])


class Verbs:
    """The verbs that create, change and remove objects of a type; None where MQ has none (ALTER QMGR neither creates nor
    deletes). A kind written with ``SET ... ACTION(ADD|REPLACE|REMOVE)`` (CHLAUTH) names the same verb three times with
    its ACTION; SET AUTHREC both creates and changes."""

    __slots__ = ("create", "change", "remove")

    def __init__(self, create=None, change=None, remove=None):
        self.create, self.change, self.remove = create, change, remove

    @staticmethod
    def role(command):
        """"create", "change" or "remove": what ``command`` does to a definition, as it was built (``MQSCCommand.role``)."""
        return command.role

    def raced(self, command):
        verb = getattr(self, command.role or "", None)
        return verb.raced if verb is not None else frozenset()

    @property
    def can_race(self):
        """Whether another writer can get between a read and a command (ALTER QMGR cannot: the queue manager is always there)."""
        return any(verb is not None and verb.raced for verb in (self.create, self.change, self.remove))


# MQ has no transactions over REST: between our DISPLAY and our command another writer (a second play, an operator in
# runmqsc) may define or delete the object. A DEFINE answered 4001 (MQRCCF_OBJECT_ALREADY_EXISTS: it exists now) or 4002
# (MQRCCF_OBJECT_WRONG_TYPE: a queue of another type has the name now, queues sharing one name space), an ALTER answered 2085
# (MQRC_UNKNOWN_OBJECT_NAME: it is gone now), a DELETE answered 2085 (it is gone already, which is what the DELETE wanted).
DEFINE_ALTER_DELETE = Verbs(create=Verb("DEFINE", raced=(4001, 4002)), change=Verb("ALTER", raced=(2085,)),
                            remove=Verb("DELETE", raced=(2085,)))


class Identity:
    """What names one object of a type: in the module options, in DISPLAY rows and in commands.

    ``option``: the option whose value names the object (``name``; a CHLAUTH or AUTHREC ``profile``). ``keyword``: None
    where that value is the command's name (``DEFINE TOPIC(name)``, ``SET CHLAUTH(profile)``), else the keyword that
    carries it (``SET AUTHREC PROFILE(...)``). ``keys``: {subtype or None: keywords}: the keywords that take part in the
    identity besides it, in the order commands carry them, sent on every command (CHLAUTH: TYPE, and ADDRESS for an
    ADDRESSMAP); none for the name-keyed types. Objects of subtypes in ``ObjectType.namespaces`` are told apart by their
    namespace too. ``display``: the key keywords a DISPLAY of one object may carry (DISPLAY CHLAUTH takes TYPE, but ADDRESS
    only with MATCH(RUNCHECK)) and the fixed ones it adds ({"MATCH": "EXACT"}). ``wildcards``: the characters a generic
    profile may hold anywhere. ``optional``: the subtypes whose objects the option does not name (the queue manager's own
    authority record has no PROFILE).
    Neither an option nor keys: one object of the type exists, the queue manager itself (``ALTER QMGR``, ``SINGLETON``).
    """

    __slots__ = ("option", "keyword", "keys", "display", "wildcards", "optional", "doc")

    def __init__(self, option="name", keys=None, keyword=None, display=((), None), wildcards="", optional=(), doc=()):
        self.option = option
        self.keyword = keyword
        self.keys = dict(keys or {})
        self.display = (tuple(display[0]), dict(display[1] or {}))
        self.wildcards = wildcards
        self.optional = frozenset(optional)
        self.doc = (doc,) if isinstance(doc, str) else tuple(doc)  # what the name option's description adds for this type

    def keywords(self, subtype=None):
        """The identity keywords besides the name of an object of ``subtype``."""
        return self.keys.get(subtype, self.keys.get(None, ()))

    @property
    def all_keywords(self):
        return {k for keywords in self.keys.values() for k in keywords}

    def of_params(self, object_type, params, subtype=None):
        """The identity of the object ``params`` declare: a tuple, the name first; its namespace last."""
        keywords = self.keys.get(subtype, self.keys.get(None, ()))
        values = ([params[self.option]] if self.option else []) + [params.get(object_type.by_keyword[k].option) for k in keywords]
        return tuple(values) + (object_type.namespace(subtype),)

    @property
    def singleton(self):
        return self.option is None and not self.keys


class Ref:
    """Which object an entry or a command is about: ``name``, the identity option's value (None for the queue manager's own
    authority record); ``keys``, ((KEYWORD, wire value or None), ...), the identity keywords besides it in command order;
    and the namespace ("" but for a clntconn channel's)."""

    __slots__ = ("name", "keys", "namespace")

    def __init__(self, name, keys=(), namespace=""):
        self.name = name
        self.keys = tuple(keys)
        self.namespace = namespace

    def __repr__(self):
        return "Ref({0!r}, {1!r}, {2!r})".format(self.name, self.keys, self.namespace)


# The identity of the queue manager's own row: no name, no keys; ALTER QMGR addresses the one there is.
SINGLETON = Identity(option=None)


class ObjectType:
    """An MQ object type: its qualifier, name rules, attribute table and lifecycle record.

    ``type_attr`` is the keyword MQ requires on every DEFINE and ALTER and never lets change
    (CHLTYPE for channels, IBM-RC3034; TRPTYPE for listeners, IBM-ALT-LSTR/IBM-EXPL-LSTR).
    ``type_in_qualifier``: the type is not a keyword but the qualifier of DEFINE, ALTER and DELETE (a queue's TYPE:
    ``DEFINE QLOCAL``), while DISPLAY uses ``qualifier`` for every type (``DISPLAY QUEUE`` finds any queue).
    ``type_default``: the subtype an object is created with when the subtype option is not given; with a ``type_attr``
    the command carries it, without one it is MQ's own default (a subscription's DESTCLAS(PROVIDED)) and only decides
    which keywords are required.
    ``required`` maps a subtype to the keywords MQ needs before it will define it; an item made with ``one_of`` is
    satisfied by any one of its keywords.
    ``exclusive``: {(keyword, keyword, ...): why}: keywords one declaration may not give together, with the reason.
    ``name_chars``: the characters of the type's names (``NameChars``; IBM-NAMING's unless said: a subscription's name
    may have blanks inside).
    ``lifecycle``: how objects of this type start, stop and report their status (None: no run state).
    ``namespaces``: {subtype: (keyword, value)}: subtypes MQ keeps apart under their own names, so that one name can also
    be an object of another subtype, and the keyword with which DELETE addresses them (CLNTCONN channels: the client
    channel table, CHLTABLE(CLNTTBL)). An object's namespace is that subtype, or "" for the queue manager's own.
    ``subtype_keyword``: for a type without a lifecycle, the keyword that decides which attributes apply (a queue's TYPE);
    a type that runs takes it from its lifecycle.
    ``messages``: (DISPLAY keyword, subtypes) of what a DELETE would destroy with the object: the messages of a local
    queue (CURDEPTH), which MQ refuses to delete without PURGE.
    ``references``: {keyword: (qualifier, {keyword: value}, what)}: an attribute naming another object that must exist and
    hold those values for this one to work (a sender's XMITQ: a local queue with USAGE(XMITQ)); the module option
    ``<option>_check`` says whether a missing one warns, fails or is ignored.
    ``verbs``: how definitions are created, changed and removed (``Verbs``; DEFINE, ALTER and DELETE unless said).
    ``identity``: what names one object (``Identity``; the ``name`` option unless said).
    ``reasons``: {code: IBM name} of the reason codes particular to this type (a ``unique`` attribute's); failure
    messages name them as they name the common ones (_errors.REASON_NAMES).
    ``list_option``: the mq_objects option (and, with ``mq_`` before it, the provision role's variable) that declares
    objects of this type; ``module``: its single-object module. ``summary``: what its module manages, in a few words
    (README); ``doc``: paragraphs about the type for the mq_objects list option; ``attributes_example``: a dictionary of
    keywords without an option, as the ``attributes`` option's description shows it. ``noun``: how prose names one object
    ("channel authentication record"; the kind unless said).
    ``shared_options``: the entry options besides the identity, ``state`` and the attributes' (``attributes``, the free-form
    keywords; ``recreate``); ``force`` and ``purge`` come with a lifecycle and with ``messages``.
    ``checks``: functions (params, subtype) that refuse what IBM's syntax forbids and no attribute can say alone (a
    BLOCKADDR profile other than *, a wildcard in CLNTUSER), run on every entry before any request.
    ``read_row``: a function that turns a DISPLAY row into the table's terms (DISPLAY AUTHREC names the holder ENTITY(x)
    ENTTYPE(PRINCIPAL), commands PRINCIPAL(x)); ``protected``: rows (partial, lower-case keywords) that MQ makes itself and
    ``purge`` never removes (IBM's default CHLAUTH records, the mqm group's authority records).
    ``defaults``: the queue manager's own object that a DEFINE without LIKE copies every attribute not given from (MQ's
    SYSTEM.DEF.* and SYSTEM.DEFAULT.* objects): one name, or {value of the type keyword: name} where each type has its
    own (SYSTEM.DEF.SENDER for CHLTYPE(SDR)). mq_export leaves out what equals it; None where MQ has none.
    ``noun``: how documentation names one object of the type, where the kind is an abbreviation (``authentication information
    object`` for ``authinfo``).
    ``used_by_qmgr``: {QMGR keyword: REFRESH SECURITY type}: the queue manager attribute that names the object it uses (an
    AUTHINFO named by CONNAUTH), and the refresh a change of that object waits for (``refresh_required``).
    ``list_option``: the mq_objects option that declares objects of this type (a list; for the queue manager's own row, one
    mapping), and with ``mq_`` before it the provision role's variable (``role_variable``); ``module``: its single-object
    module. ``summary``: what its module manages, in a few words (README); ``doc``: paragraphs about the type
    for the mq_objects list option; ``attributes_example``: a dictionary of keywords without an option, as the
    ``attributes`` option's description shows it.
    """

    def __init__(self, kind, qualifier, name_max, attrs, type_attr=None, required=None, lifecycle=None, subtype_keyword=None,
                 type_in_qualifier=False, type_default=None, messages=None, references=None, namespaces=None,
                 verbs=DEFINE_ALTER_DELETE, identity=None, list_option=None, module=None, summary="", doc=(), attributes_example=None,
                 reasons=None, used_by_qmgr=None, noun=None, exclusive=None, name_chars=NAME_CHARS, defaults=None,
                 shared_options=("attributes", "recreate"), checks=(), read_row=None, protected=()):
        self.kind = kind
        self.noun = noun or kind
        self.shared_options = tuple(shared_options)
        self.checks = tuple(checks)
        self.read_row = read_row
        self.protected = tuple(protected)
        self.qualifier = qualifier
        self.name_max = name_max
        self.attrs = tuple(attrs)
        self.by_keyword = {a.keyword: a for a in self.attrs}
        self.by_option = {a.option: a for a in self.attrs if a.option}
        self.type_attr = self.by_keyword[type_attr] if type_attr else None
        # The type keyword can never change in place, whatever the row says (IBM-RC3034 for CHLTYPE).
        self.fixed_attrs = tuple(a for a in self.attrs if a.fixed or a is self.type_attr)
        self.verbs = verbs
        self.identity = identity or Identity()
        self.list_option = list_option or kind + "s"
        self.role_variable = "mq_" + self.list_option
        self.module = module or "mq_" + kind
        self.used_by_qmgr = dict(used_by_qmgr or {})
        self.secret_keywords = frozenset(a.keyword for a in self.attrs if a.secret)
        self.summary = summary
        self.doc = (doc,) if isinstance(doc, str) else tuple(doc)
        self.attributes_example = attributes_example
        self.reasons = dict(reasons or {})
        unnamed = [a.keyword for a in self.attrs if a.unique and a.unique not in self.reasons]
        if unnamed:
            raise ValueError("{0}: the reason code of unique {1} has no name in reasons".format(kind, ", ".join(unnamed)))
        add_reason_names(self.reasons)
        self.defaults = defaults
        self.type_in_qualifier = type_in_qualifier
        self.type_default = type_default
        self.required = required or {}
        self.exclusive = dict(exclusive or {})
        self.name_chars = name_chars
        self.lifecycle = lifecycle
        self.namespaces = dict(namespaces or {})
        self.messages = messages
        self.references = dict(references or {})
        # The attribute whose value decides the rules: which other attributes apply, which are required, how it runs.
        subtype_keyword = lifecycle.subtype_keyword if lifecycle else subtype_keyword
        self.subtype_attr = self.by_keyword[subtype_keyword] if subtype_keyword else None

    @property
    def singleton(self):
        """One object of the type exists and is only changed (the queue manager: ALTER QMGR, no name, no DEFINE or DELETE)."""
        return self.identity.singleton

    def name_of(self, params):
        """The name the options give the object (None for the queue manager, which ALTER QMGR does not name)."""
        return params[self.identity.option] if self.identity.option else None

    def waits(self, keywords):
        """(REFRESH SECURITY types, keywords) that a change of ``keywords`` waits for before it takes effect: the refreshes
        (Attr.refresh) and the keywords the queue manager takes only at its next start (Attr.restart)."""
        attrs = [self.by_keyword[k] for k in keywords if k in self.by_keyword]
        return sorted({a.refresh for a in attrs if a.refresh}), [a.keyword for a in attrs if a.restart]

    @property
    def refreshes(self):
        """Whether a change of an object of this type may wait for a REFRESH SECURITY (results say refresh_required)."""
        return bool(self.used_by_qmgr) or any(a.refresh for a in self.attrs)

    @property
    def restarts_qmgr(self):
        """Whether a change may wait for the queue manager's next start (results say restart_required)."""
        return any(a.restart for a in self.attrs)

    def subtype(self, params):
        """The subtype the module options give (CHLTYPE from type, SERVTYPE from service_type) as MQ spells it, or None."""
        value = params.get(self.subtype_attr.option) if self.subtype_attr else None
        return self.subtype_attr.validate(value) if value else None

    def row_subtype(self, row):
        """The subtype of a DISPLAY row (None for types without one and for absent objects)."""
        if self.subtype_attr is None or not row:
            return None
        keyword = self.subtype_attr.keyword
        value = row.get(keyword.lower(), row.get(keyword))
        return str(value).strip().upper() if value else None

    def default_name(self, row):
        """The name of the object MQ defines the object of DISPLAY ``row`` from (``defaults``), or None."""
        if isinstance(self.defaults, dict):
            value = row.get(self.type_attr.keyword.lower()) if self.type_attr is not None else None
            return self.defaults.get(str(value or "").strip().upper())
        return self.defaults

    def subtype_label(self, subtype):
        """How options and messages name a subtype: 'sdr', 'local'."""
        return self.subtype_attr.fact(subtype) if self.subtype_attr else subtype.lower()

    def held_messages(self, row):
        """How many messages a DELETE of the object DISPLAY ``row`` shows would discard (0 for what holds none)."""
        if not self.messages or not row or self.row_subtype(row) not in self.messages[1]:
            return 0
        try:
            return int(row.get(self.messages[0].lower()) or 0)
        except (TypeError, ValueError):
            return 0

    def namespace(self, subtype):
        """The namespace objects of ``subtype`` live in: "" (the queue manager's), or the subtype that has one of its own."""
        subtype = str(subtype or "").strip().upper()
        return subtype if subtype in self.namespaces else ""

    def row_namespace(self, row):
        return self.namespace(self.row_subtype(row))

    def command_namespace(self, parameters):
        """The namespace a DEFINE, ALTER (by their type keyword) or DELETE (by its table keyword) addresses."""
        if self.type_attr is not None and self.type_attr.keyword in parameters:
            return self.namespace(parameters[self.type_attr.keyword])
        return next((subtype for subtype, (keyword, value) in self.namespaces.items()
                     if str(parameters.get(keyword, "")).upper() == value), "")

    def delete_parameters(self, row):
        """The keyword DELETE needs for the object of DISPLAY ``row``: {} in the queue manager's namespace."""
        namespace = self.row_namespace(row)
        return dict([self.namespaces[namespace]]) if namespace else {}

    # -- identity: which object an entry, a row or a command is about ------------------------------------------------
    @property
    def name_key(self):
        """The DISPLAY row key that holds the identity option's value: the qualifier's (``chlauth``, ``queue``) or the
        identity keyword's (``profile``)."""
        return (self.identity.keyword or self.qualifier).lower()

    def rows(self, rows):
        """DISPLAY rows in the table's terms (``read_row``)."""
        return [self.read_row(row) for row in rows] if self.read_row else list(rows)

    def ref(self, params, subtype=None):
        """The object the options ``params`` name; its identity keywords as wire values (validated)."""
        keys = []
        for keyword in self.identity.keywords(subtype):
            attr = self.by_keyword[keyword]
            value = params.get(attr.option)
            keys.append((keyword, attr.validate(value) if value is not None else None))
        return Ref(params.get(self.identity.option), keys, self.namespace(subtype))

    def row_ref(self, row):
        """The object DISPLAY ``row`` shows, named as MQ holds it (a mixed-case CLNTUSER as it was set)."""
        keys = [(k, self.by_keyword[k].wire(row[k.lower()]) if str(row.get(k.lower()) or "").strip() else None)
                for k in self.identity.keywords(self.row_subtype(row))]
        return Ref(row.get(self.name_key), keys, self.row_namespace(row))

    def command_ref(self, command):
        """The object a command built by _ensure addresses."""
        parameters = command.parameters
        name = parameters.get(self.identity.keyword) if self.identity.keyword else command.name
        subtype = parameters.get(self.subtype_attr.keyword) if self.subtype_attr is not None and self.identity.keys else None
        keys = [(k, parameters.get(k)) for k in self.identity.keywords(subtype)]
        return Ref(name, keys, self.command_namespace(parameters))

    def key(self, ref):
        """The identity of ``ref`` (a name, or a Ref) as a comparable tuple: the name first, its namespace last; the
        identity keywords between, compared as their attributes compare values (an ADDRESS case-insensitively)."""
        if not isinstance(ref, Ref):
            return ref, ""
        values = [self.by_keyword[k].normalize(v) if str(v or "").strip() else "" for k, v in ref.keys]
        return tuple([ref.name or ""] + values + [ref.namespace])

    def label(self, ref, namespace=""):
        """How results name an object: its name, followed by its namespace where another object may share the name, and
        by the identity keywords where the name alone does not say which record it is ("APP.SVRCONN type=addressmap,
        address=10.1.*")."""
        if not isinstance(ref, Ref):
            ref = Ref(ref, (), namespace)
        text = "{0} ({1})".format(ref.name, ref.namespace.lower()) if ref.namespace else ref.name
        keys = ["{0}={1}".format(self.by_keyword[k].option, self.by_keyword[k].fact(v)) for k, v in ref.keys if str(v or "").strip()]
        return " ".join([t for t in (text, ", ".join(keys)) if t])

    def identity_parameters(self, ref):
        """{KEYWORD: value} that name ``ref`` on a command: the identity keyword (PROFILE) and the key keywords that hold a
        value, in command order (TYPE right after a CHLAUTH profile, as IBM's syntax diagram has it)."""
        parameters = {self.identity.keyword: ref.name} if self.identity.keyword and ref.name is not None else {}
        parameters.update((k, v) for k, v in ref.keys if str(v or "").strip())
        return parameters

    def command_name(self, ref):
        """The name a command carries in its qualifier's parentheses: None where the identity goes into a keyword."""
        return None if self.identity.keyword else ref.name if isinstance(ref, Ref) else ref

    def display_of(self, ref):
        """(name, parameters) of the DISPLAY that reads object ``ref``: its name, the identity keywords the DISPLAY takes and
        the ones it adds (DISPLAY CHLAUTH(profile) TYPE(...) MATCH(EXACT)); the rows are then picked by the whole key."""
        if not isinstance(ref, Ref):
            return ref, {}
        keywords, fixed = self.identity.display
        parameters = {k: v for k, v in self.identity_parameters(ref).items() if k == self.identity.keyword or k in keywords}
        parameters.update(fixed)
        return self.command_name(ref), parameters

    def is_protected(self, row):
        """Is DISPLAY ``row`` one of the records MQ makes itself (``protected``), which purge never removes?"""
        return any(all(str(row.get(k) or "").strip() == v for k, v in pattern.items()) for pattern in self.protected)

    def pick(self, rows, name, subtype=None, namespace=None):
        """The DISPLAY row of object ``name`` (a name, or a Ref) among ``rows`` (all rows of that name), or None.

        A Ref with identity keywords picks the row that holds them all. ``subtype`` (given by the user) or ``namespace``
        (from a command) says which namespace; with neither, a name that exists in two namespaces is ambiguous, and
        MQInputError asks for the subtype option.
        """
        if isinstance(name, Ref):
            if name.keys:
                wanted = self.key(name)
                return next((row for row in rows if self.key(self.row_ref(row)) == wanted), None)
            name = name.name
        if subtype or namespace is not None:
            wanted = self.namespace(subtype) if subtype else namespace
            return next((row for row in rows if self.row_namespace(row) == wanted), None)
        found = sorted({self.row_namespace(row) for row in rows})
        if len(found) > 1:
            raise MQInputError("{0} {1!r} exists twice, as {2}; MQ keeps {3} apart, so they may share a name: set {4} to say "
                               "which one this is".format(self.kind, name, _and(sorted(str(self.row_subtype(r)).lower() for r in rows)),
                                                          _and([n.lower() for n in found if n]), self.subtype_attr.option))
        return rows[0] if rows else None

    def validate_entry(self, params):
        """The identity and the rules of IBM's syntax that the options alone decide (``checks``), whatever the state;
        raises MQInputError naming the option and the rule before any request. Returns the object's Ref."""
        if self.singleton:
            return Ref(None)  # the queue manager's own attributes: ALTER QMGR names nothing
        subtype = self.subtype(params)
        option, name = self.identity.option, params.get(self.identity.option)
        if name is None:
            if subtype not in self.identity.optional:
                raise MQInputError("{0} is required{1}".format(option, " unless {0}={1}".format(
                    self.subtype_attr.option, " or ".join(self.subtype_label(s) for s in sorted(self.identity.optional)))
                    if self.identity.optional else ""))
        elif subtype in self.identity.optional:
            raise MQInputError("{0}={1!r}: leave {0} out with {2}={3}: the record is the queue manager's own, which MQ names "
                               "without a {4}".format(option, name, self.subtype_attr.option, self.subtype_label(subtype),
                                                      self.identity.keyword or option.upper()))
        else:
            validate_name(name, option, self.name_max, self.noun, wildcards=self.identity.wildcards, chars=self.name_chars)
        for keyword in self.identity.keywords(subtype):
            attr = self.by_keyword[keyword]
            if keyword in self.required.get(subtype, ()) and params.get(attr.option) is None:
                raise MQInputError("{0} is required with {1}={2}: it names the {3} ({4} is part of its identity)".format(
                    attr.option, self.subtype_attr.option, self.subtype_label(subtype), self.noun, keyword))
        for check in self.checks:
            check(params, subtype)
        return self.ref(params, subtype)

    def record(self, desired, row):
        """What a command that replaces a whole record (``Verb.whole``) carries: ``desired``, and the existing values of the
        attributes this task leaves alone that the new record still takes (``Attr.when``), so that the attributes not
        declared stay as they are, whether MQ keeps or resets what a replacement does not name."""
        subtype = desired.get(self.subtype_attr.keyword) if self.subtype_attr is not None else None
        subtype = subtype or self.row_subtype(row)
        carried = dict(desired)
        for attr in self.attrs:
            if attr.keyword in carried or not attr.applies_to(subtype):
                continue
            value = (row or {}).get(attr.keyword.lower())
            if attr.items(value) if attr.many else str(value if value is not None else "").strip():
                carried[attr.keyword] = attr.wire(value)
        return {k: v for k, v in carried.items() if k in desired or not self._broken(self.by_keyword[k], carried, None, subtype)}

    def _held(self, keyword, desired, row, subtype):
        """What the record holds for ``keyword``: the declared value, else the existing one, else MQ's default."""
        attr = self.by_keyword[keyword]
        if keyword in desired:
            return attr.normalize(desired[keyword])
        current = (row or {}).get(keyword.lower())
        if str(current if current is not None else "").strip():
            return attr.normalize(current)
        return attr.mq_default if attr.applies_to(subtype) else None

    def _broken(self, attr, desired, row, subtype):
        """(keyword, value held) of the first ``Attr.when`` condition the record breaks for ``attr``, or None."""
        for keyword, allowed in attr.when.items():
            held = self._held(keyword, desired, row, subtype)
            if held is not None and held not in allowed:
                return keyword, held
        return None

    def check_record(self, desired, row, subtype):
        """Refuse a record MQ would refuse for what its keywords hold together (``Attr.when``, ``Attr.needs``): the
        declared values over the existing record's over MQ's defaults. Raises MQInputError naming the options."""
        for keyword in desired:
            attr = self.by_keyword[keyword]
            broken = self._broken(attr, desired, row, subtype)
            if broken:
                other = self.by_keyword[broken[0]]
                raise MQInputError("{0} is valid only with {1}={2}, and this {3} has {1}={4}{5}".format(
                    attr.label, other.label, " or ".join(other.fact(v) for v in attr.when[broken[0]]), self.noun,
                    other.fact(broken[1]), "" if broken[0] in desired else " (MQ's default)" if not row else " (as it exists)"))
        for attr in self.attrs:
            if not attr.needs or not attr.applies_to(subtype):
                continue
            held = self._held(attr.keyword, desired, row, subtype)
            missing = [self.by_keyword[k].label for k in attr.needs.get(held, ()) if self._held(k, desired, row, subtype) in (None, "")]
            if missing:
                why = "" if attr.keyword in desired else " (as it exists)" if row else " ({0} is MQ's default)".format(attr.fact(held))
                raise MQInputError("{0}={1} needs {2}{3}".format(attr.label, attr.fact(held), _and(missing), why))

    def row_from_facts(self, facts):
        """The DISPLAY row behind ``facts`` (option names back to lower-case keywords) as far as the table knows them."""
        return {(self.by_option[key].keyword.lower() if key in self.by_option else key): value for key, value in facts.items()}

    def check_state(self, params):
        """The rules of ``state`` that the options alone decide; raises before anything is sent.

        Without the subtype option (``type``, ``service_type``) the subtype comes from the existing definition, so
        its rules are checked after the one DISPLAY (``creating``, ``check_run``).
        """
        if self.subtype_attr is None or self.subtype(params):
            self.check_run(params.get("state", "present"), self.subtype(params))

    def check_run(self, state, subtype):
        """Refuse a start, stop or restart that the object's subtype cannot do (``subtype`` None: MQ's default)."""
        if state not in RUN_STATES:
            return
        why = self.lifecycle.why_unstartable(subtype)
        if why:
            raise MQInputError("state={0!r} is not supported for {1} {2}: {3}".format(state, _a(self.subtype_label(subtype)), self.kind, why))
        why = self.lifecycle.why_unmonitored(subtype)
        if why:
            monitored = [self.subtype_label(c) for c in self.subtype_attr.choices if not self.lifecycle.why_unmonitored(c)]
            raise MQInputError("state={0!r} needs {1}={2}: {3}".format(
                state, self.subtype_attr.option, " or ".join(repr(c) for c in monitored), why))

    def fixed_conflicts(self, desired, row):
        """The fixed attributes (``Attr.fixed``, the type keyword) whose value in ``desired`` {KEYWORD: wire value} differs
        from the existing definition, DISPLAY ``row``: MQ changes them only by a DELETE and a DEFINE."""
        if row is None:
            return []
        return [a for a in self.fixed_attrs if a.keyword in desired and a.normalize(desired[a.keyword]) != a.normalize(
            row.get(a.keyword.lower()))]

    def creating(self, params, row, recreate=False):
        """Will the task define the object? It is absent (``row`` None), or a fixed attribute (its type, a topic's string)
        differs and ``recreate`` is set."""
        if row is None:
            return True
        given = {a.keyword: a.validate(params[a.option]) for a in self.fixed_attrs if a.option and params.get(a.option) is not None}
        return bool(recreate and self.fixed_conflicts(given, row))

    def desired_for(self, params, row, recreate=False):
        """(subtype, {KEYWORD: wire value}) for an object whose DISPLAY is ``row`` (None: absent).

        The subtype is the one given, else the existing definition's, else (to create it) ``type_default``. The type
        and the required keywords are needed only to define the object; then every missing one is named at once.
        Raises MQInputError; nothing mutating has been sent yet.
        """
        creating = self.creating(params, row, recreate)
        subtype = self.subtype(params) or self.row_subtype(row)
        defaulted = creating and subtype is None and self.type_default is not None
        if defaulted:
            subtype = self.type_default
        desired = self.desired_from_params(params, subtype, check_required=False)
        self.check_record(desired, row if not creating else None, subtype)
        if not creating and params.get("update_password", "on_create") != "always":
            # DISPLAY shows a secret masked, so it cannot be compared: sent only with the DEFINE (Attr.secret).
            desired = {k: v for k, v in desired.items() if k not in self.secret_keywords}
        if not creating:
            return subtype, desired
        if defaulted and self.type_attr is not None:
            desired[self.type_attr.keyword] = subtype
        missing = []
        if self.type_attr is not None and self.type_attr.keyword not in desired:
            missing.append(self.type_attr.option)
        missing.extend(self.missing_required(desired, subtype))
        if len(missing) > 1:
            missing = ["({0})".format(label) if " or " in label else label for label in missing]
        if missing:
            name = self.label(self.ref(params, subtype))
            what = "{0} {1} {2!r}".format(self.subtype_label(subtype), self.kind, name) if subtype and self.type_attr is not None and \
                self.type_attr.option not in missing else "{0} {1!r}".format(self.noun, name)
            raise MQInputError("{0} {1} required to create {2}, which does not exist{3}".format(
                _and(missing), "is" if len(missing) == 1 else "are", what,
                self._required_hint() if self.type_attr is not None and self.type_attr.option in missing else ""))
        return subtype, desired

    def required_label(self, item):
        """How messages name a ``required`` item: 'conname', or 'topic_string or topic_object'."""
        return " or ".join(self.by_keyword[k].label for k in _keywords(item))

    def missing_required(self, desired, subtype):
        """The labels of the ``required`` items of ``subtype`` that ``desired`` {KEYWORD: value} leaves blank."""
        return [self.required_label(item) for item in self.required.get(subtype, ())
                if not any(str(desired.get(k, "")).strip() for k in _keywords(item))]

    def _required_hint(self):
        """What each subtype needs besides the type, from the table: '; sdr also needs conname and xmitq, ...'."""
        parts = ["{0} also needs {1}".format(self.subtype_label(t), _and([self.required_label(item) for item in items]))
                 for t, items in self.required.items()]
        return "; " + ", ".join(parts) if parts else ""

    def option_argspec(self):
        """Argument spec entries for every attribute with an option name."""
        return {a.option: a.argspec() for a in self.attrs if a.option}

    def validate_name(self, name, option="name", generic=False):
        return validate_name(name, option, self.name_max, self.kind, generic=generic, wildcards=self.identity.wildcards,
                             chars=self.name_chars)

    def desired_from_params(self, params, subtype=None, check_required=True):
        """Build ``{KEYWORD: wire value}`` from module options and the free-form ``attributes`` dict.

        Raises MQInputError naming the option, the value and the rule; nothing has been sent yet.
        ``check_required=False`` validates the values only (for an entry that deletes the object).
        """
        desired = {}
        for attr in self.attrs:
            if attr.option and params.get(attr.option) is not None:
                if not attr.applies_to(subtype):
                    raise MQInputError("{0} is not valid for {1} {2}; it applies to {3}".format(
                        attr.option, _a(self.subtype_label(subtype)), self.kind, ", ".join(sorted(self.subtype_label(t) for t in attr.types))))
                desired[attr.keyword] = attr.validate(params[attr.option])
                if attr.mode_option and params.get(attr.mode_option) == "add":
                    desired[attr.keyword] = AtLeast(desired[attr.keyword])
        for raw_key, value in (params.get("attributes") or {}).items():
            keyword = str(raw_key).upper()
            attr = self.by_keyword.get(keyword)
            if attr is None:
                raise MQInputError("attributes.{0} is not a {1} attribute this module manages{2}".format(raw_key, self.kind, self._hint(keyword)))
            if attr is self.type_attr:
                raise MQInputError("attributes.{0}: set the {1} with the {2} option".format(raw_key, keyword, attr.option))
            if attr.option:
                raise MQInputError("attributes.{0}: use the {1} option instead".format(raw_key, attr.option))
            if not attr.applies_to(subtype):
                raise MQInputError("attributes.{0} is not valid for {1} {2}".format(raw_key, _a(self.subtype_label(subtype)), self.kind))
            desired[keyword] = attr.validate(value, "attributes." + str(raw_key))
        for keywords, why in self.exclusive.items():
            given = [self.by_keyword[k].label for k in keywords if k in desired]
            if len(given) > 1:
                raise MQInputError("{0} are given together; {1} takes one of them: {2}".format(_and(given), self.kind, why))
        for label in self.missing_required(desired, subtype) if check_required else ():
            raise MQInputError("{0} is required for {1} {2}".format(label, _a(self.subtype_label(subtype)), self.kind))
        return desired

    def _hint(self, keyword):
        """Close keywords for a misspelt one; a keyword with an option of its own is named with that option, since
        the attributes option refuses it."""
        close = difflib.get_close_matches(keyword, list(self.by_keyword), n=3, cutoff=0.6)
        free = [k for k in close if not self.by_keyword[k].option]
        managed = ["{0} is managed by the {1} option".format(k, self.by_keyword[k].option) for k in close if self.by_keyword[k].option]
        return "".join(["; did you mean {0}?".format(" or ".join(free)) if free else "", "; " + "; ".join(managed) if managed else ""])

    def facts(self, row):
        """Normalised snake_case view of a DISPLAY row."""
        facts = {}
        for key, value in row.items():
            if key == "password":
                continue  # RQSTR/SDR PASSWORD: never echo a secret, even masked
            if key == self.name_key:
                facts[self.identity.option] = value
                continue
            attr = self.by_keyword.get(key.upper())
            if attr is None:
                facts[key] = value
            else:
                facts[attr.option or key] = attr.fact(value)
        return facts
