# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Static MQ knowledge for the emulator: attribute schemas, defaults, names, messages and seeds.

Reference keys in comments point at ../shared/reference/mq-rest-api.md, relative to the repository root (for
example [S] INSTANA).
"""

import hashlib
import re
import time
from collections import namedtuple

YESNO = ("YES", "NO")
LEVELS = ("QMGR", "OFF", "LOW", "MEDIUM", "HIGH")
# Enumerated attributes: values are accepted in any case and stored upper-case (IBM-MQSC-JSON).
ENUMS = {
    "CHLTYPE": ("SDR", "SVR", "RCVR", "RQSTR", "SVRCONN", "CLNTCONN", "CLUSSDR", "CLUSRCVR", "AMQP"),
    "TRPTYPE": ("TCP", "LU62", "NETBIOS", "SPX"),
    "SSLCAUTH": ("REQUIRED", "OPTIONAL"),
    "CONVERT": YESNO, "USEDLQ": YESNO, "USECLTID": YESNO, "DEFPSIST": YESNO,
    "DEFRECON": ("NO", "YES", "QMGR", "DISABLED"),
    "MCATYPE": ("PROCESS", "THREAD"),
    "NPMSPEED": ("FAST", "NORMAL"),
    "PUTAUT": ("DEF", "CTX", "ONLYMCA", "ALTMCA"),
    "MONCHL": LEVELS, "STATCHL": LEVELS, "MONQ": LEVELS, "STATQ": ("QMGR", "OFF", "ON"),
    "COMPHDR": ("NONE", "SYSTEM"),
    "COMPMSG": ("NONE", "RLE", "ZLIBFAST", "ZLIBHIGH", "ANY"),
    "AFFINITY": ("PREFERRED", "NONE"),
    "PROPCTL": ("COMPAT", "NONE", "ALL"),
    "CONTROL": ("MANUAL", "QMGR", "STARTONLY"),
    "SERVTYPE": ("COMMAND", "SERVER"),
    "PUT": ("ENABLED", "DISABLED"), "GET": ("ENABLED", "DISABLED"),
    "USAGE": ("NORMAL", "XMITQ"),
    "DEFTYPE": ("PERMDYN", "TEMPDYN"),  # settable on QMODEL only (SHAREDYN is z/OS); a QLOCAL shows PREDEFINED
    "TARGTYPE": ("QUEUE", "TOPIC"),
    "DEFBIND": ("OPEN", "NOTFIXED", "GROUP"),
    "TRIGTYPE": ("FIRST", "EVERY", "DEPTH", "NONE"),
    "ACCTQ": ("QMGR", "ON", "OFF"), "CLWLUSEQ": ("QMGR", "ANY", "LOCAL"), "DEFPRESP": ("SYNC", "ASYNC"),
    "DEFREADA": ("NO", "YES", "DISABLED"), "DEFSOPT": ("EXCL", "SHARED"), "DISTL": YESNO, "IMGRCOVQ": ("QMGR", "NO", "YES"),
    "MSGDLVSQ": ("PRIORITY", "FIFO"), "NPMCLASS": ("NORMAL", "HIGH"), "QSVCIEV": ("NONE", "HIGH", "OK"),
    "QDPHIEV": ("ENABLED", "DISABLED"), "QDPLOEV": ("ENABLED", "DISABLED"), "QDPMAXEV": ("ENABLED", "DISABLED"),
    "SCOPE": ("QMGR", "CELL"), "STRMQOS": ("BESTEF", "MUSTDUP"),
    # Keyword pairs (TRIGGER/NOTRIGGER, ...), stored and displayed as the positive keyword with YES or NO (NEGATIONS).
    "TRIGGER": YESNO, "SHARE": YESNO, "HARDENBO": YESNO, "AUTHREC": YESNO,
    "CHLAUTH": ("ENABLED", "DISABLED"), "CHAD": ("ENABLED", "DISABLED"), "STATMQI": ("ON", "OFF"),
}
_ASP = ("ASPARENT", "YES", "NO")
_ASP_EN = ("ASPARENT", "ENABLED", "DISABLED")
# The same keyword with other values on another object kind (IBM DEFINE QUEUES: PROPCTL FORCE/V6COMPAT on queues only;
# IBM DEFINE TOPIC: ASPARENT inherits from the parent topic).
KIND_ENUMS = {
    "QUEUE": {"PROPCTL": ("COMPAT", "NONE", "ALL", "FORCE", "V6COMPAT")},
    "TOPIC": {"DEFPSIST": _ASP, "USEDLQ": _ASP, "DURSUB": _ASP, "PUB": _ASP_EN, "SUB": _ASP_EN, "MCAST": ("ASPARENT", "ENABLED",
              "DISABLED", "ONLY"), "DEFPRESP": ("ASPARENT", "SYNC", "ASYNC"), "PUBSCOPE": ("ASPARENT", "QMGR", "ALL"),
              "SUBSCOPE": ("ASPARENT", "QMGR", "ALL"), "PMSGDLV": ("ASPARENT", "ALL", "ALLDUR", "ALLAVAIL"),
              "NPMSGDLV": ("ASPARENT", "ALL", "ALLDUR", "ALLAVAIL"), "PROXYSUB": ("FIRSTUSE", "FORCE"),
              "WILDCARD": ("PASSTHRU", "BLOCK"), "CLROUTE": ("DIRECT", "TOPICHOST"), "TYPE": ("LOCAL",)},
    # [V] IBM-DEF-SUB: DESTCLAS(PROVIDED|MANAGED), PSPROP(MSGPROP|COMPAT|NONE|RFH2), REQONLY(NO|YES), SUBSCOPE(ALL|QMGR),
    # VARUSER(ANY|FIXED), WSCHEMA(TOPIC|CHAR); PUBPRTY is a number or ASPUB/ASQDEF (KIND_INT_OR_KEYWORD).
    "SUB": {"DESTCLAS": ("PROVIDED", "MANAGED"), "PSPROP": ("NONE", "COMPAT", "RFH2", "MSGPROP"), "REQONLY": ("NO", "YES"),
            "SUBSCOPE": ("ALL", "QMGR"), "VARUSER": ("ANY", "FIXED"), "WSCHEMA": ("TOPIC", "CHAR")},
}
# MQSC flags that switch a YES/NO attribute off: NOTRIGGER is TRIGGER(NO) (IBM DEFINE QUEUES keyword pairs).
NEGATIONS = {"NOTRIGGER": "TRIGGER", "NOSHARE": "SHARE", "NOHARDENBO": "HARDENBO"}
# Integer attributes that also take one keyword ([S] INSTANA: KAINT(AUTO), AMQPKA(AUTO); [V] IBM DEFINE QUEUES:
# MAXFSIZE(DEFAULT), CAPEXPRY(NOLIMIT)).
INT_OR_KEYWORD = {"KAINT": ("AUTO",), "AMQPKA": ("AUTO",), "MAXFSIZE": ("DEFAULT",), "CAPEXPRY": ("NOLIMIT",),
                  "EXPIRY": ("UNLIMITED",)}
# A process's APPLTYPE is a keyword of the 9.4 ALTER PROCESS syntax (IBM-ALT-PROC; DOS and WINDOWSNT of older releases are
# gone) or a number, 0-65535 system-defined, 65536-999999999 user-defined ([V] IBM-DEF-PROC).
KIND_INT_OR_KEYWORD = {"TOPIC": {"DEFPRTY": ("ASPARENT",), "CAPEXPRY": ("ASPARENT", "NOLIMIT")},
                       "SUB": {"PUBPRTY": ("ASPUB", "ASQDEF")},
                       "PROCESS": {"APPLTYPE": ("CICS", "DEF", "IMS", "MVS", "NOTESAGENT", "NSK", "OS400", "UNIX", "WINDOWS", "WLM")}}
# List-valued attributes: a JSON array or runmqsc NAMES(A,B); at most 256 names of 48 characters, each following the rules
# for naming MQ objects; NAMES() is an empty list ([V] IBM-DEF-NL).
LIST_ATTRS = {"NAMES": (256, 48)}
# Integer ranges ([R] IBM DEFINE QUEUES); a value outside is 4005 ([I] the reason).
RANGES = {"DEFPRTY": (0, 9), "TRIGMPRI": (0, 9), "CLWLPRTY": (0, 9), "CLWLRANK": (0, 9), "QDEPTHHI": (0, 100),
          "QDEPTHLO": (0, 100), "MAXDEPTH": (0, 999999999), "MAXMSGL": (0, 104857600), "TRIGDPTH": (1, 999999999),
          "MAXFSIZE": (20, 267386880), "PUBPRTY": (0, 9), "SUBLEVEL": (1, 9)}
MAX_LEN = {"DESCR": 64, "CONNAME": 264, "APPLICID": 256, "ENVRDATA": 128, "USERDATA": 128, "TOPICSTR": 10240, "SELECTOR": 10240,
           "SCYEXIT": 128, "MREXIT": 128, "SCYDATA": 32, "MRDATA": 32, "CLCHNAME": 20}
# The same keyword with another length on another kind: a subscription's USERDATA is up to 10 240 characters ([V] IBM-DEF-SUB);
# its DESTCORL and PUBACCT are the hexadecimal form of MQ's 24-byte correlation identifier and 32-byte accounting token, PUBAPPID
# and SUBUSER are MQMD's 32-character ApplIdentityData and 12-character user identifier ([V] the MQSD fields, IBM-MQSD).
KIND_MAX_LEN = {"SUB": {"USERDATA": 10240, "DEST": 48, "DESTQMGR": 48, "TOPICOBJ": 48, "DESTCORL": 48, "PUBACCT": 64,
                        "PUBAPPID": 32, "SUBUSER": 12}}


def _attrs(spec):
    """Parse 'KEY=default ...' into an ordered dict; digit defaults are integers (unless zero-padded)."""
    out = {}
    for item in spec.split():
        key, _sep, value = item.partition("=")
        out[key] = int(value) if value.isdigit() and (value == "0" or value[0] != "0") else value  # VERSION=09040200 stays
    return out


# Channel attributes per CHLTYPE with the MQ 9.4.2 SYSTEM.DEF.* defaults ([S] INSTANA, §4.2 table).
_MSG = "BATCHSZ=50 CERTLABL= COMPHDR=NONE COMPMSG=NONE HBINT=300 KAINT=AUTO MAXMSGL=4194304 MCAUSER= MONCHL=QMGR NPMSPEED=FAST " \
       "SEQWRAP=999999999 SSLCIPH= SSLPEER= STATCHL=QMGR USEDLQ=YES"
_SEND = "BATCHHB=0 BATCHINT=0 BATCHLIM=5000 CONNAME= CONVERT=NO DISCINT=6000 LOCLADDR= LONGRTY=999999999 LONGTMR=1200 " \
        "PROPCTL=COMPAT SHORTRTY=10 SHORTTMR=60 USERID= PASSWORD="
_RECV = "MRRTY=10 MRTMR=1000 PUTAUT=DEF SSLCAUTH=REQUIRED"
_CLUS = "CLUSTER= CLUSNL= CLWLPRTY=0 CLWLRANK=0 CLWLWGHT=50 NETPRTY=0 MCATYPE=THREAD"
CHANNEL_ATTRS = {t: {"DESCR": "", "TRPTYPE": "TCP", **_attrs(s)} for t, s in {
    "SDR": f"{_MSG} {_SEND} MCATYPE=PROCESS XMITQ=",
    "SVR": f"{_MSG} {_SEND} MCATYPE=PROCESS XMITQ= SSLCAUTH=REQUIRED",
    "RCVR": f"{_MSG} {_RECV}",
    "RQSTR": f"{_MSG} {_RECV} CONNAME= LOCLADDR= MCATYPE=PROCESS USERID= PASSWORD=",
    "CLUSSDR": f"{_MSG} {_SEND} {_CLUS}",
    "CLUSRCVR": f"{_MSG} {_SEND} {_CLUS} {_RECV}",
    "SVRCONN": "CERTLABL= COMPHDR=NONE COMPMSG=NONE DISCINT=0 HBINT=300 KAINT=AUTO MAXINST=999999999 MAXINSTC=999999999 "
               "MAXMSGL=4194304 MCAUSER= MONCHL=QMGR SHARECNV=10 SSLCAUTH=REQUIRED SSLCIPH= SSLPEER=",
    "CLNTCONN": "AFFINITY=PREFERRED CERTLABL= CLNTWGHT=0 COMPHDR=NONE COMPMSG=NONE CONNAME= DEFRECON=NO HBINT=300 KAINT=AUTO "
                "LOCLADDR= MAXMSGL=4194304 QMNAME= SHARECNV=10 SSLCIPH= SSLPEER= USERID= PASSWORD=",
    "AMQP": "AMQPKA=AUTO CERTLABL= MAXINST=999999999 MAXMSGL=4194304 MCAUSER= PORT=5672 SSLCAUTH=REQUIRED SSLCIPH= SSLPEER= "
            "TPROOT=SYSTEM.BASE.TOPIC TMPMODEL=SYSTEM.DEFAULT.MODEL.QUEUE TMPQPRFX=AMQP.* USECLTID=NO",
}.items()}
# Channel exits ([V] IBM DEFINE CHANNEL 9.4, IBM-DEF-CHL: SCYEXIT, SCYDATA, SENDEXIT, SENDDATA, RCVEXIT, RCVDATA on every
# type but AMQP; MSGEXIT and MSGDATA on the message channels; MREXIT and MRDATA, the message-retry exit, on the receiving
# ones). An exit name is at most 128 characters on AIX, Linux and Windows ([V] IBM-MQCD: "The name is limited to a maximum
# of 128 characters"), its data 32 ([V] IBM-DEF-CHL, SCYDATA/SENDDATA: "maximum length 32 characters"). SENDEXIT,
# RCVEXIT and MSGEXIT, and their data, take a list: several exits run in turn, the names "separated by a comma, a space, or
# both" ([V] IBM-RCVEXIT); a REST client sends a JSON array, DISPLAY answers one ([I], as for NAMES). The total length of
# the names and data of one kind of exit (500 characters on the 7.5 pages, 999 in older MQSC references) is not checked
# ([U]). SCYEXIT and MREXIT take one exit.
EXIT_LISTS = {"SENDEXIT": 128, "RCVEXIT": 128, "MSGEXIT": 128, "SENDDATA": 32, "RCVDATA": 32, "MSGDATA": 32}
for _type, _attrs_of_type in CHANNEL_ATTRS.items():
    if _type != "AMQP":
        _attrs_of_type.update(SCYEXIT="", SCYDATA="", SENDEXIT=[], SENDDATA=[], RCVEXIT=[], RCVDATA=[])
    if _type in ("SDR", "SVR", "RCVR", "RQSTR", "CLUSSDR", "CLUSRCVR"):
        _attrs_of_type.update(MSGEXIT=[], MSGDATA=[])
    if _type in ("RCVR", "RQSTR", "CLUSRCVR"):
        _attrs_of_type.update(MREXIT="", MRDATA="")
# The DEFINE CHANNEL keywords IBM-DEF-CHL marks valid only on z/OS: refused as keywords this queue manager does not know.
CHANNEL_ZOS_ONLY = ("CMDSCOPE", "DEFCDISP", "QSGDISP")
ALL_CHANNEL_KEYS = frozenset(k for attrs in CHANNEL_ATTRS.values() for k in attrs)
# "None of the administrative interfaces allow this attribute to be inquired or set for CLUSSDR channels. You will receive an
# MQRCCF_WRONG_CHANNEL_TYPE message" ([V] IBM-CERTLABL): a CLUSSDR has no CERTLABL, so DEFINE and ALTER refuse it (4041).
del CHANNEL_ATTRS["CLUSSDR"]["CERTLABL"]
# Real SYSTEM.DEF.* channel names per type.
CHANNEL_DEFAULTS = {"SDR": "SYSTEM.DEF.SENDER", "SVR": "SYSTEM.DEF.SERVER", "RCVR": "SYSTEM.DEF.RECEIVER",
                    "RQSTR": "SYSTEM.DEF.REQUESTER", "SVRCONN": "SYSTEM.DEF.SVRCONN", "CLNTCONN": "SYSTEM.DEF.CLNTCONN",
                    "CLUSSDR": "SYSTEM.DEF.CLUSSDR", "CLUSRCVR": "SYSTEM.DEF.CLUSRCVR", "AMQP": "SYSTEM.DEF.AMQP"}
# Channel auto-definition's model channels per type (IBM-PREP-CHL; CLUSSDR auto-definition is not emulated).
CHAD_MODELS = {"RCVR": "SYSTEM.AUTO.RECEIVER", "SVRCONN": "SYSTEM.AUTO.SVRCONN"}
AUTO_DEFINED_DESCR = "Auto-defined by"  # DISPLAY shows no trailing blanks
# §4.2: XMITQ required on SDR/SVR only; CONNAME required on SDR/RQSTR/CLNTCONN/CLUSSDR.
XMITQ_TYPES = ("SDR", "SVR")
CONNAME_REQUIRED = ("SDR", "RQSTR", "CLNTCONN", "CLUSSDR")
# §5.1: START on these initiates the channel; on RCVR/SVRCONN/CLUSRCVR (and AMQP, [I]) it only re-enables.
INITIATING_TYPES = ("SDR", "SVR", "RQSTR", "CLUSSDR")

# LISTENER and SERVICE ([V] IBM-DEF-LSTR, IBM-DEF-SVC; SERVTYPE(COMMAND) default is [I]).
LISTENER_ATTRS = _attrs("TRPTYPE=TCP PORT=0 IPADDR= BACKLOG=0 CONTROL=MANUAL DESCR=")
SERVICE_ATTRS = _attrs("CONTROL=MANUAL SERVTYPE=COMMAND STARTCMD= STARTARG= STOPCMD= STOPARG= STDOUT= STDERR= DESCR=")

# Queue attributes per type with the SYSTEM.DEFAULT.*.QUEUE defaults of MQ 9.4 on Multiplatforms (z/OS-only ones left
# out): [V] the defaults above the line of the IBM DEFINE QLOCAL/QALIAS/QREMOTE/QMODEL 9.4 syntax diagrams (CAPEXPRY,
# CUSTOM, DEFPRESP, ..., DEFSOPT(SHARED), NOTRIGGER, MAXDEPTH 5000, MAXMSGL 4194304, MSGDLVSQ PRIORITY, USAGE NORMAL);
# [S] QDEPTHHI 80, QDEPTHLO 20, QDPMAXEV ENABLED, QSVCINT/RETINTVL 999999999, SHARE in a runmqsc DISPLAY QLOCAL dump;
# [R] NOHARDENBO, DISTL(NO), MAXFSIZE(DEFAULT), STRMQOS(BESTEF), QMODEL DEFTYPE(TEMPDYN) and which type has which keyword.
_QCOMMON = "CAPEXPRY=NOLIMIT CUSTOM= DEFPRESP=SYNC DEFPRTY=0 DEFPSIST=NO DESCR= PUT=ENABLED"
_QCLUS = "CLUSNL= CLUSTER= CLWLPRTY=0 CLWLRANK=0 DEFBIND=OPEN SCOPE=QMGR"
_QSTORE = "ACCTQ=QMGR BOQNAME= BOTHRESH=0 CLCHNAME= DEFREADA=NO DEFSOPT=SHARED DISTL=NO GET=ENABLED HARDENBO=NO IMGRCOVQ=QMGR " \
          "INITQ= MAXDEPTH=5000 MAXMSGL=4194304 MONQ=QMGR MSGDLVSQ=PRIORITY NPMCLASS=NORMAL PROCESS= PROPCTL=COMPAT QDEPTHHI=80 " \
          "QDEPTHLO=20 QDPHIEV=DISABLED QDPLOEV=DISABLED QDPMAXEV=ENABLED QSVCIEV=NONE QSVCINT=999999999 RETINTVL=999999999 " \
          "SHARE=YES STATQ=QMGR TRIGDATA= TRIGDPTH=1 TRIGGER=NO TRIGMPRI=0 TRIGTYPE=FIRST USAGE=NORMAL"
QUEUE_ATTRS = {
    "QLOCAL": _attrs(f"{_QCOMMON} {_QCLUS} {_QSTORE} CLWLUSEQ=QMGR MAXFSIZE=DEFAULT STREAMQ= STRMQOS=BESTEF"),
    "QREMOTE": _attrs(f"{_QCOMMON} {_QCLUS} RNAME= RQMNAME= XMITQ="),
    "QALIAS": _attrs(f"{_QCOMMON} {_QCLUS} DEFREADA=NO GET=ENABLED PROPCTL=COMPAT TARGET= TARGTYPE=QUEUE"),
    "QMODEL": _attrs(f"{_QCOMMON} {_QSTORE} DEFTYPE=TEMPDYN"),
}
# DELETE of these kinds takes AUTHREC(YES|NO) ([V] IBM DELETE queues: "This parameter does not apply to z/OS").
AUTHREC_KINDS = ("QUEUE", "NAMELIST", "PROCESS", "TOPIC")
# Shown by DISPLAY but not settable: a QLOCAL is DEFTYPE(PREDEFINED) ([V] IBM DISPLAY QUEUE); CURDEPTH, IPPROCS, OPPROCS
# come from the queue's runtime state, CRDATE/CRTIME/ALTDATE/ALTTIME from the definition.
QUEUE_SHOWN = {"QLOCAL": {"DEFTYPE": "PREDEFINED"}}
QUEUE_RUNTIME_KEYS = ("ALTDATE", "ALTTIME", "CRDATE", "CRTIME", "CURDEPTH", "IPPROCS", "OPPROCS")
# DISPLAY QUEUE filters besides WHERE: TYPE selects the queue type ([V] IBM DISPLAY QUEUE: TYPE(ALL|QLOCAL|...|QCLUSTER)).
QUEUE_DISPLAY_TYPES = ("ALL", "QLOCAL", "QMODEL", "QALIAS", "QREMOTE", "QCLUSTER")
# Runtime state of a local queue with no messages and no open handle (LPUT/LGET/OLDEST: wall times or None).
EMPTY_QUEUE = {"CURDEPTH": 0, "IPPROCS": 0, "OPPROCS": 0, "LPUT": None, "LGET": None, "OLDEST": None}
QUEUE_DEFAULTS = {"QLOCAL": "SYSTEM.DEFAULT.LOCAL.QUEUE", "QREMOTE": "SYSTEM.DEFAULT.REMOTE.QUEUE",
                  "QALIAS": "SYSTEM.DEFAULT.ALIAS.QUEUE", "QMODEL": "SYSTEM.DEFAULT.MODEL.QUEUE"}

# Object kinds that are definitions only (no runtime state): the identity keys of a DISPLAY row (the first is the name,
# the rest come from the attributes), the SYSTEM.DEFAULT.* object DEFINE copies, the attributes with their defaults
# ([V] syntax diagrams of IBM DEFINE NAMELIST, PROCESS, TOPIC, SUB 9.4; [R] the defaults not drawn there), what DEFINE
# must be given (one of each tuple), what ALTER cannot change, the values DISPLAY derives, the attributes whose
# (non-blank) value one object of the kind at most may hold, with the reason a DEFINE of a second one fails with, and the
# keywords of the kind's syntax page that are valid only on z/OS: a distributed queue manager does not know them, so they
# fail as any unknown keyword does (3014, or as `invalid_attribute_mode` says); ``like``: whether DEFINE takes LIKE (DEFINE
# SUB has no LIKE, [V] IBM-DEF-SUB).
Kind = namedtuple("Kind", "ident default attrs required fixed derived unique zos_only like", defaults=({}, (), True))
PLAIN_KINDS = {
    # [V] IBM-DEF-NL: CMDSCOPE, QSGDISP and NLTYPE are z/OS only.
    "NAMELIST": Kind(("namelist",), "SYSTEM.DEFAULT.NAMELIST", {"DESCR": "", "NAMES": []}, (), (),
                     {"NAMCOUNT": lambda n, a: len(a["NAMES"])}, zos_only=("CMDSCOPE", "QSGDISP", "NLTYPE")),
    # [V] IBM-DEF-PROC: CMDSCOPE and QSGDISP are z/OS only.
    "PROCESS": Kind(("process",), "SYSTEM.DEFAULT.PROCESS",
                    _attrs("APPLICID= APPLTYPE=UNIX DESCR= ENVRDATA= USERDATA="), (), (), {}, zos_only=("CMDSCOPE", "QSGDISP")),
    "TOPIC": Kind(("topic", "type"), "SYSTEM.DEFAULT.TOPIC", _attrs(
        "CAPEXPRY=ASPARENT CLROUTE=DIRECT CLUSTER= COMMINFO= CUSTOM= DEFPRESP=ASPARENT DEFPRTY=ASPARENT DEFPSIST=ASPARENT "
        "DESCR= DURSUB=ASPARENT MCAST=ASPARENT MDURMDL= MNDURMDL= NPMSGDLV=ASPARENT PMSGDLV=ASPARENT PROXYSUB=FIRSTUSE "
        "PUB=ASPARENT PUBSCOPE=ASPARENT SUB=ASPARENT SUBSCOPE=ASPARENT TOPICSTR= TYPE=LOCAL USEDLQ=ASPARENT WILDCARD=PASSTHRU"),
        # [V] IBM-DEF-TOPIC: TOPICSTR required; IBM-ALT-TOPIC has no TOPICSTR; IBM-RC3300 for a string another topic object
        # holds; CMDSCOPE, QSGDISP, and in 9.4 OTELPCTL and OTELTRAC (OpenTelemetry, MQ for z/OS 9.4.3) are z/OS only.
        (("TOPICSTR",),), ("TOPICSTR",), {}, unique={"TOPICSTR": 3300},
        zos_only=("CMDSCOPE", "QSGDISP", "OTELPCTL", "OTELTRAC")),
    # [V] IBM-DEF-SUB: every keyword of its 9.4 syntax diagram but CMDSCOPE (z/OS only); TOPICSTR or TOPICOBJ required;
    # IBM-ALT-SUB: ALTER SUB cannot change TOPICOBJ, TOPICSTR, WSCHEMA, SELECTOR, SUBSCOPE, DESTCLAS or SUBLEVEL. The
    # queue manager gives each definition its SUBID (qmgr.py, new_sub_id); defined with DEFINE SUB, it is SUBTYPE(ADMIN).
    "SUB": Kind(("sub", "subid"), "SYSTEM.DEFAULT.SUB", _attrs(
        "DEST= DESTCLAS=PROVIDED DESTCORL= DESTQMGR= EXPIRY=UNLIMITED PSPROP=MSGPROP PUBACCT= PUBAPPID= PUBPRTY=ASPUB "
        "REQONLY=NO SELECTOR= SUBLEVEL=1 SUBSCOPE=ALL SUBUSER= TOPICOBJ= TOPICSTR= USERDATA= VARUSER=ANY WSCHEMA=TOPIC"),
        (("TOPICSTR", "TOPICOBJ"),), ("TOPICSTR", "TOPICOBJ", "DESTCLAS", "SELECTOR", "SUBSCOPE", "SUBLEVEL", "WSCHEMA"),
        {"DURABLE": lambda n, a: "YES", "SUBTYPE": lambda n, a: "ADMIN",
         "SELTYPE": lambda n, a: "STANDARD" if a["SELECTOR"] else "NONE"},
        zos_only=("CMDSCOPE",), like=False),
}


def new_sub_id(name, serial):
    """A 48-hex-digit SUBID, unique per definition (``serial`` counts the queue manager's DEFINEs): real ones start with
    'AMQ ' in hex ([S] 414D5120...), the rest [I]. A subscription deleted and defined again gets a new one."""
    return ("414D5120" + hashlib.sha256("{0}\0{1}".format(name, serial).encode()).hexdigest().upper())[:48]


# A DESTCLAS(MANAGED) subscription's destination: a queue the queue manager names after the topic's durable model queue
# ([V] IBM-DEF-SUB: "the destination is managed"; the SYSTEM.MANAGED.DURABLE.* name [R]); the queue itself is not
# emulated (README, Deliberate simplifications).
MANAGED_DEST_PREFIX = "SYSTEM.MANAGED.DURABLE."


# The root of the topic tree: concrete values where the other topics say ASPARENT ([R] DISPLAY TOPIC(SYSTEM.BASE.TOPIC)).
BASE_TOPIC = {"CAPEXPRY": "NOLIMIT", "DEFPRESP": "SYNC", "DEFPRTY": 0, "DEFPSIST": "NO", "DURSUB": "YES", "MCAST": "DISABLED",
              "MDURMDL": "SYSTEM.DURABLE.MODEL.QUEUE", "MNDURMDL": "SYSTEM.NDURABLE.MODEL.QUEUE", "NPMSGDLV": "ALLAVAIL",
              "PMSGDLV": "ALLDUR", "PUB": "ENABLED", "PUBSCOPE": "ALL", "SUB": "ENABLED", "SUBSCOPE": "ALL", "USEDLQ": "YES"}

# QMGR: alterable attributes with the crtmqm defaults of MQ 9.4 on Linux ([S] INSTANA for CCSID, CHLAUTH, CONNAUTH,
# MAXMSGL, SCHINIT, SCMDSERV; [V] the keyword list and values of IBM ALTER QMGR 9.4; [R] the other defaults: every event
# switch DISABLED except STRSTPEV(ENABLED), MAXUMSGS 10000, MAXPRTY 9 (display-only), ...). Display-only ones are
# QMGR_SHOWN. SSLKEYR and CERTLABL get the queue manager's name when it is created.
QMGR_ATTRS = _attrs(
    "ACCTCONO=DISABLED ACCTINT=1800 ACCTMQI=OFF ACCTQ=OFF ACTIVREC=MSG ACTVCONO=DISABLED ACTVTRC=OFF AUTHOREV=DISABLED "
    "CCSID=1208 CERTLABL= CERTVPOL=ANY CHAD=DISABLED CHADEV=DISABLED CHADEXIT= CHLAUTH=ENABLED CHLEV=DISABLED CLWLDATA= "
    "CLWLEXIT= CLWLLEN=100 CLWLMRUC=999999999 CLWLUSEQ=LOCAL CMDEV=DISABLED CONFIGEV=DISABLED "
    "CONNAUTH=SYSTEM.DEFAULT.AUTHINFO.IDPWOS CUSTOM= DEADQ= DEFCLXQ=SCTQ DEFXMITQ= DESCR= IMGINTVL=60 IMGLOGLN=OFF "
    "IMGRCOVO=YES IMGRCOVQ=YES IMGSCHED=MANUAL INHIBTEV=DISABLED IPADDRV=IPV4 LOCALEV=DISABLED LOGGEREV=DISABLED "
    "MARKINT=5000 MAXHANDS=256 MAXMSGL=4194304 MAXPROPL=NOLIMIT MAXUMSGS=10000 MONACLS=QMGR MONCHL=OFF MONQ=OFF PARENT= "
    "PERFMEV=DISABLED PSCLUS=ENABLED PSMODE=ENABLED PSNPMSG=DISCARD PSNPRES=NORMAL PSRTYCNT=5 PSSYNCPT=IFPER "
    "REMOTEEV=DISABLED REPOS= REPOSNL= REVDNS=ENABLED ROUTEREC=MSG SCHINIT=QMGR SCMDSERV=QMGR SSLCRLNL= SSLCRYP= "
    "SSLEV=DISABLED SSLFIPS=NO SSLKEYR= SSLRKEYC=0 STATACLS=QMGR STATCHL=OFF STATINT=1800 STATMQI=OFF STATQ=OFF "
    "STRSTPEV=ENABLED SUITEB=NONE TREELIFE=1800 TRIGINT=999999999 INITKEY= KEYRPWD=")
# DISPLAY QMGR values that ALTER cannot change (QMNAME, QMID, CRDATE/CRTIME and ALTDATE/ALTTIME are computed) ([S] INSTANA
# CMDLEVEL 942, VERSION 09040200, PLATFORM UNIX; [R] the rest).
QMGR_SHOWN = _attrs("ADVCAP=ENABLED AMQPCAP=NO CMDLEVEL=942 COMMANDQ=SYSTEM.ADMIN.COMMAND.QUEUE DISTL=YES MAXPRTY=9 "
                    "PLATFORM=UNIX SPLCAP=ENABLED SYNCPT=YES VERSION=09040200 XRCAP=NO")
_EVENTS = ("AUTHOREV", "CHADEV", "CHLEV", "CMDEV", "CONFIGEV", "INHIBTEV", "LOCALEV", "LOGGEREV", "PERFMEV", "REMOTEEV", "SSLEV",
           "STRSTPEV")
# DISPLAY QMGR keyword groups ([V] IBM DISPLAY QMGR: EVENT shows the event switches); CHINIT, CLUSTER, PUBSUB and SYSTEM
# show everything here (a superset).
QMGR_GROUPS = {"EVENT": _EVENTS, "CHINIT": (), "CLUSTER": (), "PUBSUB": (), "SYSTEM": ()}
_EN = ("ENABLED", "DISABLED")
KIND_ENUMS["QMGR"] = {
    **dict.fromkeys(("AUTHOREV", "CHADEV", "CONFIGEV", "INHIBTEV", "LOCALEV", "LOGGEREV", "PERFMEV", "REMOTEEV", "SSLEV",
                     "STRSTPEV", "ACCTCONO", "ACTVCONO", "REVDNS", "PSCLUS", "CHLAUTH", "CHAD"), _EN),
    "CHLEV": ("ENABLED", "EXCEPTION", "DISABLED"), "CMDEV": ("ENABLED", "NODISPLAY", "DISABLED"),
    "ACCTMQI": ("ON", "OFF"), "ACCTQ": ("ON", "OFF", "NONE"), "STATQ": ("ON", "OFF", "NONE"), "STATMQI": ("ON", "OFF"),
    "ACTVTRC": ("ON", "OFF"), "ACTIVREC": ("DISABLED", "MSG", "QUEUE"), "ROUTEREC": ("DISABLED", "MSG", "QUEUE"),
    "MONQ": ("OFF", "NONE", "LOW", "MEDIUM", "HIGH"), "MONCHL": ("OFF", "NONE", "LOW", "MEDIUM", "HIGH"),
    # [V] IBM-ALT-QMGR-94: MONACLS and STATACLS take QMGR (the queue manager's MONCHL, STATCHL), OFF, LOW, MEDIUM, HIGH.
    "STATCHL": ("OFF", "NONE", "LOW", "MEDIUM", "HIGH"), "MONACLS": ("QMGR", "OFF", "LOW", "MEDIUM", "HIGH"),
    "STATACLS": ("QMGR", "OFF", "LOW", "MEDIUM", "HIGH"), "CERTVPOL": ("ANY", "RFC5280"), "CLWLUSEQ": ("LOCAL", "ANY"),
    "DEFCLXQ": ("SCTQ", "CHANNEL"), "IMGRCOVO": YESNO, "IMGRCOVQ": YESNO, "IMGSCHED": ("MANUAL", "AUTO"),
    "IPADDRV": ("IPV4", "IPV6"), "PSMODE": ("COMPAT", "DISABLED", "ENABLED"), "PSNPMSG": ("DISCARD", "KEEP"),
    "PSNPRES": ("NORMAL", "SAFE", "DROP", "ASYNC"), "PSSYNCPT": ("YES", "IFPER"), "SCHINIT": ("QMGR", "MANUAL"),
    "SCMDSERV": ("QMGR", "MANUAL"), "SSLFIPS": YESNO, "SUITEB": ("NONE", "128_BIT", "192_BIT", "128_BIT,192_BIT"),
}
KIND_INT_OR_KEYWORD["QMGR"] = {"IMGINTVL": ("OFF",), "IMGLOGLN": ("OFF",), "MARKINT": ("NOLIMIT",), "MAXPROPL": ("NOLIMIT",)}
# Integer ranges of ALTER QMGR on Multiplatforms where they are not 0-999999999 ([V] IBM-ALT-QMGR-94 and the PCF Change
# Queue Manager page: ACCTINT and STATINT "1 - 604,000", MAXMSGL "32 KB through 100 MB"; [R] the others); out of range: 4005.
KIND_RANGES = {"QMGR": {"ACCTINT": (1, 604000), "STATINT": (1, 604000), "MAXMSGL": (32768, 104857600), "CCSID": (1, 65535),
                        "MAXUMSGS": (1, 999999999), "CLWLMRUC": (1, 999999999), "IMGINTVL": (1, 999999999),
                        "IMGLOGLN": (1, 999999999), "MAXPROPL": (0, 104857600), "TREELIFE": (0, 604000)}}
# Channel ranges where they are not 0-999999999 ([V] IBM-DEF-CHL: BATCHSZ "1 - 9999", HBINT and DISCINT "0 - 999 999",
# KAINT "0 - 99 999" or AUTO, SEQWRAP "100 - 999 999 999", CLWLWGHT "1 - 99", NETPRTY "0 - 9", CLNTWGHT "0 - 99"; [R] an AMQP
# channel's PORT 1-65535, a TCP port) and a listener's PORT ([R] a TCP port, 0-65535); out of range: 4005.
KIND_RANGES["CHANNEL"] = {"BATCHSZ": (1, 9999), "HBINT": (0, 999999), "DISCINT": (0, 999999), "KAINT": (0, 99999),
                          "SEQWRAP": (100, 999999999), "CLWLWGHT": (1, 99), "NETPRTY": (0, 9), "CLNTWGHT": (0, 99), "PORT": (1, 65535)}
KIND_RANGES["LISTENER"] = {"PORT": (0, 65535)}
# Keywords of the ALTER QMGR 9.4 page that are valid only on z/OS (its notes "Valid only on z/OS" and, for CERTQSGL,
# "... a member of a queue sharing group"): a distributed queue manager refuses them as unknown ones (3014).
QMGR_ZOS_ONLY = ("ACTCHL", "ADOPTCHK", "ADOPTMCA", "BRIDGEEV", "CERTQSGL", "CFCONLOS", "CHIADAPS", "CHIDISPS", "CHISERVP",
                 "CMDSCOPE", "DNSGROUP", "DNSWLM", "EXPRYINT", "GROUPUR", "IGQ", "IGQAUT", "IGQUSER", "LSTRTMR", "LUGROUP",
                 "LUNAME", "LU62ARM", "LU62CHL", "MAXCHL", "OPORTMAX", "OPORTMIN", "RCVTIME", "RCVTMIN", "RCVTTYPE", "SCYCASE",
                 "SQQMNAME", "SSLTASKS", "TCPCHL", "TCPKEEP", "TCPNAME", "TCPSTACK", "TRAXSTR", "TRAXTBL")
# Secrets of the queue manager (9.3, Multiplatforms): the key repository's password and the initial key that encrypts stored
# passwords (IBM-RUNQMCRED: "the same initial key must be specified in the queue manager INITKEY attribute"). DISPLAY shows
# them masked, as a channel's PASSWORD ([I]).
QMGR_SECRETS = ("INITKEY", "KEYRPWD")

# AUTHINFO per AUTHTYPE, with the SYSTEM.DEFAULT.AUTHINFO.* defaults ([V] IBM-DEF-AUTHINFO and IBM-ALT-AUTHINFO: one syntax
# diagram per AUTHTYPE, CMDSCOPE and QSGDISP z/OS only; IBM-DIS-AUTHINFO's list of attributes; [V] ADOPTCTX(NO),
# AUTHENMD(OS), CHCKLOCL(OPTIONAL), FAILDLAY(1) and CHCKCLNT(REQDADM) "for platforms other than z/OS" above the IDPWOS line;
# [R] the IDPWLDAP defaults: CHCKCLNT(REQDADM) as IDPWOS (unconfirmed), CLASSUSR(inetOrgPerson), CLASSGRP(groupOfNames),
# AUTHORMD(OS), NESTGRP(NO), SECCOMM(NO)). A new queue manager has the four SYSTEM.DEFAULT.AUTHINFO objects (reference §3).
AUTHINFO_ATTRS = {
    "CRLLDAP": _attrs("CONNAME= DESCR= LDAPPWD= LDAPUSER="),
    "OCSP": _attrs("DESCR= OCSPURL="),
    "IDPWOS": _attrs("ADOPTCTX=NO AUTHENMD=OS CHCKCLNT=REQDADM CHCKLOCL=OPTIONAL DESCR= FAILDLAY=1"),
    "IDPWLDAP": _attrs("ADOPTCTX=NO AUTHORMD=OS BASEDNG= BASEDNU= CHCKCLNT=REQDADM CHCKLOCL=OPTIONAL CLASSGRP=groupOfNames "
                       "CLASSUSR=inetOrgPerson CONNAME= DESCR= FAILDLAY=1 FINDGRP= GRPFIELD= LDAPPWD= LDAPUSER= NESTGRP=NO "
                       "SECCOMM=NO SHORTUSR= USRFIELD="),
}
ALL_AUTHINFO_KEYS = frozenset(k for attrs in AUTHINFO_ATTRS.values() for k in attrs)
AUTHINFO_DEFAULTS = {t: "SYSTEM.DEFAULT.AUTHINFO." + t for t in AUTHINFO_ATTRS}
# What DEFINE AUTHINFO needs per type ([V] on the main line of its syntax diagram: CONNAME for CRLLDAP and IDPWLDAP, OCSPURL
# for OCSP; [R] SHORTUSR "is mandatory" for IDPWLDAP). Missing: 4061 MQRCCF_MISSING_CONN_NAME for CONNAME, 4005 otherwise ([I]).
AUTHINFO_REQUIRED = {"CRLLDAP": ("CONNAME",), "IDPWLDAP": ("CONNAME", "SHORTUSR"), "OCSP": ("OCSPURL",)}
AUTHINFO_ZOS_ONLY = ("CMDSCOPE", "QSGDISP")
# [V] MQAIR OCSPResponderURL (IBM-MQAIR-OCSP): "case sensitive. It must start with the string http:// in lowercase".
OCSP_URL_PREFIX = "http://"
# A password is shown masked ([I], as a channel's PASSWORD).
SECRET_KEYS = ("PASSWORD", "LDAPPWD") + QMGR_SECRETS
KIND_ENUMS["AUTHINFO"] = {"AUTHTYPE": tuple(AUTHINFO_ATTRS), "ADOPTCTX": YESNO, "AUTHENMD": ("OS", "PAM"),
                          "AUTHORMD": ("OS", "SEARCHGRP", "SEARCHUSR", "SRCHGRPSN"), "CHCKCLNT": ("NONE", "OPTIONAL", "REQUIRED", "REQDADM"),
                          "CHCKLOCL": ("NONE", "OPTIONAL", "REQUIRED", "REQDADM"), "NESTGRP": YESNO, "SECCOMM": ("YES", "NO", "ANON")}
RANGES["FAILDLAY"] = (0, 60)
MAX_LEN.update(LDAPPWD=32, LDAPUSER=1024, OCSPURL=256, BASEDNU=1024, BASEDNG=1024, SHORTUSR=128, USRFIELD=128, CLASSUSR=128,
               CLASSGRP=128, FINDGRP=128, GRPFIELD=128)
# QMSTATUS values of a healthy 9.4.2 queue manager ([S] INSTANA); STATUS/CHINIT/CMDSERV/CONNS are computed.
# With LOGTYPE(LINEAR) (control API qmstatus) the linear-only log fields appear, with these values unless set ([I] sizes);
# with circular logging a real 9.4.2 queue manager omits them ([S] INSTANA DISPLAY QMSTATUS ALL).
QMSTATUS_LINEAR = _attrs("ARCHLOG=S0000000.LOG ARCHSZ=0 CURRLOG=S0000003.LOG MEDIALOG=S0000000.LOG MEDIASZ=1 RECLOG=S0000002.LOG "
                         "RECSZ=1")
# DISPLAY QMSTATUS LOG: the log attribute group ([V] IBM-QMSTATUS-94).
QMSTATUS_LOG = ("ARCHLOG", "ARCHSZ", "CURRLOG", "DISKLSN", "LOGEXTSZ", "LOGFSSZ", "LOGFSUSE", "LOGINUSE", "LOGPATH", "LOGPRIM",
                "LOGSEC", "LOGSTRDA", "LOGSTRL", "LOGSTRTI", "LOGTYPE", "LOGUTIL", "MEDIALOG", "MEDIASZ", "RECLOG", "RECSZ",
                "REUSESZ")
QMSTATUS_BASE = _attrs("LOGINUSE=13 LOGUTIL=13 LOGTYPE=CIRCULAR LOGPRIM=3 LOGSEC=2 LOGEXTSZ=16392 REUSESZ=0 STANDBY=NOPERMIT "
                       "LDAPCONN=INACTIVE QMFSSZ=253824 QMFSUSE=11 INSTNAME=Installation1 INSTPATH=/opt/mqm CONNS=22")

CHANNEL_NAME_MAX = 20
OBJECT_NAME_MAX = 48
SUB_NAME_MAX = 10240  # [V] IBM DEFINE SUB: the subscription name is up to 10 240 characters
_NAME_RE = re.compile(r"^[A-Za-z0-9._/%]+$")
# [V] IBM-NAMING (9.4): "Subscription names can be up to 10240 bytes long and can contain spaces"; leading and trailing
# blanks are not part of a name ([I]: MQ pads names with blanks).
_SUB_NAME_RE = re.compile(r"^[A-Za-z0-9._/%]([A-Za-z0-9._/% ]*[A-Za-z0-9._/%])?$")


def valid_name(name, max_len, blanks=False):
    """IBM-NAMING: A-Z a-z 0-9 . / _ %, no blanks (a subscription's may have blanks inside), bounded length."""
    return isinstance(name, str) and bool(name) and len(name) <= max_len and bool((_SUB_NAME_RE if blanks else _NAME_RE).match(name))


def generic_match(pattern, name):
    """MQSC generic names: '*' alone or a trailing '*' (prefix match); otherwise exact and case-sensitive."""
    if pattern.endswith("*"):
        return name.startswith(pattern[:-1])
    return pattern == name


def mq_date(wall=None):
    """ALTDATE/STARTDA format yyyy-mm-dd ([S] INSTANA)."""
    return time.strftime("%Y-%m-%d", time.localtime(wall))


def mq_time(wall=None):
    """ALTTIME/STARTTI format hh.mm.ss, with dots ([S] INSTANA)."""
    return time.strftime("%H.%M.%S", time.localtime(wall))


# Reason codes (cmqc/cmqcfc; §3.2 table) used by the emulator.
RC_ALIAS_BASE_Q_TYPE_ERROR = 2001
RC_GET_INHIBITED = 2016
RC_NOT_AUTHORIZED = 2035
RC_OBJECT_IN_USE = 2042
RC_PUT_INHIBITED = 2051
RC_Q_FULL = 2053
RC_Q_NOT_EMPTY = 2055
RC_Q_TYPE_ERROR = 2057
RC_UNKNOWN_ALIAS_BASE_Q = 2082
RC_UNKNOWN_OBJECT = 2085
RC_UNKNOWN_REMOTE_QMGR = 2087
RC_XMIT_Q_USAGE_ERROR = 2091
RC_UNKNOWN_XMIT_Q = 2196
RC_COMMAND_FAILED = 3008
RC_PARM_ID_ERROR = 3014
RC_CHANNEL_TYPE_ERROR = 3034
RC_PROTOCOL_TYPE_ERROR = 3036
RC_CHL_STATUS_NOT_FOUND = 3065
RC_TOPICSTR_ALREADY_EXISTS = 3300  # [V] IBM-RC3300, MQRCCF_TOPICSTR_ALREADY_EXISTS
RC_SUB_ALREADY_EXISTS = 3311  # [V] IBM-RC3311, MQRCCF_SUB_ALREADY_EXISTS
RC_INVALID_DESTINATION = 3317  # [V] IBM-RC3317, MQRCCF_INVALID_DESTINATION
RC_COMMAND_INHIBITED = 3204
RC_OBJECT_OPEN_FORCE = 3210
RC_LISTENER_STARTED = 3233
RC_LISTENER_STOPPED = 3234
RC_LISTENER_RUNNING = 3249
RC_LSTR_STATUS_NOT_FOUND = 3250
RC_SERVICE_RUNNING = 3251
RC_SERV_STATUS_NOT_FOUND = 3252
RC_SERVICE_STOPPED = 3253
RC_NO_START_CMD = 3262
RC_NO_STOP_CMD = 3263
RC_OBJECT_ALREADY_EXISTS = 4001
RC_OBJECT_WRONG_TYPE = 4002
RC_LIKE_OBJECT_WRONG_TYPE = 4003
RC_OBJECT_OPEN = 4004
RC_ATTR_VALUE_ERROR = 4005
RC_OBJECT_NAME_ERROR = 4008
RC_CHANNEL_IN_USE = 4031
RC_WRONG_CHANNEL_TYPE = 4041
RC_CHANNEL_NAME_ERROR = 4044
RC_XMIT_Q_NAME_ERROR = 4045
RC_XMIT_Q_NAME_WRONG_TYPE = 4052
RC_MISSING_CONN_NAME = 4061
RC_CHANNEL_NOT_ACTIVE = 4064

# AMQ message texts. [S] = seen in real runmqsc/REST output (§3.1/§3.2), [F] fixture, [R] recalled; the rest are [I]
# (plausible wording, id chosen from the matching AMQ range). An id is never given two meanings (test_reason_codes.py);
# where the id is unknown and every nearby one means something else, the text carries the reason's name instead of an AMQ
# id ("unknown id" below). Clients must key on reasonCode, never on these texts.
MESSAGES = {
    "created.CHANNEL": "AMQ8014I: IBM MQ channel created.",  # [S]
    "changed.CHANNEL": "AMQ8016I: IBM MQ channel changed.",  # [R]
    "deleted.CHANNEL": "AMQ8015I: IBM MQ channel deleted.",  # [R]
    "start.CHANNEL": "AMQ8018I: Start IBM MQ channel accepted.",  # [S]
    "stop.CHANNEL": "AMQ8019I: Stop IBM MQ channel accepted.",  # [V] IBM-IT32667
    "created.QUEUE": "AMQ8006I: IBM MQ queue created.",  # [S]
    "changed.QUEUE": "AMQ8008I: IBM MQ queue changed.",
    "deleted.QUEUE": "AMQ8007I: IBM MQ queue deleted.",
    "cleared.QUEUE": "AMQ8022I: IBM MQ queue cleared.",  # [S] runmqsc transcript (older "WebSphere MQ" wording)
    "created.LISTENER": "AMQ8626I: IBM MQ listener created.",  # [S]
    "changed.LISTENER": "AMQ8627I: IBM MQ listener changed.",
    "deleted.LISTENER": "AMQ8628I: IBM MQ listener deleted.",
    "start.LISTENER": "AMQ8021I: Request to start IBM MQ listener accepted.",  # [S]
    "stop.LISTENER": "AMQ8706I: Request to stop IBM MQ listener accepted.",
    "created.SERVICE": "IBM MQ service created.",  # unknown id (AMQ8633I, once used here, is DISPLAY TOPIC's header)
    "changed.SERVICE": "AMQ8634I: IBM MQ service changed.",
    "deleted.SERVICE": "AMQ8635I: IBM MQ service deleted.",
    "start.SERVICE": "AMQ8733I: Request to start Service accepted.",
    "stop.SERVICE": "AMQ8734I: Request to stop Service accepted.",
    "changed.QMGR": "AMQ8005I: IBM MQ queue manager changed.",  # [S]
    "created.PROCESS": "AMQ8010I: IBM MQ process created.",  # [V] IBM AMQ8xxx messages; the other object texts are [I]
    "changed.PROCESS": "AMQ8012I: IBM MQ process changed.",
    "deleted.PROCESS": "AMQ8011I: IBM MQ process deleted.",
    "created.NAMELIST": "AMQ8551I: IBM MQ namelist created.",
    "changed.NAMELIST": "AMQ8552I: IBM MQ namelist changed.",
    "deleted.NAMELIST": "AMQ8553I: IBM MQ namelist deleted.",
    "created.TOPIC": "AMQ8690I: IBM MQ topic created.",
    "changed.TOPIC": "AMQ8691I: IBM MQ topic changed.",
    "deleted.TOPIC": "AMQ8692I: IBM MQ topic deleted.",
    "created.SUB": "AMQ8094I: IBM MQ subscription created.",
    "changed.SUB": "AMQ8095I: IBM MQ subscription changed.",
    "deleted.SUB": "IBM MQ subscription deleted.",  # unknown id (AMQ8096I is DISPLAY SUB's "subscription inquired")
    "created.AUTHINFO": "AMQ8563I: IBM MQ authentication information object created.",  # [R] AMQ8563 to AMQ8566; ids I
    "changed.AUTHINFO": "AMQ8565I: IBM MQ authentication information object changed.",
    "deleted.AUTHINFO": "AMQ8564I: IBM MQ authentication information object deleted.",
    RC_NOT_AUTHORIZED: "AMQ8135E: Not authorized.",
    RC_OBJECT_IN_USE: "AMQ8148E: IBM MQ object in use.",  # [S] runmqsc CLEAR QLOCAL of an open queue
    RC_Q_NOT_EMPTY: "AMQ8143E: IBM MQ queue not empty.",  # [S] runmqsc DELETE QLOCAL (older "WebSphere MQ" wording)
    # MQI reasons of an application's MQPUT/MQGET: only the control API (put_messages/get_messages) raises them.
    RC_ALIAS_BASE_Q_TYPE_ERROR: "MQRC_ALIAS_BASE_Q_TYPE_ERROR: the target of alias {name} is not a local or remote queue.",
    RC_GET_INHIBITED: "MQRC_GET_INHIBITED: gets are inhibited for queue {name}.",
    RC_PUT_INHIBITED: "MQRC_PUT_INHIBITED: puts are inhibited for queue {name}.",
    RC_Q_FULL: "MQRC_Q_FULL: queue {name} is at its MAXDEPTH.",
    RC_Q_TYPE_ERROR: "MQRC_Q_TYPE_ERROR: {name} cannot hold messages (model queue or topic alias).",
    RC_UNKNOWN_ALIAS_BASE_Q: "MQRC_UNKNOWN_ALIAS_BASE_Q: the target of alias {name} does not exist.",
    RC_UNKNOWN_REMOTE_QMGR: "MQRC_UNKNOWN_REMOTE_Q_MGR: no transmission queue resolves remote queue {name}.",
    RC_XMIT_Q_USAGE_ERROR: "MQRC_XMIT_Q_USAGE_ERROR: transmission queue {name} is not USAGE(XMITQ).",
    RC_UNKNOWN_XMIT_Q: "MQRC_UNKNOWN_XMIT_Q: transmission queue {name} does not exist.",
    RC_UNKNOWN_OBJECT: "AMQ8147E: IBM MQ object {name} not found.",  # [F]
    RC_COMMAND_FAILED: "AMQ8405I: Syntax error detected at or near end of command segment below:-",  # [R]
    RC_PARM_ID_ERROR: "AMQ8405I: Syntax error detected at or near end of command segment below:-",
    RC_CHANNEL_TYPE_ERROR: "AMQ8227E: Channel type not valid for {name}.",
    RC_PROTOCOL_TYPE_ERROR: "AMQ8228E: Transport type not valid for {name}.",
    RC_CHL_STATUS_NOT_FOUND: "AMQ8420I: Channel Status not found.",  # [S]
    # [I] no AMQ message for 3300 is documented; clients key on the reason code.
    RC_TOPICSTR_ALREADY_EXISTS: "MQRCCF_TOPICSTR_ALREADY_EXISTS: topic string '{name}' already exists in another topic object.",
    # [I] wordings after IBM-RC3311 and IBM-RC3317; no AMQ message is documented for either.
    RC_SUB_ALREADY_EXISTS: "MQRCCF_SUB_ALREADY_EXISTS: subscription '{name}' already exists.",
    RC_INVALID_DESTINATION: "MQRCCF_INVALID_DESTINATION: {name}.",
    # unknown id: AMQ8146E is "IBM MQ queue manager not available" (endmqm, commands.py)
    RC_COMMAND_INHIBITED: "MQRCCF_COMMAND_INHIBITED: the command server is not available.",
    # unknown id; the wording is 3210's explanation (IBM-RC3210) and 4004's (IBM-RC4004)
    RC_OBJECT_OPEN_FORCE: "MQRCCF_OBJECT_OPEN_FORCE: Object {name} is in use, but could be changed specifying FORCE.",
    RC_OBJECT_OPEN: "MQRCCF_OBJECT_OPEN: Object {name} is open.",
    RC_LISTENER_STARTED: "AMQ8730E: Listener already active.",
    RC_LISTENER_STOPPED: "AMQ8731W: Listener not active.",  # [S] MQDEVBADGE-26
    RC_LISTENER_RUNNING: "AMQ8732E: Listener {name} is running and cannot be changed or deleted.",
    RC_LSTR_STATUS_NOT_FOUND: "AMQ8737I: Listener status not found.",
    RC_SERVICE_RUNNING: "AMQ8738E: Service already active.",
    RC_SERV_STATUS_NOT_FOUND: "AMQ8736I: Service status not found.",
    RC_SERVICE_STOPPED: "AMQ8739W: Service not active.",
    RC_NO_START_CMD: "AMQ8740E: No start command defined for service {name}.",
    RC_NO_STOP_CMD: "AMQ8741E: No stop command defined for service {name}.",
    RC_OBJECT_ALREADY_EXISTS: "AMQ8150E: IBM MQ object already exists.",  # [R]
    RC_OBJECT_WRONG_TYPE: "AMQ8151E: IBM MQ object has different type.",
    RC_LIKE_OBJECT_WRONG_TYPE: "AMQ8151E: IBM MQ object has different type.",
    RC_ATTR_VALUE_ERROR: "AMQ8427E: Value not valid for attribute {name}.",
    RC_OBJECT_NAME_ERROR: "AMQ8119E: Object name {name} not valid.",
    RC_CHANNEL_IN_USE: "AMQ9514E: Channel '{name}' is in use.",  # [S]
    RC_WRONG_CHANNEL_TYPE: "AMQ8259E: Parameter {name} not allowed for this channel type.",
    # unknown id: AMQ8118E is "IBM MQ queue manager does not exist" (strmqm, commands.py; mq-ansible queue_manager.py)
    RC_CHANNEL_NAME_ERROR: "MQRCCF_CHANNEL_NAME_ERROR: Channel name {name} not valid.",
    RC_XMIT_Q_NAME_ERROR: "AMQ8253E: Transmission queue name required for channel {name}.",
    RC_XMIT_Q_NAME_WRONG_TYPE: "AMQ8254E: XMITQ not allowed for this channel type.",
    RC_MISSING_CONN_NAME: "AMQ8258E: Connection name required for channel {name}.",
    RC_CHANNEL_NOT_ACTIVE: "AMQ9533E: Channel '{name}' is not currently active.",  # [S] WebSphere MQ 7.0 transcript
}
DISPLAY_HEADERS = {
    "CHANNEL": "AMQ8414I: Display Channel details.", "QUEUE": "AMQ8409I: Display Queue details.",
    "LISTENER": "AMQ8630I: Display listener information details.", "SERVICE": "AMQ8629I: Display service information details.",
    "QMGR": "AMQ8408I: Display Queue Manager details.", "CHSTATUS": "AMQ8417I: Display Channel Status details.",
    "LSSTATUS": "AMQ8631I: Display listener status details.", "SVSTATUS": "AMQ8632I: Display service status details.",
    "QMSTATUS": "AMQ8705I: Display Queue Manager Status Details.",
    "QSTATUS": "AMQ8450I: Display queue status details.",  # [S]
    "NAMELIST": "AMQ8550I: Display namelist details.", "PROCESS": "AMQ8407I: Display Process details.",
    "TOPIC": "AMQ8633I: Display topic details.",  # [R]
    "SUB": "AMQ8096I: IBM MQ subscription inquired.",  # [S] IBM's DISPLAY SUB example output ("AMQ8096: ... inquired.")
    "AUTHINFO": "AMQ8566I: Display authentication information details.",  # [R]
}


def seed_definitions(seed):
    """MQSC-like (verb, qualifier, name, params) tuples that build a new queue manager.

    'system' is the bare crtmqm set we need; 'dev' adds the developer-image objects (MQCONT 10-dev.mqsc.tpl, [S] INSTANA).
    """
    defs = [("DEFINE", "CHANNEL", name, {"CHLTYPE": t}) for t, name in CHANNEL_DEFAULTS.items()]
    # The models of channel auto-definition (CHAD): "the same as the system defaults, SYSTEM.DEF.RECEIVER, and
    # SYSTEM.DEF.SVRCONN, except for the description field, which is "Auto-defined by" followed by 49 blanks" (IBM-PREP-CHL).
    defs += [("DEFINE", "CHANNEL", name, {"CHLTYPE": t, "DESCR": AUTO_DEFINED_DESCR}) for t, name in CHAD_MODELS.items()]
    defs += [("DEFINE", qtype, name, {}) for qtype, name in QUEUE_DEFAULTS.items()]
    defs += [("DEFINE", "QLOCAL", name, params) for name, params in (
        ("SYSTEM.ADMIN.COMMAND.QUEUE", {}), ("SYSTEM.CHANNEL.INITQ", {}), ("SYSTEM.CHANNEL.SYNCQ", {}),
        ("SYSTEM.DEAD.LETTER.QUEUE", {}), ("SYSTEM.ADMIN.CHANNEL.EVENT", {}),
        ("SYSTEM.CLUSTER.TRANSMIT.QUEUE", {"USAGE": "XMITQ"}))]
    defs += [("DEFINE", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP", {"TRPTYPE": "TCP"}),
             ("DEFINE", "SERVICE", "SYSTEM.DEF.SERVICE", {})]
    defs += [("DEFINE", kind, k.default, {}) for kind, k in PLAIN_KINDS.items() if kind != "SUB"]
    defs += [("DEFINE", "AUTHINFO", name, {"AUTHTYPE": t}) for t, name in AUTHINFO_DEFAULTS.items()]
    defs += [("DEFINE", "TOPIC", "SYSTEM.BASE.TOPIC", dict(BASE_TOPIC)),
             ("DEFINE", "SUB", "SYSTEM.DEFAULT.SUB", {"TOPICSTR": "", "DEST": ""})]
    if seed == "dev":
        defs += [("DEFINE", "QLOCAL", f"DEV.QUEUE.{i}", {}) for i in (1, 2, 3)]
        defs += [("DEFINE", "QLOCAL", "DEV.DEAD.LETTER.QUEUE", {}),
                 ("DEFINE", "QMODEL", "DEV.APP.MODEL.QUEUE", {}),
                 ("DEFINE", "CHANNEL", "DEV.ADMIN.SVRCONN", {"CHLTYPE": "SVRCONN"}),
                 ("DEFINE", "CHANNEL", "DEV.APP.SVRCONN", {"CHLTYPE": "SVRCONN", "MCAUSER": "app"}),
                 ("DEFINE", "LISTENER", "DEV.LISTENER.TCP", {"TRPTYPE": "TCP", "PORT": 1414, "CONTROL": "QMGR"}),
                 ("ALTER", "QMGR", None, {"DEADQ": "DEV.DEAD.LETTER.QUEUE"}),
                 # The developer image's DEV.AUTHINFO (IDPWOS, CHCKCLNT(REQDADM), ADOPTCTX(YES)), as the CONNAUTH object
                 # that stays named (security.py DEV_CHLAUTH's note).
                 ("ALTER", "AUTHINFO", "SYSTEM.DEFAULT.AUTHINFO.IDPWOS", {"AUTHTYPE": "IDPWOS", "ADOPTCTX": "YES"})]
    elif seed != "system":
        raise ValueError(f"unknown seed {seed!r} (system|dev)")
    return defs
