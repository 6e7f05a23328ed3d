#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_subscription
short_description: Manage IBM MQ administrative subscriptions over the administrative REST API
version_added: 0.1.0
description:
  - Define, alter and delete an IBM MQ administrative subscription (C(DEFINE SUB)) through the IBM MQ administrative REST
    API. An administrative subscription is durable. Publications on its topic string go to its destination queue
    whether or not an application is connected, so an application that only reads a queue takes part in
    publish/subscribe.
  - Idempotent. The subscription is read once with C(DISPLAY SUB); it is defined when absent and altered with only the
    attributes that differ. Attributes not given are left alone.
  - The queue manager gives each subscription a unique identifier, its C(SUBID), returned in RV(subscription). A
    subscription that is deleted and defined again (O(recreate=true)) gets a new one.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.attributes
attributes:
  # BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py (attributes)
  check_mode:
    support: full
  diff_mode:
    support: full
  idempotent:
    support: full
  platform:
    description: Target operating systems and families that the module can be run against.
    support: full
    platforms: posix
    details: Runs on the controller (C(delegate_to=localhost)) or any host that reaches the mqweb server over HTTPS.
  # END generated (attributes)
options:
  # BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py (options)
  name:
    description:
      - Name of the subscription, 1 to 10240 characters from C(A-Z a-z 0-9 . / _ % and blanks inside); anything else
        (blanks at either end, quotes, parentheses, C(*), line breaks) fails the task before any request.
      - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different
        subscriptions. C(runmqsc) folds unquoted names to upper case, so a subscription defined there without quotes has
        an upper-case name.
    type: str
    required: true
  state:
    description:
      - V(present) makes the subscription exist with the given attributes; attributes not given are left alone. An
        existing subscription needs only its O(name); its O(destination_class) comes from its definition. Options needed
        only to create it (O(topic_string) or O(topic_object); O(destination)) are checked after the one C(DISPLAY),
        before anything is changed, naming every missing one at once.
      - V(absent) deletes it.
      - Subscriptions have no run state, so there is no V(started) or V(stopped).
    type: str
    choices: [present, absent]
    default: present
  attributes:
    description:
      - "Further MQSC subscription attributes that have no option of their own, as a dictionary of keyword to value, for
        example C({PSPROP: RFH2, PUBPRTY: 3, EXPIRY: 36000})."
      - Keywords are case-insensitive and are checked against the attributes MQ defines for a subscription of its type;
        an unknown keyword is an error that suggests the closest known ones. A keyword that has an option of its own
        must be set with that option.
    type: dict
    default: {}
  recreate:
    description:
      - "Allow deleting and defining the subscription again when a change can only be made that way: MQ cannot change
        O(topic_string), O(topic_object), O(destination_class), O(selector), C(SUBLEVEL), C(SUBSCOPE) and C(WSCHEMA) of
        an existing subscription in place. The new definition starts from MQ's defaults plus the options given here."
    type: bool
    default: false
  topic_string:
    description:
      - The topic string the subscription is for (C(TOPICSTR)), such as V(prices/fruit/#); case is kept, and the
        wildcards C(#) and C(+) work as O(attributes) C(WSCHEMA) says (V(topic) by default).
      - MQ cannot change it on an existing subscription (C(ALTER SUB) refuses it); a different value fails unless
        O(recreate=true), which deletes the subscription and defines it again with a new C(SUBID).
      - "Not together with O(topic_object): MQ shows the topic string of a subscription defined with both as the topic
        object's string joined with the one given, so it could not be compared on the next run; give the whole topic
        string in topic_string (the topic tree's attributes apply to it either way), or the topic object alone."
    type: str
  topic_object:
    description:
      - A topic object whose topic string the subscription is for (C(TOPICOBJ)); it must exist when the subscription is
        defined. Fixed once defined, as O(topic_string).
      - "Not together with O(topic_string): MQ shows the topic string of a subscription defined with both as the topic
        object's string joined with the one given, so it could not be compared on the next run; give the whole topic
        string in topic_string (the topic tree's attributes apply to it either way), or the topic object alone."
    type: str
  destination:
    description:
      - The queue that receives the publications (C(DEST)). Required to create a subscription with
        O(destination_class=provided), MQ's default. MQ does not check that it exists until a publication is put; with
        O(destination_qmgr) it is a queue of that queue manager.
    type: str
  destination_qmgr:
    description:
      - The queue manager of O(destination) when it is not this one (C(DESTQMGR)); resolved as a remote queue is,
        through a transmission queue or a cluster. Empty means this queue manager.
    type: str
  destination_class:
    description:
      - "Who provides the destination (C(DESTCLAS)): V(provided), MQ's default, is O(destination); with V(managed) the
        queue manager creates one from the topic's model queue C(MDURMDL), and O(destination) is not given."
      - MQ cannot change it on an existing subscription; a different value fails unless O(recreate=true).
    type: str
    choices: [provided, managed]
  selector:
    description:
      - "An SQL92 message selector that publications must match to be sent (C(SELECTOR)), for example V(Region = 'EU').
        Fixed once defined: a different value needs O(recreate=true)."
    type: str
  user_data:
    description:
      - Data the queue manager keeps with the subscription and puts in the C(MQSubUserData) property of each publication
        (C(USERDATA)), at most 10240 characters.
    type: str
  # END generated (options)
notes:
  - MQ does not check O(destination) or O(destination_qmgr) when the subscription is defined or altered; a queue that does
    not exist shows when a publication is put (the publication then goes to the dead-letter queue, or is discarded,
    as the topic's C(USEDLQ) says).
  - After a change the subscription is read again, so RV(subscription) shows MQ's defaults too.
seealso:
  - module: mqrest.admin.mq_topic
  - module: mqrest.admin.mq_queue
  - module: mqrest.admin.mq_objects
"""

EXAMPLES = r"""
- name: Price publications for an application that only reads a queue
  module_defaults:
    group/mqrest.admin.mq:
      rest_url: "{{ mq_rest_url }}"  # https://mqhost:9443/ibmmq/rest/v2
      qmgr: QM1
      username: "{{ mq_admin_user }}"
      password: "{{ mq_admin_password }}"
  delegate_to: localhost
  block:
    - name: The queue the publications go to
      mqrest.admin.mq_queue:
        name: APP.PRICES.IN

    - name: Every fruit price, to that queue
      mqrest.admin.mq_subscription:
        name: APP.PRICES.FRUIT
        topic_string: prices/fruit/#
        destination: APP.PRICES.IN
        user_data: fruit desk
        attributes:
          PSPROP: rfh2
          PUBPRTY: 3
      register: fruit

    - name: The SUBID the queue manager gave the subscription
      ansible.builtin.debug:
        msg: "{{ fruit.subscription.subid }}"

    - name: European prices, to a queue of another queue manager
      mqrest.admin.mq_subscription:
        name: APP.PRICES.EU
        topic_string: prices/#
        selector: Region = 'EU'
        destination: PRICES.IN
        destination_qmgr: QM2

    - name: A new selector (MQ cannot change it in place)
      mqrest.admin.mq_subscription:
        name: APP.PRICES.EU
        topic_string: prices/#
        selector: Region IN ('EU', 'UK')
        destination: PRICES.IN
        destination_qmgr: QM2
        recreate: true

    - name: A subscription whose queue the queue manager manages
      mqrest.admin.mq_subscription:
        name: APP.PRICES.AUDIT
        topic_string: prices/#
        destination_class: managed

    - name: Retire the European subscription
      mqrest.admin.mq_subscription:
        name: APP.PRICES.EU
        state: absent
"""

RETURN = r"""
# BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py (return)
action:
  description:
    - What was done to the definition.
  returned: always
  type: str
  sample: updated
  choices: [created, updated, recreated, unchanged, deleted, absent]
changed_attributes:
  description:
    - Options (or lower-case MQSC keywords given in O(attributes)) that were or would be changed.
  returned: always
  type: list
  elements: str
commands:
  description:
    - MQSC commands that were sent, or that would be sent in check mode, in runmqsc form.
  returned: always
  type: list
  elements: str
diff:
  description:
    - Before and after values of the changed attributes.
  returned: when diff mode is enabled
  type: dict
raced:
  description:
    - True when another writer changed the subscription between this task's read and its command (a C(DEFINE) answered
      3311 because it exists now, an C(ALTER) or C(DELETE) answered 2085 because it is gone), and the task read it again
      and converged from there. RV(action) and RV(changed_attributes) say what this task's own commands did.
  returned: success
  type: bool
  sample: false
not_attempted:
  description:
    - When the task failed part-way, the planned MQSC commands that were never sent, in runmqsc form. RV(commands) lists
      those that were sent, the last of them the one that failed.
  returned: failure
  type: list
  elements: str
# END generated (return)
subscription:
  description:
    - The subscription after the task, as returned by C(DISPLAY SUB), with option names as keys where one exists and
      lower-case MQSC keywords otherwise, among them C(subid), the identifier the queue manager gave it, and
      C(subtype) (V(ADMIN)). Empty when the subscription does not exist.
    - In check mode, the predicted state (no C(subid) for a subscription that would be created).
  returned: always
  type: dict
  sample: {name: APP.PRICES.FRUIT, subid: 414D5120514D312020202020202020206A1F5E6501230040, topic_string: prices/fruit/#,
           destination: APP.PRICES.IN, destination_class: provided, destination_qmgr: "", selector: "", user_data: fruit desk,
           psprop: rfh2, pubprty: 3, subtype: ADMIN, durable: "YES"}
"""

from ansible_collections.mqrest.admin.plugins.module_utils._object_module import run_object_module
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY


def main():
    run_object_module(REGISTRY["subscription"])


if __name__ == "__main__":
    main()
