# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    # Paired with wait_spec() in plugins/module_utils/_argspec.py.
    DOCUMENTATION = r"""
options:
  wait:
    description:
      - Whether to wait, after a C(START) or C(STOP), until the object reports the target state.
      - MQ accepts C(START) and C(STOP) immediately and acts on them later; without waiting the task
        only knows that the request was accepted.
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait for each start or stop to complete. When it runs out the task fails,
        naming the object, the operation, the seconds waited and the last status seen.
    type: float
    default: 60
  poll_interval:
    description:
      - Longest pause, in seconds, between two status checks. The first check happens right after
        the command; after that the pause is a tenth of the time waited so far (at least 0.1 seconds,
        at most this value), and never runs past O(wait_timeout).
    type: float
    default: 1
  outage_grace:
    description:
      - Seconds a wait rides through an mqweb server that gives no answer at all (the connection is refused or reset,
        or no reply comes within O(request_timeout)) on every status check. When it runs out the task fails, saying
        how the server failed, for how long, and when the last status check succeeded.
      - An answer of HTTP 503 (the queue manager is not available, for example while it restarts) is not counted, and
        the wait goes on until O(wait_timeout), because a restarting queue manager comes back.
      - Raise it to ride through longer mqweb outages, up to O(wait_timeout).
    type: float
    default: 15
"""
