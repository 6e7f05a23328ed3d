# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""The attribute table of each object type (Multiplatforms MQSC, IBM MQ 9.x).

Keywords without an option name are still declared: they are what the ``attributes`` option
accepts, and they decide how a value is compared. Sources are the MQSC DEFINE/ALTER pages and
real ``DISPLAY ... ALL`` output of the SYSTEM.DEF.* objects (shared/reference/mq-rest-api.md §4).
"""

from __future__ import annotations

import re

from ._attributes import DEFINE_ALTER_DELETE, SINGLETON, Attr, Identity, NameChars, ObjectType, Verb, Verbs, one_of, validate_name
from ._errors import MQInputError
from ._lifecycle import Lifecycle

__all__ = ["REGISTRY", "Registry", "LISTENER", "CHANNEL", "SERVICE", "QUEUE", "TOPIC", "SUBSCRIPTION", "NAMELIST", "PROCESS",
           "AUTHINFO", "QMGR", "CHLAUTH", "AUTHREC", "CHANNEL_TYPES", "CONTROL_CHOICES", "REFRESH_TYPES"]

CONTROL_CHOICES = ("MANUAL", "QMGR", "STARTONLY")
_YES_NO = ("YES", "NO")
_MONITORING = ("QMGR", "OFF", "LOW", "MEDIUM", "HIGH")
_STATISTICS = ("QMGR", "OFF", "LOW", "MEDIUM", "HIGH")

LISTENER = ObjectType(
    kind="listener",
    qualifier="LISTENER",
    name_max=48,
    summary="listener present/absent/started/stopped",
    type_attr="TRPTYPE",
    # IBM DEFINE LISTENER, LIKE: "If this field is not completed, the values of undefined parameters are taken from" the
    # default listener of the transport type.
    defaults={t: "SYSTEM.DEFAULT.LISTENER." + t for t in ("TCP", "LU62", "NETBIOS", "SPX")},
    # A stopped listener has no LSSTATUS record (3250 MQRCCF_LSTR_STATUS_NOT_FOUND). 3233/3234: already started/stopped.
    # Two listeners on one address and port: only one can run; the other ends at once (AMQ9212E).
    lifecycle=Lifecycle("LSSTATUS", "listener", already_started=(3233,), already_stopped=(3234,), address=("IPADDR", "PORT"),
                        # IBM-ALT-LSTR: a running listener keeps the PORT, IPADDR and BACKLOG it started with (LSSTATUS shows
                        # them); CONTROL is read when the queue manager starts or ends, DESCR changes nothing that runs.
                        live=("CONTROL", "DESCR")),
    attrs=[
        # LU62, NETBIOS and SPX exist on Windows only; MQ rejects them elsewhere.
        Attr("TRPTYPE", "enum", option="transport_type", choices=("TCP", "LU62", "NETBIOS", "SPX"), default="TCP", fixed=True,
             doc=("Transport protocol (C(TRPTYPE)). MQ cannot change it on an existing listener; a different value fails unless "
                  "O(recreate=true).",
                  "V(lu62), V(netbios) and V(spx) exist on Windows only.")),
        Attr("PORT", "int", option="port", minimum=0, maximum=65535,
             doc="TCP port (C(PORT)), 0 to 65535. MQ's default is 0."),
        Attr("IPADDR", "istr", option="ip_address", max_length=48,
             doc="IP address or host name to listen on (C(IPADDR)). Empty means every address."),
        # BACKLOG(0) is stored as 0 and means "the default" at run time (LSSTATUS then shows 100).
        Attr("BACKLOG", "int", option="backlog", minimum=0, maximum=999999999,
             doc="Maximum number of pending connection requests (C(BACKLOG)). V(0) means the MQ default."),
        Attr("CONTROL", "enum", option="control", choices=CONTROL_CHOICES,
             doc="C(CONTROL). V(manual) (MQ's default) is started and stopped by command only; V(qmgr) starts and stops with the queue manager; "
                 "V(startonly) starts with the queue manager and is not stopped by it."),
        Attr("DESCR", option="description", max_length=64,
             doc="Description (C(DESCR)), at most 64 characters. Case is kept."),
    ],
)

SERVICE = ObjectType(
    kind="service",
    qualifier="SERVICE",
    name_max=48,
    summary="service present/absent/started/stopped (server services)",
    defaults="SYSTEM.DEF.SERVICE",  # IBM DEFINE SERVICE, LIKE: one default service object for both SERVTYPEs
    # 3251/3253: already running/stopped (IBM-RC3251, IBM-RC3253).
    lifecycle=Lifecycle(
        "SVSTATUS", "service", already_started=(3251,), already_stopped=(3253,), subtype_keyword="SERVTYPE", default_subtype="COMMAND",
        # IBM-SVC-WORK: only SERVTYPE(SERVER) services have SVSTATUS; MQ does not track command services.
        unmonitored={"COMMAND": "MQ keeps no status for command services (DISPLAY SVSTATUS shows server services only), "
                                "so their running state cannot be checked or waited for"},
        # 3262 MQRCCF_NO_START_CMD / 3263 MQRCCF_NO_STOP_CMD: a server service needs the command it is asked to run.
        needs_keyword={"start": "STARTCMD", "stop": "STOPCMD"},
        # The running program was started with STARTCMD, STARTARG, STDOUT and STDERR (IBM-SVC-OBJ); STOPCMD and STOPARG
        # are read when the service is stopped, so the next STOP uses them without a restart [I]. CONTROL: as listeners.
        live=("CONTROL", "DESCR", "STOPCMD", "STOPARG")),
    attrs=[
        Attr("SERVTYPE", "enum", option="service_type", choices=("COMMAND", "SERVER"),
             doc="C(SERVTYPE). V(server) runs one instance that MQ monitors; V(command) runs a command whose status MQ does not track. MQ's default "
                 "is V(command)."),
        Attr("CONTROL", "enum", option="control", choices=CONTROL_CHOICES,
             doc="C(CONTROL). V(manual) (MQ's default), V(qmgr) (started and stopped with the queue manager) or V(startonly) (started with the queue"
                 " manager only)."),
        Attr("STARTCMD", option="start_command", max_length=255,
             doc="Fully qualified path of the program to run (C(STARTCMD)). Tokens such as C(+MQ_INSTALL_PATH+) and C(+QMNAME+) are replaced by MQ."),
        Attr("STARTARG", option="start_args", max_length=255,
             doc="Arguments for O(start_command) (C(STARTARG))."),
        Attr("STOPCMD", option="stop_command", max_length=255,
             doc="Fully qualified path of the program that stops the service (C(STOPCMD)). Needed to stop it."),
        Attr("STOPARG", option="stop_args", max_length=255,
             doc="Arguments for O(stop_command) (C(STOPARG))."),
        Attr("STDOUT", option="stdout", max_length=255,
             doc="File that receives the standard output of the programs (C(STDOUT))."),
        Attr("STDERR", option="stderr", max_length=255,
             doc="File that receives the standard error of the programs (C(STDERR))."),
        Attr("DESCR", option="description", max_length=64,
             doc="Description (C(DESCR)), at most 64 characters. Case is kept."),
    ],
)

CHANNEL_TYPES = ("SDR", "SVR", "RCVR", "RQSTR", "SVRCONN", "CLNTCONN", "CLUSSDR", "CLUSRCVR", "AMQP")
_MESSAGE = ("SDR", "SVR", "RCVR", "RQSTR", "CLUSSDR", "CLUSRCVR")  # message channels between queue managers
_SENDING = ("SDR", "SVR", "CLUSSDR", "CLUSRCVR")  # the sending end of a message channel
_NOT_AMQP = tuple(t for t in CHANNEL_TYPES if t != "AMQP")

CHANNEL = ObjectType(
    kind="channel",
    qualifier="CHANNEL",
    name_max=20,
    summary="channel of any type present/absent/started/stopped, per-type rules checked before sending",
    attributes_example="{BATCHSZ: 100, MONCHL: HIGH}",
    # IBM DEFINE CHANNEL, LIKE: without it, the attributes not given come from SYSTEM.DEF.<type> (reference §4.2).
    defaults={"SDR": "SYSTEM.DEF.SENDER", "SVR": "SYSTEM.DEF.SERVER", "RCVR": "SYSTEM.DEF.RECEIVER", "RQSTR": "SYSTEM.DEF.REQUESTER",
              "SVRCONN": "SYSTEM.DEF.SVRCONN", "CLNTCONN": "SYSTEM.DEF.CLNTCONN", "CLUSSDR": "SYSTEM.DEF.CLUSSDR",
              "CLUSRCVR": "SYSTEM.DEF.CLUSRCVR", "AMQP": "SYSTEM.DEF.AMQP"},
    lifecycle=Lifecycle(
        "CHSTATUS", "channel", subtype_keyword="CHLTYPE",
        # 4031 MQRCCF_CHANNEL_IN_USE answers a START on a started channel, 4064 MQRCCF_CHANNEL_NOT_ACTIVE a STOP on a stopped one.
        already_started=(4031,), already_stopped=(4064,),
        # States in which a START is pointless: the channel is already on its way (IBM-CHL-STATES). RETRYING is "current"
        # but not "active": MQ retries it on its own, with the definition it started with, so mq_restart's start leaves it
        # alone; state=started wants it RUNNING and restarts it instead of waiting for it (it is a failing state).
        running=("INITIALIZING", "STARTING", "BINDING", "REQUESTING", "SWITCHING", "RETRYING", "PAUSED", "RUNNING"),
        on_its_way=("INITIALIZING", "STARTING", "BINDING", "REQUESTING", "SWITCHING", "PAUSED"),
        # CHSTATUS says RETRYING, not why: MQ writes the failed attempt's reason to the queue manager's error log
        # (IBM-CHL-ERRORS), so the message names the usual AMQ messages and what each one asks to check.
        failing={"RETRYING": "the channel is RETRYING: its last attempt to reach its partner failed and it will try again "
                             "(SHORTRTY, LONGRTY); DISPLAY CHSTATUS does not say why, the queue manager's error log (AMQERR01.LOG) "
                             "does: AMQ9202E, the CONNAME host or the partner's listener is not reachable; AMQ9520E, the partner "
                             "defines no channel of this name (define a receiver there); AMQ9558E, the partner's channel is "
                             "STOPPED (start it there)"},
        # A sender that cannot use its transmission queue stops at once, and one whose retries ran out stops too; CHSTATUS
        # shows STOPPED and only the error log says which (IBM-CHL-ERRORS).
        ended="a sender channel stops when it cannot use its transmission queue (AMQ9509E, the XMITQ does not exist; "
              "AMQ9531E, it is not USAGE(XMITQ)) or when its retries have run out (AMQ9202E, AMQ9520E or AMQ9558E before it); "
              "the queue manager's error log (AMQERR01.LOG) says which",
        # START on these only re-enables the channel (IBM-STA-CHL): they run when a partner connects.
        passive=("RCVR", "SVRCONN", "CLUSRCVR"),
        # A sender (CLUSSDR) retries until its rcvr (CLUSRCVR) accepts it again, so a RUNNING instance means it is back.
        partnered=("RCVR", "CLUSRCVR"),
        # REFRESH SECURITY TYPE(SSL) (IBM q086490_, reference §6): "Sender, server and cluster-sender channels that are using
        # TLS are allowed to complete the current batch" and restart with a new handshake; every other running TLS channel is
        # stopped, and "if the partner end of the stopped message channel has retry values defined, the channel retries".
        renegotiates=("SDR", "SVR", "CLUSSDR"),
        # IBM-STA-CHL: START/STOP CHANNEL work on every type but CLNTCONN.
        unstartable={"CLNTCONN": "a clntconn channel cannot be started or stopped: it is a client-side definition; "
                                 "its svrconn partner on the queue manager is what runs",
                     # DISPLAY CHSTATUS shows AMQP channels only when asked with CHLTYPE(AMQP), so their state cannot be
                     # waited for like the others'; refuse rather than wait for a status that never comes.
                     "AMQP": "an amqp channel's status is not part of DISPLAY CHSTATUS, so it cannot be started or stopped "
                             "and waited for here; use state=present and manage the AMQP service (SYSTEM.AMQP.SERVICE) instead"},
        stop_options=(("stop_mode", "MODE"), ("stop_status", "STATUS")),
        # STOP ... STATUS(STOPPED) (MQ's default) leaves a STOPPED record that makes a svrconn refuse clients (2537, IBM
        # technote 7045669) and a rcvr/clusrcvr refuse its sender; STATUS(INACTIVE) lets the next one in.
        hold=("STATUS", "STOPPED", "to refuse connections anyway, set max_instances: 0 (svrconn) or block the channel with a "
                                   "CHLAUTH rule"),
        # IBM-ALT-CHL: "Changes take effect after the channel is next started", the rule for every other keyword. The
        # exceptions: MAXINST and MAXINSTC limit new instances and leave running ones alone ([V] IBM MAXINST/MAXINSTC
        # pages); the cluster workload keywords are read by the workload algorithm when it picks a destination, not by
        # the running channel ([V] IBM "Cluster workload balancing - channel attributes"); CLUSTER and CLUSNL change
        # what the channel advertises to the cluster's repositories ([I]); DESCR changes nothing that runs. A passive
        # channel's instances (a SVRCONN's clients) each read the definition when they start.
        live=("DESCR", "MAXINST", "MAXINSTC", "CLWLPRTY", "CLWLRANK", "CLWLWGHT", "NETPRTY", "CLUSTER", "CLUSNL")),
    type_attr="CHLTYPE",
    # "Channel" and "Client channel" are separate namespaces (IBM 8.0 q003340_): a CLNTCONN may share the name of the SVRCONN
    # it connects to (IBM's CCDT setup does exactly that), and DELETE CHANNEL(x) CHLTABLE(CLNTTBL) deletes it (q085820_).
    namespaces={"CLNTCONN": ("CHLTABLE", "CLNTTBL")},
    # XMITQ is required on SDR and SVR (IBM-XMITQ); CONNAME on SDR, RQSTR, CLNTCONN and CLUSSDR
    # (4061 MQRCCF_MISSING_CONN_NAME). Checked before anything is sent.
    required={"SDR": ("CONNAME", "XMITQ"), "SVR": ("XMITQ",), "RQSTR": ("CONNAME",), "CLNTCONN": ("CONNAME",), "CLUSSDR": ("CONNAME",)},
    # A sender's XMITQ must be a local queue with USAGE(XMITQ). MQ does not check it on DEFINE or ALTER, only when the channel
    # starts (4037 MQRCCF_NOT_XMIT_Q, AMQ9531 "... is not a transmission queue"; shared/reference §10): mq_channel's
    # xmitq_check reads it once when the task sets XMITQ.
    references={"XMITQ": ("QUEUE", {"TYPE": "QLOCAL", "USAGE": "XMITQ"}, "transmission queue")},
    attrs=[
        Attr("CHLTYPE", "enum", option="type", choices=CHANNEL_TYPES,
             doc=("Channel type (C(CHLTYPE)). Required to create the channel; an existing channel's type is read from its definition.",
                  "MQ cannot change the type of an existing channel; a different value fails unless O(recreate=true).",
                  "MQ keeps V(clntconn) channels in a table of their own, so a V(clntconn) may share its name with another channel "
                  "(usually the V(svrconn) it connects to). O(type) says which one the task is about, also with O(state=absent) (a "
                  "V(clntconn) is deleted with C(CHLTABLE(CLNTTBL))); without it, a name that both have fails after the one "
                  "C(DISPLAY), before anything is changed.",
                  "In M(mqrest.admin.mq_objects), entries are keyed by name and by whether they are V(clntconn), so both may be "
                  "declared, and O(mqrest.admin.mq_objects#module:purge) deletes the one not declared (a V(clntconn) with "
                  "C(CHLTABLE(CLNTTBL))).")),
        Attr("TRPTYPE", "enum", option="transport_type", choices=("TCP", "LU62", "NETBIOS", "SPX"), types=_NOT_AMQP,
             doc="Transport type (C(TRPTYPE)). Not valid for V(amqp)."),
        Attr("CONNAME", option="conname", max_length=264, types=("SDR", "SVR", "RQSTR", "CLNTCONN", "CLUSSDR", "CLUSRCVR"),
             doc="Connection name (C(CONNAME)), for example V(mqhost(1414\\)) or a comma-separated list."),
        Attr("XMITQ", "name", option="xmitq", max_length=48, types=("SDR", "SVR"),
             doc="Transmission queue (C(XMITQ)). Only for V(sdr) and V(svr) channels, where it is required."),
        Attr("DESCR", option="description", max_length=64,
             doc="Description (C(DESCR)), at most 64 characters. Case is kept."),
        Attr("MCAUSER", option="mcauser", max_length=64, types=tuple(t for t in CHANNEL_TYPES if t != "CLNTCONN"),
             doc="Message channel agent user identifier (C(MCAUSER)). Not valid for V(clntconn)."),
        Attr("SSLCIPH", "istr", option="ssl_cipher", max_length=32,
             doc="TLS CipherSpec (C(SSLCIPH)), for example V(ANY_TLS12_OR_HIGHER). Empty means no TLS."),
        Attr("SSLCAUTH", "enum", option="ssl_client_auth", choices=("REQUIRED", "OPTIONAL"),
             types=("SVR", "RCVR", "RQSTR", "SVRCONN", "CLUSRCVR", "AMQP"),
             doc="Whether a client certificate is required (C(SSLCAUTH)). For channels that accept connections."),
        Attr("SSLPEER", option="ssl_peer", max_length=1024, types=_NOT_AMQP,
             doc="Filter on the partner certificate's distinguished name (C(SSLPEER))."),
        # IBM ALTER CHANNEL: a channel takes a new CERTLABL when it next starts, and REFRESH SECURITY TYPE(SSL) restarts every
        # running TLS channel; a pooled channel (amqrmppa) reads a key repository it cached until then, so a label newly added
        # to it may be found only after the refresh (IBM "When changes to certificates ... become effective").
        # "None of the administrative interfaces allow this attribute to be inquired or set for CLUSSDR channels. You will
        # receive an MQRCCF_WRONG_CHANNEL_TYPE message" (IBM CERTLABL, q113280_).
        Attr("CERTLABL", option="certificate_label", max_length=64, refresh="ssl", types=tuple(t for t in CHANNEL_TYPES if t != "CLUSSDR"),
             doc=("The label of the certificate this channel sends, in the queue manager's key repository (C(CERTLABL)); "
                  "empty for the queue manager's. Not valid for V(clussdr): MQ refuses it there (C(MQRCCF_WRONG_CHANNEL_TYPE)).",
                  "A running TLS channel keeps its certificate until it restarts or C(REFRESH SECURITY TYPE(SSL)): "
                  "RV(refresh_required) says V(ssl), and M(mqrest.admin.mq_refresh_security) with V(type=ssl) runs the "
                  "refresh and waits until every TLS channel is back.")),
        Attr("HBINT", "int", option="heartbeat_interval", minimum=0, maximum=999999, types=_NOT_AMQP,
             doc="Heartbeat interval in seconds (C(HBINT)), 0 to 999999."),
        Attr("DISCINT", "int", option="disconnect_interval", minimum=0, maximum=999999, types=_SENDING + ("SVRCONN",),
             doc="Disconnect interval in seconds (C(DISCINT)), 0 to 999999; 0 means never."),
        Attr("MAXMSGL", "int", option="max_message_length", minimum=0, maximum=104857600,
             doc="Maximum message length in bytes (C(MAXMSGL))."),
        Attr("MAXINST", "int", option="max_instances", minimum=0, maximum=999999999, types=("SVRCONN", "AMQP"),
             doc="Maximum simultaneous instances (C(MAXINST)); V(svrconn) and V(amqp) only."),
        Attr("MAXINSTC", "int", option="max_instances_per_client", minimum=0, maximum=999999999, types=("SVRCONN",),
             doc="Maximum simultaneous instances per client (C(MAXINSTC)); V(svrconn) only."),
        Attr("SHARECNV", "int", option="sharing_conversations", minimum=0, maximum=999999999, types=("SVRCONN", "CLNTCONN"),
             doc="Conversations per TCP/IP instance (C(SHARECNV)); V(svrconn) and V(clntconn) only."),
        Attr("CLUSTER", "name", option="cluster", max_length=48, types=("CLUSSDR", "CLUSRCVR"),
             doc="Cluster name (C(CLUSTER)); V(clussdr) and V(clusrcvr) only."),
        Attr("CLUSNL", "name", option="cluster_namelist", max_length=48, types=("CLUSSDR", "CLUSRCVR"),
             doc="Namelist of clusters (C(CLUSNL)); V(clussdr) and V(clusrcvr) only."),
        Attr("QMNAME", "name", option="qmgr_name", max_length=48, types=("CLNTCONN",),
             doc="Queue manager a client connects to (C(QMNAME)); V(clntconn) only."),
        # Reachable only through the attributes option.
        Attr("BATCHHB", "int", minimum=0, maximum=999999999, types=_SENDING),
        Attr("BATCHINT", "int", minimum=0, maximum=999999999, types=_SENDING),
        Attr("BATCHLIM", "int", minimum=0, maximum=999999999, types=_SENDING),
        Attr("BATCHSZ", "int", minimum=1, maximum=9999, types=_MESSAGE),
        Attr("CONVERT", "enum", choices=_YES_NO, types=_SENDING),
        Attr("KAINT", "int_or_enum", choices=("AUTO",), minimum=0, maximum=99999, types=_NOT_AMQP),
        Attr("LONGRTY", "int", minimum=0, maximum=999999999, types=_SENDING),
        Attr("LONGTMR", "int", minimum=0, maximum=999999999, types=_SENDING),
        Attr("SHORTRTY", "int", minimum=0, maximum=999999999, types=_SENDING),
        Attr("SHORTTMR", "int", minimum=0, maximum=999999999, types=_SENDING),
        Attr("MCATYPE", "enum", choices=("PROCESS", "THREAD"), types=("SDR", "SVR", "RQSTR", "CLUSSDR", "CLUSRCVR")),
        Attr("NPMSPEED", "enum", choices=("FAST", "NORMAL"), types=_MESSAGE),
        Attr("PROPCTL", "enum", choices=("COMPAT", "NONE", "ALL"), types=_SENDING),
        Attr("SEQWRAP", "int", minimum=100, maximum=999999999, types=_MESSAGE),
        Attr("STATCHL", "enum", choices=_STATISTICS, types=_MESSAGE),
        Attr("MONCHL", "enum", choices=_MONITORING, types=_MESSAGE + ("SVRCONN",)),
        Attr("USEDLQ", "enum", choices=_YES_NO, types=_MESSAGE),
        Attr("MRRTY", "int", minimum=0, maximum=999999999, types=("RCVR", "RQSTR", "CLUSRCVR")),
        Attr("MRTMR", "int", minimum=0, maximum=999999999, types=("RCVR", "RQSTR", "CLUSRCVR")),
        Attr("PUTAUT", "enum", choices=("DEF", "CTX", "ONLYMCA", "ALTMCA"), types=("RCVR", "RQSTR", "CLUSRCVR")),
        Attr("USERID", max_length=12, types=("SDR", "SVR", "RQSTR", "CLUSSDR")),
        Attr("LOCLADDR", max_length=48, types=("SDR", "SVR", "RQSTR", "CLNTCONN", "CLUSSDR", "CLUSRCVR")),
        Attr("COMPHDR", "enum_list", choices=("NONE", "SYSTEM"), types=_NOT_AMQP),
        Attr("COMPMSG", "enum_list", choices=("NONE", "RLE", "ZLIBFAST", "ZLIBHIGH", "ANY"), types=_NOT_AMQP),
        Attr("CLWLPRTY", "int", minimum=0, maximum=9, types=("CLUSSDR", "CLUSRCVR")),
        Attr("CLWLRANK", "int", minimum=0, maximum=9, types=("CLUSSDR", "CLUSRCVR")),
        Attr("CLWLWGHT", "int", minimum=1, maximum=99, types=("CLUSSDR", "CLUSRCVR")),
        Attr("NETPRTY", "int", minimum=0, maximum=9, types=("CLUSRCVR",)),
        Attr("AFFINITY", "enum", choices=("PREFERRED", "NONE"), types=("CLNTCONN",)),
        Attr("CLNTWGHT", "int", minimum=0, maximum=99, types=("CLNTCONN",)),
        Attr("DEFRECON", "enum", choices=("NO", "YES", "QMGR", "DISABLED"), types=("CLNTCONN",)),
        Attr("PORT", "int", minimum=1, maximum=65535, types=("AMQP",)),
        Attr("AMQPKA", "int_or_enum", choices=("AUTO",), minimum=0, maximum=999999999, types=("AMQP",)),
        Attr("TPROOT", max_length=256, types=("AMQP",)),
        Attr("TMPMODEL", "name", max_length=48, types=("AMQP",)),
        Attr("TMPQPRFX", max_length=48, types=("AMQP",)),
        Attr("USECLTID", "enum", choices=_YES_NO, types=("AMQP",)),
        # Channel exits ([V] IBM DEFINE CHANNEL 9.4): the security and message-retry exits one program each, the send,
        # receive and message exits a list that runs in turn, each exit with its data. A name is at most 128 characters
        # on AIX, Linux and Windows ([V] IBM MQCD), the data 32. Not on AMQP channels; MSGEXIT on message channels,
        # MREXIT on the receiving ones.
        Attr("SCYEXIT", max_length=128, types=_NOT_AMQP),
        Attr("SCYDATA", max_length=32, types=_NOT_AMQP),
        Attr("SENDEXIT", "str_list", max_length=128, types=_NOT_AMQP),
        Attr("SENDDATA", "str_list", max_length=32, types=_NOT_AMQP),
        Attr("RCVEXIT", "str_list", max_length=128, types=_NOT_AMQP),
        Attr("RCVDATA", "str_list", max_length=32, types=_NOT_AMQP),
        Attr("MSGEXIT", "str_list", max_length=128, types=_MESSAGE),
        Attr("MSGDATA", "str_list", max_length=32, types=_MESSAGE),
        Attr("MREXIT", max_length=128, types=("RCVR", "RQSTR", "CLUSRCVR")),
        Attr("MRDATA", max_length=32, types=("RCVR", "RQSTR", "CLUSRCVR")),
    ],
)

_LOCAL_MODEL = ("QLOCAL", "QMODEL")  # queues that hold messages (a model's are its dynamic queues')
_CLUSTERED = ("QLOCAL", "QREMOTE", "QALIAS")  # queues that can be advertised in a cluster

# Queues have definitions and no run state: no lifecycle. One name space for every queue type (IBM-NAMING): DISPLAY
# QUEUE(name) finds a queue of any type, and DEFINE QALIAS(name) over a local queue is 4001, so a type change is a
# DELETE and a DEFINE (recreate). The type is the qualifier of DEFINE/ALTER/DELETE (QLOCAL, QREMOTE, QALIAS, QMODEL)
# and the TYPE of DISPLAY QUEUE rows. Attributes: the MQSC DEFINE queues page (IBM-DEF-Q, [R] for the ranges).
QUEUE = ObjectType(
    kind="queue",
    qualifier="QUEUE",
    name_max=48,
    summary="local, remote, alias or model queue present/absent; the type from the definition; a local queue that holds "
            "messages is deleted only with `purge`",
    doc="All queue types are read with one C(DISPLAY QUEUE), as they share one name space.",
    identity=Identity(doc="One name is one queue, whatever its type; V(APP.IN) cannot be both a local queue and an alias."),
    attributes_example="{DEFPRTY: 5, TRIGTYPE: FIRST, INITQ: APP.INITQ}",
    type_attr="TYPE",
    subtype_keyword="TYPE",
    type_in_qualifier=True,
    type_default="QLOCAL",
    # IBM DEFINE queues, LIKE: without it, the attributes not given come from SYSTEM.DEFAULT.<type>.QUEUE.
    defaults={"QLOCAL": "SYSTEM.DEFAULT.LOCAL.QUEUE", "QREMOTE": "SYSTEM.DEFAULT.REMOTE.QUEUE", "QALIAS": "SYSTEM.DEFAULT.ALIAS.QUEUE",
              "QMODEL": "SYSTEM.DEFAULT.MODEL.QUEUE"},
    # DELETE QLOCAL refuses a queue with committed messages unless PURGE (PCF Delete Queue: "If there are messages on the
    # queue MQPO_YES must be specified, otherwise the command fails"; valid only for local queues; IBM-DEL-Q).
    messages=("CURDEPTH", ("QLOCAL",)),
    attrs=[
        Attr("TYPE", "enum", option="type", choices=("QLOCAL", "QREMOTE", "QALIAS", "QMODEL"),
             labels={"QLOCAL": "local", "QREMOTE": "remote", "QALIAS": "alias", "QMODEL": "model"},
             doc=("Queue type. A queue this task creates is V(local) unless this option says otherwise.",
                  "An existing queue keeps its type when the option is left out. MQ cannot change the type of a queue; a different "
                  "value fails unless O(recreate=true), which deletes the queue and defines it again.")),
        Attr("DESCR", option="description", max_length=64,
             doc="Description (C(DESCR)), at most 64 characters. Case is kept."),
        Attr("USAGE", "enum", option="usage", choices=("NORMAL", "XMITQ"), types=_LOCAL_MODEL,
             doc="C(USAGE). V(xmitq) makes a transmission queue, which sender and server channels take messages from. Local and model queues only."),
        Attr("MAXDEPTH", "int", option="max_depth", minimum=0, maximum=999999999, types=_LOCAL_MODEL,
             doc="Maximum number of messages (C(MAXDEPTH)), 0 to 999999999. Local and model queues only."),
        Attr("MAXMSGL", "int", option="max_message_length", minimum=0, maximum=104857600, types=_LOCAL_MODEL,
             doc="Maximum message length in bytes (C(MAXMSGL)), 0 to 104857600. Local and model queues only."),
        Attr("DEFPSIST", "bool", option="persistence",
             doc="Default persistence of messages put without their own (C(DEFPSIST)); V(true) is C(DEFPSIST(YES))."),
        Attr("TARGET", "name", option="target", max_length=48, types=("QALIAS",),
             doc="The queue (or topic, with C(attributes.TARGTYPE=TOPIC)) an alias resolves to (C(TARGET)). Alias queues only."),
        Attr("RNAME", "name", option="remote_name", max_length=48, types=("QREMOTE",),
             doc="Name of the queue on the remote queue manager (C(RNAME)). Remote queues only. Empty makes a queue manager alias."),
        Attr("RQMNAME", "name", option="remote_qmgr", max_length=48, types=("QREMOTE",),
             doc="Name of the remote queue manager (C(RQMNAME)). Remote queues only."),
        Attr("XMITQ", "name", option="xmitq", max_length=48, types=("QREMOTE",),
             doc="Transmission queue for messages to the remote queue manager (C(XMITQ)). Remote queues only; empty means the one named after the "
                 "remote queue manager, or the default transmission queue."),
        # Reachable only through the attributes option.
        Attr("DEFPRTY", "int", minimum=0, maximum=9),
        Attr("DEFPRESP", "enum", choices=("SYNC", "ASYNC")),
        Attr("PUT", "enum", choices=("ENABLED", "DISABLED")),
        Attr("GET", "enum", choices=("ENABLED", "DISABLED"), types=("QLOCAL", "QALIAS", "QMODEL")),
        Attr("TARGTYPE", "enum", choices=("QUEUE", "TOPIC"), types=("QALIAS",)),
        Attr("DEFTYPE", "enum", choices=("PERMDYN", "TEMPDYN"), types=("QMODEL",)),
        Attr("DEFREADA", "enum", choices=("NO", "YES", "DISABLED"), types=("QLOCAL", "QALIAS", "QMODEL")),
        Attr("DEFSOPT", "enum", choices=("EXCL", "SHARED"), types=_LOCAL_MODEL),
        Attr("MSGDLVSQ", "enum", choices=("PRIORITY", "FIFO"), types=_LOCAL_MODEL),
        Attr("NPMCLASS", "enum", choices=("NORMAL", "HIGH"), types=_LOCAL_MODEL),
        Attr("PROPCTL", "enum", choices=("ALL", "FORCE", "COMPAT", "NONE", "V6COMPAT"), types=("QLOCAL", "QALIAS", "QMODEL")),
        Attr("RETINTVL", "int", minimum=0, maximum=999999999, types=_LOCAL_MODEL),
        Attr("INITQ", "name", max_length=48, types=_LOCAL_MODEL),
        Attr("PROCESS", "name", max_length=48, types=_LOCAL_MODEL),
        Attr("TRIGTYPE", "enum", choices=("FIRST", "EVERY", "DEPTH", "NONE"), types=_LOCAL_MODEL),
        Attr("TRIGDPTH", "int", minimum=1, maximum=999999999, types=_LOCAL_MODEL),
        Attr("TRIGMPRI", "int", minimum=0, maximum=9, types=_LOCAL_MODEL),
        Attr("TRIGDATA", max_length=64, types=_LOCAL_MODEL),
        Attr("BOQNAME", "name", max_length=48, types=_LOCAL_MODEL),
        Attr("BOTHRESH", "int", minimum=0, maximum=999999999, types=_LOCAL_MODEL),
        Attr("QDEPTHHI", "int", minimum=0, maximum=100, types=_LOCAL_MODEL),
        Attr("QDEPTHLO", "int", minimum=0, maximum=100, types=_LOCAL_MODEL),
        Attr("QDPHIEV", "enum", choices=("ENABLED", "DISABLED"), types=_LOCAL_MODEL),
        Attr("QDPLOEV", "enum", choices=("ENABLED", "DISABLED"), types=_LOCAL_MODEL),
        Attr("QDPMAXEV", "enum", choices=("ENABLED", "DISABLED"), types=_LOCAL_MODEL),
        Attr("QSVCIEV", "enum", choices=("HIGH", "OK", "NONE"), types=_LOCAL_MODEL),
        Attr("QSVCINT", "int", minimum=0, maximum=999999999, types=_LOCAL_MODEL),
        Attr("MONQ", "enum", choices=_MONITORING, types=_LOCAL_MODEL),
        Attr("STATQ", "enum", choices=("QMGR", "OFF", "ON"), types=_LOCAL_MODEL),
        Attr("ACCTQ", "enum", choices=("QMGR", "OFF", "ON"), types=_LOCAL_MODEL),
        Attr("CLUSTER", "name", max_length=48, types=_CLUSTERED),
        Attr("CLUSNL", "name", max_length=48, types=_CLUSTERED),
        Attr("DEFBIND", "enum", choices=("OPEN", "NOTFIXED", "GROUP"), types=_CLUSTERED),
        Attr("CLWLPRTY", "int", minimum=0, maximum=9, types=_CLUSTERED),
        Attr("CLWLRANK", "int", minimum=0, maximum=9, types=_CLUSTERED),
        Attr("CLWLUSEQ", "enum", choices=("QMGR", "ANY", "LOCAL"), types=("QLOCAL",)),
        Attr("CUSTOM", max_length=128),
        # The 9.x keywords of IBM DEFINE QLOCAL 9.4 (IBM-DEF-QL): a cap on message expiry in tenths of a second (NOLIMIT;
        # 0 refused as on topics, unconfirmed), the cluster scope, the cluster transmission queue's channel name (generic,
        # 20 characters), distribution lists, the media image of a recoverable queue, the file size of a queue in MB
        # (20 to 267386880, DEFAULT), the streaming queue and its quality of service. The keyword pairs TRIGGER/NOTRIGGER,
        # SHARE/NOSHARE and HARDENBO/NOHARDENBO, which MQSC sends as flags, are not managed.
        Attr("CAPEXPRY", "int_or_enum", choices=("NOLIMIT",), minimum=1, maximum=999999999),
        Attr("SCOPE", "enum", choices=("QMGR", "CELL"), types=_CLUSTERED),
        Attr("CLCHNAME", max_length=20, types=_LOCAL_MODEL),
        Attr("DISTL", "enum", choices=_YES_NO, types=_LOCAL_MODEL),
        Attr("IMGRCOVQ", "enum", choices=("QMGR", "NO", "YES"), types=_LOCAL_MODEL),
        Attr("MAXFSIZE", "int_or_enum", choices=("DEFAULT",), minimum=20, maximum=267386880, types=("QLOCAL",)),
        Attr("STREAMQ", "name", max_length=48, types=("QLOCAL",)),
        Attr("STRMQOS", "enum", choices=("BESTEF", "MUSTDUP"), types=("QLOCAL",)),
    ],
)


# Topics have definitions and no run state ([V] IBM DEFINE TOPIC 9.4, q085770_; the attribute list below is its syntax
# diagram's, z/OS-only keywords left out). TOPICSTR is required to define a topic and ALTER TOPIC has no TOPICSTR ([V] IBM
# ALTER TOPIC), so a new string is a DELETE and a DEFINE (recreate); a string that another topic object already has is 3300
# MQRCCF_TOPICSTR_ALREADY_EXISTS ([V] q047860_). Attributes not given come from SYSTEM.DEFAULT.TOPIC, most of them ASPARENT:
# the value of the nearest administered parent in the topic tree, up to SYSTEM.BASE.TOPIC (reference §4).
_ASPARENT_YES_NO = ("ASPARENT", "YES", "NO")
_ASPARENT_ENABLED = ("ASPARENT", "ENABLED", "DISABLED")
_ASPARENT_SCOPE = ("ASPARENT", "QMGR", "ALL")
_ASPARENT_DELIVERY = ("ASPARENT", "ALL", "ALLDUR", "ALLAVAIL")

TOPIC = ObjectType(
    kind="topic",
    qualifier="TOPIC",
    name_max=48,
    summary="administrative topic present/absent; its topic string fixed once defined (a new one needs `recreate`)",
    attributes_example="{DEFPRTY: 5, WILDCARD: BLOCK}",
    defaults="SYSTEM.DEFAULT.TOPIC",  # IBM DEFINE TOPIC, LIKE
    required={None: ("TOPICSTR",)},
    reasons={3300: "MQRCCF_TOPICSTR_ALREADY_EXISTS"},
    attrs=[
        Attr("TOPICSTR", option="topic_string", max_length=10240, fixed=True, unique=3300,
             doc=("The topic string this topic object administers (C(TOPICSTR)), such as V(prices/fruit); case is kept. "
                  "Required to create the topic.",
                  "MQ cannot change it on an existing topic (C(ALTER TOPIC) has no C(TOPICSTR)); a different value fails "
                  "unless O(recreate=true), which deletes the topic object and defines it again. Subscriptions and retained "
                  "publications belong to the string, not to the object, and stay.")),
        Attr("DESCR", option="description", max_length=64,
             doc="Description (C(DESCR)), at most 64 characters. Case is kept."),
        Attr("PUB", "enum", option="publish", choices=_ASPARENT_ENABLED,
             doc="Whether messages can be published to the topic (C(PUB)); V(asparent), MQ's default, takes the setting of the "
                 "nearest parent in the topic tree."),
        Attr("SUB", "enum", option="subscribe", choices=_ASPARENT_ENABLED,
             doc="Whether applications can subscribe to the topic (C(SUB)); V(asparent), MQ's default, takes the parent's."),
        Attr("DURSUB", "enum", option="durable_subscriptions", choices=_ASPARENT_YES_NO,
             doc="Whether applications may make durable subscriptions on the topic (C(DURSUB)); V(asparent), MQ's default, "
                 "takes the parent's."),
        Attr("DEFPSIST", "enum", option="default_persistence", choices=_ASPARENT_YES_NO,
             doc="Default persistence of messages published without their own (C(DEFPSIST)); V(asparent), MQ's default, "
                 "takes the parent's."),
        Attr("CLUSTER", "name", option="cluster", max_length=48,
             doc="The publish/subscribe cluster the topic belongs to (C(CLUSTER)); empty (MQ's default) keeps it local."),
        # Reachable only through the attributes option.
        Attr("CAPEXPRY", "int_or_enum", choices=("ASPARENT", "NOLIMIT"), minimum=1, maximum=999999999),
        Attr("CLROUTE", "enum", choices=("DIRECT", "TOPICHOST")),
        Attr("COMMINFO", "name", max_length=48),
        Attr("CUSTOM", max_length=128),
        Attr("DEFPRESP", "enum", choices=("ASPARENT", "SYNC", "ASYNC")),
        Attr("DEFPRTY", "int_or_enum", choices=("ASPARENT",), minimum=0, maximum=9),
        Attr("MCAST", "enum", choices=("ASPARENT", "ENABLED", "DISABLED", "ONLY")),
        Attr("MDURMDL", "name", max_length=48),
        Attr("MNDURMDL", "name", max_length=48),
        Attr("NPMSGDLV", "enum", choices=_ASPARENT_DELIVERY),
        Attr("PMSGDLV", "enum", choices=_ASPARENT_DELIVERY),
        Attr("PROXYSUB", "enum", choices=("FIRSTUSE", "FORCE")),
        Attr("PUBSCOPE", "enum", choices=_ASPARENT_SCOPE),
        Attr("SUBSCOPE", "enum", choices=_ASPARENT_SCOPE),
        Attr("USEDLQ", "enum", choices=_ASPARENT_YES_NO),
        Attr("WILDCARD", "enum", choices=("PASSTHRU", "BLOCK")),
    ],
)


# Authentication information objects ([V] IBM DEFINE AUTHINFO and ALTER AUTHINFO, q085490_ and q085140_; DISPLAY AUTHINFO
# q085990_ lists every keyword; the 9.4 page's syntax diagrams per AUTHTYPE, z/OS-only CMDSCOPE and QSGDISP left out;
# shared/reference/mq-security-topics-ha.md §3). One syntax per AUTHTYPE: IDPWOS and IDPWLDAP check the user ID and password
# an application presents (connection authentication, named by the queue manager's CONNAUTH), CRLLDAP and OCSP check
# certificates for revocation (named by SSLCRLNL's namelist or by a client channel table). "You cannot alter the AUTHTYPE of
# an authentication information object after you have created it" (ALTER AUTHINFO), and Change Authentication Information
# requires AuthInfoType (PCF q086910_), so AUTHTYPE goes on every ALTER, as CHLTYPE does on a channel's. A change to the
# object CONNAUTH names takes effect at REFRESH SECURITY TYPE(CONNAUTH): "The configuration must be refreshed before the
# queue manager recognizes the changes" (IBM q113250_). Lengths: [R] the DEFINE AUTHINFO page for Multiplatforms.
_LDAP = ("CRLLDAP", "IDPWLDAP")  # the types that reach an LDAP server
_IDPW = ("IDPWOS", "IDPWLDAP")  # connection authentication
_CHECKS = ("NONE", "OPTIONAL", "REQUIRED", "REQDADM")

AUTHINFO = ObjectType(
    defaults={t: "SYSTEM.DEFAULT.AUTHINFO." + t for t in ("IDPWOS", "IDPWLDAP", "CRLLDAP", "OCSP")},  # IBM DEFINE AUTHINFO, LIKE: one per AUTHTYPE
    kind="authinfo",
    noun="authentication information object",
    qualifier="AUTHINFO",
    name_max=48,
    summary="authentication information present/absent: connection authentication (idpwos, idpwldap) or certificate "
            "revocation (crlldap, ocsp); its type fixed once defined (a new one needs `recreate`); a change to the object "
            "CONNAUTH names reports `refresh_required: [connauth]`",
    doc="A change to the object the queue manager's C(CONNAUTH) names takes effect at C(REFRESH SECURITY TYPE(CONNAUTH)): the "
        "result's C(refresh_required) says V(connauth); the refresh is never run here.",
    type_attr="AUTHTYPE",
    subtype_keyword="AUTHTYPE",
    # CONNAME is required for the LDAP types and OCSPURL for OCSP ([V] their syntax diagrams: on the main line); SHORTUSR
    # for IDPWLDAP ([R] "This parameter is mandatory").
    required={"CRLLDAP": ("CONNAME",), "IDPWLDAP": ("CONNAME", "SHORTUSR"), "OCSP": ("OCSPURL",)},
    used_by_qmgr={"CONNAUTH": "connauth"},
    attrs=[
        Attr("AUTHTYPE", "enum", option="type", choices=("IDPWOS", "IDPWLDAP", "CRLLDAP", "OCSP"),
             doc=("The type of authentication information (C(AUTHTYPE)). Required to create the object; an existing object's "
                  "type is read from its definition. V(idpwos) checks the user ID and password an application presents "
                  "against the operating system, V(idpwldap) against an LDAP server (both for the queue manager's "
                  "C(CONNAUTH)); V(crlldap) checks certificates against revocation lists on an LDAP server, V(ocsp) with an "
                  "OCSP responder.",
                  "MQ cannot change the type of an existing object; a different value fails unless O(recreate=true).")),
        Attr("DESCR", option="description", max_length=64,
             doc="Description (C(DESCR)), at most 64 characters. Case is kept."),
        Attr("CHCKCLNT", "enum", option="check_client", choices=_CHECKS, types=_IDPW,
             doc="Whether client applications must present a user ID and password (C(CHCKCLNT)): V(none), V(optional) "
                 "(checked when given), V(required), or V(reqdadm) (required from privileged users only, which makes no "
                 "difference with LDAP). V(idpwos) and V(idpwldap) only."),
        Attr("CHCKLOCL", "enum", option="check_local", choices=_CHECKS, types=_IDPW,
             doc="The same for locally bound applications (C(CHCKLOCL)). V(required) or V(reqdadm) also stops C(runmqsc) "
                 "without C(-u). V(idpwos) and V(idpwldap) only."),
        Attr("ADOPTCTX", "bool", option="adopt_context", types=_IDPW,
             doc="Whether the user ID an application presents, once its password is checked, becomes the application's "
                 "context for authorization (C(ADOPTCTX)). V(idpwos) and V(idpwldap) only."),
        Attr("FAILDLAY", "int", option="failure_delay", minimum=0, maximum=60, types=_IDPW,
             doc="Seconds MQ waits before it answers a failed user ID and password check (C(FAILDLAY)), 0 to 60. V(idpwos) "
                 "and V(idpwldap) only."),
        Attr("AUTHENMD", "enum", option="authentication_method", choices=("OS", "PAM"), types=("IDPWOS",),
             doc="How the operating system checks the password (C(AUTHENMD)): V(os), or V(pam) (AIX and Linux). V(idpwos) only."),
        Attr("CONNAME", option="conname", max_length=264, types=_LDAP,
             doc="The LDAP server: host name or address and port, for example V(ldap.example.com(636\\)), or a "
                 "comma-separated list (C(CONNAME)). Required for V(crlldap) and V(idpwldap)."),
        Attr("LDAPUSER", option="ldap_user", max_length=1024, types=_LDAP,
             doc="Distinguished name of the user that binds to the LDAP server (C(LDAPUSER)). V(crlldap) and V(idpwldap) only."),
        Attr("LDAPPWD", option="ldap_password", max_length=32, types=_LDAP, secret=True,
             doc=("Password of O(ldap_user) (C(LDAPPWD)), at most 32 characters. V(crlldap) and V(idpwldap) only.",
                  "A secret: never shown in results, diffs or commands (C(LDAPPWD(********\\))). MQ shows it masked, so it "
                  "cannot be compared: it is sent when this task defines the object, and on every run with "
                  "O(update_password=always), which then always reports a change.")),
        Attr("SECCOMM", "enum", option="secure_comms", choices=("YES", "NO", "ANON"), types=("IDPWLDAP",),
             doc="Whether the connection to the LDAP server uses TLS (C(SECCOMM)): V(yes), V(no), or V(anon) (TLS without a "
                 "client certificate). V(idpwldap) only."),
        Attr("SHORTUSR", option="short_user", max_length=128, types=("IDPWLDAP",),
             doc="The field of the LDAP user record used as the short user name in MQ (C(SHORTUSR)), for example V(uid). "
                 "Required for V(idpwldap)."),
        Attr("BASEDNU", option="user_base_dn", max_length=1024, types=("IDPWLDAP",),
             doc="Base distinguished name under which users are searched (C(BASEDNU)). V(idpwldap) only."),
        Attr("CLASSUSR", option="user_object_class", max_length=128, types=("IDPWLDAP",),
             doc="LDAP object class of user records (C(CLASSUSR)), for example V(inetOrgPerson). V(idpwldap) only."),
        Attr("USRFIELD", option="user_field", max_length=128, types=("IDPWLDAP",),
             doc="The field that holds a user ID given without a field name (C(USRFIELD)). V(idpwldap) only."),
        Attr("AUTHORMD", "enum", option="authorization_method", choices=("OS", "SEARCHGRP", "SEARCHUSR", "SRCHGRPSN"),
             types=("IDPWLDAP",),
             doc="How group membership is found for authorization (C(AUTHORMD)): V(os), V(searchgrp) (group records list "
                 "their members), V(searchusr) (user records list their groups) or V(srchgrpsn) (group records list short "
                 "user names). V(idpwldap) only."),
        Attr("BASEDNG", option="group_base_dn", max_length=1024, types=("IDPWLDAP",),
             doc="Base distinguished name under which groups are searched (C(BASEDNG)). V(idpwldap) only."),
        Attr("CLASSGRP", option="group_object_class", max_length=128, types=("IDPWLDAP",),
             doc="LDAP object class of group records (C(CLASSGRP)), for example V(groupOfNames). V(idpwldap) only."),
        Attr("FINDGRP", option="group_membership_attribute", max_length=128, types=("IDPWLDAP",),
             doc="The attribute that holds group membership (C(FINDGRP)), for example V(member) or V(memberOf). V(idpwldap) "
                 "only."),
        Attr("GRPFIELD", option="group_field", max_length=128, types=("IDPWLDAP",),
             doc="The field of a group record used as its simple name (C(GRPFIELD)), for example V(cn). V(idpwldap) only."),
        Attr("NESTGRP", "bool", option="nested_groups", types=("IDPWLDAP",),
             doc="Whether groups that are members of groups count for authorization (C(NESTGRP)). V(idpwldap) only."),
        # [V] MQAIR OCSPResponderURL (q094040_): "case sensitive. It must start with the string http:// in lowercase".
        Attr("OCSPURL", option="ocsp_url", max_length=256, types=("OCSP",), pattern=(r"http://", "must start with http:// in lower case"),
             doc="URL of the OCSP responder (C(OCSPURL)); it must start with V(http://) in lower case. Required for V(ocsp)."),
    ],
)


# -- channel authentication records (CHLAUTH) -----------------------------------------------------------------------
# IBM SET CHLAUTH (9.4, q086630_; the 7.5 copy's table of what each ACTION takes) and DISPLAY CHLAUTH (q086070_); the facts
# and what is unconfirmed: shared/reference/mq-security-topics-ha.md §1. A record is named by its profile, its TYPE and the
# type's key (REMOVE takes only those: CHLAUTH, TYPE, ADDRESS, CLNTUSER, QMNAME, SSLPEER, USERLIST, ADDRLIST); a blocking
# type has one record per profile, which holds a list.
CHLAUTH_TYPES = ("BLOCKUSER", "BLOCKADDR", "SSLPEERMAP", "ADDRESSMAP", "USERMAP", "QMGRMAP")
_MAPS = ("SSLPEERMAP", "ADDRESSMAP", "USERMAP", "QMGRMAP")

# IBM "Generic IP addresses for channel authentication records" (q086080_): 192.0.2.*, 192.0.*, 192.0.*.2, 192.*.2, *, a range
# in a part (192.0.2.1-8), and IPv6 alike (2001:DB8:0:0:0:0:0:*). Not allowed (its 7.5 copy): too few parts without a *, a *
# joined to other characters in its part (192.0*), a * next to a trailing * (192.0.*.*), :: with a trailing * in IPv6.
_IPV4_PART = re.compile(r"^(\*|\d{1,3}|\d{1,3}-\d{1,3})$")
_IPV6_PART = re.compile(r"^(\*|[0-9A-Fa-f]{1,4}|[0-9A-Fa-f]{1,4}-[0-9A-Fa-f]{1,4})$")
_HOST_PATTERN = re.compile(r"^[A-Za-z0-9*.\-]*[A-Za-z][A-Za-z0-9*.\-]*$")
_IPADDR_ERROR = "IBM's rule for generic IP addresses (3345 MQRCCF_IPADDR_ERROR)"


def _ip_problem(text):
    """Why ``text`` is not a generic IP address MQ takes (None: it is one); (problem, the range parts) otherwise."""
    if text == "*":
        return None
    six = ":" in text
    parts = text.split(":") if six else text.split(".")
    if six and "::" in text:
        if text.count("::") > 1:
            return "'::' may appear once"
        if text.rstrip().endswith("*"):
            return "'::' cannot be combined with a trailing *"
        parts = [p for p in parts if p]
    pattern, base, limit, count = (_IPV6_PART, 16, 0xFFFF, 8) if six else (_IPV4_PART, 10, 255, 4)
    for part in parts:
        if not pattern.fullmatch(part):
            return "{0!r}: each part is a number, a range such as 1-8, or a * standing alone".format(part)
        numbers = [int(n, base) for n in part.split("-")] if part != "*" else []
        if any(n > limit for n in numbers):
            return "{0!r}: a part is at most {1}".format(part, "FFFF" if six else 255)
        if len(numbers) == 2 and numbers[0] >= numbers[1]:
            return "{0!r}: a range goes from a lower to a higher number (3346 MQRCCF_IPADDR_RANGE_ERROR)".format(part)
    if len(parts) > count or (len(parts) < count and "*" not in parts and not (six and "::" in text)):
        return "it has {0} parts; an address has {1}, and fewer only where a * stands for the rest".format(len(parts), count)
    if len(parts) > 1 and parts[-1] == "*" and parts[-2] == "*":
        return "a * next to a trailing * (write {0}.*)".format(".".join(parts[:-2]) if not six else ":".join(parts[:-2]))
    return None


def _ranges(text):
    """A four-part IPv4 pattern with a range as [(low, high)] per part, for the overlap rule; None for anything else."""
    parts = text.split(".")
    if len(parts) != 4 or "-" not in text or any(not _IPV4_PART.fullmatch(p) for p in parts):
        return None
    return [(0, 255) if p == "*" else tuple(int(n) for n in p.split("-")) * (1 if "-" in p else 2) for p in parts]


def _overlap(first, second):
    """Two ranged patterns that share addresses without one holding the other: MQ refuses them on one profile (3343)."""
    if first is None or second is None:
        return False
    meet = all(a[0] <= b[1] and b[0] <= a[1] for a, b in zip(first, second))
    holds = all(a[0] <= b[0] and b[1] <= a[1] for a, b in zip(first, second))
    held = all(b[0] <= a[0] and a[1] <= b[1] for a, b in zip(first, second))
    return meet and not holds and not held


def _check_chlauth(params, subtype):
    """The rules of IBM's SET CHLAUTH that no single attribute says: the BLOCKADDR profile, CLNTUSER without wildcards,
    generic IP addresses and their ranges, QMNAME's characters, and lists that are not empty."""
    if subtype == "BLOCKADDR" and params.get("profile") != "*":
        raise MQInputError("profile={0!r}: with type=blockaddr the profile must be '*': the addresses are blocked at the "
                           "listener, for every channel (IBM SET CHLAUTH; 3349 MQRCCF_CHLAUTH_NAME_ERROR)".format(params.get("profile")))
    user = params.get("client_user")
    if user is not None and "*" in user:
        raise MQInputError("client_user={0!r} must name one user: MQ allows no wildcard in CLNTUSER (3348 "
                           "MQRCCF_CHLAUTH_CLNTUSER_ERROR)".format(user))
    qmgr = params.get("remote_qmgr")
    if qmgr is not None:
        validate_name(qmgr, "remote_qmgr", 48, "queue manager", wildcards="*")
    address = params.get("address")
    if address is not None and not (_HOST_PATTERN.fullmatch(address) and ":" not in address):
        problem = _ip_problem(address)
        if problem:
            raise MQInputError("address={0!r} is not a generic IP address or host name: {1} ({2})".format(address, problem, _IPADDR_ERROR))
    ranged = []
    for index, entry in enumerate(params.get("addresses") or []):
        problem = _ip_problem(str(entry))
        if problem:
            raise MQInputError("addresses[{0}]={1!r} is not a generic IP address: {2} ({3}; a blocked address is matched before "
                               "any host name is known, so host names are not taken)".format(index, entry, problem, _IPADDR_ERROR))
        for other, earlier in ranged:
            if _overlap(_ranges(str(entry)), _ranges(str(earlier))):
                raise MQInputError("addresses[{0}]={1!r} overlaps addresses[{2}]={3!r}: ranges on one profile must hold one another "
                                   "or be apart (3343 MQRCCF_IPADDR_RANGE_CONFLICT)".format(index, entry, other, earlier))
        ranged.append((index, entry))
    if params.get("state") != "absent":
        for option in ("users", "addresses"):
            if params.get(option) == []:
                raise MQInputError("{0}=[] is empty: MQ keeps no empty list on a record; list what to block, or remove the record "
                                   "with state=absent".format(option))


