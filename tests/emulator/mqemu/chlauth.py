# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Channel authentication records of one queue manager (README "Security"): the table with IBM's default records,
SET CHLAUTH with its ACTIONs and reason codes, DISPLAY CHLAUTH with MATCH(GENERIC|EXACT|ALL|RUNCHECK), generic IP
addresses, and the choice of the record an inbound channel meets (security.py decides the connection with it).

Sources: IBM-SET-CHLAUTH (syntax, notes, which ACTION takes which keyword), IBM-DIS-CHLAUTH, IBM-GENERIC-IP, IBM-RC-CHLAUTH
(the reason codes), INSTANA (a real 9.4.2 DISPLAY CHLAUTH), reference §1. Unconfirmed rules are configurable
(config chlauth_*).
"""

import ipaddress
import re
import time

from . import objects as O
from .parse import MqscError

TYPES = ("BLOCKUSER", "BLOCKADDR", "SSLPEERMAP", "ADDRESSMAP", "USERMAP", "QMGRMAP")
MAPPING = ("SSLPEERMAP", "USERMAP", "QMGRMAP", "ADDRESSMAP")
ACTIONS = ("ADD", "REPLACE", "REMOVE", "REMOVEALL")
USERSRCS = ("MAP", "NOACCESS", "CHANNEL")
CHCKCLNTS = ("ASQMGR", "REQDADM", "REQUIRED")
# The keywords each TYPE takes besides TYPE, ACTION, DESCR and CUSTOM ([V] IBM-SET-CHLAUTH syntax diagram: the blocking
# block takes a list and WARN; the mapping block takes the identity, USERSRC with MCAUSER or WARN, ADDRESS; CHCKCLNT
# follows USERMAP's CLNTUSER in the diagram and appears on real ADDRESSMAP records ([S] INSTANA, MQCONT dev config);
# [I] SSLPEERMAP takes it too, QMGRMAP (not for SVRCONN) does not).
TYPE_KEYWORDS = {
    "BLOCKUSER": ("USERLIST", "WARN"),
    "BLOCKADDR": ("ADDRLIST", "WARN"),
    "SSLPEERMAP": ("SSLPEER", "SSLCERTI", "ADDRESS", "USERSRC", "MCAUSER", "WARN", "CHCKCLNT"),
    "ADDRESSMAP": ("ADDRESS", "USERSRC", "MCAUSER", "WARN", "CHCKCLNT"),
    "USERMAP": ("CLNTUSER", "ADDRESS", "USERSRC", "MCAUSER", "WARN", "CHCKCLNT"),
    "QMGRMAP": ("QMNAME", "ADDRESS", "USERSRC", "MCAUSER", "WARN"),
}
ALL_KEYWORDS = {"TYPE", "ACTION", "DESCR", "CUSTOM", *{k for ks in TYPE_KEYWORDS.values() for k in ks}}
# [V] usage notes (7.5 page, reference §1): REMOVE takes only the identity and the lists, REMOVEALL only TYPE and ACTION.
REMOVE_KEYWORDS = {"TYPE", "ACTION", "ADDRESS", "ADDRLIST", "CLNTUSER", "QMNAME", "SSLPEER", "USERLIST", "SSLCERTI"}
# The identity of a record besides its profile and TYPE (reference §1 "Record identity", inferred from what REMOVE takes);
# SSLCERTI is part of an SSLPEERMAP's identity unless config chlauth_sslcerti_key is false (unconfirmed).
IDENTITY = {"BLOCKUSER": (), "BLOCKADDR": (), "ADDRESSMAP": ("ADDRESS",), "USERMAP": ("CLNTUSER", "ADDRESS"),
            "QMGRMAP": ("QMNAME", "ADDRESS"), "SSLPEERMAP": ("SSLPEER", "SSLCERTI", "ADDRESS")}
REQUIRED = {"BLOCKUSER": "USERLIST", "BLOCKADDR": "ADDRLIST", "ADDRESSMAP": "ADDRESS", "USERMAP": "CLNTUSER",
            "QMGRMAP": "QMNAME", "SSLPEERMAP": "SSLPEER"}
LISTS = {"BLOCKUSER": "USERLIST", "BLOCKADDR": "ADDRLIST"}
LIST_MAX = 100  # [R] entries in a USERLIST or ADDRLIST
# Which identity wins when records of several types match one channel under the same profile ([R] IBM "Interaction
# between channel authentication records": TLS DN before user ID or queue manager name, those before the IP address).
TYPE_RANK = {"SSLPEERMAP": 0, "USERMAP": 1, "QMGRMAP": 1, "ADDRESSMAP": 2}
MAX_PROFILE = O.CHANNEL_NAME_MAX
_PROFILE = re.compile(r"^[A-Za-z0-9._/%*]+$")

# Reason codes ([V] IBM-RC-CHLAUTH; cmqcfc).
RC_PARM_MISSING = 3228
RC_CHLAUTH_TYPE_ERROR = 3326
RC_CHLAUTH_ACTION_ERROR = 3327
RC_CHLAUTH_USERSRC_ERROR = 3335
RC_WRONG_CHLAUTH_TYPE = 3336
RC_CHLAUTH_ALREADY_EXISTS = 3337
RC_CHLAUTH_NOT_FOUND = 3338
RC_WRONG_CHLAUTH_ACTION = 3339
RC_WRONG_CHLAUTH_USERSRC = 3340
RC_CHLAUTH_WARN_ERROR = 3341
RC_WRONG_CHLAUTH_MATCH = 3342
RC_IPADDR_RANGE_CONFLICT = 3343
RC_IPADDR_ERROR = 3345
RC_IPADDR_RANGE_ERROR = 3346
RC_CHLAUTH_CLNTUSER_ERROR = 3348
RC_CHLAUTH_NAME_ERROR = 3349
RC_CHLAUTH_RUNCHECK_ERROR = 3350
RC_CHLAUTH_CHKCLI_ERROR = 3370
# Texts: IBM's explanation of each reason (its page), prefixed by the reason's name where the AMQ id is unknown; AMQ8884E
# is [S] (technote 196565, freekb). Registered into the shared message table (objects.MESSAGES) by security.py.
MESSAGES = {
    RC_PARM_MISSING: "MQRCCF_PARM_MISSING: Parameter {name} required but missing.",
    RC_CHLAUTH_TYPE_ERROR: "MQRCCF_CHLAUTH_TYPE_ERROR: Channel authentication record type not valid.",
    RC_CHLAUTH_ACTION_ERROR: "MQRCCF_CHLAUTH_ACTION_ERROR: Channel authentication record action not valid.",
    RC_CHLAUTH_USERSRC_ERROR: "MQRCCF_CHLAUTH_USERSRC_ERROR: Channel authentication record user source not valid.",
    RC_WRONG_CHLAUTH_TYPE: "MQRCCF_WRONG_CHLAUTH_TYPE: Parameter {name} not allowed for this channel authentication record type.",
    RC_CHLAUTH_ALREADY_EXISTS: "MQRCCF_CHLAUTH_ALREADY_EXISTS: Channel authentication record already exists.",
    RC_CHLAUTH_NOT_FOUND: "AMQ8884E: Channel authentication record not found.",
    RC_WRONG_CHLAUTH_ACTION: "MQRCCF_WRONG_CHLAUTH_ACTION: Parameter {name} not allowed for this action on a channel "
                             "authentication record.",
    RC_WRONG_CHLAUTH_USERSRC: "MQRCCF_WRONG_CHLAUTH_USERSRC: Parameter {name} not allowed for this channel authentication "
                              "record user source value.",
    RC_CHLAUTH_WARN_ERROR: "MQRCCF_CHLAUTH_WARN_ERROR: Channel authentication record warn value not valid.",
    RC_WRONG_CHLAUTH_MATCH: "MQRCCF_WRONG_CHLAUTH_MATCH: Parameter {name} not allowed for this channel authentication record "
                            "match value.",
    RC_IPADDR_RANGE_CONFLICT: "MQRCCF_IPADDR_RANGE_CONFLICT: IP address range {name} overlaps a range of another record of "
                              "this profile.",
    RC_IPADDR_ERROR: "MQRCCF_IPADDR_ERROR: IP address {name} not valid.",
    RC_IPADDR_RANGE_ERROR: "MQRCCF_IPADDR_RANGE_ERROR: IP address range {name} not valid.",
    RC_CHLAUTH_CLNTUSER_ERROR: "MQRCCF_CHLAUTH_CLNTUSER_ERROR: Channel authentication record client user value {name} not "
                               "valid: it contains a wildcard character.",
    RC_CHLAUTH_NAME_ERROR: "MQRCCF_CHLAUTH_NAME_ERROR: Channel authentication record channel name {name} not valid.",
    RC_CHLAUTH_RUNCHECK_ERROR: "MQRCCF_CHLAUTH_RUNCHECK_ERROR: Runcheck command is using generic values.",
    RC_CHLAUTH_CHKCLI_ERROR: "MQRCCF_CHLAUTH_CHKCLI_ERROR: Channel authentication record check client not valid.",
}
SET_MESSAGE = "AMQ8877I: IBM MQ channel authentication record set."  # [R]
DISPLAY_HEADER = "AMQ8878I: Display channel authentication record details."  # [S] INSTANA
# The default records of a new queue manager ([V] IBM-CHLAUTH-ISSUES: "NO ACCESS to all channels by any MQ-admin users",
# "NO ACCESS to all SYSTEM.* channels by all users", "ALLOW access to SYSTEM.ADMIN.SVRCONN channel"; the MQSC form
# reference §1 and [S] INSTANA). The third is absent from a real 9.4.2 container's output: config
# chlauth_admin_svrconn_default false leaves it out (unconfirmed which is right).
DEFAULTS = (
    ("*", "BLOCKUSER", {"USERLIST": ["*MQADMIN"], "DESCR": "Default rule to disallow privileged users"}),
    ("SYSTEM.*", "ADDRESSMAP", {"ADDRESS": "*", "USERSRC": "NOACCESS", "DESCR": "Default rule to disable all SYSTEM channels"}),
    ("SYSTEM.ADMIN.SVRCONN", "ADDRESSMAP", {"ADDRESS": "*", "USERSRC": "CHANNEL",
                                            "DESCR": "Default rule to allow MQ Explorer access"}),
)


# ----- generic IP addresses ([V] IBM-GENERIC-IP) --------------------------------------------------------------------
class Address:
    """A parsed ADDRESS or ADDRLIST entry: '*', an IPv4 pattern (parts: (low, high) per part, None for '*'), an IPv6
    address or a host name pattern ([I] matched against the client's host name)."""

    __slots__ = ("text", "kind", "parts")

    def __init__(self, text, kind, parts=()):
        self.text, self.kind, self.parts = text, kind, tuple(parts)

    def spans(self):
        """Four (low, high) intervals; a trailing '*' covers the parts left."""
        parts = list(self.parts)
        if parts and parts[-1] is None:
            parts += [None] * (4 - len(parts))
        return [(0, 255) if p is None else p for p in parts]

    def has_range(self):
        return any(p is not None and p[0] != p[1] for p in self.parts)

    def generic(self):
        return self.kind in ("any",) or "*" in self.text or self.has_range()

    def specificity(self):
        """Smaller is more specific: the parts a wildcard covers, then the widths of the ranges."""
        if self.kind == "any":
            return (5, 0)
        if self.kind == "ipv4":
            spans = self.spans()
            return (sum(1 for p in spans if p == (0, 255)), sum(h - lo for lo, h in spans))
        return (self.text.count("*"), 0)

    def matches(self, address, host=None):
        if self.kind == "any":
            return True
        if self.kind == "host":
            return host is not None and wildcard_match(self.text.lower(), host.lower())
        if self.kind == "ipv6":
            try:
                return ipaddress.ip_address(address) == ipaddress.ip_address(self.text)
            except ValueError:
                return False
        try:
            octets = [int(o) for o in str(address).split(".")]
        except ValueError:
            return False
        return len(octets) == 4 and all(lo <= o <= hi for o, (lo, hi) in zip(octets, self.spans()))


def parse_address(text, allow_host=True):
    """ADDRESS / ADDRLIST entry -> Address, or MqscError 3345 (pattern not valid) / 3346 (range not valid). IBM's rules:
    parts of 0-255, '*' or a range low-high (low < high); fewer than four parts only before a trailing '*'; a '*' joined
    to other characters in a part ('192.0*') and a '*' next to the trailing one ('192.0.*.*') are not valid."""
    if not isinstance(text, str) or not text.strip():
        raise MqscError(RC_IPADDR_ERROR, text)
    text = text.strip()
    if text == "*":
        return Address(text, "any")
    if ":" in text:
        try:
            ipaddress.IPv6Address(text)
        except ValueError as err:
            raise MqscError(RC_IPADDR_ERROR, text) from err
        return Address(text, "ipv6")
    if re.search(r"[A-Za-z]", text):
        if not allow_host or not re.fullmatch(r"[A-Za-z0-9*][A-Za-z0-9.*\-]*", text):
            raise MqscError(RC_IPADDR_ERROR, text)
        return Address(text, "host")
    pieces = text.split(".")
    if len(pieces) > 4 or (len(pieces) < 4 and pieces[-1] != "*"):
        raise MqscError(RC_IPADDR_ERROR, text)
    if len(pieces) >= 2 and pieces[-1] == "*" and pieces[-2] == "*":
        raise MqscError(RC_IPADDR_ERROR, text)
    parts = []
    for piece in pieces:
        if piece == "*":
            parts.append(None)
            continue
        match = re.fullmatch(r"(\d{1,3})(?:-(\d{1,3}))?", piece)
        if not match:
            raise MqscError(RC_IPADDR_ERROR, text)
        low, high = int(match.group(1)), int(match.group(2) or match.group(1))
        if low > 255 or high > 255:
            raise MqscError(RC_IPADDR_ERROR, text)
        if match.group(2) is not None and low >= high:
            raise MqscError(RC_IPADDR_RANGE_ERROR, text)
        parts.append((low, high))
    return Address(text, "ipv4", parts)


def ranges_conflict(one, other):
    """[V] RC3343: a range must be a subset, a superset or disjoint from another range of the same profile. Two IPv4
    patterns of which one has a range conflict when they share an address and neither contains the other."""
    if one.kind != "ipv4" or other.kind != "ipv4" or not (one.has_range() or other.has_range()):
        return False
    a, b = one.spans(), other.spans()
    overlap = all(max(x[0], y[0]) <= min(x[1], y[1]) for x, y in zip(a, b))
    a_in_b = all(y[0] <= x[0] and x[1] <= y[1] for x, y in zip(a, b))
    b_in_a = all(x[0] <= y[0] and y[1] <= x[1] for x, y in zip(a, b))
    return overlap and not a_in_b and not b_in_a


def wildcard_match(pattern, value):
    """A CHLAUTH generic value: '*' anywhere stands for any characters ([V] IBM-PCF-SET-CHLAUTH: "one or more asterisks
    (*), in any position, as wildcards")."""
    return re.fullmatch(".*".join(re.escape(p) for p in pattern.split("*")), value) is not None


def profile_specificity(profile):
    """Smaller is more specific: compared left to right, a character beats an asterisk where they differ; a name
    without asterisks beats every generic profile ([V] IBM-CHLAUTH-ISSUES "the third rule is more specific")."""
    return tuple(1 if c == "*" else 0 for c in profile) + (0,)


def dn_match(pattern, dn):
    """SSLPEER/SSLCERTI: every attribute of the pattern is in the DN with the same value, names compared case-insensitively
    and values with '*' as a wildcard ([I] a simplification of IBM's SSLPEER rules)."""
    def attrs(text):
        out = {}
        for item in re.split(r"\s*,\s*", text.strip()):
            key, _sep, value = item.partition("=")
            out.setdefault(key.strip().upper(), []).append(value.strip().strip('"'))
        return out
    want, have = attrs(pattern), attrs(dn or "")
    return all(any(wildcard_match(v.upper(), h.upper()) for h in have.get(k, [])) for k, vs in want.items() for v in vs)


# ----- the records -----------------------------------------------------------------------------------------------
class Record:
    """One channel authentication record: its profile (case kept), TYPE and attributes (upper-case keywords)."""

    __slots__ = ("profile", "type", "attrs", "altwall")

    def __init__(self, profile, rtype, attrs, wall=None):
        self.profile, self.type, self.attrs = profile, rtype, attrs
        self.altwall = time.time() if wall is None else wall

    def identity(self, sslcerti_key=True):
        keys = [k for k in IDENTITY[self.type] if sslcerti_key or k != "SSLCERTI"]
        return (self.profile, self.type, *(self.attrs.get(k, "") for k in keys))

    def row(self, list_form="array"):
        """DISPLAY CHLAUTH fields as a real 9.4.2 queue manager prints them per TYPE and USERSRC ([S] INSTANA: NOACCESS
        records print WARN, CHANNEL records CHCKCLNT; [I] MAP records print MCAUSER and CHCKCLNT)."""
        a = self.attrs
        row = {"chlauth": self.profile, "type": self.type, "descr": a.get("DESCR", ""), "custom": a.get("CUSTOM", "")}
        if self.type in LISTS:
            values = list(a.get(LISTS[self.type], []))
            row[LISTS[self.type].lower()] = values if list_form == "array" else ",".join(values)
            row["warn"] = a.get("WARN", "NO")
        else:
            for key in ("ADDRESS", "SSLPEER", "SSLCERTI", "CLNTUSER", "QMNAME"):
                if key in IDENTITY[self.type]:
                    row[key.lower()] = a.get(key, "")
            row["usersrc"] = a["USERSRC"]
            if a["USERSRC"] == "MAP":
                row["mcauser"] = a.get("MCAUSER", "")
            if a["USERSRC"] == "NOACCESS":
                row["warn"] = a.get("WARN", "NO")
            elif self.type != "QMGRMAP":
                row["chckclnt"] = a.get("CHCKCLNT", "ASQMGR")
        row.update(altdate=O.mq_date(self.altwall), alttime=O.mq_time(self.altwall))
        return row


def default_records(include_admin_svrconn=True):
    wall = time.time()
    out = []
    for profile, rtype, attrs in DEFAULTS:
        if rtype == "ADDRESSMAP" and profile == "SYSTEM.ADMIN.SVRCONN" and not include_admin_svrconn:
            continue
        out.append(Record(profile, rtype, _with_defaults(rtype, dict(attrs)), wall))
    return out


def _with_defaults(rtype, attrs):
    attrs.setdefault("DESCR", "")
    attrs.setdefault("CUSTOM", "")
    if rtype in LISTS:
        attrs.setdefault("WARN", "NO")
        attrs.setdefault(LISTS[rtype], [])
        return attrs
    attrs.setdefault("USERSRC", "MAP")
    for key in IDENTITY[rtype]:
        attrs.setdefault(key, "")
    if attrs["USERSRC"] == "MAP":
        attrs.setdefault("MCAUSER", "")
    if attrs["USERSRC"] == "NOACCESS":
        attrs.setdefault("WARN", "NO")
    elif rtype != "QMGRMAP":
        attrs.setdefault("CHCKCLNT", "ASQMGR")
    return attrs


def _enum(params, key, allowed, reason):
    value = params.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or value.upper() not in allowed:
        raise MqscError(reason, key)
    return value.upper()


def _text(value, key, longest=1024):
    if isinstance(value, list) or value is None:
        raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
    value = str(value)
    if len(value) > longest:
        raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
    return value


def _list(value, key):
    items = [] if value in ("", None) else value if isinstance(value, list) else [value]
    if len(items) > LIST_MAX or any(not isinstance(v, str) or not v.strip() for v in items):
        raise MqscError(O.RC_ATTR_VALUE_ERROR, key)
    return [v.strip() for v in items]


class Table:
    """The records of one queue manager; config(key) reads the emulator's configurable behaviours."""

    def __init__(self, config):
        self.config = config
        self.records = default_records(config("chlauth_admin_svrconn_default"))

    def _key(self, record):
        return record.identity(self.config("chlauth_sslcerti_key"))

    def find(self, identity):
        return next((r for r in self.records if self._key(r) == identity), None)

    # ----- SET CHLAUTH ([V] IBM-SET-CHLAUTH) ---------------------------------------------------------------------
    def set(self, profile, params):
        """SET CHLAUTH(profile) ...: returns the success message, or raises MqscError with IBM's reason."""
        params = dict(params)
        rtype = params.get("TYPE")
        if not isinstance(rtype, str) or rtype.upper() not in TYPES:
            raise MqscError(RC_CHLAUTH_TYPE_ERROR, "TYPE")
        rtype = rtype.upper()
        action = _enum(params, "ACTION", ACTIONS, RC_CHLAUTH_ACTION_ERROR) or "ADD"  # [V] ADD is the default (diagram)
        for key in params:
            if key not in ALL_KEYWORDS:
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])  # not a SET CHLAUTH keyword (CMDSCOPE: z/OS only)
        allowed = {"TYPE", "ACTION", "DESCR", "CUSTOM", *TYPE_KEYWORDS[rtype]}
        for key in params:
            if key not in allowed:
                raise MqscError(RC_WRONG_CHLAUTH_TYPE, key)
        if action in ("REMOVE", "REMOVEALL"):
            accepted = REMOVE_KEYWORDS if action == "REMOVE" else {"TYPE", "ACTION"}
            if not self.config("chlauth_sslcerti_key"):
                accepted = accepted - {"SSLCERTI"}
            for key in params:
                if key not in accepted:
                    raise MqscError(RC_WRONG_CHLAUTH_ACTION, key)
        if not isinstance(profile, str) or not profile or len(profile) > MAX_PROFILE or not _PROFILE.match(profile) \
                or (rtype == "BLOCKADDR" and profile != "*"):
            raise MqscError(RC_CHLAUTH_NAME_ERROR, profile)  # [V] note 1: the profile must be '*' with BLOCKADDR (RC3349)
        if action == "REMOVEALL":
            # [R] removes every record of this profile and type; succeeds when there is none (reference §1, unconfirmed)
            self.records = [r for r in self.records if not (r.profile == profile and r.type == rtype)]
            return SET_MESSAGE
        values = self._values(rtype, action, params)
        if rtype in LISTS:
            return self._set_list(profile, rtype, action, values)
        return self._set_mapping(profile, rtype, action, values)

    def _values(self, rtype, action, params):
        """Check and normalize the values: enumerations, addresses, CLNTUSER, the keywords USERSRC allows, what is
        required."""
        values = {}
        usersrc = _enum(params, "USERSRC", USERSRCS, RC_CHLAUTH_USERSRC_ERROR)
        chckclnt = _enum(params, "CHCKCLNT", CHCKCLNTS, RC_CHLAUTH_CHKCLI_ERROR)
        warn = _enum(params, "WARN", O.YESNO, RC_CHLAUTH_WARN_ERROR)
        for key, value in (("USERSRC", usersrc), ("CHCKCLNT", chckclnt), ("WARN", warn)):
            if value is not None:
                values[key] = value
        for key in ("DESCR", "CUSTOM"):
            if key in params:
                values[key] = _text(params[key], key, 64 if key == "DESCR" else 128)
        for key in ("MCAUSER", "CLNTUSER", "QMNAME", "SSLPEER", "SSLCERTI"):
            if key in params:
                values[key] = _text(params[key], key)
        if "CLNTUSER" in values and "*" in values["CLNTUSER"]:
            raise MqscError(RC_CHLAUTH_CLNTUSER_ERROR, values["CLNTUSER"])  # [V] RC3348: no wildcard in CLNTUSER
        if "ADDRESS" in params:
            values["ADDRESS"] = parse_address(_text(params["ADDRESS"], "ADDRESS")).text
        if "USERLIST" in params:
            values["USERLIST"] = _list(params["USERLIST"], "USERLIST")
        if "ADDRLIST" in params:
            # ADDRLIST holds IP addresses only: BLOCKADDR acts at the listener, before any host name is known ([I]).
            values["ADDRLIST"] = [parse_address(a, allow_host=False).text for a in _list(params["ADDRLIST"], "ADDRLIST")]
        if rtype not in LISTS and action in ("ADD", "REPLACE"):
            source = values.get("USERSRC", "MAP")  # [V] USERSRC(MAP) is the default
            # [V] RC3340: MCAUSER goes with USERSRC(MAP) only; WARN with USERSRC(NOACCESS) only (diagram); [I] CHCKCLNT
            # has nothing to check on a channel that is refused.
            for key, ok in (("MCAUSER", source == "MAP"), ("WARN", source == "NOACCESS"), ("CHCKCLNT", source != "NOACCESS")):
                if key in values and not ok:
                    raise MqscError(RC_WRONG_CHLAUTH_USERSRC, key)
            if source == "MAP" and not values.get("MCAUSER", "").strip():
                raise MqscError(RC_PARM_MISSING, "MCAUSER")  # [V] "If USERSRC is left at its default of MAP, MCAUSER must be given"
        required = REQUIRED[rtype]
        if required not in values or (required not in LISTS.values() and not values[required].strip()):
            raise MqscError(RC_PARM_MISSING, required)  # [V] ADDRESS is mandatory with ADDRESSMAP; the identity, the list
        return values

    def _set_list(self, profile, rtype, action, values):
        key = LISTS[rtype]
        existing = self.find((profile, rtype))
        entries = values.pop(key)
        if rtype == "BLOCKADDR":
            others = [parse_address(a, allow_host=False) for a in (existing.attrs[key] if existing and action == "ADD" else [])]
            new = [parse_address(a, allow_host=False) for a in entries]
            for i, one in enumerate(new):
                for other in others + new[:i]:
                    if ranges_conflict(one, other):
                        raise MqscError(RC_IPADDR_RANGE_CONFLICT, one.text)
        if action == "REMOVE":
            if existing is None:
                raise MqscError(RC_CHLAUTH_NOT_FOUND)
            # [I] entries not in the list are ignored; [R] removing the last entry removes the record (reference §1)
            existing.attrs[key] = [e for e in existing.attrs[key] if e not in entries]
            existing.altwall = time.time()
            if not existing.attrs[key]:
                self.records.remove(existing)
            return SET_MESSAGE
        if action == "ADD" and existing is not None:
            if self.config("chlauth_list_add") == "exists":
                raise MqscError(RC_CHLAUTH_ALREADY_EXISTS)
            # [R] ADD to an existing blocking record appends the new entries (reference §1, unconfirmed)
            existing.attrs[key] += [e for e in entries if e not in existing.attrs[key]]
            existing.attrs.update(values)
            existing.altwall = time.time()
            return SET_MESSAGE
        if not entries:
            # [R] REPLACE with an empty list acts like REMOVEALL (reference §1, unconfirmed); ADD of nothing adds nothing
            if existing is not None:
                self.records.remove(existing)
            return SET_MESSAGE
        record = Record(profile, rtype, _with_defaults(rtype, {**values, key: list(dict.fromkeys(entries))}))
        self._store(existing, record)
        return SET_MESSAGE

    def _set_mapping(self, profile, rtype, action, values):
        record = Record(profile, rtype, _with_defaults(rtype, values))
        existing = self.find(self._key(record))
        if action == "REMOVE":
            if existing is None:
                raise MqscError(RC_CHLAUTH_NOT_FOUND)  # [V] RC3338; AMQ8884E [S]
            self.records.remove(existing)
            return SET_MESSAGE
        if action == "ADD" and existing is not None:
            raise MqscError(RC_CHLAUTH_ALREADY_EXISTS)  # [V] RC3337: "Specify action as MQACT_REPLACE"
        new = parse_address(record.attrs["ADDRESS"]) if record.attrs.get("ADDRESS") else None
        for other in self.records:
            if new is not None and other is not existing and other.profile == profile and other.type == rtype \
                    and other.attrs.get("ADDRESS") and ranges_conflict(new, parse_address(other.attrs["ADDRESS"])):
                raise MqscError(RC_IPADDR_RANGE_CONFLICT, new.text)  # [V] RC3343
        # [I] REPLACE sets the whole record: what is not given takes its default, as DEFINE ... REPLACE does.
        self._store(existing, record)
        return SET_MESSAGE

    def _store(self, existing, record):
        if existing is not None:
            self.records[self.records.index(existing)] = record
        else:
            self.records.append(record)

    # ----- DISPLAY CHLAUTH ([V] IBM-DIS-CHLAUTH) -------------------------------------------------------------------
    def display(self, name, params):
        """-> (records, runcheck) for DISPLAY CHLAUTH(name) with its MATCH and TYPE; runcheck: MATCH(RUNCHECK), whose
        empty answer means that no record applies (security.py says which MCAUSER the channel runs with)."""
        params = dict(params)
        match = _enum(params, "MATCH", ("GENERIC", "ALL", "EXACT", "RUNCHECK"), O.RC_ATTR_VALUE_ERROR) or "GENERIC"
        rtype = params.get("TYPE", "ALL")
        if not isinstance(rtype, str) or rtype.upper() not in (*TYPES, "ALL"):
            raise MqscError(RC_CHLAUTH_TYPE_ERROR, "TYPE")
        rtype = rtype.upper()
        check = {k: params[k] for k in ("ADDRESS", "CLNTUSER", "QMNAME", "SSLPEER", "SSLCERTI") if k in params}
        for key in params:
            if key not in ("MATCH", "TYPE", *check):
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
        if match != "RUNCHECK":
            for key in check:
                raise MqscError(RC_WRONG_CHLAUTH_MATCH, key)  # [V] these describe a channel for RUNCHECK only
            if rtype == "BLOCKADDR" and name != "*":
                raise MqscError(RC_CHLAUTH_NAME_ERROR, name)  # [V] note 1: must be * with TYPE(BLOCKADDR)
            if match == "GENERIC":
                found = [r for r in self.records if wildcard_match(name, r.profile)]
            elif match == "EXACT":
                found = [r for r in self.records if r.profile == name]
            else:  # ALL: every record that would apply to a channel of that name
                found = [r for r in self.records if wildcard_match(r.profile, name)]
            found = [r for r in found if rtype in ("ALL", r.type)]
            if not found:
                raise MqscError(RC_CHLAUTH_NOT_FOUND)  # [S] AMQ8884E for a DISPLAY that finds nothing (freekb)
            return sorted(found, key=lambda r: (r.profile, TYPES.index(r.type), self._key(r))), False
        return self._runcheck(name, rtype, check), True

    def _runcheck(self, name, rtype, check):
        """MATCH(RUNCHECK): the record a specific inbound channel would meet ([V] must be combined with TYPE(ALL), no
        generic channel name or ADDRESS (RC3350); [V] a WARN(YES) record is followed by the one the channel would use)."""
        if rtype != "ALL":
            raise MqscError(RC_WRONG_CHLAUTH_MATCH, "TYPE")
        if "CLNTUSER" in check and "QMNAME" in check:
            raise MqscError(RC_WRONG_CHLAUTH_MATCH, "QMNAME")
        values = {k: _text(v, k) for k, v in check.items()}
        if "*" in name or any("*" in v for v in values.values()):
            raise MqscError(RC_CHLAUTH_RUNCHECK_ERROR)
        address = None
        if "ADDRESS" in values:
            address = parse_address(values["ADDRESS"], allow_host=False)
            if address.generic():
                raise MqscError(RC_CHLAUTH_RUNCHECK_ERROR)
        identity = {"address": values.get("ADDRESS"), "clntuser": values.get("CLNTUSER"), "qmname": values.get("QMNAME"),
                    "sslpeer": values.get("SSLPEER"), "sslcerti": values.get("SSLCERTI"),
                    "svrconn": "QMNAME" not in values}
        blocked = self.blocking_address(identity["address"]) if address is not None else None
        if blocked is not None:
            return [blocked]
        shown = []
        for record in self.mapping_candidates(name, identity):
            shown.append(record)
            if not (record.attrs.get("USERSRC") == "NOACCESS" and record.attrs.get("WARN") == "YES"):
                break
        return shown

    # ----- what an inbound channel meets -----------------------------------------------------------------------
    def blocking_address(self, address):
        """The BLOCKADDR record whose ADDRLIST holds the address, if any."""
        if not address:
            return None
        for record in self.records:
            if record.type == "BLOCKADDR" and any(parse_address(a, allow_host=False).matches(address)
                                                  for a in record.attrs["ADDRLIST"]):
                return record
        return None

    def mapping_candidates(self, channel, identity):
        """The mapping records that apply to the channel and its partner, the one that decides first: the most specific
        profile, then TYPE (SSLPEERMAP, USERMAP or QMGRMAP, ADDRESSMAP), then the most specific identity and address
        (config chlauth_precedence "type" puts the TYPE first). identity: address, host, clntuser, qmname, sslpeer,
        sslcerti, svrconn (a server-connection channel meets USERMAP, the others QMGRMAP: [V] reference §1)."""
        ignore_case = self.config("chlauth_ignore_user_case")
        out = []
        for record in self.records:
            a = record.attrs
            if record.type not in MAPPING or not wildcard_match(record.profile, channel):
                continue
            if record.type == "USERMAP":
                user = identity.get("clntuser")
                if not identity.get("svrconn") or user is None or \
                        (a["CLNTUSER"].lower() != user.lower() if ignore_case else a["CLNTUSER"] != user):
                    continue
            if record.type == "QMGRMAP" and (identity.get("svrconn") or identity.get("qmname") is None
                                             or not wildcard_match(a["QMNAME"], identity["qmname"])):
                continue
            if record.type == "SSLPEERMAP" and (not identity.get("sslpeer") or not dn_match(a["SSLPEER"], identity["sslpeer"])
                                                or (a.get("SSLCERTI") and not dn_match(a["SSLCERTI"], identity.get("sslcerti")))):
                continue
            if a.get("ADDRESS") and not parse_address(a["ADDRESS"]).matches(identity.get("address"), identity.get("host")):
                continue
            out.append(record)

        def rank(r):
            address = parse_address(r.attrs["ADDRESS"]).specificity() if r.attrs.get("ADDRESS") else (9, 0)
            ident = r.attrs.get("QMNAME", "").count("*") + r.attrs.get("SSLPEER", "").count("*") \
                - len(r.attrs.get("SSLPEER", "").split(","))
            profile = profile_specificity(r.profile)
            if self.config("chlauth_precedence") == "type":
                return (TYPE_RANK[r.type], profile, ident, address)
            return (profile, TYPE_RANK[r.type], ident, address)
        return sorted(out, key=rank)

    def blockuser_record(self, channel):
        """The BLOCKUSER record of the most specific profile that matches the channel: a channel's own record replaces
        the '*' one ([V] IBM 9.1 "overrides the *MQADMIN BLOCKUSER")."""
        found = [r for r in self.records if r.type == "BLOCKUSER" and wildcard_match(r.profile, channel)]
        return min(found, key=lambda r: profile_specificity(r.profile)) if found else None
