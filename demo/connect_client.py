# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A client connects to CHANNEL as USER on every emulated queue manager, and the queue manager decides (`make demo`).

    python demo/connect_client.py CHANNEL USER PASSWORD [--refused]

Uses the emulator's control API (MQEMU_CONTROL_URL, MQEMU_QMGRS, set by tools/with_emulator.py), which decides as MQ does:
the channel's CHLAUTH records, connection authentication, the BLOCKUSER records on the user the channel runs as, and
that user's connect authority; a refusal names its reason code and the AMQ messages the queue manager logged. Against
a real queue manager (no MQEMU_CONTROL_URL) it does nothing. --refused expects a refusal on every queue manager, and
without it a refusal fails the run, as an accepted client does with it.
"""

from __future__ import annotations

import json
import os
import sys
import urllib.request


def connect(control, qmgr, channel, user, password):
    request = urllib.request.Request("{0}/qmgr/{1}/channel/{2}/connect".format(control, qmgr, channel), method="POST",
                                     data=json.dumps({"user": user, "password": password}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:  # nosec: the emulator's control API on loopback
        return json.load(answer)


def main():
    channel, user, password, expect_refused = sys.argv[1], sys.argv[2], sys.argv[3], "--refused" in sys.argv[4:]
    control = os.environ.get("MQEMU_CONTROL_URL")
    if not control:
        print("no emulator (MQEMU_CONTROL_URL): no simulated client")
        return 0
    unexpected = 0
    for qmgr in os.environ["MQEMU_QMGRS"].split(","):
        outcome = connect(control, qmgr, channel, user, password)
        if outcome["connected"]:
            print("{0}: {1} connected to {2}, running as {3}".format(qmgr, user, channel, outcome["mcauser"]))
        else:
            logged = "; ".join(entry["message"] for entry in outcome["errors"] if entry.get("msgid"))
            print("{0}: {1} refused on {2}: {3} {4} ({5})".format(qmgr, user, channel, outcome["reason"], outcome["reason_name"], logged))
        unexpected += outcome["connected"] == expect_refused
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
