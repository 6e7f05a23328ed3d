#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_export
short_description: Export the objects of an IBM MQ queue manager as the declarations mq_objects converges
version_added: 0.1.0
description:
  - Reads the objects of the types asked for (O(kinds)) from one queue manager and returns them as declarations in
    exactly the format of M(mqrest.admin.mq_objects)'s list options (RV(declarations)), so that an existing queue manager
    can be brought under management; optionally writes them to a YAML file on the controller (O(dest)) as the
    provision role's variables.
  - Read only. One C(DISPLAY) per object type, one more per type to read its default objects when O(prefix) is given, and
    one status C(DISPLAY) per type that runs when O(include_state=true).
  - The queue manager's own objects (names starting with C(SYSTEM.)) are left out.
  - By default an attribute whose value equals that of the queue manager's default object for the type (C(SYSTEM.DEF.*) and
    C(SYSTEM.DEFAULT.*), such as C(SYSTEM.DEF.SENDER) for a sender channel) is left out, because a C(DEFINE) without it
    gives it that value anyway; what names the object and what a C(DEFINE) of it needs (its type, its fixed and required
    attributes) is always kept.
  - Running M(mqrest.admin.mq_objects) with the exported declarations against the same queue manager changes nothing
    and sends no command that changes anything. Every value is checked as M(mqrest.admin.mq_objects) checks it; a value it
    would not take back unchanged is left out and named in RV(notes), and so is an attribute MQ shows masked (a
    channel's C(PASSWORD)) and one that differs from the default object but that this collection does not manage.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.attributes
attributes:
  check_mode:
    support: full
    details: Reads as always and does not write O(dest); C(changed) says whether it would.
  diff_mode:
    support: none
  idempotent:
    support: full
    details: Changes nothing on the queue manager; C(changed) is true only when O(dest) was written with new content.
  platform:
    description: Target operating systems and families that the module can be run against.
    support: full
    platforms: posix
    details: Runs on the controller (C(delegate_to=localhost)), which is where O(dest) is written.
options:
  # BEGIN generated from the type registry by tools/generate_docs.py: edit the rows in plugins/module_utils/_types.py (options)
  kinds:
    description:
      - The object types to export, each as the list option of M(mqrest.admin.mq_objects) it fills (V(namelist) fills
        C(namelists)). The default exports every type of named object the collection manages (the queue manager's own
        attributes, C(qmgr_attributes), are not exported).
    type: list
    elements: str
    choices: [namelist, process, queue, topic, subscription, authinfo, listener, channel, service]
    default: [namelist, process, queue, topic, subscription, authinfo, listener, channel, service]
  # END generated (options)
  prefix:
    description:
      - Export only the objects whose names start with this literal prefix, such as V(APP.). A prefix starting with
        C(SYSTEM.) is refused.
      - Left out, every object that is not the queue manager's own is exported.
    type: str
  include_defaults:
    description:
      - Export every attribute, also those equal to the default object's.
    type: bool
    default: false
  include_state:
    description:
      - Add V(state=started) to the objects that run (read with one status C(DISPLAY) per type), as
        M(mqrest.admin.mq_objects) sees them. Nothing else is exported as a state.
      - A channel that is C(RETRYING) gets no state (V(state=started) would restart it), and a note says so.
    type: bool
    default: false
  dest:
    description:
      - Write the declarations to this YAML file on the controller, under the provision role's variable names
        (C(mq_queues), C(mq_channels), ...) so that it serves as the host variables of the queue manager, with the notes
        as comments at its top. Written only when its content changes; its directory is created when missing.
    type: path
seealso:
  - module: mqrest.admin.mq_objects
  - module: mqrest.admin.mq_info
"""

EXAMPLES = r"""
- name: Export the application objects of QM1
  mqrest.admin.mq_export:
    prefix: APP.
  delegate_to: localhost
  register: exported

- name: Converge them again with mq_objects; nothing changes
  mqrest.admin.mq_objects: "{{ exported.declarations }}"
  delegate_to: localhost
  register: converged

- name: Prove it
  ansible.builtin.assert:
    that: not converged.changed

- name: Export every object and what runs as host variables to review and commit
  mqrest.admin.mq_export:
    include_state: true
    dest: "{{ playbook_dir }}/host_vars/qm1.yml"
  delegate_to: localhost
"""

RETURN = r"""
declarations:
  description:
    - The exported objects, one list per type asked for (empty when the queue manager holds none), keyed by the list
      option of M(mqrest.admin.mq_objects) that takes them; each entry has the options of the type's module (such as
      M(mqrest.admin.mq_queue)), the keywords without an option of their own in C(attributes).
    - Entries are in the order of their names (a C(clntconn) channel after the other channel of the same name).
  returned: always
  type: dict
  sample:
    queues:
      - {name: APP.IN, type: local, max_depth: 50000, attributes: {TRIGTYPE: EVERY}}
    channels:
      - {name: APP.TO.QM2, type: sdr, conname: "qm2(1414)", xmitq: QM2, state: started}