CHLAUTH = ObjectType(
    kind="chlauth",
    qualifier="CHLAUTH",
    name_max=20,
    noun="channel authentication record",
    summary="channel authentication record present/absent (blocking lists; address, user, queue-manager and TLS-peer maps), "
            "IBM's SET CHLAUTH rules checked before sending",
    doc=("All records are read with one C(DISPLAY CHLAUTH). An entry is one record, named by O(chlauths[].profile), "
         "O(chlauths[].type) and the key of its type; a blocking list is declared whole.",),
    subtype_keyword="TYPE",
    shared_options=(),
    # SET CHLAUTH ... ACTION(ADD) on an existing record is 3337 MQRCCF_CHLAUTH_ALREADY_EXISTS and ACTION(REMOVE) of a missing
    # one 3338 MQRCCF_CHLAUTH_NOT_FOUND (IBM q048030_, q048040_): another writer got there first. ACTION(REPLACE) replaces the
    # record, so a change carries every attribute it keeps (Verb.whole): whether MQ resets or keeps what a REPLACE does not
    # name is not documented, and so does not matter. A list is replaced whole (IBM's per-channel BLOCKUSER override).
    verbs=Verbs(create=Verb("SET", {"ACTION": "ADD"}, raced=(3337,)), change=Verb("SET", {"ACTION": "REPLACE"}, whole=True),
                # A blocking record goes whole with ACTION(REMOVEALL), which takes only TYPE: ACTION(REMOVE) takes the list
                # entries to drop (3228 without them), and the record goes when its last entry does (reference §1).
                remove=Verb("SET", {"ACTION": "REMOVE"}, raced=(3338,),
                            instead={("TYPE", t): {"ACTION": "REMOVEALL"} for t in ("BLOCKUSER", "BLOCKADDR")})),
    # SSLCERTI is taken as part of an SSLPEERMAP's key (sent only when set): REMOVE takes it from 8.0 on [I]. DISPLAY CHLAUTH
    # takes ADDRESS, CLNTUSER, QMNAME, SSLPEER and SSLCERTI only with MATCH(RUNCHECK) (q086070_; 3342 otherwise), so a read
    # names the profile and TYPE with MATCH(EXACT), and the record is picked by its whole key.
    identity=Identity("profile", keys={"BLOCKUSER": ("TYPE",), "BLOCKADDR": ("TYPE",), "ADDRESSMAP": ("TYPE", "ADDRESS"),
                                       "USERMAP": ("TYPE", "CLNTUSER", "ADDRESS"), "QMGRMAP": ("TYPE", "QMNAME", "ADDRESS"),
                                       "SSLPEERMAP": ("TYPE", "SSLPEER", "SSLCERTI", "ADDRESS")},
                      display=(("TYPE",), {"MATCH": "EXACT"}), wildcards="*",
                      doc=("The channel profile the record applies to (C(SET CHLAUTH(profile))): a channel name, or a generic "
                           "profile with V(*) anywhere (V(APP.*), V(*)), 1 to 20 characters. Case is kept. With "
                           "O(type=blockaddr) it must be V(*).",
                           "With O(type) and the key of the type (O(address) for V(addressmap); O(client_user), "
                           "O(remote_qmgr) or O(ssl_peer) and O(ssl_cert_issuer), with O(address), for the other maps) it "
                           "names one record; a blocking type has one record per profile.")),
    required={"BLOCKUSER": ("USERLIST",), "BLOCKADDR": ("ADDRLIST",), "ADDRESSMAP": ("ADDRESS",), "USERMAP": ("CLNTUSER",),
              "QMGRMAP": ("QMNAME",), "SSLPEERMAP": ("SSLPEER",)},
    checks=(_check_chlauth,),
    # IBM's default records on a new queue manager (reference §1): purge never removes them.
    protected=({"chlauth": "*", "type": "BLOCKUSER"}, {"chlauth": "SYSTEM.*", "type": "ADDRESSMAP"},
               {"chlauth": "SYSTEM.ADMIN.SVRCONN", "type": "ADDRESSMAP"}),
    reasons={3326: "MQRCCF_CHLAUTH_TYPE_ERROR", 3327: "MQRCCF_CHLAUTH_ACTION_ERROR", 3336: "MQRCCF_WRONG_CHLAUTH_TYPE",
             3337: "MQRCCF_CHLAUTH_ALREADY_EXISTS", 3338: "MQRCCF_CHLAUTH_NOT_FOUND", 3339: "MQRCCF_WRONG_CHLAUTH_ACTION",
             3340: "MQRCCF_WRONG_CHLAUTH_USERSRC", 3342: "MQRCCF_WRONG_CHLAUTH_MATCH", 3343: "MQRCCF_IPADDR_RANGE_CONFLICT",
             3345: "MQRCCF_IPADDR_ERROR", 3346: "MQRCCF_IPADDR_RANGE_ERROR", 3348: "MQRCCF_CHLAUTH_CLNTUSER_ERROR",
             3349: "MQRCCF_CHLAUTH_NAME_ERROR", 3370: "MQRCCF_CHLAUTH_CHKCLI_ERROR"},
    attrs=[
        Attr("TYPE", "enum", option="type", choices=CHLAUTH_TYPES,
             doc=("The kind of record (C(TYPE)); part of its identity. V(blockuser) and V(blockaddr) block the users in O(users) "
                  "and the addresses in O(addresses); the maps decide what a connection that matches their key gets "
                  "(O(user_source)): V(addressmap) by the partner's address, V(usermap) by the user the client asserts, "
                  "V(qmgrmap) by the partner queue manager's name, V(sslpeermap) by its certificate's distinguished name.",
                  "IBM applies V(usermap) and V(blockuser) to server-connection channels only, and V(qmgrmap) to the others.")),
        Attr("ADDRESS", "istr", option="address", max_length=264, types=_MAPS,
             doc=("The partner address the record matches (C(ADDRESS)): an IP address, a generic one (V(192.0.2.*), "
                  "V(192.0.*.2)), a range in one part (V(192.0.2.1-8)), V(*), IPv6 alike, or a host name pattern. Required "
                  "with O(type=addressmap), where it is the key; an optional filter on the other maps, part of their key too.",
                  "Checked before any request against IBM's rules for generic IP addresses.")),
        Attr("CLNTUSER", option="client_user", max_length=1024, types=("USERMAP",),
             doc="The user ID the client asserts (C(CLNTUSER)), the key of a V(usermap) record; one user, no wildcard. Case is "
                 "kept and sent quoted, so V(app) and V(APP) are two records."),
        Attr("QMNAME", option="remote_qmgr", max_length=48, types=("QMGRMAP",),
             doc="The partner queue manager's name (C(QMNAME)), the key of a V(qmgrmap) record; V(*) may stand for any "
                 "characters."),
        Attr("SSLPEER", option="ssl_peer", max_length=1024, types=("SSLPEERMAP",),
             doc="The distinguished name the partner's certificate must match (C(SSLPEER)), the key of a V(sslpeermap) record, "
                 "for example V(CN=app,O=Example)."),
        Attr("SSLCERTI", option="ssl_cert_issuer", max_length=1024, types=("SSLPEERMAP",),
             doc="The distinguished name of the certificate's issuer (C(SSLCERTI)); part of a V(sslpeermap) record's key when "
                 "set."),
        Attr("USERSRC", "enum", option="user_source", choices=("MAP", "NOACCESS", "CHANNEL"), types=_MAPS, mq_default="MAP",
             needs={"MAP": ("MCAUSER",)},
             doc=("What a connection that matches a map gets (C(USERSRC)): V(map) runs it as O(mcauser) (MQ's default, so a "
                  "new map without O(user_source) needs O(mcauser)); V(noaccess) refuses it; V(channel) lets it in with the "
                  "user the channel would use (the client's, or the channel's C(MCAUSER)).",)),
        Attr("MCAUSER", option="mcauser", max_length=64, types=_MAPS, when={"USERSRC": ("MAP",)},
             doc="The user ID a matching connection runs as (C(MCAUSER)), with O(user_source=map) only. Case is kept."),
        Attr("CHCKCLNT", "enum", option="check_client", choices=("ASQMGR", "REQDADM", "REQUIRED"), types=("USERMAP", "ADDRESSMAP", "SSLPEERMAP"),
             when={"USERSRC": ("MAP", "CHANNEL")},
             doc="Whether a matching client must also give a valid user ID and password (C(CHCKCLNT)): V(asqmgr) as the "
                 "queue manager's connection authentication says (MQ's default), V(reqdadm) for privileged users, "
                 "V(required) always. Not with O(user_source=noaccess)."),
        Attr("USERLIST", "list", option="users", max_length=64, max_items=100, types=("BLOCKUSER",),
             doc=("The users a V(blockuser) record refuses (C(USERLIST)), at most 100; V(*MQADMIN) stands for every "
                  "privileged user. The record holds exactly this list: users not listed are taken off it. Case is kept.",)),
        Attr("ADDRLIST", "ilist", option="addresses", max_length=48, max_items=256, types=("BLOCKADDR",),
             doc=("The addresses a V(blockaddr) record refuses at the listener (C(ADDRLIST)), at most 256, each an IP address, a "
                  "generic one or a range (no host names); two ranges must not overlap unless one holds the other. The record "
                  "holds exactly this list: addresses not listed are taken off it.",)),
        Attr("DESCR", option="description", max_length=64,
             doc="Description (C(DESCR)), at most 64 characters. Case is kept."),
        Attr("WARN", "bool", option="warn", when={"USERSRC": ("NOACCESS",)},
             doc="V(true) makes a blocking record, or a map with O(user_source=noaccess), only report what it would refuse "
                 "(C(WARN(YES)): MQ writes the event and lets the connection in)."),
    ],
)


