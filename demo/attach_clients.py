# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Attach COUNT simulated application clients to CHANNEL on every emulated queue manager (`make demo`).

    python demo/attach_clients.py CHANNEL COUNT [--refused]

Uses the emulator's control API (MQEMU_CONTROL_URL, MQEMU_QMGRS, set by tools/with_emulator.py); against a real queue
manager (no MQEMU_CONTROL_URL) there is nothing to simulate and it does nothing. A STOPPED server-connection channel
refuses a client as MQ does, with 2537 MQRC_CHANNEL_NOT_AVAILABLE: --refused expects that on every queue manager (the
demo's held channel), and without it a refusal fails the run, as an accepted client does with it.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.error
import urllib.request


def attach(control, qmgr, channel, count):
    """None when the clients are attached, else the emulator's refusal (HTTP 409, its reason text)."""
    request = urllib.request.Request("{0}/qmgr/{1}/channel/{2}/clients".format(control, qmgr, channel), method="POST",
                                     data=json.dumps({"count": count}).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10):  # nosec: the emulator's control API on loopback
            return None
    except urllib.error.HTTPError as err:
        if err.code != 409:
            raise
        return json.loads(err.read().decode())["error"]


def main():
    channel, count, expect_refused = sys.argv[1], int(sys.argv[2]), "--refused" in sys.argv[3:]
    control = os.environ.get("MQEMU_CONTROL_URL")
    if not control:
        print("no emulator (MQEMU_CONTROL_URL): no simulated clients")
        return 0
    unexpected = 0
    for qmgr in os.environ["MQEMU_QMGRS"].split(","):
        refusal = attach(control, qmgr, channel, count)
        if refusal is None:
            print("{0}: {1} clients attached to {2}".format(qmgr, count, channel))
        else:
            print("{0}: a client of {1} is refused: {2}".format(qmgr, channel, refusal))
        unexpected += (refusal is None) == expect_refused
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
