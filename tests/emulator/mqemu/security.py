# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The security of one queue manager (README "Security"): its channel authentication records (chlauth.py), its authority
records (oam.py), REFRESH SECURITY, the decision on a client that connects (control API), the authority checks of the
messaging REST API and of the control API's puts and gets, and the error log where the AMQ messages of refusals go.

What a queue manager caches, as MQ does: the group memberships of its users ([V] IBM-OAM-PRINCIPALS: "not recognized
until the queue manager is restarted, unless you issue the MQSC command REFRESH SECURITY") and its connection
authentication settings ([V] IBM-CONNAUTH: "The configuration must be refreshed before the queue manager recognizes the
changes"; ALTER QMGR CONNAUTH: they "take effect when a REFRESH SECURITY TYPE(CONNAUTH) command is issued",
CSDN-CONNAUTH): both are taken when the queue manager starts and at REFRESH SECURITY of their TYPE.
"""

import collections
import time

from . import chlauth, oam
from . import objects as O
from .directory import ADMIN_GROUP
from .display import _project as project  # the DISPLAY projection every kind shares
from .parse import MqscError, syntax_error

# The configurable behaviours security reads (README "Configurable behaviours"); qmgr.QmgrSettings passes them.
SECURITY_CONFIG_KEYS = ("chlauth_precedence", "chlauth_sslcerti_key", "chlauth_ignore_user_case", "chlauth_admin_svrconn_default",
                        "chlauth_list_add", "oam_security_policy", "authrec_alladm", "authrec_display", "authrec_class_records",
                        "authrec_entity_key", "security_list_values")
COMMANDS = {("SET", "CHLAUTH"), ("DISPLAY", "CHLAUTH"), ("SET", "AUTHREC"), ("DELETE", "AUTHREC"), ("DISPLAY", "AUTHREC"),
            ("DISPLAY", "ENTAUTH"), ("REFRESH", "SECURITY")}
REFRESH_TYPES = ("AUTHSERV", "CONNAUTH", "SSL")  # CLASSES and PROXY are z/OS ([V] IBM REFRESH SECURITY)
REFRESH_MESSAGE = "AMQ8560I: IBM MQ security cache refreshed."  # [S] runmqsc transcript (reference §2)
RUNCHECK_MESSAGE = "AMQ9783I: Channel will run using MCAUSER('{0}')."  # [S] community RUNCHECK examples (reference §1)
# The connection-authentication objects crtmqm creates, as a real queue manager shows the IDPWOS one ([S] DISPLAY
# AUTHINFO(SYSTEM.DEFAULT.AUTHINFO.IDPWOS): AUTHTYPE(IDPWOS) ADOPTCTX(YES) CHCKCLNT(REQDADM) CHCKLOCL(OPTIONAL)
# FAILDLAY(1), blog transcript reference §3): read from here while the emulator has no AUTHINFO objects of its own; once
# the queue manager's store holds AUTHINFO objects, those are read.
DEFAULT_AUTHINFO = {
    "SYSTEM.DEFAULT.AUTHINFO.IDPWOS": {"AUTHTYPE": "IDPWOS", "ADOPTCTX": "YES", "CHCKCLNT": "REQDADM", "CHCKLOCL": "OPTIONAL"},
    "SYSTEM.DEFAULT.AUTHINFO.IDPWLDAP": {"AUTHTYPE": "IDPWLDAP", "ADOPTCTX": "YES", "CHCKCLNT": "REQDADM", "CHCKLOCL": "OPTIONAL"},
    "SYSTEM.DEFAULT.AUTHINFO.CRLLDAP": {"AUTHTYPE": "CRLLDAP"},
    "SYSTEM.DEFAULT.AUTHINFO.OCSP": {"AUTHTYPE": "OCSP"},
}
# The developer image's security (MQCONT dev-config.mqsc, as ibm-messaging/mq-ansible ships it: reference §1-§3); its
# DEV.AUTHINFO (IDPWOS, CHCKCLNT(REQDADM), ADOPTCTX(YES)) behaves as SYSTEM.DEFAULT.AUTHINFO.IDPWOS, which stays named.
DEV_CHLAUTH = (
    ("*", {"TYPE": "ADDRESSMAP", "ADDRESS": "*", "USERSRC": "NOACCESS", "DESCR": "Back-stop rule - Blocks everyone",
           "ACTION": "REPLACE"}),
    ("DEV.APP.SVRCONN", {"TYPE": "ADDRESSMAP", "ADDRESS": "*", "USERSRC": "CHANNEL", "CHCKCLNT": "REQUIRED",
                         "DESCR": "Allows connection via APP channel", "ACTION": "REPLACE"}),
    ("DEV.ADMIN.SVRCONN", {"TYPE": "BLOCKUSER", "USERLIST": ["nobody"], "DESCR": "Allows admins on ADMIN channel", "ACTION": "REPLACE"}),
    ("DEV.ADMIN.SVRCONN", {"TYPE": "USERMAP", "CLNTUSER": "admin", "USERSRC": "CHANNEL",
                           "DESCR": "Allows admin user to connect via ADMIN channel", "ACTION": "REPLACE"}),
    ("DEV.ADMIN.SVRCONN", {"TYPE": "USERMAP", "CLNTUSER": "admin", "USERSRC": "MAP", "MCAUSER": "mqm",
                           "DESCR": "Allow admin as MQ-admin", "ACTION": "REPLACE"}),
)
DEV_AUTHREC = (
    {"PRINCIPAL": "app", "OBJTYPE": "QMGR", "AUTHADD": ["CONNECT", "INQ"]},
    {"PROFILE": "DEV.**", "PRINCIPAL": "app", "OBJTYPE": "QUEUE", "AUTHADD": ["BROWSE", "GET", "INQ", "PUT"]},
    {"PROFILE": "DEV.**", "PRINCIPAL": "app", "OBJTYPE": "TOPIC", "AUTHADD": ["PUB", "SUB"]},
)
# Reasons of a refused connection or MQI call (cmqc).
RC_NOT_AUTHORIZED = 2035
RC_Q_MGR_NOT_AVAILABLE = 2059
RC_CHANNEL_NOT_AVAILABLE = 2537
RC_SSL_INITIALIZATION_ERROR = 2393  # a client whose TLS handshake fails ([R] the reason a client sees)
RC_UNKNOWN_CHANNEL_NAME = 2540
RC_CHANNEL_BLOCKED_WARNING = 2578  # the Channel Blocked event's reason for WARN(YES) ([V] IBM-CHANNEL-BLOCKED; [R] the number)
REASON_NAMES = {RC_CHANNEL_BLOCKED_WARNING: "MQRC_CHANNEL_BLOCKED_WARNING",
                RC_SSL_INITIALIZATION_ERROR: "MQRC_SSL_INITIALIZATION_ERROR", RC_NOT_AUTHORIZED: "MQRC_NOT_AUTHORIZED",
                RC_Q_MGR_NOT_AVAILABLE: "MQRC_Q_MGR_NOT_AVAILABLE",
                RC_CHANNEL_NOT_AVAILABLE: "MQRC_CHANNEL_NOT_AVAILABLE", RC_UNKNOWN_CHANNEL_NAME: "MQRC_UNKNOWN_CHANNEL_NAME",
                O.RC_UNKNOWN_OBJECT: "MQRC_UNKNOWN_OBJECT_NAME", 0: "MQRC_NONE"}
# The error-log messages of refusals: (message, explanation), inserts by name. [S] AMQ9777E (MQRFHUTIL-9), AMQ5540E and
# AMQ5541E (IBM-TN-CONNAUTH), AMQ9557E (MQCOMM-9557), AMQ8077W (MQGEM-2035); [R] the ids and texts of AMQ9776E (its
# title is IBM's, IBM-CHLAUTH-ISSUES), AMQ9782E, AMQ5534E, AMQ8079W and AMQ9519E. None: no AMQ id known, the reason's
# name leads.
LOG = {
    "blockaddr": ("AMQ9782E: Remote connection blocked",
                  "The connection from address '{address}' was blocked because the address is in the BLOCKADDR list of a "
                  "channel authentication record."),
    "noaccess": ("AMQ9777E: Channel was blocked",
                 "The inbound channel '{channel}' was blocked from address '{address}' because the active values of the "
                 "channel matched a record configured with USERSRC(NOACCESS). The active values of the channel were "
                 "'{values}'."),
    "blockuser": ("AMQ9776E: Channel was blocked by userid",
                  "The inbound channel '{channel}' was blocked from address '{address}' because the active values of the "
                  "channel were mapped to a userid which should be blocked. The active values of the channel were "
                  "'{values}'."),
    "warn": (None, "MQRC_CHANNEL_BLOCKED_WARNING: The inbound channel '{channel}' from address '{address}' would have been "
                   "blocked by channel authentication record '{profile}' TYPE({type}); it runs because the record has WARN(YES)."),
    "no_password": ("AMQ5540E: Application '{application}' did not supply a user ID and password",
                    "The queue manager is configured to require a user ID and password, but none was supplied."),
    "reqdadm": ("AMQ5541E: The failed authentication check was caused by the queue manager CONNAUTH CHCKCLNT(REQDADM) "
                "configuration.",
                "The user ID '{user}' and its password were checked because the user ID is privileged and the queue manager "
                "connection authority (CONNAUTH) configuration refers to an authentication information (AUTHINFO) object "
                "named '{authinfo}' with CHCKCLNT(REQDADM)."),
    "required": (None, "MQRC_NOT_AUTHORIZED: The failed authentication check was caused by CHCKCLNT({chckclnt}) of {where}."),
    "no_connauth": (None, "MQRC_NOT_AUTHORIZED: Channel authentication record '{profile}' requires CHCKCLNT({chckclnt}), but "
                          "the queue manager's CONNAUTH {authinfo} checks no passwords."),
    "bad_password": ("AMQ5534E: User ID '{user}' authentication failed",
                     "The user ID and password supplied by '{application}' could not be authenticated."),
    "unknown_mcauser": ("AMQ9557E: Queue Manager User ID initialization failed for '{user}'.",
                        "The call to initialize the User ID '{user}' failed with CompCode 2 and Reason 2035."),
    "unknown_user": ("AMQ8079W: Access was denied when attempting to retrieve group membership information for user '{user}'.",
                     "The user is not known to the operating system."),
    "not_authorized": ("AMQ8077W: Entity '{user}' has insufficient authority to access object {object}.",
                       "The specified entity is not authorized to access the required object. The following requested "
                       "permissions are unauthorized: {authorities}"),
    "unknown_channel": ("AMQ9519E: Channel '{channel}' not found.",
                        "The requested operation failed because the program could not find a definition of channel '{channel}'."),
}
LOG_KEEP = 1000

# The shared tables of messages and DISPLAY headers (objects.py) take security's: MqscError reads its texts there and the
# runCommand envelope its headers. Registered here so that the object kinds' module stays as it is.
for _reason, _text in {**chlauth.MESSAGES, **oam.MESSAGES}.items():
    O.MESSAGES.setdefault(_reason, _text)
O.DISPLAY_HEADERS.update(CHLAUTH=chlauth.DISPLAY_HEADER, AUTHREC=oam.DISPLAY_HEADER, ENTAUTH=oam.ENTAUTH_HEADER)

CHLAUTH_VALID = {"CHLAUTH", "TYPE", "SSLPEER", "SSLCERTI", "ADDRESS", "CHCKCLNT", "CLNTUSER", "QMNAME", "ADDRLIST", "USERLIST",
                 "MCAUSER", "ALTDATE", "ALTTIME", "DESCR", "CUSTOM", "USERSRC", "WARN"}
CHLAUTH_IDENTITY = ("chlauth", "type", "address", "clntuser", "qmname", "sslpeer", "sslcerti")


class Refused(Exception):
    """A connection or an MQI call refused with an MQ reason; the error-log entries are written already."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class Security:
    """The security of queue manager qm (qmgr.QueueManager): its settings give config(key) and the directory."""

    def __init__(self, qm, seed):
        self.qm, self.config, self.directory = qm, qm.settings.config, qm.settings.directory
        self.chlauth = chlauth.Table(self.config)
        self.oam = oam.Oam(self.config, self.groups_of, self.directory.group_exists, self._object_exists)
        self.log = collections.deque(maxlen=LOG_KEEP)
        self.membership, self.connauth, self.cached_plan = {}, (None, None), None
        self._cache()
        if seed == "dev":
            for profile, params in DEV_CHLAUTH:
                self.chlauth.set(profile, params)
            for params in DEV_AUTHREC:
                self.oam.set(params)

    # ----- the caches ----------------------------------------------------------------------------------------
    def _cache(self, which=("AUTHSERV", "CONNAUTH")):
        if "AUTHSERV" in which:
            self.membership = {}
        if "CONNAUTH" in which:
            name = self.qm.qmgr.attrs["CONNAUTH"].strip()
            attrs = self._authinfo(name) if name else None
            self.connauth = (name, dict(attrs) if attrs is not None else None)
        self.cached_plan = self.qm.life.plan

    def refresh_caches(self):
        """Take the caches again (the queue manager's first start, after crtmqm made its objects)."""
        self._cache()

    def _sync(self):
        """A start (or an end) of the queue manager since the caches were taken renews them ("or restart")."""
        if self.qm.life.plan is not self.cached_plan:
            self._cache()

    def _authinfo(self, name):
        store = self.qm.store.get("AUTHINFO")
        if store is not None:
            obj = store.get(name)
            # The store keeps an object's AUTHTYPE as its type (MQObject.otype), beside its attributes.
            return None if obj is None else dict(obj.attrs, AUTHTYPE=obj.otype)
        return DEFAULT_AUTHINFO.get(name)

    def groups_of(self, user):
        """The user's groups as this queue manager cached them (first use, start, REFRESH SECURITY); None: unknown."""
        self._sync()
        if user not in self.membership:
            groups = self.directory.groups_of(user)
            if groups is None:
                return None
            self.membership[user] = groups
        return self.membership[user]

    def privileged(self, user):
        return user == ADMIN_GROUP or ADMIN_GROUP in (self.groups_of(user) or [])

    def _object_exists(self, objtype, name):
        """Whether an object an authority record names exists; None where the emulator does not model the type."""
        store = {"QUEUE": "QUEUE", "CHANNEL": "CHANNEL", "CLNTCONN": "CLNTTBL", "LISTENER": "LISTENER", "SERVICE": "SERVICE",
                 "NAMELIST": "NAMELIST", "PROCESS": "PROCESS", "TOPIC": "TOPIC", "AUTHINFO": "AUTHINFO",
                 "COMMINFO": "COMMINFO"}.get(objtype)
        table = self.qm.store.get(store)
        return None if table is None else name in table

    # ----- MQSC ----------------------------------------------------------------------------------------------------
    @staticmethod
    def handles(cmd):
        return (cmd.verb, cmd.qualifier) in COMMANDS

    def execute(self, cmd):
        """SET/DISPLAY CHLAUTH, SET/DELETE/DISPLAY AUTHREC, DISPLAY ENTAUTH, REFRESH SECURITY -> response elements."""
        params = dict(cmd.params)
        if cmd.qualifier == "CHLAUTH":
            if not isinstance(cmd.name, str) or not cmd.name:
                raise syntax_error(cmd.source)  # the channel profile is required
            if cmd.verb == "SET":
                return [self._ok(self.chlauth.set(cmd.name, params))]
            return self._display_chlauth(cmd, params)
        if cmd.qualifier == "SECURITY":
            return [self._ok(self._refresh(cmd.name, params))]
        if cmd.name is not None and cmd.qualifier == "AUTHREC":
            # [I] runCommandJSON's name stands for PROFILE (unconfirmed how mqweb maps it, reference §2)
            if params.setdefault("PROFILE", cmd.name) != cmd.name:
                raise MqscError(oam.RC_CONFLICTING_PARM, "PROFILE")
        lists = self.config("security_list_values")
        if (cmd.verb, cmd.qualifier) == ("SET", "AUTHREC"):
            return [self._ok(self.oam.set(params))]
        if (cmd.verb, cmd.qualifier) == ("DELETE", "AUTHREC"):
            return [self._ok(self.oam.delete(params))]
        key = self.config("authrec_entity_key")
        resp = None if cmd.response is None else [key if r.upper() == "ENTITY" else r for r in cmd.response]
        valid = {"ALL", "AUTHLIST", "ENTITY", "ENTTYPE", "OBJTYPE", "PROFILE", "OBJNAME", key.upper()}
        if cmd.qualifier == "AUTHREC":
            rows = self.oam.display(params, lists)
            return project(self.qm, rows, resp or ["all"], ("profile", "objtype"), valid - {"OBJNAME"})
        rows = self.oam.entauth(params, lists)
        return project(self.qm, rows, resp or ["all"], ("objname", "objtype"), valid - {"PROFILE"})

    @staticmethod
    def _ok(message):
        return {"completionCode": 0, "reasonCode": 0, "message": [message]}

    def _display_chlauth(self, cmd, params):
        records, runcheck = self.chlauth.display(cmd.name, params)
        if runcheck and not records:
            channel = self.qm.store["CHANNEL"].get(cmd.name)
            user = channel.attrs.get("MCAUSER", "").strip() if channel is not None else ""
            return [self._ok(RUNCHECK_MESSAGE.format(user or str(params.get("CLNTUSER", ""))))]
        rows = [r.row(self.config("security_list_values")) for r in records]
        # DISPLAY CHLAUTH shows every attribute unless some are asked for ([S] runmqsc output without ALL, freekb, INSTANA)
        return project(self.qm, rows, cmd.response or ["all"], CHLAUTH_IDENTITY, CHLAUTH_VALID)

    def _refresh(self, name, params):
        """REFRESH SECURITY[(*)] TYPE(AUTHSERV|CONNAUTH|SSL) ([V] IBM-REFRESH-SEC): AUTHSERV ([R] the default) renews
        the cached group memberships, CONNAUTH the connection-authentication settings, SSL the key repository, bouncing
        the running TLS channels (QueueManager.refresh_ssl)."""
        if name not in (None, "*"):
            raise MqscError(O.RC_ATTR_VALUE_ERROR, name)
        for key in params:
            if key != "TYPE":
                raise MqscError(O.RC_PARM_ID_ERROR, key, [key])
        kind = params.get("TYPE", "AUTHSERV")
        if not isinstance(kind, str) or kind.upper() not in REFRESH_TYPES:
            raise MqscError(O.RC_ATTR_VALUE_ERROR, "TYPE")
        kind = kind.upper()
        if kind == "SSL":
            self.qm.refresh_ssl()  # the key repository read again, the running TLS channels bounced (keyrepo.py, network.py)
        else:
            self._sync()
            self._cache((kind,))
        return REFRESH_MESSAGE

    # ----- the error log ---------------------------------------------------------------------------------------
    def write(self, which, reason, **inserts):
        return self.append(*LOG[which], reason, **inserts)

    def append(self, message, explanation, reason, **inserts):
        """One error-log entry from a (message, explanation) template pair; None message: the explanation's reason leads."""
        entry = {"time": round(time.time(), 3), "qmgr": self.qm.name, "msgid": message.partition(":")[0] if message else None,
                 "message": (message or "").format(**inserts) or explanation.format(**inserts).partition(":")[0],
                 "explanation": explanation.format(**inserts), "reason": reason, "reason_name": REASON_NAMES.get(reason, ""),
                 **{k: inserts[k] for k in ("channel", "address", "user") if k in inserts}}
        self.log.append(entry)
        return entry

    def errors(self):
        return list(self.log)

    def clear_errors(self):
        self.log.clear()

    # ----- a client connects ([V] IBM-CHLAUTH-ISSUES, IBM-CONNAUTH; the order is [R], README "Client connections") ----
    def connect(self, channel, user, password=None, address=None, host=None, sslpeer=None, sslcerti=None, application="mqemu"):
        """Decide whether a client may start SVRCONN `channel` as `user` (the user ID it asserts, and the one it
        authenticates with a password): -> the MCAUSER it runs with, or raises Refused with MQ's reason (the AMQ
        messages are in the error log). The channel's existence and state are the caller's (control.py)."""
        self._sync()
        obj = self.qm.store["CHANNEL"][channel]
        attrs, values = self.qm.qmgr.attrs, f"CLNTUSER({user})" + (f" SSLPEER({sslpeer})" if sslpeer else "")
        enabled = attrs["CHLAUTH"] == "ENABLED"  # [V] CHLAUTH(DISABLED): no record is checked
        where = {"channel": channel, "address": address or "", "user": user}
        if enabled:
            record = self.chlauth.blocking_address(address)
            if record is not None:
                if record.attrs.get("WARN") != "YES":
                    # BLOCKADDR acts at the listener before the channel name is known; the client sees 2059 ([V]
                    # IBM-CHANNEL-BLOCKED: MQRQ_CHANNEL_BLOCKED_ADDRESS; IBM-CHLAUTH-ISSUES lists RC 2059)
                    self.write("blockaddr", RC_Q_MGR_NOT_AVAILABLE, **where)
                    raise Refused(RC_Q_MGR_NOT_AVAILABLE)
                self.write("warn", RC_CHANNEL_BLOCKED_WARNING, profile=record.profile, type=record.type, **where)
        mcauser, chckclnt, record = obj.attrs.get("MCAUSER", "").strip() or user, "ASQMGR", None
        if enabled:
            identity = {"address": address, "host": host, "clntuser": user, "sslpeer": sslpeer, "sslcerti": sslcerti,
                        "svrconn": True}
            for candidate in self.chlauth.mapping_candidates(channel, identity):
                if candidate.attrs["USERSRC"] == "NOACCESS":
                    if candidate.attrs.get("WARN") == "YES":
                        self.write("warn", RC_CHANNEL_BLOCKED_WARNING, profile=candidate.profile, type=candidate.type, **where)
                        continue  # [V] RUNCHECK: a WARN(YES) record is followed by the one the channel uses
                    self.write("noaccess", RC_NOT_AUTHORIZED, values=values, **where)
                    raise Refused(RC_NOT_AUTHORIZED)
                record = candidate
                break
        if record is not None:
            if record.attrs["USERSRC"] == "MAP":
                mcauser = record.attrs["MCAUSER"]
            chckclnt = record.attrs.get("CHCKCLNT", "ASQMGR")
        if self._authenticate(user, password, chckclnt, record, application, where):
            mcauser = user  # ADOPTCTX(YES): the authenticated user ID becomes the connection's ([R])
        if enabled:
            record = self.chlauth.blockuser_record(channel)
            if record is not None and self._blocked(mcauser, record.attrs["USERLIST"]):
                if record.attrs.get("WARN") != "YES":
                    self.write("blockuser", RC_NOT_AUTHORIZED, values=f"MCAUSER({mcauser})", **where)
                    raise Refused(RC_NOT_AUTHORIZED)
                self.write("warn", RC_CHANNEL_BLOCKED_WARNING, profile=record.profile, type=record.type, **where)
        if self.groups_of(mcauser) is None and self.config("oam_security_policy") != "userexternal":
            self.write("unknown_mcauser", RC_NOT_AUTHORIZED, **{**where, "user": mcauser})
            raise Refused(RC_NOT_AUTHORIZED)
        self.check(mcauser, "QMGR", self.qm.name, ("CONNECT",))
        return mcauser

    def _blocked(self, user, userlist):
        """BLOCKUSER on the final MCAUSER ([V] reference §1); *MQADMIN stands for every privileged user (group mqm)."""
        return user in userlist or ("*MQADMIN" in userlist and self.privileged(user))

    def _authenticate(self, user, password, chckclnt, record, application, where):
        """Connection authentication of a client (CHCKCLNT of the cached CONNAUTH object, raised by the CHLAUTH record's
        CHCKCLNT): -> True when the user ID was authenticated and is adopted (ADOPTCTX(YES)); raises Refused.

        [V] IBM-CONNAUTH: NONE checks nothing (credentials are ignored); OPTIONAL checks what is supplied; REQUIRED needs a
        valid user ID and password; REQDADM needs them from privileged users. [S] ALTER QMGR CONNAUTH (reference §3): a
        blank CONNAUTH fails connections to channels whose CHLAUTH record says CHCKCLNT(REQUIRED) or (REQDADM); [I] so does
        a CONNAUTH object that checks nothing (NONE)."""
        name, attrs = self.connauth
        base = (attrs or {}).get("CHCKCLNT", "NONE") if (attrs or {}).get("AUTHTYPE") in ("IDPWOS", "IDPWLDAP") else None
        privileged = self.privileged(user)
        inserts = {**where, "application": application, "authinfo": name or ""}
        if base in (None, "NONE"):
            if chckclnt in ("REQUIRED", "REQDADM"):
                self.write("no_connauth", RC_NOT_AUTHORIZED, profile=record.profile if record else "", chckclnt=chckclnt,
                           **inserts)
                raise Refused(RC_NOT_AUTHORIZED)
            return False
        causes = [("reqdadm", {}) if base == "REQDADM" and privileged else None,
                  ("required", {"chckclnt": "REQUIRED", "where": f"authentication information object '{name}'"})
                  if base == "REQUIRED" else None,
                  ("required", {"chckclnt": chckclnt, "where": f"channel authentication record '{record.profile}'"})
                  if record is not None and (chckclnt == "REQUIRED" or (chckclnt == "REQDADM" and privileged)) else None]
        causes = [c for c in causes if c]
        if password is None:
            if causes:
                self.write("no_password", RC_NOT_AUTHORIZED, **inserts)
                for which, extra in causes:
                    self.write(which, RC_NOT_AUTHORIZED, **inserts, **extra)
                raise Refused(RC_NOT_AUTHORIZED)
            return False
        if not self.directory.check_password(user, password):
            self.write("bad_password", RC_NOT_AUTHORIZED, **inserts)
            for which, extra in causes:
                self.write(which, RC_NOT_AUTHORIZED, **inserts, **extra)
            raise Refused(RC_NOT_AUTHORIZED)
        return attrs.get("ADOPTCTX", "NO") == "YES"

    # ----- MQI authority ---------------------------------------------------------------------------------------------
    def check(self, user, objtype, objname, needed):
        """The OAM's check of an MQCONN/MQOPEN as user: raises Refused(2035) with AMQ8077W (AMQ8079W for a user the host
        does not know) in the error log ([S] reference §2: 2035 is logged as AMQ8077W)."""
        if self.groups_of(user) is None and self.config("oam_security_policy") != "userexternal":
            self.write("unknown_user", RC_NOT_AUTHORIZED, user=user)
            raise Refused(RC_NOT_AUTHORIZED)
        ok, missing = self.oam.allowed(user, objtype, objname, needed)
        if not ok:
            self.write("not_authorized", RC_NOT_AUTHORIZED, user=user, object=objname,
                       authorities=", ".join(m.lower() for m in missing))
            raise Refused(RC_NOT_AUTHORIZED)

    def check_queue(self, user, queue, operation):
        """An application's MQCONN then MQOPEN of queue for operation ('put', 'get', 'browse') as user: connect on the
        queue manager, then the operation on the queue as named (an alias's own profile, [V] the OAM checks the object
        opened); an unknown queue answers 2085 before its authority is checked ([I] the order)."""
        self.check(user, "QMGR", self.qm.name, ("CONNECT",))
        if queue not in self.qm.store["QUEUE"]:
            raise MqscError(O.RC_UNKNOWN_OBJECT, queue)
        self.check(user, "QUEUE", queue, (operation.upper(),))