# The queue manager's own attributes ([V] IBM ALTER QMGR 9.4, q085320_: the keywords for Multiplatforms, the z/OS-only ones
# (ACTCHL, ADOPTCHK, CHIADAPS, ..., TCPSTACK, TRAXTBL) left out; shared/reference §5). One object, always there: ALTER QMGR
# changes it, nothing creates or deletes it (Verbs with change only, SINGLETON identity). What a change waits for:
# CONNAUTH, REFRESH SECURITY TYPE(CONNAUTH) ([V] IBM q113250_); the key repository, its location, the certificate label, the
# CRL namelist, cryptographic hardware and FIPS, REFRESH SECURITY TYPE(SSL) ([V] "When changes to certificates or the
# certificate store become effective", q012760_: new channel processes pick them up, running ones at the refresh; MQ
# Explorer "Refreshing TLS security": "The queue manager FIPS configuration (SSLFipsRequired) is also refreshed"; [R] SUITEB
# and CERTVPOL, whose ALTER QMGR paragraphs name the refresh too); SCHINIT and SCMDSERV, the queue manager's next start ([V]
# endmqcsv: "at the next restart"); CCSID, the next start ([R] shared/reference §5, unconfirmed). INITKEY and KEYRPWD (9.3,
# secrets) are not managed. The order: mq_objects alters the queue manager first (its row is first in REGISTRY): the
# limits and switches (MAXMSGL, MAXHANDS, CHLAUTH, CHAD, CONFIGEV, ...) are in place before the objects that depend on them;
# MQ checks the objects DEADQ, DEFXMITQ and CONNAUTH name when it uses them, not when ALTER QMGR sets them (MQRC 2197, 2198,
# 2199 at MQOPEN for DEFXMITQ; CONNAUTH at REFRESH SECURITY), so they may name objects the same task defines after it.
_ENABLED = ("ENABLED", "DISABLED")
_LEVELS = ("OFF", "NONE", "LOW", "MEDIUM", "HIGH")
_ACLS = ("QMGR", "OFF", "LOW", "MEDIUM", "HIGH")


