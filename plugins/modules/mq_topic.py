#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_topic
short_description: Manage IBM MQ administrative topic objects over the administrative REST API
version_added: 0.1.0
description:
  - Define, alter and delete an IBM MQ administrative topic object (C(DEFINE TOPIC)) through the IBM MQ administrative
    REST API. A topic object gives a point of the topic tree, its topic string, the attributes that publishers and
    subscribers below it get (publishing and subscribing allowed, durable subscriptions, default persistence, ...).
  - Idempotent. The topic is read once with C(DISPLAY TOPIC); it is defined when absent and altered with only the
    attributes that differ. Attributes not given are left alone; most of MQ's defaults are C(ASPARENT), the value of
    the nearest administered parent topic.
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
      - Name of the topic, 1 to 48 characters from C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes, parentheses,
        C(*), line breaks) fails the task before any request.
      - MQ names are case-sensitive and are sent exactly as given, so V(app.in) and V(APP.IN) name two different topics.
        C(runmqsc) folds unquoted names to upper case, so a topic defined there without quotes has an upper-case name.
    type: str
    required: true
  state:
    description:
      - V(present) makes the topic exist with the given attributes; attributes not given are left alone. An existing
        topic needs only its O(name). Options needed only to create it (O(topic_string)) are checked after the one
        C(DISPLAY), before anything is changed, naming every missing one at once.
      - V(absent) deletes it.
      - Topics have no run state, so there is no V(started) or V(stopped).
    type: str
    choices: [present, absent]
    default: present
  attributes:
    description:
      - "Further MQSC topic attributes that have no option of their own, as a dictionary of keyword to value, for
        example C({DEFPRTY: 5, WILDCARD: BLOCK})."
      - Keywords are case-insensitive and are checked against the attributes MQ defines for a topic; an unknown keyword
        is an error that suggests the closest known ones. A keyword that has an option of its own must be set with that
        option.
    type: dict
    default: {}
  recreate:
    description:
      - "Allow deleting and defining the topic again when a change can only be made that way: MQ cannot change
        O(topic_string) of an existing topic in place. The new definition starts from MQ's defaults plus the options
        given here."
    type: bool
    default: false
  topic_string:
    description:
      - The topic string this topic object administers (C(TOPICSTR)), such as V(prices/fruit); case is kept. Required to
        create the topic.
      - MQ cannot change it on an existing topic (C(ALTER TOPIC) has no C(TOPICSTR)); a different value fails unless
        O(recreate=true), which deletes the topic object and defines it again. Subscriptions and retained publications
        belong to the string, not to the object, and stay.
      - Another topic object holding the same O(topic_string) is refused by MQ (3300 C(MQRCCF_TOPICSTR_ALREADY_EXISTS)).
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
      - Whether applications may make durable subscriptions on the topic (C(DURSUB)); V(asparent), MQ's default, takes
        the parent's.
    type: str
    choices: [asparent, 'yes', 'no']
  default_persistence:
    description:
      - Default persistence of messages published without their own (C(DEFPSIST)); V(asparent), MQ's default, takes the
        parent's.
    type: str
    choices: [asparent, 'yes', 'no']
  cluster:
    description:
      - The publish/subscribe cluster the topic belongs to (C(CLUSTER)); empty (MQ's default) keeps it local.
    type: str
  # END generated (options)
notes:
  - After a change the topic is read again, so RV(topic) shows MQ's defaults too (C(ASPARENT) where the parent decides).
seealso:
  - module: mqrest.admin.mq_objects
  - module: mqrest.admin.mq_queue
"""

EXAMPLES = r"""
- name: Topics for the price feed
  module_defaults:
    group/mqrest.admin.mq:
      rest_url: "{{ mq_rest_url }}"  # https://mqhost:9443/ibmmq/rest/v2
      qmgr: QM1
      username: "{{ mq_admin_user }}"
      password: "{{ mq_admin_password }}"
  delegate_to: localhost
  block:
    - name: The root of the feed's topic tree, with durable subscriptions allowed
      mqrest.admin.mq_topic:
        name: PRICES
        topic_string: prices
        durable_subscriptions: "yes"
        description: Price feed

    - name: A branch where nobody may publish for now
      mqrest.admin.mq_topic:
        name: PRICES.FRUIT
        topic_string: prices/fruit
        publish: disabled
        attributes:
          WILDCARD: block

    - name: Move a topic object to another topic string (MQ cannot change it in place)
      mqrest.admin.mq_topic:
        name: PRICES.FRUIT
        topic_string: prices/fruit/v2
        recreate: true

    - name: Retire the branch
      mqrest.admin.mq_topic:
        name: PRICES.FRUIT
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
    - True when another writer changed the topic between this task's read and its command (a C(DEFINE) answered 4001 or
      4002 because it exists now, an C(ALTER) or C(DELETE) answered 2085 because it is gone), and the task read it again
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
topic:
  description:
    - The topic object after the task, as returned by C(DISPLAY TOPIC), with option names as keys where one exists and
      lower-case MQSC keywords otherwise. Empty when the topic does not exist.
    - In check mode, the predicted state.
  returned: always
  type: dict
  sample: {name: PRICES, topic_string: prices, type: LOCAL, publish: asparent, durable_subscriptions: "yes", wildcard: PASSTHRU}
"""

from ansible_collections.mqrest.admin.plugins.module_utils._object_module import run_object_module
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY


def main():
    run_object_module(REGISTRY["topic"])


if __name__ == "__main__":
    main()