notes:
  description:
    - One line per object whose declaration leaves something out, saying what and why, such as an attribute MQ shows
      masked (C(PASSWORD)), or one this collection does not manage that differs from the default object (a queue's
      C(TRIGGER)).
  returned: always
  type: list
  elements: str
  sample: ["channel 'APP.TO.QM2': PASSWORD left out: MQ shows it masked (********), so its value cannot be read (this
           collection does not manage it)"]
summary:
  description: How many objects of each type were exported.
  returned: always
  type: dict
  sample: {queue: 12, topic: 0, listener: 1, channel: 4, service: 0}
dest:
  description: The file written (or that would be written in check mode), when O(dest) was given.
  returned: when O(dest) was given
  type: str
"""

import os

from ansible.module_utils.common.yaml import HAS_YAML, yaml_dump

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import ArgumentSpec
from ansible_collections.mqrest.admin.plugins.module_utils._converge import validate_purge_prefix
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError
from ansible_collections.mqrest.admin.plugins.module_utils._export import export
from ansible_collections.mqrest.admin.plugins.module_utils._module import MQModule
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY


def file_text(qmgr, declarations, notes):
    """The YAML of ``dest``: the provision role's variables, the notes above them as comments."""
    lines = ["# Exported from queue manager {0} by mqrest.admin.mq_export: the provision role's variables.".format(qmgr)]
    lines += ["# NOTE {0}".format(note) for note in notes]
    body = yaml_dump({"mq_" + option: entries for option, entries in declarations.items()}, default_flow_style=False, sort_keys=False)
    return "\n".join(lines) + "\n---\n" + body


def write(mq, path, text):
    """Write ``text`` to ``path`` unless it holds it already; True when it changed (or would, in check mode)."""
    try:
        with open(path, encoding="utf-8") as handle:
            if handle.read() == text:
                return False
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    if not mq.check_mode:
        directory = os.path.dirname(os.path.abspath(path))
        os.makedirs(directory, exist_ok=True)  # host_vars/ of a new inventory
        temporary = os.path.join(directory, ".{0}.tmp".format(os.path.basename(path)))
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(text)
        mq.module.atomic_move(temporary, path)
    return True


def main():
    mq = MQModule(ArgumentSpec(dict(
        kinds=dict(type="list", elements="str", choices=[t.kind for t in REGISTRY.objects], default=[t.kind for t in REGISTRY.objects]),
        prefix=dict(type="str"),
        include_defaults=dict(type="bool", default=False),
        include_state=dict(type="bool", default=False),
        dest=dict(type="path"),
    ), validators=[lambda params: params["prefix"] is None or validate_purge_prefix(params["prefix"], "prefix", "exported")]))
    params = mq.params
    if params["dest"] and not HAS_YAML:
        mq.module.fail_json(msg="dest needs PyYAML on the controller (it comes with ansible-core)")
    result = {"changed": False}
    try:
        wanted = [otype for otype in REGISTRY.objects if otype.kind in params["kinds"]]
        declarations, notes, summary = export(mq.client, wanted, params["prefix"], params["include_defaults"], params["include_state"])
        result.update(declarations=declarations, notes=notes, summary=summary)
        if params["dest"]:
            result["dest"] = params["dest"]
            result["changed"] = write(mq, params["dest"], file_text(params["qmgr"], declarations, notes))
    except MQError as exc:
        mq.fail(exc, **result)
    except OSError as exc:
        mq.fail(MQError("dest={0!r} cannot be written: {1}".format(params["dest"], exc.strerror)), **result)
    mq.exit(result)


if __name__ == "__main__":
    main()