def _event(keyword, option, what, choices=_ENABLED, more=""):
    """An event switch: whether the queue manager puts event messages of one kind on its SYSTEM.ADMIN.*.EVENT queue."""
    return Attr(keyword, "enum", option=option, choices=choices,
                doc="Whether the queue manager puts {0} event messages (C({1})){2}.".format(what, keyword, more))


QMGR = ObjectType(
    kind="qmgr",
    noun="queue manager",
    qualifier="QMGR",
    name_max=48,
    summary="the queue manager's own attributes (ALTER QMGR): event switches, dead-letter queue, limits, CHLAUTH, CONNAUTH, "
            "TLS key repository, monitoring, ...; never creates or deletes anything; names what waits for a REFRESH SECURITY "
            "or a restart",
    doc=("Applied first, before the objects of the other options: the limits and switches "
         "(O(qmgr_attributes.max_message_length), O(qmgr_attributes.channel_authentication), "
         "O(qmgr_attributes.configuration_events), ...) are in place before the objects that depend on them. MQ checks the "
         "objects O(qmgr_attributes.dead_letter_queue), O(qmgr_attributes.default_xmitq) and "
         "O(qmgr_attributes.connection_authentication) name when it uses them, not when C(ALTER QMGR) sets them, so they may "
         "name objects this task defines; by its end they exist.",
         "Never purged: the queue manager is not deleted."),
    verbs=Verbs(change=Verb("ALTER")),
    identity=SINGLETON,
    # qmgr is every module's connection option (the queue manager's name) and mq_qmgr the roles' variable for it: the
    # attributes are qmgr_attributes in mq_objects and mq_qmgr_attributes in the provision role.
    list_option="qmgr_attributes",
    attributes_example="{MARKINT: 5000, TRIGINT: 60000, SCHINIT: MANUAL}",
    attrs=[
        Attr("DESCR", option="description", max_length=64,
             doc="Description of the queue manager (C(DESCR)), at most 64 characters. Case is kept."),
        Attr("DEADQ", "name", option="dead_letter_queue", max_length=48,
             doc="The dead-letter queue (C(DEADQ)): a local queue for messages that cannot be delivered. Empty for none."),
        Attr("DEFXMITQ", "name", option="default_xmitq", max_length=48,
             doc="The default transmission queue (C(DEFXMITQ)), for messages to a remote queue manager no other "
                 "transmission queue serves. Empty for none."),
        Attr("MAXHANDS", "int", option="max_handles", minimum=0, maximum=999999999,
             doc="Maximum open handles per connection (C(MAXHANDS)), 0 to 999999999."),
        Attr("MAXUMSGS", "int", option="max_uncommitted_messages", minimum=1, maximum=999999999,
             doc="Maximum uncommitted messages in one unit of work (C(MAXUMSGS)), 1 to 999999999."),
        Attr("MAXMSGL", "int", option="max_message_length", minimum=32768, maximum=104857600,
             doc="Maximum message length in bytes (C(MAXMSGL)), 32768 to 104857600; a queue's or channel's may not be larger."),
        Attr("CHLAUTH", "enum", option="channel_authentication", choices=_ENABLED,
             doc="Whether channel authentication records are checked (C(CHLAUTH)); channels that start after the change "
                 "use it."),
        Attr("CONNAUTH", "name", option="connection_authentication", max_length=48, refresh="connauth",
             doc=("The authentication information object (an V(idpwos) or V(idpwldap) M(mqrest.admin.mq_authinfo)) that "
                  "checks user IDs and passwords (C(CONNAUTH)); empty for no check.",
                  "MQ uses a new value after C(REFRESH SECURITY TYPE(CONNAUTH)) (or a restart): RV(refresh_required) says "
                  "V(connauth), and a warning names it.")),
        Attr("CHAD", "enum", option="channel_autodefinition", choices=_ENABLED,
             doc="Whether receiver and server-connection channels are defined automatically for partners and clients that "
                 "ask for one that does not exist (C(CHAD))."),
        Attr("CHADEXIT", option="channel_autodefinition_exit", max_length=128,
             doc="The exit called when a channel is defined automatically (C(CHADEXIT)); empty for none."),
        Attr("SSLKEYR", option="ssl_key_repository", max_length=256, refresh="ssl",
             doc=("The key repository's path without its extension (C(SSLKEYR)), for example V(/var/mqm/qmgrs/QM1/ssl/key).",
                  "Running TLS channels keep the old one until C(REFRESH SECURITY TYPE(SSL)): RV(refresh_required) says "
                  "V(ssl), and a warning names it; M(mqrest.admin.mq_refresh_security) with V(type=ssl) runs the refresh and "
                  "waits until every TLS channel is back.")),
        Attr("CERTLABL", option="certificate_label", max_length=64, refresh="ssl",
             doc=("The label of the queue manager's certificate in the key repository (C(CERTLABL)); MQ's default is "
                  "V(ibmwebspheremq) and the queue manager's name in lower case.",
                  "Running TLS channels keep the old certificate until C(REFRESH SECURITY TYPE(SSL)): RV(refresh_required) "
                  "says V(ssl), and a warning names it; M(mqrest.admin.mq_refresh_security) with V(type=ssl) runs the refresh "
                  "and waits until every TLS channel is back. Put the new certificate in the key repository, and have every "
                  "partner and client trust its issuer, before the label changes: a TLS channel that cannot use its "
                  "certificate does not start.")),
        _event("INHIBTEV", "inhibit_events", "inhibit (put and get inhibited)"),
        _event("LOCALEV", "local_events", "local error"),
        _event("PERFMEV", "performance_events", "performance (queue depth, service interval)"),
        _event("REMOTEEV", "remote_events", "remote error"),
        _event("STRSTPEV", "start_stop_events", "start and stop"),
        _event("CHLEV", "channel_events", "channel", ("ENABLED", "EXCEPTION", "DISABLED"), "; V(exception) only for errors"),
        _event("SSLEV", "ssl_events", "TLS"),
        _event("CONFIGEV", "configuration_events", "configuration (object created, changed or deleted)"),
        _event("CMDEV", "command_events", "command", ("ENABLED", "NODISPLAY", "DISABLED"), "; V(nodisplay) not for C(DISPLAY) commands"),
        _event("AUTHOREV", "authority_events", "authority (not authorized)"),
        _event("CHADEV", "channel_autodefinition_events", "channel auto-definition"),
        Attr("LOGGEREV", "enum", option="logger_events", choices=_ENABLED,
             doc="Whether the queue manager puts logger event messages (C(LOGGEREV)); MQ accepts V(enabled) only with "
                 "linear logging."),
        Attr("MONQ", "enum", option="queue_monitoring", choices=_LEVELS,
             doc="Online monitoring of queues whose C(MONQ) is V(qmgr) (C(MONQ)): V(off), V(none) (no queue may monitor), "
                 "V(low), V(medium) or V(high)."),
        Attr("MONCHL", "enum", option="channel_monitoring", choices=_LEVELS,
             doc="Online monitoring of channels whose C(MONCHL) is V(qmgr) (C(MONCHL)), as O(queue_monitoring)."),
        Attr("STATQ", "enum", option="queue_statistics", choices=("OFF", "ON", "NONE"),
             doc="Statistics of queues whose C(STATQ) is V(qmgr) (C(STATQ)): V(on), V(off), or V(none) (no queue may collect)."),
        Attr("STATCHL", "enum", option="channel_statistics", choices=_LEVELS,
             doc="Statistics of channels whose C(STATCHL) is V(qmgr) (C(STATCHL)), as O(channel_monitoring)."),
        Attr("STATMQI", "enum", option="mqi_statistics", choices=("OFF", "ON"),
             doc="Whether the queue manager collects MQI statistics (C(STATMQI))."),
        Attr("STATINT", "int", option="statistics_interval", minimum=1, maximum=604000,
             doc="Seconds between statistics records (C(STATINT)), 1 to 604000."),
        Attr("ACCTQ", "enum", option="queue_accounting", choices=("OFF", "ON", "NONE"),
             doc="Accounting of queues whose C(ACCTQ) is V(qmgr) (C(ACCTQ)): V(on), V(off), or V(none)."),
        Attr("ACCTMQI", "enum", option="mqi_accounting", choices=("OFF", "ON"),
             doc="Whether the queue manager collects MQI accounting (C(ACCTMQI)); connections made after the change use it."),
        Attr("ACCTINT", "int", option="accounting_interval", minimum=1, maximum=604000,
             doc="Seconds between intermediate accounting records (C(ACCTINT)), 1 to 604000."),
        # Reachable only through the attributes option.
        Attr("ACCTCONO", "enum", choices=_ENABLED),
        Attr("ACTIVREC", "enum", choices=("DISABLED", "MSG", "QUEUE")),
        Attr("ACTVCONO", "enum", choices=_ENABLED),
        Attr("ACTVTRC", "enum", choices=("OFF", "ON")),
        Attr("CCSID", "int", minimum=1, maximum=65535, restart=True),
        Attr("CERTVPOL", "enum", choices=("ANY", "RFC5280"), refresh="ssl"),
        Attr("CLWLDATA", max_length=32),
        Attr("CLWLEXIT", max_length=128),
        Attr("CLWLLEN", "int", minimum=0, maximum=999999999),
        Attr("CLWLMRUC", "int", minimum=1, maximum=999999999),
        Attr("CLWLUSEQ", "enum", choices=("LOCAL", "ANY")),
        Attr("CUSTOM", max_length=128),
        Attr("DEFCLXQ", "enum", choices=("SCTQ", "CHANNEL")),
        Attr("IMGINTVL", "int_or_enum", choices=("OFF",), minimum=1, maximum=999999999),
        Attr("IMGLOGLN", "int_or_enum", choices=("OFF",), minimum=1, maximum=999999999),
        Attr("IMGRCOVO", "enum", choices=("YES", "NO")),
        Attr("IMGRCOVQ", "enum", choices=("YES", "NO")),
        Attr("IMGSCHED", "enum", choices=("MANUAL", "AUTO")),
        Attr("IPADDRV", "enum", choices=("IPV4", "IPV6")),
        Attr("MARKINT", "int_or_enum", choices=("NOLIMIT",), minimum=0, maximum=999999999),
        Attr("MAXPROPL", "int_or_enum", choices=("NOLIMIT",), minimum=0, maximum=104857600),
        Attr("MONACLS", "enum", choices=_ACLS),
        Attr("PARENT", "name", max_length=48),
        Attr("PSCLUS", "enum", choices=_ENABLED),
        Attr("PSMODE", "enum", choices=("COMPAT", "DISABLED", "ENABLED")),
        Attr("PSNPMSG", "enum", choices=("DISCARD", "KEEP")),
        Attr("PSNPRES", "enum", choices=("NORMAL", "SAFE", "DROP", "ASYNC")),
        Attr("PSRTYCNT", "int", minimum=0, maximum=999999999),
        Attr("PSSYNCPT", "enum", choices=("YES", "IFPER")),
        Attr("REPOS", "name", max_length=48),
        Attr("REPOSNL", "name", max_length=48),
        Attr("REVDNS", "enum", choices=_ENABLED),
        Attr("ROUTEREC", "enum", choices=("DISABLED", "MSG", "QUEUE")),
        Attr("SCHINIT", "enum", choices=("QMGR", "MANUAL"), restart=True),
        Attr("SCMDSERV", "enum", choices=("QMGR", "MANUAL"), restart=True),
        Attr("SSLCRLNL", "name", max_length=48, refresh="ssl"),
        Attr("SSLCRYP", max_length=256, refresh="ssl"),
        Attr("SSLFIPS", "enum", choices=("YES", "NO"), refresh="ssl"),
        Attr("SSLRKEYC", "int", minimum=0, maximum=999999999),
        Attr("STATACLS", "enum", choices=_ACLS),
        Attr("SUITEB", "enum", choices=("NONE", "128_BIT", "192_BIT", "128_BIT,192_BIT"), refresh="ssl"),
        Attr("TREELIFE", "int", minimum=0, maximum=604000),
        Attr("TRIGINT", "int", minimum=0, maximum=999999999),
    ],
)


