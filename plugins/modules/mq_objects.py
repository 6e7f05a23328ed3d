#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_objects
short_description: Converge the declared objects of one IBM MQ queue manager, of every type, in one task
version_added: 0.1.0
description:
  - Declares the objects of one queue manager (one list option per object type, such as O(queues) and O(channels)) in
    one task and converges them over the IBM MQ administrative REST API, with one HTTP session.
  - Reads each managed object type with one generic C(DISPLAY), computes the difference, then sends only the
    C(DEFINE), C(ALTER) and C(DELETE) commands needed, then starts and stops what must change state and waits
    for all of them together (one status C(DISPLAY) per object type per polling round).
  - When nothing differs it sends one request per object type, plus one status C(DISPLAY) per type that has
    entries with V(state=started) or V(state=stopped) (or objects to delete), and no
    mutating command.
  - Every entry is validated before the first request. Every rule that depends on what the queue manager holds
    (a type change without C(recreate), deleting an active object without C(force)) is checked after the reads
    and before the first mutating command, so a refused plan changes nothing.
  - Each entry takes the per-object options of its type's module (named with each list option below), with the same
    meaning and rules (listed below as suboptions). The waiting options are set once for the task.
  - The types are applied in a fixed order, so that what an object names exists first, the order of the options below
    (the queue manager's own attributes first, processes before the queues that trigger them, topics before the
    subscriptions that name them, queues before channels, the security records last), and deleted in the reverse order
    (an authority record before the queue it names).
  - Use this module instead of a loop over the single-object modules when a queue manager has many objects; the
    collection's performance guide has measurements.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.wait
  - mqrest.admin.channel_stop
  - mqrest.admin.attributes
attributes:
  check_mode:
    support: full
    details: Reads the objects and their status and reports the plan (RV(changes), RV(commands), diff); sends no mutating command.
  diff_mode:
    support: full
    details: The diff lists, per object type and name, the attributes and run state before and after; a clntconn channel is
      listed as V(NAME (clntconn)), since it may share its name with another channel.
  idempotent:
    support: full
