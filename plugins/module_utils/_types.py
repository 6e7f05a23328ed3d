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

from ._attributes import Attr, Identity, ObjectType, Verb, Verbs, validate_name
from ._errors import MQInputError
from ._lifecycle import Lifecycle

__all__ = ["REGISTRY", "Registry", "LISTENER", "CHANNEL", "SERVICE", "QUEUE", "TOPIC", "CHLAUTH", "AUTHREC", "CHANNEL_TYPES", "CONTROL_CHOICES",
           "REFRESH_TYPES"]

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
        Attr("CERTLABL", option="certificate_label", max_length=64,
             doc="Certificate label (C(CERTLABL))."),
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


# The REFRESH SECURITY types mq_refresh_security sends, and the values of Attr.refresh (IBM REFRESH SECURITY: CONNAUTH re-reads
# the connection authentication configuration, AUTHSERV the authorization service's cache of users and groups).
REFRESH_TYPES = ("CONNAUTH", "AUTHSERV")


class Registry:
    """Every object type the collection manages, in the order mq_objects applies them: what an object names must exist
    first (a sender's transmission queue before the channel). Every list of types (the list options of mq_objects, the
    types of mq_info and mq_restart, the provision role's variables, the generated documentation) iterates it."""

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
    def runnable(self):
        """The types with a run state (a lifecycle): what mq_restart starts, stops and restarts."""
        return [t for t in self.types if t.lifecycle]


REGISTRY = Registry(QUEUE, TOPIC, LISTENER, CHANNEL, SERVICE, CHLAUTH, AUTHREC)
