# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The object authority manager (OAM) of one queue manager (README "Security"): authority records, SET AUTHREC,
DELETE AUTHREC, DISPLAY AUTHREC and DISPLAY ENTAUTH, generic profiles and the check an MQCONN, MQPUT or MQGET meets.

Sources: IBM-SET-AUTHREC, IBM-DEL-AUTHREC, IBM-DIS-AUTHREC, IBM-DIS-ENTAUTH, IBM-OAM-PROFILES (generic profiles and
their priority), IBM-OAM-PRINCIPALS (user- and group-based models), IBM-SETMQAUT (authorizations), reference §2.
Unconfirmed rules are configurable (config authrec_*, oam_security_policy).
"""

import re

from . import objects as O
from .directory import ADMIN_GROUP
from .parse import MqscError

OBJTYPES = ("AUTHINFO", "CHANNEL", "CLNTCONN", "COMMINFO", "LISTENER", "NAMELIST", "PROCESS", "QUEUE", "QMGR", "RQMNAME",
            "SERVICE", "TOPIC")
# Authorities in the order of the SET AUTHREC syntax diagram ([V] IBM-SET-AUTHREC); DISPLAY lists them in this order.
ORDER = ("NONE", "ALTUSR", "BROWSE", "CHG", "CLR", "CONNECT", "CRT", "DLT", "DSP", "GET", "INQ", "PUT", "PASSALL", "PASSID",
         "SET", "SETALL", "SETID", "SUB", "RESUME", "PUB", "SYSTEM", "CTRL", "CTRLX", "ALL", "ALLADM", "ALLMQI")
SHORTHANDS = ("ALL", "ALLADM", "ALLMQI")
MQI = {"ALTUSR", "BROWSE", "CONNECT", "GET", "INQ", "PUB", "PUT", "RESUME", "SET", "SUB", "PASSALL", "PASSID", "SETALL", "SETID"}
ADMIN = {"CHG", "CLR", "CRT", "DLT", "DSP", "CTRL", "CTRLX"}
# The authorities that apply to each object type ([V] IBM-EXPL-AUTH for
# ALTUSR, BROWSE, CHG, CLR, CONNECT, CRT, CTRL, CTRLX by type; [V] IBM-SETMQAUT: context on queues, SETALL/SETID also on
# the queue manager, PUB/SUB/RESUME on topics, SYSTEM on the queue manager; [R] the rest: INQ where an MQINQ applies,
# RQMNAME takes PUT and context). Anything else on that type is RC3171.
_COMMON = {"CHG", "CRT", "DLT", "DSP"}
VALID = {
    "QMGR": _COMMON | {"ALTUSR", "CONNECT", "INQ", "SET", "SETALL", "SETID", "SYSTEM"},
    "QUEUE": _COMMON | {"BROWSE", "CLR", "GET", "INQ", "PUT", "SET", "PASSALL", "PASSID", "SETALL", "SETID"},
    "TOPIC": _COMMON | {"CLR", "PUB", "SUB", "RESUME", "PASSALL", "PASSID", "SETALL", "SETID"},
    "PROCESS": _COMMON | {"INQ"}, "NAMELIST": _COMMON | {"INQ"}, "AUTHINFO": _COMMON | {"INQ"},
    "CHANNEL": _COMMON | {"CTRL", "CTRLX"}, "CLNTCONN": set(_COMMON), "COMMINFO": set(_COMMON),
    "LISTENER": _COMMON | {"CTRL"}, "SERVICE": _COMMON | {"CTRL"},
    "RQMNAME": {"PUT", "PASSALL", "PASSID", "SETALL", "SETID"},
}
# ALLADM: [V] IBM-ALLADM (AIX, Linux, Windows): "+alladm is equivalent to +chg +clr +dlt +dsp"; [V] IBM-RVKMQMAUT-V6
# (IBM i): *ALLADM confers *ADMCHG *ADMCLR *ADMCRT *ADMDLT *ADMDSP *CTRL *CTRLX. Which one MQ 9.4 on Linux applies is
# unconfirmed: config authrec_alladm "unix" (default) or "ibmi".
ALLADM = {"unix": {"CHG", "CLR", "DLT", "DSP"}, "ibmi": {"CHG", "CLR", "CRT", "DLT", "DSP", "CTRL", "CTRLX"}}
# DELETE AUTHREC IGNSTATE defaults to YES, where NO is not valid, for these types (IBM-DEL-AUTHREC as reference §2 reads it).
IGNSTATE_YES_TYPES = ("QMGR", "TOPIC", "RQMNAME", "QUEUE")
CLASS_PROFILE = "@class"
# The keywords SET AUTHREC takes ([V] IBM-SET-AUTHREC syntax diagram); anything else is RC3014.
SET_KEYWORDS = ("PROFILE", "OBJTYPE", "PRINCIPAL", "GROUP", "AUTHADD", "AUTHRMV", "SERVCOMP")
QMGR_PROFILE = "self"  # [S] dmpmqaut "profile: self" for the queue manager (reference §2, Mark Taylor's example)
MAX_PROFILE = 48
_PROFILE = re.compile(r"^[A-Za-z0-9._/%?*@]+$")

RC_UNKNOWN_ENTITY = 2292  # [V] MQRC_UNKNOWN_ENTITY (setgetweb q043220_); reference §2: "likely 2292" for SET AUTHREC
RC_CONFLICTING_PARM = 3095
RC_ENTITY_NAME_MISSING = 3169
RC_PROFILE_NAME_ERROR = 3170
RC_AUTH_VALUE_ERROR = 3171
RC_AUTH_VALUE_MISSING = 3172
RC_OBJECT_TYPE_MISSING = 3173
RC_PROFILE_NAME_MISSING = 3347
MESSAGES = {
    RC_UNKNOWN_ENTITY: "MQRC_UNKNOWN_ENTITY: Entity {name} is not known to the authorization service.",
    RC_CONFLICTING_PARM: "MQRCCF_CFST_CONFLICTING_PARM: Parameter {name} conflicts with another parameter.",
    RC_ENTITY_NAME_MISSING: "MQRCCF_ENTITY_NAME_MISSING: Entity name missing: PRINCIPAL or GROUP is required.",
    RC_PROFILE_NAME_ERROR: "MQRCCF_PROFILE_NAME_ERROR: Profile name {name} not valid.",
    RC_AUTH_VALUE_ERROR: "MQRCCF_AUTH_VALUE_ERROR: Authorization value {name} not valid.",
    RC_AUTH_VALUE_MISSING: "MQRCCF_AUTH_VALUE_MISSING: Authorization value required but missing.",
    RC_OBJECT_TYPE_MISSING: "MQRCCF_OBJECT_TYPE_MISSING: Object type value required but missing.",
    RC_PROFILE_NAME_MISSING: "MQRCCF_PROFILE_NAME_MISSING: Profile name missing.",
}
SET_MESSAGE = "AMQ8862I: IBM MQ authority record set."  # [S] runmqsc transcripts (reference §2)
DELETE_MESSAGE = "IBM MQ authority record deleted."  # unknown id
DISPLAY_HEADER = "AMQ8864I: Display authority record details."  # [S]/[F] reference §2
ENTAUTH_HEADER = "Display entity authority details."  # unknown id


def expand(authorities, objtype, alladm="unix"):
    """A set of individual authorities from values that may hold the shorthands; NONE adds nothing."""
    out = set()
    for value in authorities:
        if value == "ALL":
            out |= VALID[objtype]
        elif value == "ALLADM":
            out |= ALLADM[alladm] & VALID[objtype]
        elif value == "ALLMQI":
            out |= MQI & VALID[objtype]
        elif value != "NONE":
            out.add(value)
    return out


def authlist(authorities, objtype, alladm="unix", display="expand"):
    """DISPLAY's AUTHLIST: the authorities in IBM's order, NONE for none; config authrec_display "shorthand" writes ALL,
    ALLADM and ALLMQI for the sets they stand for (whether MQ prints them so is unconfirmed)."""
    left = set(authorities)
    out = []
    if display == "shorthand":
        if left and left >= VALID[objtype]:
            return ["ALL"]
        for name in ("ALLADM", "ALLMQI"):
            whole = expand([name], objtype, alladm)
            if whole and whole <= left:
                out.append(name)
                left -= whole
    out = [a for a in ORDER if a in left] + out
    return out or ["NONE"]


# ----- generic profiles ([V] IBM-OAM-PROFILES) ----------------------------------------------------------------------
def _tokens(profile):
    return re.findall(r"\*\*|\*|\?|[^*?]", profile)


def profile_regex(profile):
    """'?' one character, '*' any characters within a qualifier, '**' any number of qualifiers (zero included, [R])."""
    out = []
    for token in _tokens(profile):
        if token == "**":
            out.append(".*")  # across qualifiers; as a whole qualifier its dots may fold away (below)
        elif token == "*":
            out.append("[^.]*")
        elif token == "?":
            out.append("[^.]")
        else:
            out.append(re.escape(token))
    text = "".join(out)
    # "A.**.B" matches "A.B", "A.**" matches "A", "**.B" matches "B" (zero qualifiers)
    text = text.replace(r"\..*\.", r"(?:\..*)?\.")
    if text.endswith(r"\..*"):
        text = text[:-4] + r"(?:\..*)?"
    if text.startswith(r".*\."):
        text = r"(?:.*\.)?" + text[4:]
    return re.compile(text + r"\Z")


def profile_matches(profile, name):
    return bool(profile_regex(profile).match(name))


def is_generic(profile):
    return any(c in profile for c in "*?")


def specificity(profile):
    """Smaller is more specific: left to right, where two profiles differ a character beats a generic one, and among
    generic ones ? beats * beats ** ([V] IBM-OAM-PROFILES "Profile priorities")."""
    return tuple({"?": 1, "*": 2, "**": 3}.get(t, 0) for t in _tokens(profile)) + (0,)


class Oam:
    """The authority records of one queue manager: (objtype, profile, enttype, entity) -> set of authorities.

    config(key) reads the configurable behaviours; groups_of(user) the queue manager's cached group set of a user (None:
    unknown to the host); group_exists(name); exists(objtype, name): an object of that name is defined."""

    def __init__(self, config, groups_of, group_exists, exists):
        self.config, self.groups_of, self.group_exists, self.exists = config, groups_of, group_exists, exists
        self.records = {}

    # ----- common parameters --------------------------------------------------------------------------------------
    def _objtype(self, params, required=True, allow_all=False):
        value = params.get("OBJTYPE")
        if value is None:
            if required:
                raise MqscError(RC_OBJECT_TYPE_MISSING)
            return "ALL" if allow_all else None
        if not isinstance(value, str) or value.upper() not in (*OBJTYPES, *(("ALL",) if allow_all else ())):
            raise MqscError(O.RC_ATTR_VALUE_ERROR, "OBJTYPE")
        return value.upper()

    def _profile(self, params, objtype, required=True):
        profile = params.get("PROFILE")
        if profile is None:
            if objtype == "QMGR" or not required:
                return QMGR_PROFILE if objtype == "QMGR" else None
            raise MqscError(RC_PROFILE_NAME_MISSING)  # [V] PROFILE is required unless OBJTYPE is QMGR
        if not isinstance(profile, str) or not profile or len(profile) > MAX_PROFILE or not _PROFILE.match(profile):
            raise MqscError(RC_PROFILE_NAME_ERROR, profile)
        return QMGR_PROFILE if objtype == "QMGR" else profile

    def _entity(self, params, required=True):
        """-> (enttype, name) of PRINCIPAL or GROUP: exactly one, and GROUP names one group ([V] IBM-SET-AUTHREC)."""
        principal, group = params.get("PRINCIPAL"), params.get("GROUP")
        if principal is not None and group is not None:
            raise MqscError(RC_CONFLICTING_PARM, "GROUP")
        if principal is None and group is None:
            if required:
                raise MqscError(RC_ENTITY_NAME_MISSING)
            return None
        value = principal if principal is not None else group
        if not isinstance(value, str) or not value.strip():
            raise MqscError(O.RC_ATTR_VALUE_ERROR, "PRINCIPAL" if principal is not None else "GROUP")
        return ("PRINCIPAL" if principal is not None else "GROUP"), value

    def _stored_entity(self, entity):
        """Where records of an entity live: a principal's in the user-based models; its primary group's in the
        group-based one ([V] IBM-OAM-PRINCIPALS: "the primary group to which the user ID belongs is included in the
        ACL. The individual user ID is not included"). Unknown entities: RC2292, except principals under UserExternal."""
        enttype, name = entity
        policy = self.config("oam_security_policy")
        if enttype == "GROUP":
            if not self.group_exists(name):
                raise MqscError(RC_UNKNOWN_ENTITY, name)
            return entity
        groups = self.groups_of(name)
        if groups is None:
            if policy == "userexternal":
                return entity  # [V] MQCONT: the developer image creates its queue manager with -oa UserExternal
            raise MqscError(RC_UNKNOWN_ENTITY, name)
        return ("GROUP", groups[0]) if policy == "group" else entity

    def _authorities(self, params, key, objtype):
        value = params.get(key)
        if value is None:
            return None
        values = value if isinstance(value, list) else [value] if value != "" else []
        out = []
        for item in values:
            if not isinstance(item, str) or item.upper() not in ORDER:
                raise MqscError(RC_AUTH_VALUE_ERROR, str(item))
            item = item.upper()
            if item not in (*SHORTHANDS, "NONE") and item not in VALID[objtype]:
                raise MqscError(RC_AUTH_VALUE_ERROR, item)  # not an authority of this object type ([I] the reason)
            out.append(item)
        return out

    # ----- SET AUTHREC / DELETE AUTHREC --------------------------------------------------------------------------
    def set(self, params):
        """SET AUTHREC: AUTHADD grants, AUTHRMV revokes, both act on the record as it is ([V] reference §2)."""
        for key in params:
            if key not in SET_KEYWORDS:
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
        objtype = self._objtype(params)
        profile = self._profile(params, objtype)
        entity = self._entity(params)
        add, remove = self._authorities(params, "AUTHADD", objtype), self._authorities(params, "AUTHRMV", objtype)
        if add is None and remove is None:
            raise MqscError(RC_AUTH_VALUE_MISSING)  # [V] at least one of AuthorityAdd and AuthorityRemove
        alladm = self.config("authrec_alladm")
        grant, revoke = expand(add or [], objtype, alladm), expand(remove or [], objtype, alladm)
        if grant & revoke:
            raise MqscError(RC_AUTH_VALUE_ERROR, sorted(grant & revoke)[0])  # [V] "should be mutually exclusive"; reason [I]
        self._check_object(objtype, profile)
        enttype, name = self._stored_entity(entity)
        key = (objtype, profile, enttype, name)
        # [I] a grant or a revocation on a profile the entity has no record for creates the record (NONE if empty)
        self.records[key] = (self.records.get(key, set()) | grant) - revoke
        if self.config("authrec_class_records") and profile != CLASS_PROFILE:
            # [S] dmpmqaut after setmqaut -t qmgr -p oldid +connect: a "@class" record with authority none for the
            # entity appears too (reference §2, Mark Taylor)
            self.records.setdefault((objtype, CLASS_PROFILE, enttype, name), set())
        return SET_MESSAGE

    def _check_object(self, objtype, profile):
        """[V] "If you specify an explicit profile name, the object must exist" (PCF Set/Delete Authority Record); a
        generic profile needs none. 2085 [I] the reason."""
        if objtype in ("QMGR", "RQMNAME") or profile == CLASS_PROFILE or is_generic(profile):
            return
        if self.exists(objtype, profile) is False:
            raise MqscError(O.RC_UNKNOWN_OBJECT, profile)

    def delete(self, params):
        """DELETE AUTHREC: the record goes. IGNSTATE (reference §2): YES is the default, and NO not valid, for QMGR,
        TOPIC, RQMNAME and QUEUE; for the other types a missing record is an error (2085 [I]) unless IGNSTATE(YES)."""
        allowed = {"PROFILE", "OBJTYPE", "PRINCIPAL", "GROUP", "IGNSTATE", "SERVCOMP"}
        for key in params:
            if key not in allowed:
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
        objtype = self._objtype(params)
        profile = self._profile(params, objtype)
        entity = self._entity(params)
        ignstate = params.get("IGNSTATE")
        if ignstate is not None and (not isinstance(ignstate, str) or ignstate.upper() not in O.YESNO
                                     or (objtype in IGNSTATE_YES_TYPES and ignstate.upper() == "NO")):
            raise MqscError(O.RC_ATTR_VALUE_ERROR, "IGNSTATE")
        ignore = objtype in IGNSTATE_YES_TYPES or (ignstate or "NO").upper() == "YES"
        self._check_object(objtype, profile)
        enttype, name = self._stored_entity(entity)
        if self.records.pop((objtype, profile, enttype, name), None) is None and not ignore:
            raise MqscError(O.RC_UNKNOWN_OBJECT, profile)
        return DELETE_MESSAGE

    # ----- DISPLAY AUTHREC / DISPLAY ENTAUTH --------------------------------------------------------------------
    def display(self, params, list_form="array"):
        """DISPLAY AUTHREC rows {profile, entity, enttype, objtype, authlist} ([S] the AMQ8864I layout, reference §2).
        MATCH(PROFILE), the default: the profile and the generic profiles that match it; EXACT: that profile only;
        MEMBERSHIP: a principal's records and those of its groups ([V] IBM-DIS-AUTHREC)."""
        allowed = {"PROFILE", "OBJTYPE", "PRINCIPAL", "GROUP", "MATCH", "SERVCOMP"}
        for key in params:
            if key not in allowed:
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
        objtype = self._objtype(params, required=False, allow_all=True)
        profile = self._profile(params, objtype if objtype != "ALL" else None, required=False) \
            if params.get("PROFILE") is not None else None
        match = params.get("MATCH", "PROFILE")
        if not isinstance(match, str) or match.upper() not in ("PROFILE", "EXACT", "MEMBERSHIP"):
            raise MqscError(O.RC_ATTR_VALUE_ERROR, "MATCH")
        match = match.upper()
        entity = self._entity(params, required=False)
        if match == "MEMBERSHIP" and (entity is None or entity[0] != "PRINCIPAL"):
            raise MqscError(O.RC_ATTR_VALUE_ERROR, "MATCH")  # [V] MEMBERSHIP is about a principal's groups; reason [I]
        entities = None
        if entity is not None:
            stored = self._stored_entity(entity)
            entities = {stored}
            if match == "MEMBERSHIP":
                entities |= {("GROUP", g) for g in self.groups_of(entity[1]) or []}
        rows = []
        for (otype, prof, enttype, name), auths in sorted(self.records.items()):
            if objtype not in ("ALL", otype) or (entities is not None and (enttype, name) not in entities):
                continue
            if profile is not None and prof != profile and (match == "EXACT" or prof == CLASS_PROFILE
                                                            or not profile_matches(prof, profile)):
                continue
            values = authlist(auths, otype, self.config("authrec_alladm"), self.config("authrec_display"))
            rows.append({"profile": prof, self.config("authrec_entity_key"): name, "enttype": enttype, "objtype": otype,
                         "authlist": values if list_form == "array" else ",".join(values)})
        if not rows:
            raise MqscError(O.RC_UNKNOWN_OBJECT, profile or "*")  # [I] 2085: no authority record matches
        return rows

    def entauth(self, params, list_form="array"):
        """DISPLAY ENTAUTH: the authority an entity has to an object, through the most specific profile of each of its
        entities ([V] IBM-DIS-ENTAUTH: "the authorizations an entity has to a specified object")."""
        allowed = {"PRINCIPAL", "GROUP", "OBJNAME", "OBJTYPE", "SERVCOMP"}
        for key in params:
            if key not in allowed:
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
        entity = self._entity(params)
        objtype = self._objtype(params)
        objname = params.get("OBJNAME")
        if objname is None and objtype != "QMGR":
            raise MqscError(RC_PROFILE_NAME_MISSING)  # [V] OBJNAME is required unless OBJTYPE is QMGR
        if entity[0] == "GROUP" and not self.group_exists(entity[1]):
            raise MqscError(RC_UNKNOWN_ENTITY, entity[1])
        if entity[0] == "PRINCIPAL" and self.groups_of(entity[1]) is None and self.config("oam_security_policy") != "userexternal":
            raise MqscError(RC_UNKNOWN_ENTITY, entity[1])
        held = self.authority(entity, objtype, objname or QMGR_PROFILE)
        values = authlist(held, objtype, self.config("authrec_alladm"), self.config("authrec_display"))
        return [{self.config("authrec_entity_key"): entity[1], "enttype": entity[0], "objname": objname or "",
                 "objtype": objtype, "authlist": values if list_form == "array" else ",".join(values)}]

    # ----- the check ---------------------------------------------------------------------------------------------
    def authority(self, entity, objtype, objname):
        """The authorities an entity holds on an object: members of mqm hold every one (the OAM's records for group mqm
        are not listed, [I] simplification); otherwise for each of its entities (the principal in the user-based models,
        each of its groups) the most specific matching profile counts, and their union is what it holds."""
        enttype, name = entity
        groups = [name] if enttype == "GROUP" else (self.groups_of(name) or [])
        if ADMIN_GROUP in groups or (enttype == "PRINCIPAL" and name == ADMIN_GROUP):
            return set(VALID[objtype])
        entities = [("GROUP", g) for g in groups]
        if enttype == "PRINCIPAL" and self.config("oam_security_policy") != "group":
            entities.insert(0, entity)
        target = QMGR_PROFILE if objtype == "QMGR" else objname
        held = set()
        for ent in entities:
            found = [(prof, auths) for (otype, prof, enttype_, name_), auths in self.records.items()
                     if otype == objtype and (enttype_, name_) == ent and prof != CLASS_PROFILE
                     and (prof == target or profile_matches(prof, target))]
            if found:
                held |= min(found, key=lambda item: specificity(item[0]))[1]
        return held

    def allowed(self, user, objtype, objname, needed):
        """An MQI check: does user hold every authority in needed on the object? -> (bool, the ones missing)."""
        missing = set(needed) - self.authority(("PRINCIPAL", user), objtype, objname)
        return not missing, [a for a in ORDER if a in missing]