# -- authority records (AUTHREC, the OAM) ---------------------------------------------------------------------------
# IBM SET AUTHREC, DELETE AUTHREC and DISPLAY AUTHREC on Multiplatforms (q086620_, q085790_, q086000_); reference §2.
AUTHREC_TYPES = ("AUTHINFO", "CHANNEL", "CLNTCONN", "COMMINFO", "LISTENER", "NAMELIST", "PROCESS", "QUEUE", "QMGR", "RQMNAME",
                 "SERVICE", "TOPIC")
AUTHORITIES = ("NONE", "ALTUSR", "BROWSE", "CHG", "CLR", "CONNECT", "CRT", "DLT", "DSP", "GET", "INQ", "PUT", "PASSALL", "PASSID", "SET",
               "SETALL", "SETID", "SUB", "RESUME", "PUB", "SYSTEM", "CTRL", "CTRLX", "ALL", "ALLADM", "ALLMQI")

# IBM setmqaut, "Authorizations for generic operations" (q083500_): alladm is every administration operation applicable to
# the object type, allmqi every MQI call, all both (with system for the queue manager); which apply to which type: IBM's
# table "Authorities you can set on IBM MQ objects" (MQ Explorer, o_authorities.htm). crt is left out: it is granted on a
# type's @class profile, not on an object. The expansion is unconfirmed against a live queue manager (reference §2), so the
# module never sends a shorthand: it compares and writes these values, and what MQ would make of ALL does not matter.
_ALLADM = {"QUEUE": ("CHG", "CLR", "DLT", "DSP"), "TOPIC": ("CHG", "CLR", "DLT", "DSP"), "QMGR": ("CHG", "DLT", "DSP"), "RQMNAME": (),
           "CHANNEL": ("CHG", "CTRL", "CTRLX", "DLT", "DSP"), "LISTENER": ("CHG", "CTRL", "DLT", "DSP"),
           "SERVICE": ("CHG", "CTRL", "DLT", "DSP"),
           **dict.fromkeys(("PROCESS", "NAMELIST", "AUTHINFO", "CLNTCONN", "COMMINFO"), ("CHG", "DLT", "DSP"))}
