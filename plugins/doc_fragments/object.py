# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    # Paired with _OBJECT_OPTIONS in plugins/module_utils/_argspec.py.
    DOCUMENTATION = r"""
options:
  name:
    description:
      - Name of the object. MQ names are case-sensitive and are sent exactly as given, so V(app.lstr) and
        V(APP.LSTR) are two different objects. C(runmqsc) folds unquoted names to upper case, so an object defined
        there without quotes has an upper-case name.
      - Allowed characters are C(A-Z a-z 0-9 . / _ %); anything else (blanks, quotes, parentheses, C(*),
        line breaks) fails the task before any request.
    type: str
    required: true
  state:
    description:
      - V(present) makes the object exist with the given attributes. An existing object needs only its O(name); its
        type and the attributes its type requires come from its definition, and attributes not given are left alone.
        They are required only to create the object; the task then fails after its one C(DISPLAY), before anything
        is changed, naming every missing option at once.
      - V(absent) deletes it. An active object is only stopped and deleted with O(force=true).
      - V(started) and V(stopped) imply V(present) and then start or stop the object, waiting for the
        result when O(wait=true). They send nothing when the object is already in that state.
      - V(restarted) implies V(present) and then always restarts the object, as M(mqrest.admin.mq_restart) does. It stops
        the object when it runs, waiting for the stop even with O(wait=false) because MQ refuses to start an object that
        is still stopping, then starts it, waiting for the start when O(wait=true). In check mode it reports the commands and sends neither. The object
        types that cannot be started or stopped are refused as with V(started).
    type: str
    choices: [present, absent, started, stopped, restarted]
    default: present
  attributes:
    description:
      - "Further MQSC attributes that have no option of their own, as a dictionary of keyword to value, for example
        C({BATCHSZ: 100}) or C({MONCHL: HIGH}) for a channel."
      - Keywords are case-insensitive and are checked against the attributes MQ defines for this object
        type; an unknown keyword is an error that suggests the closest known ones.
      - An attribute that has its own option must be set with that option. Every listener and service attribute
        this collection manages has an option, so M(mqrest.admin.mq_listener) and M(mqrest.admin.mq_service) accept only
        an empty dictionary here.
    type: dict
    default: {}
  recreate:
    description:
      - Allow deleting and defining the object again when a change can only be made that way
        (a different listener transport type or channel type). An active object is stopped first.
    type: bool
    default: false
  force:
    description:
      - With O(state=absent), stop an active object before deleting it. Without it the task fails
        and leaves the object alone.
      - The stop before a delete is always waited for, even with O(wait=false), because MQ refuses to
        delete an object that is still stopping.
    type: bool
    default: false
"""
