# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mqrest.admin.drift_report: one report, on the controller, of the check-mode mq_objects runs of every host of the play
(or of the reports of a sliced job's slices). The rules are plugins/plugin_utils/_drift.py; this file reads the task's
variables and writes the files."""

from __future__ import annotations

import json
import os
import tempfile

from ansible.errors import AnsibleActionFail
from ansible.plugins.action import ActionBase

from ansible_collections.mqrest.admin.plugins.plugin_utils._drift import FORMATS, build, headline, host_record, merge, render, verdict

ARGUMENT_SPEC = {
    "dest": {"type": "path", "required": True},
    "format": {"type": "str", "choices": list(FORMATS), "default": "markdown"},
    "checked": {"type": "str", "default": "drift_report_checked"},
    "reports": {"type": "list", "elements": "raw"},
    "fail_on_drift": {"type": "bool", "default": False},
    "ignore_unreachable": {"type": "bool", "default": False},
}


def _load(report):
    """A report given as data, or as the path of a drift.json on the controller."""
    if isinstance(report, dict):
        return report
    try:
        with open(os.path.expanduser(str(report)), encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as exc:
        raise AnsibleActionFail("reports: {0!r} is not a readable drift.json: {1}".format(report, exc))


def _write(directory, files):
    """Write each file whole, or not at all (a reader never sees half a report)."""
    os.makedirs(directory, exist_ok=True)
    paths = []
    for name, text in files.items():
        path = os.path.join(directory, name)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix="." + name)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
        paths.append(path)
    return paths


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _supports_check_mode = True
    _VALID_ARGS = frozenset(ARGUMENT_SPEC)

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        task_vars = task_vars or {}
        _validation, args = self.validate_argument_spec(argument_spec=ARGUMENT_SPEC)
        if args["reports"] is not None:
            try:
                report = merge([_load(r) for r in args["reports"]])
            except ValueError as exc:
                raise AnsibleActionFail("reports: {0}".format(exc))
        else:
            hostvars = task_vars.get("hostvars") or {}
            records = {}
            for host in task_vars.get("ansible_play_hosts_all") or []:
                found = hostvars[host] if host in hostvars else {}
                # The queue manager's name as the roles take it: mq_qmgr, else mq_connection's qmgr.
                qmgr = found.get("mq_qmgr") or (found.get("mq_connection") or {}).get("qmgr")
                records[host] = host_record(found.get(args["checked"]), qmgr)
            report = build(records)
        files = render(report, args["format"], args["ignore_unreachable"])
        # The report is written in check mode too: it is what the play is for, and it changes nothing anywhere else.
        try:
            paths = _write(args["dest"], files)
        except OSError as exc:
            raise AnsibleActionFail("dest={0!r}: the report cannot be written there: {1}".format(args["dest"], exc))
        result.update(changed=False, report=report, files=paths, msg="{0} Report: {1}".format(headline(report), ", ".join(paths)),
                      fail_reason=verdict(report, args["fail_on_drift"], args["ignore_unreachable"]))
        return result