_ALLMQI = {"QUEUE": ("BROWSE", "GET", "INQ", "PUT", "PASSALL", "PASSID", "SET", "SETALL", "SETID"),
           "TOPIC": ("PUB", "SUB", "RESUME", "PASSALL", "PASSID", "SETALL", "SETID"),
           "QMGR": ("ALTUSR", "CONNECT", "INQ", "SET", "SETALL", "SETID"), "RQMNAME": ("PUT",),
           **dict.fromkeys(("PROCESS", "NAMELIST", "AUTHINFO"), ("INQ",)),
           **dict.fromkeys(("CHANNEL", "LISTENER", "SERVICE", "CLNTCONN", "COMMINFO"), ())}
SHORTHANDS = {"ALLADM": _ALLADM, "ALLMQI": _ALLMQI,
              "ALL": {t: _ALLADM[t] + _ALLMQI[t] + (("SYSTEM",) if t == "QMGR" else ()) for t in AUTHREC_TYPES}}


def _authrec_row(row):
    """DISPLAY AUTHREC in the table's terms: it names the holder ENTITY(x) ENTTYPE(PRINCIPAL|GROUP), commands PRINCIPAL(x)
    or GROUP(x); the queue manager's own record has no PROFILE in commands, whatever name DISPLAY gives it (self, in
    dmpmqaut's output), while its @class record keeps that profile."""
    row = dict(row)
    # runCommandJSON's key for ENTITY is unconfirmed (reference §2): "entity" as MQSC names it, or PCF's "entname".
    entity = row.pop("entity", None)
    entity = row.pop("entname", None) if entity is None else entity
    holder = str(row.pop("enttype", "") or "").strip().lower()
    if entity is not None:
        row["group" if holder == "group" else "principal"] = str(entity).rstrip()
    if str(row.get("objtype") or "").strip().upper() == "QMGR" and not str(row.get("profile") or "").startswith("@"):
        row["profile"] = None
    return row


