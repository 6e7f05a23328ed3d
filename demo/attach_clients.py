# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Attach COUNT simulated application clients to CHANNEL on every emulated queue manager (`make demo`).

    python demo/attach_clients.py CHANNEL COUNT

Uses the emulator's control API (MQEMU_CONTROL_URL, MQEMU_QMGRS, set by tools/with_emulator.py); against a real queue
manager (no MQEMU_CONTROL_URL) there is nothing to simulate and it does nothing.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.request


def main():
    channel, count = sys.argv[1], int(sys.argv[2])
    control = os.environ.get("MQEMU_CONTROL_URL")
    if not control:
        print("no emulator (MQEMU_CONTROL_URL): no simulated clients")
        return
    for qmgr in os.environ["MQEMU_QMGRS"].split(","):
        request = urllib.request.Request("{0}/qmgr/{1}/channel/{2}/clients".format(control, qmgr, channel), method="POST",
                                         data=json.dumps({"count": count}).encode(), headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10):  # nosec: the emulator's control API on loopback
            pass
    print("{0} clients attached to {1} on {2}".format(count, channel, os.environ["MQEMU_QMGRS"]))


if __name__ == "__main__":
    main()
