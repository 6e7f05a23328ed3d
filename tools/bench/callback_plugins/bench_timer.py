# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Callback for tools/bench.py: when each play (serial batch) and task starts, and what mq_restart reported.

Enabled only by tools/bench.py (ANSIBLE_CALLBACKS_ENABLED=bench_timer); writes JSON to $BENCH_TIMER_FILE at the end.
"""

from __future__ import annotations

import json
import os
import time

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = """
name: bench_timer
type: aggregate
short_description: Task start times per serial batch, for tools/bench.py
description:
  - Records the wall-clock time at which each play batch and task starts, and the elapsed_seconds of every mq_restart result.
requirements:
  - BENCH_TIMER_FILE set to the path of the JSON file to write
"""


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "bench_timer"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super().__init__()
        self.events = []

    def record(self, kind, name="", **extra):
        self.events.append(dict(kind=kind, name=name, time=time.time(), **extra))

    def v2_playbook_on_play_start(self, play):
        self.record("play", play.get_name())

    def v2_playbook_on_task_start(self, task, is_conditional):
        self.record("task", task.get_name(), action=task.action)

    def v2_playbook_on_handler_task_start(self, task):
        self.record("task", task.get_name(), action=task.action)

    def v2_runner_on_ok(self, result):
        sync = result._result.get("sync_result")  # pylint: disable=protected-access
        if isinstance(sync, dict):
            self.record("sync", result._host.get_name(), seconds=sync.get("elapsed_seconds"))  # pylint: disable=protected-access

    def v2_playbook_on_stats(self, stats):
        self.record("end")
        with open(os.environ["BENCH_TIMER_FILE"], "w", encoding="utf-8") as handle:
            json.dump(self.events, handle)