def _check_authrec(params, subtype):
    if (params.get("principal") is None) == (params.get("group") is None):
        raise MQInputError("give exactly one of principal and group{0}: an authority record holds the authorities of one user "
                           "or of one group (IBM SET AUTHREC: PRINCIPAL or GROUP, one name)".format(
                               " (both are given)" if params.get("principal") is not None else ""))


AUTHREC = ObjectType(
    kind="authrec",
    qualifier="AUTHREC",
    name_max=48,
    noun="authority record",
    summary="authority record present/absent: the authorities of a user or group on an object or generic profile, converged "
            "exactly (`mode: exact`) or added (`mode: add`), shorthands expanded",
    doc=("All records are read with one C(DISPLAY AUTHREC). An entry is one record, named by O(authrecs[].profile), "
         "O(authrecs[].object_type) and O(authrecs[].principal) or O(authrecs[].group).",
         "They are applied after the objects of the other types, because MQ refuses a record for a profile that names "
         "no object (a generic profile needs none)."),
    subtype_keyword="OBJTYPE",
    shared_options=(),
    # SET AUTHREC adds and removes authorities (AUTHADD, AUTHRMV) and creates the record when it has none; DELETE AUTHREC
    # removes it. Neither is refused because another writer got there first.
    verbs=Verbs(create=Verb("SET"), change=Verb("SET"), remove=Verb("DELETE")),
    identity=Identity("profile", keyword="PROFILE", keys={None: ("OBJTYPE", "PRINCIPAL", "GROUP")},
                      display=(("OBJTYPE", "PRINCIPAL", "GROUP"), None), wildcards="*?", optional=("QMGR",),
                      doc=("The object or generic profile the record is for (C(PROFILE)), 1 to 48 characters; OAM's wildcards "
                           "V(*), V(**) and V(?) make a generic profile (V(APP.**)). Case is kept. MQ refuses a record whose "
                           "profile names no object; a generic profile needs none.",
                           "Leave it out with O(object_type=qmgr): the record is the queue manager's own.")),
    read_row=_authrec_row,
    checks=(_check_authrec,),
    # The records MQ makes itself: the mqm group's on every object, and each type's @class record (reference §2).
    protected=({"group": "mqm"}, {"profile": "@class"}),
    reasons={2292: "MQRC_UNKNOWN_ENTITY"},
    attrs=[
        Attr("OBJTYPE", "enum", option="object_type", choices=AUTHREC_TYPES,
             doc="The type of the object or objects the profile names (C(OBJTYPE)); part of the record's identity."),
        Attr("PRINCIPAL", option="principal", max_length=1024,
             doc="The user the record is for (C(PRINCIPAL)); give this or O(group). Case is kept."),
        Attr("GROUP", option="group", max_length=1024,
             doc="The group the record is for (C(GROUP)), one name; give this or O(principal). Case is kept."),
        Attr("AUTHLIST", "set", option="authorities", choices=AUTHORITIES, shorthands=SHORTHANDS, empty="NONE",
             delta=("AUTHADD", "AUTHRMV"), mode_option="mode",
             doc=("The authorities the record holds (C(AUTHLIST)), such as V(connect) and V(inq) on the queue manager or "
                  "V(put), V(get), V(browse) and V(inq) on a queue; V(none) (or an empty list) for none. V(all), V(alladm) "
                  "and V(allmqi) stand for every authority, every administrative one and every MQI one that applies to "
                  "O(object_type) (IBM's setmqaut), and are expanded before comparing: what is sent and reported are the "
                  "authorities themselves.",
                  "Written with C(SET AUTHREC ... AUTHADD(...) AUTHRMV(...)): only what is missing is added and, with "
                  "O(mode=exact), what is extra removed. Left out, an existing record is left as it is and a new one holds "
                  "none.")),
    ],
)


