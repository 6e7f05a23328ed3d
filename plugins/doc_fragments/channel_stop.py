# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    # Paired with channel_stop_spec() in plugins/module_utils/_argspec.py.
    DOCUMENTATION = r"""
options:
  stop_mode:
    description:
      - C(MODE) of C(STOP CHANNEL) (channels only). V(quiesce) ends after the current batch; V(force) stops now and
        may leave the channel in doubt; V(terminate) also ends the channel's thread or process.
    type: str
    choices: [quiesce, force, terminate]
    default: quiesce
  stop_status:
    description:
      - C(STATUS) of C(STOP CHANNEL) (channels only). V(stopped) keeps the channel stopped until it is started by
        command; V(inactive) lets it restart automatically when needed (for example by triggering), and its status
        record disappears.
    type: str
    choices: [stopped, inactive]
    default: stopped
  retrying_grace:
    description:
      - Seconds a starting channel may stay in C(RETRYING) before it counts as failed. V(0) fails at once,
        because a channel that cannot reach its partner will retry for a long time (C(SHORTRTY), C(LONGRTY)).
    type: float
    default: 0
"""