options:
  # BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py (options)
  qmgr_attributes:
    description:
      - The queue manager's own attributes, one mapping of the options of M(mqrest.admin.mq_qmgr).
      - "Applied first, before the objects of the other options: the limits and switches
        (O(qmgr_attributes.max_message_length), O(qmgr_attributes.channel_authentication),
        O(qmgr_attributes.configuration_events), ...) are in place before the objects that depend on them. MQ checks the
        objects O(qmgr_attributes.dead_letter_queue), O(qmgr_attributes.default_xmitq) and
        O(qmgr_attributes.connection_authentication) name when it uses them, not when C(ALTER QMGR) sets them, so they
        may name objects this task defines; by its end they exist."
      - "Never purged: the queue manager is not deleted."
      - Leave the option out to leave them alone.
    type: dict
    suboptions:
      attributes:
        description:
          - "Further attributes of the queue manager (C(ALTER QMGR)) that have no option of their own, as a dictionary
            of keyword to value, for example C({MARKINT: 5000, TRIGINT: 60000, SCHINIT: MANUAL})."
          - Keywords are case-insensitive and are checked against the attributes C(ALTER QMGR) takes on Multiplatforms;
            an unknown keyword is an error that suggests the closest known ones. A keyword that has an option of its own
            must be set with that option.
        type: dict
        default: {}
      description:
        description:
          - Description of the queue manager (C(DESCR)), at most 64 characters. Case is kept.
        type: str
      dead_letter_queue:
        description:
          - "The dead-letter queue (C(DEADQ)): a local queue for messages that cannot be delivered. Empty for none."
        type: str
      default_xmitq:
        description:
          - The default transmission queue (C(DEFXMITQ)), for messages to a remote queue manager no other transmission
            queue serves. Empty for none.
        type: str
      max_handles:
        description:
          - Maximum open handles per connection (C(MAXHANDS)), 0 to 999999999.
        type: int
      max_uncommitted_messages:
        description:
          - Maximum uncommitted messages in one unit of work (C(MAXUMSGS)), 1 to 999999999.
        type: int
      max_message_length:
        description:
          - Maximum message length in bytes (C(MAXMSGL)), 32768 to 104857600; a queue's or channel's may not be larger.
        type: int
      channel_authentication:
        description:
          - Whether channel authentication records are checked (C(CHLAUTH)); channels that start after the change use
            it.
        type: str
        choices: [enabled, disabled]
      connection_authentication:
        description:
          - The authentication information object (an V(idpwos) or V(idpwldap) M(mqrest.admin.mq_authinfo)) that checks
            user IDs and passwords (C(CONNAUTH)); empty for no check.
          - "MQ uses a new value after C(REFRESH SECURITY TYPE(CONNAUTH)) (or a restart):
            RV(mqrest.admin.mq_qmgr#module:refresh_required) says V(connauth), and a warning names it."
        type: str
      channel_autodefinition:
        description:
          - Whether receiver and server-connection channels are defined automatically for partners and clients that ask
            for one that does not exist (C(CHAD)).
        type: str
        choices: [enabled, disabled]
      channel_autodefinition_exit:
        description:
          - The exit called when a channel is defined automatically (C(CHADEXIT)); empty for none.
        type: str
      ssl_key_repository:
        description:
          - The key repository's path without its extension (C(SSLKEYR)), for example V(/var/mqm/qmgrs/QM1/ssl/key).
          - "Running TLS channels keep the old one until C(REFRESH SECURITY TYPE(SSL)):
            RV(mqrest.admin.mq_qmgr#module:refresh_required) says V(ssl), and a warning names it;
            M(mqrest.admin.mq_refresh_security) with V(type=ssl) runs the refresh and waits until every TLS channel is
            back."
        type: str
      certificate_label:
        description:
          - The label of the queue manager's certificate in the key repository (C(CERTLABL)); MQ's default is
            V(ibmwebspheremq) and the queue manager's name in lower case.
          - "Running TLS channels keep the old certificate until C(REFRESH SECURITY TYPE(SSL)):
            RV(mqrest.admin.mq_qmgr#module:refresh_required) says V(ssl), and a warning names it;
            M(mqrest.admin.mq_refresh_security) with V(type=ssl) runs the refresh and waits until every TLS channel is
            back. Put the new certificate in the key repository, and have every partner and client trust its issuer,
            before the label changes: a TLS channel that cannot use its certificate does not start."
        type: str
      inhibit_events:
        description:
          - Whether the queue manager puts inhibit (put and get inhibited) event messages (C(INHIBTEV)).
        type: str
        choices: [enabled, disabled]
      local_events:
        description:
          - Whether the queue manager puts local error event messages (C(LOCALEV)).
        type: str
        choices: [enabled, disabled]
      performance_events:
        description:
          - Whether the queue manager puts performance (queue depth, service interval) event messages (C(PERFMEV)).
        type: str
        choices: [enabled, disabled]
      remote_events:
        description:
          - Whether the queue manager puts remote error event messages (C(REMOTEEV)).
        type: str
        choices: [enabled, disabled]
      start_stop_events:
        description:
          - Whether the queue manager puts start and stop event messages (C(STRSTPEV)).
        type: str
        choices: [enabled, disabled]
      channel_events:
        description:
          - Whether the queue manager puts channel event messages (C(CHLEV)); V(exception) only for errors.
        type: str
        choices: [enabled, exception, disabled]
      ssl_events:
        description:
          - Whether the queue manager puts TLS event messages (C(SSLEV)).
        type: str
        choices: [enabled, disabled]
      configuration_events:
        description:
          - Whether the queue manager puts configuration (object created, changed or deleted) event messages
            (C(CONFIGEV)).
        type: str
        choices: [enabled, disabled]
      command_events:
        description:
          - Whether the queue manager puts command event messages (C(CMDEV)); V(nodisplay) not for C(DISPLAY) commands.
        type: str
        choices: [enabled, nodisplay, disabled]
      authority_events:
        description:
          - Whether the queue manager puts authority (not authorized) event messages (C(AUTHOREV)).
        type: str
        choices: [enabled, disabled]
      channel_autodefinition_events:
        description:
          - Whether the queue manager puts channel auto-definition event messages (C(CHADEV)).
        type: str
        choices: [enabled, disabled]
      logger_events:
        description:
          - Whether the queue manager puts logger event messages (C(LOGGEREV)); MQ accepts V(enabled) only with linear
            logging.
        type: str
        choices: [enabled, disabled]
      queue_monitoring:
        description:
          - "Online monitoring of queues whose C(MONQ) is V(qmgr) (C(MONQ)): V(off), V(none) (no queue may monitor),
            V(low), V(medium) or V(high)."
        type: str
        choices: ['off', none, low, medium, high]
      channel_monitoring:
        description:
          - Online monitoring of channels whose C(MONCHL) is V(qmgr) (C(MONCHL)), as
            O(qmgr_attributes.queue_monitoring).
        type: str
        choices: ['off', none, low, medium, high]
      queue_statistics:
        description:
          - "Statistics of queues whose C(STATQ) is V(qmgr) (C(STATQ)): V(on), V(off), or V(none) (no queue may
            collect)."
        type: str
        choices: ['off', 'on', none]
      channel_statistics:
        description:
          - Statistics of channels whose C(STATCHL) is V(qmgr) (C(STATCHL)), as O(qmgr_attributes.channel_monitoring).
        type: str
        choices: ['off', none, low, medium, high]
      mqi_statistics:
        description:
          - Whether the queue manager collects MQI statistics (C(STATMQI)).
        type: str
        choices: ['off', 'on']
      statistics_interval:
        description:
          - Seconds between statistics records (C(STATINT)), 1 to 604000.
        type: int
      queue_accounting:
        description:
          - "Accounting of queues whose C(ACCTQ) is V(qmgr) (C(ACCTQ)): V(on), V(off), or V(none)."
        type: str
        choices: ['off', 'on', none]
      mqi_accounting:
        description:
          - Whether the queue manager collects MQI accounting (C(ACCTMQI)); connections made after the change use it.
        type: str
        choices: ['off', 'on']
      accounting_interval:
        description:
          - Seconds between intermediate accounting records (C(ACCTINT)), 1 to 604000.
        type: int
  namelists:
    description:
      - The namelists this task manages, each with the per-object options of M(mqrest.admin.mq_namelist).
      - Leave the option out to leave namelists alone. An empty list manages no namelist, which with O(purge) deletes
        every namelist whose name starts with the prefix.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the namelist, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes,
            parentheses, C(*), line breaks) fails the task before any request.
          - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
            namelists. C(runmqsc) folds unquoted names to upper case, so a namelist defined there without quotes has an
            upper-case name.
        type: str
        required: true
      state:
        description:
          - V(present) makes the namelist exist with the given attributes; attributes not given are left alone. An
            existing namelist needs only its O(namelists[].name).
          - V(absent) deletes it.
          - Namelists have no run state, so there is no V(started) or V(stopped).
        type: str
        choices: [present, absent]
        default: present
      attributes:
        description:
          - Further MQSC attributes without an option of their own. Every namelist attribute this collection manages has
            an option, so this takes only an empty dictionary.
        type: dict
        default: {}
      recreate:
        description:
          - "Allow deleting and defining the namelist again when a change can only be made that way: MQ cannot change
            some attributes of an existing namelist in place. The new definition starts from MQ's defaults plus the
            options given here."
        type: bool
        default: false
      names:
        description:
          - The names in the list (C(NAMES)), in order, at most 256 of 1 to 48 characters each; usually cluster or queue
            names. An empty list is a valid namelist. The list is compared as a whole, order included.
        type: list
        elements: str
      description:
        description:
          - Description (C(DESCR)), at most 64 characters. Case is kept.
        type: str
  processes:
    description:
      - The processes this task manages, each with the per-object options of M(mqrest.admin.mq_process).
      - Leave the option out to leave processes alone. An empty list manages no process, which with O(purge) deletes
        every process whose name starts with the prefix.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the process, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes,
            parentheses, C(*), line breaks) fails the task before any request.
          - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
            processs. C(runmqsc) folds unquoted names to upper case, so a process defined there without quotes has an
            upper-case name.
        type: str
        required: true
      state:
        description:
          - V(present) makes the process exist with the given attributes; attributes not given are left alone. An
            existing process needs only its O(processes[].name).
          - V(absent) deletes it.
          - Processes have no run state, so there is no V(started) or V(stopped).
        type: str
        choices: [present, absent]
        default: present
      attributes:
        description:
          - Further MQSC attributes without an option of their own. Every process attribute this collection manages has
            an option, so this takes only an empty dictionary.
        type: dict
        default: {}
      recreate:
        description:
          - "Allow deleting and defining the process again when a change can only be made that way: MQ cannot change
            some attributes of an existing process in place. The new definition starts from MQ's defaults plus the
            options given here."
        type: bool
        default: false
      application_id:
        description:
          - The application a trigger monitor starts (C(APPLICID)), usually a fully qualified program path; at most 256
            characters. Case is kept.
        type: str
      application_type:
        description:
          - "The type of O(processes[].application_id) (C(APPLTYPE)): V(unix) (MQ's default on UNIX and Linux),
            V(windows), V(def) (the platform's default), V(cics), V(ims), V(mvs), V(notesagent), V(nsk), V(os400) or
            V(wlm); or a number, 0 to 65535 for a system-defined type, 65536 to 999999999 for a user-defined one."
        type: str
      environment_data:
        description:
          - Environment data the trigger monitor passes to the application (C(ENVRDATA)), at most 128 characters.
        type: str
      user_data:
        description:
          - User data the trigger monitor passes to the application (C(USERDATA)), at most 128 characters.
        type: str
      description:
        description:
          - Description (C(DESCR)), at most 64 characters. Case is kept.
        type: str
  queues:
    description:
      - The queues this task manages, each with the per-object options of M(mqrest.admin.mq_queue).
      - All queue types are read with one C(DISPLAY QUEUE), as they share one name space.
      - Leave the option out to leave queues alone. An empty list manages no queue, which with O(purge) deletes every
        queue whose name starts with the prefix.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the queue, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes,
            parentheses, C(*), line breaks) fails the task before any request.
          - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
            queues. C(runmqsc) folds unquoted names to upper case, so a queue defined there without quotes has an
            upper-case name.
          - One name is one queue, whatever its type; V(APP.IN) cannot be both a local queue and an alias.
        type: str
        required: true
      state:
        description:
          - V(present) makes the queue exist with the given attributes; attributes not given are left alone. An existing
            queue needs only its O(queues[].name); its O(queues[].type) comes from its definition.
          - V(absent) deletes it. One that holds messages is deleted only with O(queues[].purge=true).
          - Queues have no run state, so there is no V(started) or V(stopped).
        type: str
        choices: [present, absent]
        default: present
      attributes:
        description:
          - "Further MQSC queue attributes that have no option of their own, as a dictionary of keyword to value, for
            example C({DEFPRTY: 5, TRIGTYPE: FIRST, INITQ: APP.INITQ})."
          - Keywords are case-insensitive and are checked against the attributes MQ defines for a queue of its type; an
            unknown keyword is an error that suggests the closest known ones. A keyword that has an option of its own
            must be set with that option.
        type: dict
        default: {}
      recreate:
        description:
          - "Allow deleting and defining the queue again when a change can only be made that way: MQ cannot change
            O(queues[].type) of an existing queue in place. The new definition starts from MQ's defaults plus the
            options given here. One that holds messages also needs O(queues[].purge=true)."
        type: bool
        default: false
      purge:
        description:
          - Allow deleting a local queue that holds messages, discarding them (C(DELETE QLOCAL ... PURGE)); with
            O(queues[].recreate=true), allow recreating one.
          - Without it, such a queue fails the task before anything is changed, saying how many messages it holds
            (C(CURDEPTH)). MQ itself refuses to delete a queue with uncommitted messages or one an application has open,
            whatever this option says; that failure shows MQ's reason code and message.
        type: bool
        default: false
      type:
        description:
          - Queue type. A queue this task creates is V(local) unless this option says otherwise.
          - An existing queue keeps its type when the option is left out. MQ cannot change the type of a queue; a
            different value fails unless O(queues[].recreate=true), which deletes the queue and defines it again.
        type: str
        choices: [local, remote, alias, model]
      description:
        description:
          - Description (C(DESCR)), at most 64 characters. Case is kept.
        type: str
      usage:
        description:
          - C(USAGE). V(xmitq) makes a transmission queue, which sender and server channels take messages from. Local
            and model queues only.
        type: str
        choices: [normal, xmitq]
      max_depth:
        description:
          - Maximum number of messages (C(MAXDEPTH)), 0 to 999999999. Local and model queues only.
        type: int
      max_message_length:
        description:
          - Maximum message length in bytes (C(MAXMSGL)), 0 to 104857600. Local and model queues only.
        type: int
      persistence:
        description:
          - Default persistence of messages put without their own (C(DEFPSIST)); V(true) is C(DEFPSIST(YES)).
        type: bool
      target:
        description:
          - The queue (or topic, with C(attributes.TARGTYPE=TOPIC)) an alias resolves to (C(TARGET)). Alias queues only.
        type: str
      remote_name:
        description:
          - Name of the queue on the remote queue manager (C(RNAME)). Remote queues only. Empty makes a queue manager
            alias.
        type: str
      remote_qmgr:
        description:
          - Name of the remote queue manager (C(RQMNAME)). Remote queues only.
        type: str
      xmitq:
        description:
          - Transmission queue for messages to the remote queue manager (C(XMITQ)). Remote queues only; empty means the
            one named after the remote queue manager, or the default transmission queue.
        type: str
  topics:
    description:
      - The topics this task manages, each with the per-object options of M(mqrest.admin.mq_topic).
      - "Two entries with the same O(topics[].topic_string) are refused before any request: MQ allows one topic object
        per topic string."
      - Leave the option out to leave topics alone. An empty list manages no topic, which with O(purge) deletes every
        topic whose name starts with the prefix.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the topic, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes,
            parentheses, C(*), line breaks) fails the task before any request.
          - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
            topics. C(runmqsc) folds unquoted names to upper case, so a topic defined there without quotes has an
            upper-case name.
        type: str
        required: true
      state:
        description:
          - V(present) makes the topic exist with the given attributes; attributes not given are left alone. An existing
            topic needs only its O(topics[].name). Options needed only to create it (O(topics[].topic_string)) are
            checked after the one C(DISPLAY), before anything is changed, naming every missing one at once.
          - V(absent) deletes it.
          - Topics have no run state, so there is no V(started) or V(stopped).
        type: str
        choices: [present, absent]
        default: present
      attributes:
        description:
          - "Further MQSC topic attributes that have no option of their own, as a dictionary of keyword to value, for
            example C({DEFPRTY: 5, WILDCARD: BLOCK})."
          - Keywords are case-insensitive and are checked against the attributes MQ defines for a topic; an unknown
            keyword is an error that suggests the closest known ones. A keyword that has an option of its own must be
            set with that option.
        type: dict
        default: {}
      recreate:
        description:
          - "Allow deleting and defining the topic again when a change can only be made that way: MQ cannot change
            O(topics[].topic_string) of an existing topic in place. The new definition starts from MQ's defaults plus
            the options given here."
        type: bool
        default: false
      topic_string:
        description:
          - The topic string this topic object administers (C(TOPICSTR)), such as V(prices/fruit); case is kept.
            Required to create the topic.
          - MQ cannot change it on an existing topic (C(ALTER TOPIC) has no C(TOPICSTR)); a different value fails unless
            O(topics[].recreate=true), which deletes the topic object and defines it again. Subscriptions and retained
            publications belong to the string, not to the object, and stay.
          - Another topic object holding the same O(topics[].topic_string) is refused by MQ (3300
            C(MQRCCF_TOPICSTR_ALREADY_EXISTS)).
        type: str
      description:
        description:
          - Description (C(DESCR)), at most 64 characters. Case is kept.
        type: str
      publish:
        description:
          - Whether messages can be published to the topic (C(PUB)); V(asparent), MQ's default, takes the setting of the
            nearest parent in the topic tree.
        type: str
        choices: [asparent, enabled, disabled]
      subscribe:
        description:
          - Whether applications can subscribe to the topic (C(SUB)); V(asparent), MQ's default, takes the parent's.
        type: str
        choices: [asparent, enabled, disabled]
      durable_subscriptions:
        description:
          - Whether applications may make durable subscriptions on the topic (C(DURSUB)); V(asparent), MQ's default,
            takes the parent's.
        type: str
        choices: [asparent, 'yes', 'no']
      default_persistence:
        description:
          - Default persistence of messages published without their own (C(DEFPSIST)); V(asparent), MQ's default, takes
            the parent's.
        type: str
        choices: [asparent, 'yes', 'no']
      cluster:
        description:
          - The publish/subscribe cluster the topic belongs to (C(CLUSTER)); empty (MQ's default) keeps it local.
        type: str
  subscriptions:
    description:
      - The subscriptions this task manages, each with the per-object options of M(mqrest.admin.mq_subscription).
      - Leave the option out to leave subscriptions alone. An empty list manages no subscription, which with O(purge)
        deletes every subscription whose name starts with the prefix.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the subscription, 1 to 10240 characters from C(A-Z a-z 0-9 . / _ % and blanks inside); anything else
            (blanks at either end, quotes, parentheses, C(*), line breaks) fails the task before any request.
          - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
            subscriptions. C(runmqsc) folds unquoted names to upper case, so a subscription defined there without quotes
            has an upper-case name.
        type: str
        required: true
      state:
        description:
          - V(present) makes the subscription exist with the given attributes; attributes not given are left alone. An
            existing subscription needs only its O(subscriptions[].name); its O(subscriptions[].destination_class) comes
            from its definition. Options needed only to create it (O(subscriptions[].topic_string) or
            O(subscriptions[].topic_object); O(subscriptions[].destination)) are checked after the one C(DISPLAY),
            before anything is changed, naming every missing one at once.
          - V(absent) deletes it.
          - Subscriptions have no run state, so there is no V(started) or V(stopped).
        type: str
        choices: [present, absent]
        default: present
      attributes:
        description:
          - "Further MQSC subscription attributes that have no option of their own, as a dictionary of keyword to value,
            for example C({PSPROP: RFH2, PUBPRTY: 3, EXPIRY: 36000})."
          - Keywords are case-insensitive and are checked against the attributes MQ defines for a subscription of its
            type; an unknown keyword is an error that suggests the closest known ones. A keyword that has an option of
            its own must be set with that option.
        type: dict
        default: {}
      recreate:
        description:
          - "Allow deleting and defining the subscription again when a change can only be made that way: MQ cannot
            change O(subscriptions[].topic_string), O(subscriptions[].topic_object),
            O(subscriptions[].destination_class), O(subscriptions[].selector), C(SUBLEVEL), C(SUBSCOPE) and C(WSCHEMA)
            of an existing subscription in place. The new definition starts from MQ's defaults plus the options given
            here."
        type: bool
        default: false
      topic_string:
        description:
          - The topic string the subscription is for (C(TOPICSTR)), such as V(prices/fruit/#); case is kept, and the
            wildcards C(#) and C(+) work as O(subscriptions[].attributes) C(WSCHEMA) says (V(topic) by default).
          - MQ cannot change it on an existing subscription (C(ALTER SUB) refuses it); a different value fails unless
            O(subscriptions[].recreate=true), which deletes the subscription and defines it again with a new C(SUBID).
          - "Not together with O(subscriptions[].topic_object): MQ shows the topic string of a subscription defined with
            both as the topic object's string joined with the one given, so it could not be compared on the next run;
            give the whole topic string in topic_string (the topic tree's attributes apply to it either way), or the
            topic object alone."
        type: str
      topic_object:
        description:
          - A topic object whose topic string the subscription is for (C(TOPICOBJ)); it must exist when the subscription
            is defined. Fixed once defined, as O(subscriptions[].topic_string).
          - "Not together with O(subscriptions[].topic_string): MQ shows the topic string of a subscription defined with
            both as the topic object's string joined with the one given, so it could not be compared on the next run;
            give the whole topic string in topic_string (the topic tree's attributes apply to it either way), or the
            topic object alone."
        type: str
      destination:
        description:
          - The queue that receives the publications (C(DEST)). Required to create a subscription with
            O(subscriptions[].destination_class=provided), MQ's default. MQ does not check that it exists until a
            publication is put; with O(subscriptions[].destination_qmgr) it is a queue of that queue manager.
        type: str
      destination_qmgr:
        description:
          - The queue manager of O(subscriptions[].destination) when it is not this one (C(DESTQMGR)); resolved as a
            remote queue is, through a transmission queue or a cluster. Empty means this queue manager.
        type: str
      destination_class:
        description:
          - "Who provides the destination (C(DESTCLAS)): V(provided), MQ's default, is O(subscriptions[].destination);
            with V(managed) the queue manager creates one from the topic's model queue C(MDURMDL), and
            O(subscriptions[].destination) is not given."
          - MQ cannot change it on an existing subscription; a different value fails unless
            O(subscriptions[].recreate=true).
        type: str
        choices: [provided, managed]
      selector:
        description:
          - "An SQL92 message selector that publications must match to be sent (C(SELECTOR)), for example V(Region =
            'EU'). Fixed once defined: a different value needs O(subscriptions[].recreate=true)."
        type: str
      user_data:
        description:
          - Data the queue manager keeps with the subscription and puts in the C(MQSubUserData) property of each
            publication (C(USERDATA)), at most 10240 characters.
        type: str
  authinfos:
    description:
      - The authentication information objects this task manages, each with the per-object options of
        M(mqrest.admin.mq_authinfo).
      - "A change to the object the queue manager's C(CONNAUTH) names takes effect at C(REFRESH SECURITY
        TYPE(CONNAUTH)): the result's C(refresh_required) says V(connauth); the refresh is never run here."
      - Leave the option out to leave authentication information objects alone. An empty list manages no authentication
        information object, which with O(purge) deletes every authentication information object whose name starts with
        the prefix.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the authentication information object, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else
            (blanks, quotes, parentheses, C(*), line breaks) fails the task before any request.
          - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
            authentication information objects. C(runmqsc) folds unquoted names to upper case, so an authentication
            information object defined there without quotes has an upper-case name.
        type: str
        required: true
      state:
        description:
          - V(present) makes the authentication information object exist with the given attributes; attributes not given
            are left alone. An existing authentication information object needs only its O(authinfos[].name); its
            O(authinfos[].type) comes from its definition. Options needed only to create it (O(authinfos[].type),
            O(authinfos[].conname), O(authinfos[].short_user) and O(authinfos[].ocsp_url)) are checked after the one
            C(DISPLAY), before anything is changed, naming every missing one at once.
          - V(absent) deletes it.
          - Authentication information objects have no run state, so there is no V(started) or V(stopped).
        type: str
        choices: [present, absent]
        default: present
      attributes:
        description:
          - Further MQSC attributes without an option of their own. Every authentication information object attribute
            this collection manages has an option, so this takes only an empty dictionary.
        type: dict
        default: {}
      recreate:
        description:
          - "Allow deleting and defining the authentication information object again when a change can only be made that
            way: MQ cannot change O(authinfos[].type) of an existing authentication information object in place. The new
            definition starts from MQ's defaults plus the options given here."
        type: bool
        default: false
      update_password:
        description:
          - "When to send O(authinfos[].ldap_password): MQ shows a secret masked, so a changed one cannot be seen.
            V(on_create) sends it only when this task defines the authentication information object (or defines it again
            with O(authinfos[].recreate=true)); V(always) sends it on every run, which then always reports a change."
        type: str
        choices: [on_create, always]
        default: on_create
      type:
        description:
          - The type of authentication information (C(AUTHTYPE)). Required to create the object; an existing object's
            type is read from its definition. V(idpwos) checks the user ID and password an application presents against
            the operating system, V(idpwldap) against an LDAP server (both for the queue manager's C(CONNAUTH));
            V(crlldap) checks certificates against revocation lists on an LDAP server, V(ocsp) with an OCSP responder.
          - MQ cannot change the type of an existing object; a different value fails unless
            O(authinfos[].recreate=true).
        type: str
        choices: [idpwos, idpwldap, crlldap, ocsp]
      description:
        description:
          - Description (C(DESCR)), at most 64 characters. Case is kept.
        type: str
      check_client:
        description:
          - "Whether client applications must present a user ID and password (C(CHCKCLNT)): V(none), V(optional)
            (checked when given), V(required), or V(reqdadm) (required from privileged users only, which makes no
            difference with LDAP). V(idpwos) and V(idpwldap) only."
        type: str
        choices: [none, optional, required, reqdadm]
      check_local:
        description:
          - The same for locally bound applications (C(CHCKLOCL)). V(required) or V(reqdadm) also stops C(runmqsc)
            without C(-u). V(idpwos) and V(idpwldap) only.
        type: str
        choices: [none, optional, required, reqdadm]
      adopt_context:
        description:
          - Whether the user ID an application presents, once its password is checked, becomes the application's context
            for authorization (C(ADOPTCTX)). V(idpwos) and V(idpwldap) only.
        type: bool
      failure_delay:
        description:
          - Seconds MQ waits before it answers a failed user ID and password check (C(FAILDLAY)), 0 to 60. V(idpwos) and
            V(idpwldap) only.
        type: int
      authentication_method:
        description:
          - "How the operating system checks the password (C(AUTHENMD)): V(os), or V(pam) (AIX and Linux). V(idpwos)
            only."
        type: str
        choices: [os, pam]
      conname:
        description:
          - "The LDAP server: host name or address and port, for example V(ldap.example.com(636\\)), or a
            comma-separated list (C(CONNAME)). Required for V(crlldap) and V(idpwldap)."
        type: str
      ldap_user:
        description:
          - Distinguished name of the user that binds to the LDAP server (C(LDAPUSER)). V(crlldap) and V(idpwldap) only.
        type: str
      ldap_password:
        description:
          - Password of O(authinfos[].ldap_user) (C(LDAPPWD)), at most 32 characters. V(crlldap) and V(idpwldap) only.
          - "A secret: never shown in results, diffs or commands (C(LDAPPWD(********\\))). MQ shows it masked, so it
            cannot be compared: it is sent when this task defines the object, and on every run with
            O(authinfos[].update_password=always), which then always reports a change."
        type: str
      secure_comms:
        description:
          - "Whether the connection to the LDAP server uses TLS (C(SECCOMM)): V(yes), V(no), or V(anon) (TLS without a
            client certificate). V(idpwldap) only."
        type: str
        choices: ['yes', 'no', anon]
      short_user:
        description:
          - The field of the LDAP user record used as the short user name in MQ (C(SHORTUSR)), for example V(uid).
            Required for V(idpwldap).
        type: str
      user_base_dn:
        description:
          - Base distinguished name under which users are searched (C(BASEDNU)). V(idpwldap) only.
        type: str
      user_object_class:
        description:
          - LDAP object class of user records (C(CLASSUSR)), for example V(inetOrgPerson). V(idpwldap) only.
        type: str
      user_field:
        description:
          - The field that holds a user ID given without a field name (C(USRFIELD)). V(idpwldap) only.
        type: str
      authorization_method:
        description:
          - "How group membership is found for authorization (C(AUTHORMD)): V(os), V(searchgrp) (group records list
            their members), V(searchusr) (user records list their groups) or V(srchgrpsn) (group records list short user
            names). V(idpwldap) only."
        type: str
        choices: [os, searchgrp, searchusr, srchgrpsn]
      group_base_dn:
        description:
          - Base distinguished name under which groups are searched (C(BASEDNG)). V(idpwldap) only.
        type: str
      group_object_class:
        description:
          - LDAP object class of group records (C(CLASSGRP)), for example V(groupOfNames). V(idpwldap) only.
        type: str
      group_membership_attribute:
        description:
          - The attribute that holds group membership (C(FINDGRP)), for example V(member) or V(memberOf). V(idpwldap)
            only.
        type: str
      group_field:
        description:
          - The field of a group record used as its simple name (C(GRPFIELD)), for example V(cn). V(idpwldap) only.
        type: str
      nested_groups:
        description:
          - Whether groups that are members of groups count for authorization (C(NESTGRP)). V(idpwldap) only.
        type: bool
      ocsp_url:
        description:
          - URL of the OCSP responder (C(OCSPURL)); it must start with V(http://) in lower case. Required for V(ocsp).
        type: str
  listeners:
    description:
      - The listeners this task manages, each with the per-object options of M(mqrest.admin.mq_listener).
      - Leave the option out to leave listeners alone. An empty list manages no listener, which with O(purge) deletes
        every listener whose name starts with the prefix.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the listener, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes,
            parentheses, C(*), line breaks) fails the task before any request.
          - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
            listeners. C(runmqsc) folds unquoted names to upper case, so a listener defined there without quotes has an
            upper-case name.
        type: str
        required: true
      state:
        description:
          - V(present) makes the listener exist with the given attributes; attributes not given are left alone. An
            existing listener needs only its O(listeners[].name).
          - V(absent) deletes it. An active listener is only stopped and deleted with O(listeners[].force=true).
          - V(started) and V(stopped) imply V(present) and then start or stop the listener. They send nothing when it is
            already in that state.
          - The waiting options are set once for the task. V(restarted) is not offered here; restart objects with
            M(mqrest.admin.mq_restart).
        type: str
        choices: [present, absent, started, stopped]
        default: present
      attributes:
        description:
          - Further MQSC attributes without an option of their own. Every listener attribute this collection manages has
            an option, so this takes only an empty dictionary.
        type: dict
        default: {}
      recreate:
        description:
          - "Allow deleting and defining the listener again when a change can only be made that way: MQ cannot change
            O(listeners[].transport_type) of an existing listener in place. The new definition starts from MQ's defaults
            plus the options given here. An active listener is stopped first."
        type: bool
        default: false
      force:
        description:
          - With O(listeners[].state=absent), stop an active listener before deleting it. Without it the task fails and
            leaves the listener alone.
        type: bool
        default: false
      transport_type:
        description:
          - Transport protocol (C(TRPTYPE)). MQ cannot change it on an existing listener; a different value fails unless
            O(listeners[].recreate=true).
          - V(lu62), V(netbios) and V(spx) exist on Windows only.
        type: str
        choices: [tcp, lu62, netbios, spx]
        default: tcp
      port:
        description:
          - TCP port (C(PORT)), 0 to 65535. MQ's default is 0.
        type: int
      ip_address:
        description:
          - IP address or host name to listen on (C(IPADDR)). Empty means every address.
        type: str
      backlog:
        description:
          - Maximum number of pending connection requests (C(BACKLOG)). V(0) means the MQ default.
        type: int
      control:
        description:
          - C(CONTROL). V(manual) (MQ's default) is started and stopped by command only; V(qmgr) starts and stops with
            the queue manager; V(startonly) starts with the queue manager and is not stopped by it.
        type: str
        choices: [manual, qmgr, startonly]
      description:
        description:
          - Description (C(DESCR)), at most 64 characters. Case is kept.
        type: str
  channels:
    description:
      - The channels this task manages, each with the per-object options of M(mqrest.admin.mq_channel).
      - Leave the option out to leave channels alone. An empty list manages no channel, which with O(purge) deletes
        every channel whose name starts with the prefix.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the channel, 1 to 20 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes,
            parentheses, C(*), line breaks) fails the task before any request.
          - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
            channels. C(runmqsc) folds unquoted names to upper case, so a channel defined there without quotes has an
            upper-case name.
        type: str
        required: true
      state:
        description:
          - V(present) makes the channel exist with the given attributes; attributes not given are left alone. An
            existing channel needs only its O(channels[].name); its O(channels[].type) comes from its definition.
            Options needed only to create it (O(channels[].type), O(channels[].conname) and O(channels[].xmitq)) are
            checked after the one C(DISPLAY), before anything is changed, naming every missing one at once.
          - V(absent) deletes it. An active channel is only stopped and deleted with O(channels[].force=true).
          - V(started) and V(stopped) imply V(present) and then start or stop the channel. They send nothing when it is
            already in that state.
          - The waiting options are set once for the task. V(restarted) is not offered here; restart objects with
            M(mqrest.admin.mq_restart).
        type: str
        choices: [present, absent, started, stopped]
        default: present
      attributes:
        description:
          - "Further MQSC channel attributes that have no option of their own, as a dictionary of keyword to value, for
            example C({BATCHSZ: 100, MONCHL: HIGH})."
          - Keywords are case-insensitive and are checked against the attributes MQ defines for a channel of its type;
            an unknown keyword is an error that suggests the closest known ones. A keyword that has an option of its own
            must be set with that option.
        type: dict
        default: {}
      recreate:
        description:
          - "Allow deleting and defining the channel again when a change can only be made that way: MQ cannot change
            O(channels[].type) of an existing channel in place. The new definition starts from MQ's defaults plus the
            options given here. An active channel is stopped first."
        type: bool
        default: false
      force:
        description:
          - With O(channels[].state=absent), stop an active channel before deleting it. Without it the task fails and
            leaves the channel alone.
        type: bool
        default: false
      type:
        description:
          - Channel type (C(CHLTYPE)). Required to create the channel; an existing channel's type is read from its
            definition.
          - MQ cannot change the type of an existing channel; a different value fails unless
            O(channels[].recreate=true).
          - MQ keeps V(clntconn) channels in a table of their own, so a V(clntconn) may share its name with another
            channel (usually the V(svrconn) it connects to). O(channels[].type) says which one the task is about, also
            with O(channels[].state=absent) (a V(clntconn) is deleted with C(CHLTABLE(CLNTTBL))); without it, a name
            that both have fails after the one C(DISPLAY), before anything is changed.
          - In M(mqrest.admin.mq_objects), entries are keyed by name and by whether they are V(clntconn), so both may be
            declared, and O(mqrest.admin.mq_objects#module:purge) deletes the one not declared (a V(clntconn) with
            C(CHLTABLE(CLNTTBL))).
        type: str
        choices: [sdr, svr, rcvr, rqstr, svrconn, clntconn, clussdr, clusrcvr, amqp]
      transport_type:
        description:
          - Transport type (C(TRPTYPE)). Not valid for V(amqp).
        type: str
        choices: [tcp, lu62, netbios, spx]
      conname:
        description:
          - Connection name (C(CONNAME)), for example V(mqhost(1414\)) or a comma-separated list.
        type: str
      xmitq:
        description:
          - Transmission queue (C(XMITQ)). Only for V(sdr) and V(svr) channels, where it is required.
        type: str
      description:
        description:
          - Description (C(DESCR)), at most 64 characters. Case is kept.
        type: str
      mcauser:
        description:
          - Message channel agent user identifier (C(MCAUSER)). Not valid for V(clntconn).
        type: str
      ssl_cipher:
        description:
          - TLS CipherSpec (C(SSLCIPH)), for example V(ANY_TLS12_OR_HIGHER). Empty means no TLS.
        type: str
      ssl_client_auth:
        description:
          - Whether a client certificate is required (C(SSLCAUTH)). For channels that accept connections.
        type: str
        choices: [required, optional]
      ssl_peer:
        description:
          - Filter on the partner certificate's distinguished name (C(SSLPEER)).
        type: str
      certificate_label:
        description:
          - "The label of the certificate this channel sends, in the queue manager's key repository (C(CERTLABL)); empty
            for the queue manager's. Not valid for V(clussdr): MQ refuses it there (C(MQRCCF_WRONG_CHANNEL_TYPE))."
          - "A running TLS channel keeps its certificate until it restarts or C(REFRESH SECURITY TYPE(SSL)):
            RV(mqrest.admin.mq_channel#module:refresh_required) says V(ssl), and M(mqrest.admin.mq_refresh_security)
            with V(type=ssl) runs the refresh and waits until every TLS channel is back."
        type: str
      heartbeat_interval:
        description:
          - Heartbeat interval in seconds (C(HBINT)), 0 to 999999.
        type: int
      disconnect_interval:
        description:
          - Disconnect interval in seconds (C(DISCINT)), 0 to 999999; 0 means never.
        type: int
      max_message_length:
        description:
          - Maximum message length in bytes (C(MAXMSGL)).
        type: int
      max_instances:
        description:
          - Maximum simultaneous instances (C(MAXINST)); V(svrconn) and V(amqp) only.
        type: int
      max_instances_per_client:
        description:
          - Maximum simultaneous instances per client (C(MAXINSTC)); V(svrconn) only.
        type: int
      sharing_conversations:
        description:
          - Conversations per TCP/IP instance (C(SHARECNV)); V(svrconn) and V(clntconn) only.
        type: int
      cluster:
        description:
          - Cluster name (C(CLUSTER)); V(clussdr) and V(clusrcvr) only.
        type: str
      cluster_namelist:
        description:
          - Namelist of clusters (C(CLUSNL)); V(clussdr) and V(clusrcvr) only.
        type: str
      qmgr_name:
        description:
          - Queue manager a client connects to (C(QMNAME)); V(clntconn) only.
        type: str
  services:
    description:
      - The services this task manages, each with the per-object options of M(mqrest.admin.mq_service).
      - Leave the option out to leave services alone. An empty list manages no service, which with O(purge) deletes
        every service whose name starts with the prefix.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the service, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes,
            parentheses, C(*), line breaks) fails the task before any request.
          - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
            services. C(runmqsc) folds unquoted names to upper case, so a service defined there without quotes has an
            upper-case name.
        type: str
        required: true
      state:
        description:
          - V(present) makes the service exist with the given attributes; attributes not given are left alone. An
            existing service needs only its O(services[].name); its O(services[].service_type) comes from its
            definition.
          - V(absent) deletes it. An active service is only stopped and deleted with O(services[].force=true).
          - V(started) and V(stopped) imply V(present) and then start or stop the service. They send nothing when it is
            already in that state.
          - The waiting options are set once for the task. V(restarted) is not offered here; restart objects with
            M(mqrest.admin.mq_restart).
        type: str
        choices: [present, absent, started, stopped]
        default: present
      attributes:
        description:
          - Further MQSC attributes without an option of their own. Every service attribute this collection manages has
            an option, so this takes only an empty dictionary.
        type: dict
        default: {}
      recreate:
        description:
          - "Allow deleting and defining the service again when a change can only be made that way: MQ cannot change
            some attributes of an existing service in place. The new definition starts from MQ's defaults plus the
            options given here. An active service is stopped first."
        type: bool
        default: false
      force:
        description:
          - With O(services[].state=absent), stop an active service before deleting it. Without it the task fails and
            leaves the service alone.
        type: bool
        default: false
      service_type:
        description:
          - C(SERVTYPE). V(server) runs one instance that MQ monitors; V(command) runs a command whose status MQ does
            not track. MQ's default is V(command).
        type: str
        choices: [command, server]
      control:
        description:
          - C(CONTROL). V(manual) (MQ's default), V(qmgr) (started and stopped with the queue manager) or V(startonly)
            (started with the queue manager only).
        type: str
        choices: [manual, qmgr, startonly]
      start_command:
        description:
          - Fully qualified path of the program to run (C(STARTCMD)). Tokens such as C(+MQ_INSTALL_PATH+) and
            C(+QMNAME+) are replaced by MQ.
        type: str
      start_args:
        description:
          - Arguments for O(services[].start_command) (C(STARTARG)).
        type: str
      stop_command:
        description:
          - Fully qualified path of the program that stops the service (C(STOPCMD)). Needed to stop it.
        type: str
      stop_args:
        description:
          - Arguments for O(services[].stop_command) (C(STOPARG)).
        type: str
      stdout:
        description:
          - File that receives the standard output of the programs (C(STDOUT)).
        type: str
      stderr:
        description:
          - File that receives the standard error of the programs (C(STDERR)).
        type: str
      description:
        description:
          - Description (C(DESCR)), at most 64 characters. Case is kept.
        type: str
  chlauths:
    description:
      - The channel authentication records this task manages, each with the per-object options of
        M(mqrest.admin.mq_chlauth).
      - All records are read with one C(DISPLAY CHLAUTH). An entry is one record, named by O(chlauths[].profile),
        O(chlauths[].type) and the key of its type; a blocking list is declared whole.
      - Leave the option out to leave channel authentication records alone. An empty list manages no channel
        authentication record, which with O(purge) deletes every channel authentication record whose profile starts with
        the prefix, except those MQ makes itself (profile *, type blockuser; profile SYSTEM.*, type addressmap; profile
        SYSTEM.ADMIN.SVRCONN, type addressmap).
    type: list
    elements: dict
    suboptions:
      profile:
        description:
          - "The channel profile the record applies to (C(SET CHLAUTH(profile))): a channel name, or a generic profile
            with V(*) anywhere (V(APP.*), V(*)), 1 to 20 characters. Case is kept. With O(chlauths[].type=blockaddr) it
            must be V(*)."
          - With O(chlauths[].type) and the key of the type (O(chlauths[].address) for V(addressmap);
            O(chlauths[].client_user), O(chlauths[].remote_qmgr) or O(chlauths[].ssl_peer) and
            O(chlauths[].ssl_cert_issuer), with O(chlauths[].address), for the other maps) it names one record; a
            blocking type has one record per profile.
        type: str
        required: true
      state:
        description:
          - V(present) makes the channel authentication record exist with the given attributes; attributes not given are
            left alone. The channel authentication record is found by O(chlauths[].profile) with O(chlauths[].type),
            O(chlauths[].address), O(chlauths[].client_user), O(chlauths[].remote_qmgr), O(chlauths[].ssl_peer) and
            O(chlauths[].ssl_cert_issuer), which are sent on every command as given, their case kept. Options needed
            only to create it (O(chlauths[].users) and O(chlauths[].addresses)) are checked after the one C(DISPLAY),
            before anything is changed, naming every missing one at once.
          - V(absent) removes it (C(SET ... ACTION(REMOVE))).
          - Channel authentication records have no run state, so there is no V(started) or V(stopped).
        type: str
        choices: [present, absent]
        default: present
      type:
        description:
          - "The kind of record (C(TYPE)); part of its identity. V(blockuser) and V(blockaddr) block the users in
            O(chlauths[].users) and the addresses in O(chlauths[].addresses); the maps decide what a connection that
            matches their key gets (O(chlauths[].user_source)): V(addressmap) by the partner's address, V(usermap) by
            the user the client asserts, V(qmgrmap) by the partner queue manager's name, V(sslpeermap) by its
            certificate's distinguished name."
          - IBM applies V(usermap) and V(blockuser) to server-connection channels only, and V(qmgrmap) to the others.
        type: str
        required: true
        choices: [blockuser, blockaddr, sslpeermap, addressmap, usermap, qmgrmap]
      address:
        description:
          - "The partner address the record matches (C(ADDRESS)): an IP address, a generic one (V(192.0.2.*),
            V(192.0.*.2)), a range in one part (V(192.0.2.1-8)), V(*), IPv6 alike, or a host name pattern. Required with
            O(chlauths[].type=addressmap), where it is the key; an optional filter on the other maps, part of their key
            too."
          - Checked before any request against IBM's rules for generic IP addresses.
        type: str
      client_user:
        description:
          - The user ID the client asserts (C(CLNTUSER)), the key of a V(usermap) record; one user, no wildcard. Case is
            kept and sent quoted, so V(app) and V(APP) are two records.
        type: str
      remote_qmgr:
        description:
          - The partner queue manager's name (C(QMNAME)), the key of a V(qmgrmap) record; V(*) may stand for any
            characters.
        type: str
      ssl_peer:
        description:
          - The distinguished name the partner's certificate must match (C(SSLPEER)), the key of a V(sslpeermap) record,
            for example V(CN=app,O=Example).
        type: str
      ssl_cert_issuer:
        description:
          - The distinguished name of the certificate's issuer (C(SSLCERTI)); part of a V(sslpeermap) record's key when
            set.
        type: str
      user_source:
        description:
          - "What a connection that matches a map gets (C(USERSRC)): V(map) runs it as O(chlauths[].mcauser) (MQ's
            default, so a new map without O(chlauths[].user_source) needs O(chlauths[].mcauser)); V(noaccess) refuses
            it; V(channel) lets it in with the user the channel would use (the client's, or the channel's C(MCAUSER))."
        type: str
        choices: [map, noaccess, channel]
      mcauser:
        description:
          - The user ID a matching connection runs as (C(MCAUSER)), with O(chlauths[].user_source=map) only. Case is
            kept.
        type: str
      check_client:
        description:
          - "Whether a matching client must also give a valid user ID and password (C(CHCKCLNT)): V(asqmgr) as the queue
            manager's connection authentication says (MQ's default), V(reqdadm) for privileged users, V(required)
            always. Not with O(chlauths[].user_source=noaccess)."
        type: str
        choices: [asqmgr, reqdadm, required]
      users:
        description:
          - "The users a V(blockuser) record refuses (C(USERLIST)), at most 100; V(*MQADMIN) stands for every privileged
            user. The record holds exactly this list: users not listed are taken off it. Case is kept."
        type: list
        elements: str
      addresses:
        description:
          - "The addresses a V(blockaddr) record refuses at the listener (C(ADDRLIST)), at most 256, each an IP address,
            a generic one or a range (no host names); two ranges must not overlap unless one holds the other. The record
            holds exactly this list: addresses not listed are taken off it."
        type: list
        elements: str
      description:
        description:
          - Description (C(DESCR)), at most 64 characters. Case is kept.
        type: str
      warn:
        description:
          - "V(true) makes a blocking record, or a map with O(chlauths[].user_source=noaccess), only report what it
            would refuse (C(WARN(YES)): MQ writes the event and lets the connection in)."
        type: bool
  authrecs:
    description:
      - The authority records this task manages, each with the per-object options of M(mqrest.admin.mq_authrec).
      - All records are read with one C(DISPLAY AUTHREC). An entry is one record, named by O(authrecs[].profile),
        O(authrecs[].object_type) and O(authrecs[].principal) or O(authrecs[].group).
      - They are applied after the objects of the other types, because MQ refuses a record for a profile that names no
        object (a generic profile needs none).
      - Leave the option out to leave authority records alone. An empty list manages no authority record, which with
        O(purge) deletes every authority record whose profile starts with the prefix, except those MQ makes itself
        (group mqm; profile @class).
    type: list
    elements: dict
    suboptions:
      profile:
        description:
          - The object or generic profile the record is for (C(PROFILE)), 1 to 48 characters; OAM's wildcards V(*),
            V(**) and V(?) make a generic profile (V(APP.**)). Case is kept. MQ refuses a record whose profile names no
            object; a generic profile needs none.
          - "Leave it out with O(authrecs[].object_type=qmgr): the record is the queue manager's own."
        type: str
      state:
        description:
          - V(present) makes the authority record exist with the given attributes; attributes not given are left alone.
            The authority record is found by O(authrecs[].profile) with O(authrecs[].object_type),
            O(authrecs[].principal) and O(authrecs[].group), which are sent on every command as given, their case kept.
          - V(absent) deletes it.
          - Authority records have no run state, so there is no V(started) or V(stopped).
        type: str
        choices: [present, absent]
        default: present
      object_type:
        description:
          - The type of the object or objects the profile names (C(OBJTYPE)); part of the record's identity.
        type: str
        required: true
        choices:
          - authinfo
          - channel
          - clntconn
          - comminfo
          - listener
          - namelist
          - process
          - queue
          - qmgr
          - rqmname
          - service
          - topic
      principal:
        description:
          - The user the record is for (C(PRINCIPAL)); give this or O(authrecs[].group). Case is kept.
        type: str
      group:
        description:
          - The group the record is for (C(GROUP)), one name; give this or O(authrecs[].principal). Case is kept.
        type: str
      authorities:
        description:
          - "The authorities the record holds (C(AUTHLIST)), such as V(connect) and V(inq) on the queue manager or
            V(put), V(get), V(browse) and V(inq) on a queue; V(none) (or an empty list) for none. V(all), V(alladm) and
            V(allmqi) stand for every authority, every administrative one and every MQI one that applies to
            O(authrecs[].object_type) (IBM's setmqaut), and are expanded before comparing: what is sent and reported are
            the authorities themselves."
          - "Written with C(SET AUTHREC ... AUTHADD(...) AUTHRMV(...)): only what is missing is added and, with
            O(authrecs[].mode=exact), what is extra removed. Left out, an existing record is left as it is and a new one
            holds none."
        type: list
        elements: str
        choices:
          - none
          - altusr
          - browse
          - chg
          - clr
          - connect
          - crt
          - dlt
          - dsp
          - get
          - inq
          - put
          - passall
          - passid
          - set
          - setall
          - setid
          - sub
          - resume
          - pub
          - system
          - ctrl
          - ctrlx
          - all
          - alladm
          - allmqi
      mode:
        description:
          - "How O(authrecs[].authorities) is declared. V(exact): the authority record holds exactly these; what it
            holds besides is removed (C(AUTHRMV)). V(add): the authority record holds at least these; nothing is
            removed."
          - Either way only the difference is sent, and a second run sends nothing.
        type: str
        choices: [exact, add]
        default: exact
  # END generated (options)
  purge:
    description:
      - Delete the objects of the managed types (the list options given) whose names start with O(purge.prefix)
        and that no entry declares. C(SYSTEM.*) objects are never deleted.
      - Leave it out to leave undeclared objects alone.
    type: dict
    suboptions:
      prefix:
        description:
          - Literal name prefix, such as V(APP.); required, so that a purge cannot reach every object by accident.
            A prefix starting with C(SYSTEM.) is refused.
        type: str
        required: true
      force:
        description:
          - Stop an active object before deleting it. Without it an active object to purge fails the task before
            anything is changed.
        type: bool
        default: false
      messages:
        description:
          - Delete local queues that hold messages, discarding the messages (C(DELETE QLOCAL ... PURGE)). Without it such
            a queue fails the task before anything is changed, saying how many messages it holds.
        type: bool
        default: false
notes:
  - The steps run in this order, each finished before the next starts. Stop the active objects that are to be
    deleted or recreated (with V(force), O(purge.force) or V(recreate)); this stop is always waited for, even with
    O(wait=false), because MQ refuses to delete an object that is still stopping. Delete. Define and alter (a
    recreate's C(DELETE) comes right before its C(DEFINE)). Start and stop, with one wait for all.
  - A C(DEFINE), C(ALTER) or C(DELETE) that fails ends the task. C(START) and C(STOP) are sent to every object that
    needs one and their failures are reported together. After a failure, RV(changes), RV(summary) and the diff
    describe the plan, RV(commands) lists what was sent, and the task reports changed when MQ applied any of it.
    Running the task again converges the rest.
  - Starting and stopping cover the same objects as the single-object modules; V(clntconn) and V(amqp) channels
    cannot have V(state=started) or V(state=stopped), and queues have no run state.
  - Queues are applied before the types that run, so a sender channel's transmission queue is defined before the channel;
    topics before subscriptions, whose O(subscriptions[].topic_object) MQ resolves when it defines them.
    M(mqrest.admin.mq_channel)'s O(mqrest.admin.mq_channel#module:xmitq_check) is not done here.
  - After a change the objects are not read again, so the diff shows the values this task set, not the defaults MQ
    filled in. M(mqrest.admin.mq_info) reads the full definitions.
seealso:
  - module: mqrest.admin.mq_queue
  - module: mqrest.admin.mq_topic
  - module: mqrest.admin.mq_subscription
  - module: mqrest.admin.mq_listener
  - module: mqrest.admin.mq_channel
  - module: mqrest.admin.mq_service
  - module: mqrest.admin.mq_restart
"""

EXAMPLES = r"""
- name: Converge the application objects of QM1, deleting undeclared APP.* objects of these types
  mqrest.admin.mq_objects:
    rest_url: "{{ mq_rest_url }}"  # https://mqhost:9443/ibmmq/rest/v2
    qmgr: QM1
    username: "{{ mq_admin_user }}"
    password: "{{ mq_admin_password }}"
    queues:
      - {name: APP.ORDERS.IN, max_depth: 50000, persistence: true}
      - {name: APP.ORDERS, type: alias, target: APP.ORDERS.IN}
      - {name: PARTNER, usage: xmitq}
    listeners:
      - {name: APP.LISTENER, port: 1415, control: qmgr, state: started}
    channels:
      - {name: APP.SVRCONN, type: svrconn, max_instances: 200, sharing_conversations: 10}
      - {name: APP.TO.PARTNER, type: sdr, conname: "partner.example.com(1414)", xmitq: PARTNER, state: started}
      - {name: APP.OLD, state: absent, force: true}
    services:
      - name: APP.TRIGGER
        service_type: server
        start_command: +MQ_INSTALL_PATH+/bin/runmqtrm
        start_args: -m +QMNAME+ -q APP.INITQ
        stop_command: +MQ_INSTALL_PATH+/bin/amqsstop
        stop_args: -m +QMNAME+ -p +MQ_SERVER_PID+
        state: started
    purge:
      prefix: APP.
    wait_timeout: 120
  delegate_to: localhost
  register: converged

- name: Show the plan or what was done
  ansible.builtin.debug:
    msg: "{{ converged.summary }}"
"""

RETURN = r"""
changes:
  description:
    - One entry per object this task changed, or would change in check mode, and per object whose change raced
      another writer (RV(changes[].raced)), even when that left nothing to do. Unchanged objects are only counted in
      RV(summary).
    - Only what was done. When the task fails part-way, the changes MQ accepted before the failure; what was planned and
      never sent is in RV(not_attempted).
  returned: always
  type: list
  elements: dict
  contains:
    type:
      description: The object type, as its list option names it in the singular (V(queue) for O(queues)).
      type: str
    name:
      description: Object name.
      type: str
    subtype:
      description:
        - Channels only, the channel type (V(svrconn), V(clntconn), ...; null when unknown). A V(clntconn) channel may share
          its name with another channel (MQ keeps client-connection channels in a table of their own), so name and subtype
          together say which one this is.
      type: str
    action:
      description: What was done to the definition.
      type: str
      choices: [created, updated, recreated, deleted, purged, unchanged]
    changed_attributes:
      description: Options (or C(attributes) keywords in lower case) that were set.
      type: list
      elements: str
    run_action:
      description:
        - V(started) or V(stopped) when this task started or stopped the object (a stop before a delete included), else
          null (also when another writer had already done it, see RV(sync_results[].by_another_writer), or when it failed
          or timed out, see RV(sync_results[].outcome)).
        - V(restarted) when an entry with O(listeners[].state=started) changed attributes that its running object only
          takes at its next start (see RV(changes[].restarted_for)), or found a sending channel C(RETRYING), which it
          stops and starts again for an attempt with its current definition (RV(changes[].restarted_for) empty).
      type: str
    restarted_for:
      description:
        - The changed attributes that the object was restarted for, because a running object only takes them when it
          next starts; empty otherwise. The idempotency guide lists them per type. Not for queues, which do not run.
      type: list
      elements: str
    restart_required:
      description:
        - True when the object runs and keeps the old values of changed attributes until it next starts, and this task
          did not restart it (O(listeners[].state=present), or a receiver or server-connection channel, whose clients a
          restart would end). A warning names the attributes. Not for queues.
      type: bool
    raced:
      description:
        - True when another writer changed the object between this task's read and its command (a C(DEFINE) answered
          4001 because it exists now, an C(ALTER) or C(DELETE) answered 2085 because it is gone), and the task read it
          again and converged from there. RV(changes[].action) says what this task's own commands then did
          (V(unchanged) when the other writer had already made it as declared, V(absent) when it had deleted it).
      type: bool
  sample:
    - {type: channel, name: APP.TO.PARTNER, subtype: sdr, action: created, changed_attributes: [conname, type, xmitq], run_action: started,
       raced: false, restarted_for: [], restart_required: false}
    - {type: listener, name: APP.LISTENER, action: updated, changed_attributes: [port], run_action: restarted, raced: false,
       restarted_for: [port], restart_required: false}
summary:
  description:
    - How many objects of the managed types each action applied to, counting only what was done; V(raced) counts the
      objects whose change raced another writer and was planned again.
  returned: always
  type: dict
  sample: {created: 1, updated: 1, recreated: 0, deleted: 0, purged: 2, unchanged: 297, started: 1, stopped: 0, restarted: 0, raced: 0}
not_attempted:
  description:
    - When the task failed part-way, one entry per object with a change that was planned and never sent; the message
      says how many and names the first of them. The command that failed is the last of RV(commands), and is in
      neither list.
  returned: failure
  type: list
  elements: dict
  contains:
    type:
      description: The object type, as its list option names it in the singular (V(queue) for O(queues)).
      type: str
    name:
      description: Object name.
      type: str
    subtype:
      description: Channels only, as RV(changes[].subtype).
      type: str
    action:
      description: The definition change that was planned and not sent, or null when there was none or it was done.
      type: str
    changed_attributes:
      description: Options the planned definition change would have set.
      type: list
      elements: str
    run_action:
      description: V(started) or V(stopped) when that was planned and not sent, else null.
      type: str
  sample:
    - {type: channel, name: APP.C35, subtype: svrconn, action: created, changed_attributes: [description, type], run_action: null}
commands:
  description: MQSC commands that were sent, or that would be sent in check mode, in runmqsc form, in order.
  returned: always
  type: list
  elements: str
  sample: ["DELETE CHANNEL(APP.OLD)", "DEFINE CHANNEL(APP.TO.PARTNER) CHLTYPE(SDR) CONNAME('partner.example.com(1414)') XMITQ(PARTNER)",
           "START CHANNEL(APP.TO.PARTNER)"]
sync_results:
  description:
    - One entry per start, stop or restart of an object's run state (RV(changes[].run_action)), the stops before a delete
      or a recreate included, and per channel that was already starting and was waited for. On failure, the entries of
      the objects that did not get there are listed too, with their RV(sync_results[].outcome).
  returned: when not in check mode
  type: list
  elements: dict
  contains:
    type:
      description: The object type, as its list option names it in the singular (V(queue) for O(queues)).
      type: str
    name:
      description: Object name.
      type: str
    operation:
      description: V(started), V(stopped), or V(restarted) for a restart (both phases summed).
      type: str
    polls:
      description: Status requests that covered this object while waiting.
      type: int
    elapsed_seconds:
      description: Seconds from its command until the status confirmed it.
      type: float
    status_before:
      description: Status summary before the command, such as V(STOPPED) or V(no status record).
      type: str
    status_after:
      description: Status summary at the end of the wait.
      type: str
    by_another_writer:
      description:
        - True when MQ answered the C(START) or C(STOP) with "already started" or "already stopped" (reason 4031 or 4064
          for channels, 3233 or 3234 for listeners, 3251 or 3253 for services), because another writer got there
          between this task's status read and its command. It is not in RV(summary) or RV(changes[].run_action).
      type: bool
    held_stopped:
      description:
        - For the stop of a V(svrconn), V(rcvr) or V(clusrcvr) channel with O(stop_status=stopped), whether MQ holds it
          C(STOPPED), as RV(mqrest.admin.mq_channel#module:held_stopped) of M(mqrest.admin.mq_channel). An idle one has no
          status record and still accepts connections, so a C(STOP) is sent for it, which IBM MQ 9.x answers with a
          C(STOPPED) record; V(false) (the queue manager answered 4064 C(MQRCCF_CHANNEL_NOT_ACTIVE)) comes with a warning
          and is not counted in RV(summary).
      type: bool
      returned: for such stops
    outcome:
      description:
        - V(done), V(failed) (a failing state such as C(RETRYING), or the command was refused) or V(timeout). Only what
          is V(done) counts in RV(summary) and RV(changes[].run_action).
      type: str
      choices: [done, failed, timeout]
"""

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import ArgumentSpec, channel_stop_spec, entry_options, wait_spec
from ansible_collections.mqrest.admin.plugins.module_utils._converge import converge, parse_entries, validate_purge_prefix
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError, MQInputError
from ansible_collections.mqrest.admin.plugins.module_utils._module import MQModule
from ansible_collections.mqrest.admin.plugins.module_utils._object_module import wait_policy
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY


def main():
    # One list option per type; the queue manager's own attributes are one mapping (it exists once, ALTER QMGR only).
    spec = ArgumentSpec({otype.list_option: dict(type="dict", options=entry_options(otype, restart=False)) if otype.singleton else
                         dict(type="list", elements="dict", options=entry_options(otype, restart=False)) for otype in REGISTRY})
    spec.argument_spec["purge"] = dict(type="dict", options=dict(prefix=dict(type="str", required=True), force=dict(type="bool", default=False),
                                                                 messages=dict(type="bool", default=False)))
    mq = MQModule(spec.merge(wait_spec(), channel_stop_spec()))
    params = mq.params
    result = {}
    try:
        # In the registry's order, which is the order of application: what an object names is there before it.
        managed = [(otype, parse_entries(otype, otype.list_option, [params[otype.list_option]] if otype.singleton else params[otype.list_option]))
                   for otype in REGISTRY if params[otype.list_option] is not None]
        if not managed:
            raise MQInputError("nothing to manage: give {0} (an empty list manages that type with no object, which purge then "
                               "empties)".format(" or ".join(", ".join(t.list_option for t in REGISTRY).rsplit(", ", 1))))
        if params["purge"]:
            validate_purge_prefix(params["purge"]["prefix"])
        result = converge(mq.client, managed, wait_policy(params), stop=params, purge=params["purge"])
    except MQError as exc:
        mq.fail(exc)
    mq.exit(result)


if __name__ == "__main__":
    main()