# Subscriptions: administrative (SUBTYPE(ADMIN)), durable definitions without run state ([V] IBM DEFINE SUB 9.4, q085760_;
# the attribute list below is its syntax diagram's, CMDSCOPE left out as z/OS only). ALTER SUB cannot change TOPICOBJ,
# TOPICSTR, WSCHEMA, SELECTOR, SUBSCOPE, DESTCLAS or SUBLEVEL ([V] IBM ALTER SUB usage notes, q085420_), so a new value
# is a DELETE and a DEFINE (recreate), and the queue manager gives the new subscription a new SUBID. DEFINE of a name
# that exists is 3311 MQRCCF_SUB_ALREADY_EXISTS ([V] q047950_), not 4001. Names are up to 10 240 characters and may
# hold blanks ([V] IBM-NAMING, 9.4). DEST and DESTQMGR are not checked when the subscription is defined or altered: they
# are resolved when a publication is put, so DEST may name a queue of another queue manager (DESTQMGR, [V] q085420_).
SUBSCRIPTION = ObjectType(
    defaults="SYSTEM.DEFAULT.SUB",  # IBM DEFINE SUB, LIKE
    kind="subscription",
    qualifier="SUB",
    name_max=10240,
    name_chars=NameChars(r"^[A-Za-z0-9._/%]([A-Za-z0-9._/% ]*[A-Za-z0-9._/%])?$", "A-Z a-z 0-9 . / _ % and blanks inside"),
    summary="administrative (durable) subscription present/absent; its topic, selector and destination class fixed once "
            "defined (a new one needs `recreate`); its SUBID in the facts",
    attributes_example="{PSPROP: RFH2, PUBPRTY: 3, EXPIRY: 36000}",
    verbs=Verbs(create=Verb("DEFINE", raced=(3311,)), change=DEFINE_ALTER_DELETE.change, remove=DEFINE_ALTER_DELETE.remove),
    # 3317: a TOPICOBJ that does not exist, among others ([V] q047970_ "The Subscription or Topic object used in a ...
    # Create ... command is invalid").
    reasons={3311: "MQRCCF_SUB_ALREADY_EXISTS", 3317: "MQRCCF_INVALID_DESTINATION"},
    subtype_keyword="DESTCLAS",
    type_default="PROVIDED",
    # IBM's usage notes: a subscription needs a topic (TOPICSTR, TOPICOBJ or both) and a destination (DEST, unless the
    # queue manager manages it: DESTCLAS(MANAGED)).
    required={"PROVIDED": (one_of("TOPICSTR", "TOPICOBJ"), "DEST"), "MANAGED": (one_of("TOPICSTR", "TOPICOBJ"),)},
    # DISPLAY SUB shows TOPICSTR resolved: TOPICOBJ's topic string, a /, then the TOPICSTR given (reference §4), so a
    # declaration with both could not be compared with what MQ holds without reading the topic object too.
    exclusive={("TOPICSTR", "TOPICOBJ"): "MQ shows the topic string of a subscription defined with both as the topic object's "
                                         "string joined with the one given, so it could not be compared on the next run; give the "
                                         "whole topic string in topic_string (the topic tree's attributes apply to it either way), "
                                         "or the topic object alone"},
    attrs=[
        Attr("TOPICSTR", option="topic_string", max_length=10240, fixed=True,
             doc=("The topic string the subscription is for (C(TOPICSTR)), such as V(prices/fruit/#); case is kept, and the "
                  "wildcards C(#) and C(+) work as O(attributes) C(WSCHEMA) says (V(topic) by default).",
                  "MQ cannot change it on an existing subscription (C(ALTER SUB) refuses it); a different value fails unless "
                  "O(recreate=true), which deletes the subscription and defines it again with a new C(SUBID).")),
        Attr("TOPICOBJ", "name", option="topic_object", max_length=48, fixed=True,
             doc=("A topic object whose topic string the subscription is for (C(TOPICOBJ)); it must exist when the subscription "
                  "is defined. Fixed once defined, as O(topic_string).",)),
        Attr("DEST", "name", option="destination", max_length=48, types=("PROVIDED",),
             doc=("The queue that receives the publications (C(DEST)). Required to create a subscription with "
                  "O(destination_class=provided), MQ's default. MQ does not check that it exists until a publication is put; "
                  "with O(destination_qmgr) it is a queue of that queue manager.",)),
        Attr("DESTQMGR", "name", option="destination_qmgr", max_length=48,
             doc="The queue manager of O(destination) when it is not this one (C(DESTQMGR)); resolved as a remote queue is, "
                 "through a transmission queue or a cluster. Empty means this queue manager."),
        Attr("DESTCLAS", "enum", option="destination_class", choices=("PROVIDED", "MANAGED"), fixed=True,
             doc=("Who provides the destination (C(DESTCLAS)): V(provided), MQ's default, is O(destination); with V(managed) "
                  "the queue manager creates one from the topic's model queue C(MDURMDL), and O(destination) is not given.",
                  "MQ cannot change it on an existing subscription; a different value fails unless O(recreate=true).")),
        Attr("SELECTOR", option="selector", max_length=10240, fixed=True,
             doc="An SQL92 message selector that publications must match to be sent (C(SELECTOR)), for example "
                 "V(Region = 'EU'). Fixed once defined: a different value needs O(recreate=true)."),
        Attr("USERDATA", option="user_data", max_length=10240,
             doc="Data the queue manager keeps with the subscription and puts in the C(MQSubUserData) property of each "
                 "publication (C(USERDATA)), at most 10240 characters."),
        Attr("DESTCORL", max_length=48),
        Attr("EXPIRY", "int_or_enum", choices=("UNLIMITED",), minimum=0, maximum=999999999),
        Attr("PSPROP", "enum", choices=("NONE", "COMPAT", "RFH2", "MSGPROP")),
        Attr("PUBACCT", max_length=64),
        Attr("PUBAPPID", max_length=32),
        Attr("PUBPRTY", "int_or_enum", choices=("ASPUB", "ASQDEF"), minimum=0, maximum=9),
        Attr("REQONLY", "enum", choices=("NO", "YES")),
        Attr("SUBLEVEL", "int", minimum=1, maximum=9, fixed=True),
        Attr("SUBSCOPE", "enum", choices=("ALL", "QMGR"), fixed=True),
        Attr("SUBUSER", max_length=12),
        Attr("VARUSER", "enum", choices=("ANY", "FIXED")),
        Attr("WSCHEMA", "enum", choices=("TOPIC", "CHAR"), fixed=True),
    ],
)


# Namelists: a list of names other objects point at (a queue's CLUSNL, the queue manager's SSLCRLNL), no run state
# ([V] IBM DEFINE/ALTER NAMELIST 9.4, q085660_ / q085290_: NLTYPE, CMDSCOPE and QSGDISP are z/OS only). At most 256
# names, each following the rules for naming MQ objects; an empty list is valid.
NAMELIST = ObjectType(
    defaults="SYSTEM.DEFAULT.NAMELIST",  # IBM DEFINE NAMELIST, LIKE
    kind="namelist",
    qualifier="NAMELIST",
    name_max=48,
    summary="namelist present/absent, its names in order",
    attrs=[
        Attr("NAMES", "name_list", option="names", maximum=256, max_length=48,
             doc="The names in the list (C(NAMES)), in order, at most 256 of 1 to 48 characters each; usually cluster or queue "
                 "names. An empty list is a valid namelist. The list is compared as a whole, order included."),
        Attr("DESCR", option="description", max_length=64,
             doc="Description (C(DESCR)), at most 64 characters. Case is kept."),
    ],
)

# Process definitions: what a trigger monitor starts for a queue's PROCESS, no run state of their own ([V] IBM DEFINE
# PROCESS, q085670_, and ALTER PROCESS 9.4, q085300_: CMDSCOPE and QSGDISP are z/OS only). APPLTYPE takes a keyword of
# the 9.4 ALTER PROCESS syntax (DOS and WINDOWSNT, in older releases, are gone) or a number: 0 to 65535 are
# system-defined types, 65536 to 999999999 user-defined ones.
PROCESS = ObjectType(
    defaults="SYSTEM.DEFAULT.PROCESS",  # IBM DEFINE PROCESS, LIKE
    kind="process",
    qualifier="PROCESS",
    list_option="processes",
    name_max=48,
    summary="process definition (what a trigger monitor starts) present/absent",
    attrs=[
        Attr("APPLICID", option="application_id", max_length=256,
             doc="The application a trigger monitor starts (C(APPLICID)), usually a fully qualified program path; at most 256 "
                 "characters. Case is kept."),
        Attr("APPLTYPE", "int_or_enum", option="application_type", minimum=0, maximum=999999999,
             choices=("CICS", "DEF", "IMS", "MVS", "NOTESAGENT", "NSK", "OS400", "UNIX", "WINDOWS", "WLM"),
             doc="The type of O(application_id) (C(APPLTYPE)): V(unix) (MQ's default on UNIX and Linux), V(windows), V(def) (the "
                 "platform's default), V(cics), V(ims), V(mvs), V(notesagent), V(nsk), V(os400) or V(wlm); or a number, 0 to 65535 "
                 "for a system-defined type, 65536 to 999999999 for a user-defined one."),
        Attr("ENVRDATA", option="environment_data", max_length=128,
             doc="Environment data the trigger monitor passes to the application (C(ENVRDATA)), at most 128 characters."),
        Attr("USERDATA", option="user_data", max_length=128,
             doc="User data the trigger monitor passes to the application (C(USERDATA)), at most 128 characters."),
        Attr("DESCR", option="description", max_length=64,
             doc="Description (C(DESCR)), at most 64 characters. Case is kept."),
    ],
)


# The REFRESH SECURITY types mq_refresh_security sends (IBM REFRESH SECURITY: CONNAUTH re-reads
# the connection authentication configuration, AUTHSERV the authorization service's cache of users and groups, SSL the key
# repository, bouncing every running TLS channel: _refresh_ssl waits for them).
REFRESH_TYPES = ("CONNAUTH", "AUTHSERV", "SSL")


class Registry:
    """Every object type the collection manages, in the order mq_objects applies them: what an object names must exist
    first (a sender's transmission queue before the channel); the queue manager's own attributes before everything (QMGR).
    Every list of types (the list options of mq_objects, the types of mq_info and mq_restart, the provision role's
    variables, the generated documentation) iterates it."""

    def __init__(self, *types):
        self.types = types
        self.by_kind = {t.kind: t for t in types}

    def __iter__(self):
        return iter(self.types)

    def __getitem__(self, kind):
        return self.by_kind[kind]

    @property
    def kinds(self):
        return [t.kind for t in self.types]

    @property
    def objects(self):
        """The types of named objects, what mq_export exports: every row but the queue manager's own attributes and the
        security records (CHLAUTH, AUTHREC). A record is named by its profile and identity keywords, not by a name, and MQ
        keeps no default record for an export to leave out what equals; exporting them is not done yet (guide_adopt.rst)."""
        return [t for t in self.types if not t.singleton and not t.identity.keys]

    @property
    def runnable(self):
        """The types with a run state (a lifecycle): what mq_restart starts, stops and restarts."""
        return [t for t in self.types if t.lifecycle]


# The queue manager's own attributes first (see QMGR). A queue's PROCESS and CLUSNL name a process and a namelist, a
# subscription's TOPICOBJ a topic (which must exist when the subscription is defined) and its DEST a queue. The security
# records come last: a CHLAUTH record's profile and an authority record's profile name channels, queues and the other
# objects, and mq_objects deletes in the reverse order (an authority record before the queue it names: 2085 otherwise).
REGISTRY = Registry(QMGR, NAMELIST, PROCESS, QUEUE, TOPIC, SUBSCRIPTION, AUTHINFO, LISTENER, CHANNEL, SERVICE, CHLAUTH, AUTHREC)
