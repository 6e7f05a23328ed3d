# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The journal of /mqsc requests and the REST request counters: what tests read to prove which commands a run sent
(control API GET /journal and GET /requests, README "Control API")."""

import threading
import time

REQUEST_KINDS = ("mqsc", "login", "qmgr", "other")


def new_entry(qmgr, body, user, gateway):
    """A journal entry for a /mqsc request, filled from the body as sent; the gateway completes it (command, outcome)."""
    entry = {"qmgr": qmgr, "type": None, "command": None, "qualifier": None, "name": None, "parameters": None,
             "response_parameters": None, "mutating": None, "user": user, "http_status": None, "completion_code": None,
             "reason_code": None, "time": time.time(), "gateway": gateway}
    if isinstance(body, dict):
        entry.update(type=body.get("type"), name=body.get("name"), parameters=body.get("parameters"),
                     response_parameters=body.get("responseParameters"))
    return entry


class Journal:
    """Every /mqsc request in order, including refused ones, and counts of the REST requests by kind."""

    def __init__(self):
        self.lock = threading.Lock()
        self.commands, self.counts = [], dict.fromkeys(REQUEST_KINDS, 0)

    def reset(self):
        with self.lock:
            self.commands, self.counts = [], dict.fromkeys(REQUEST_KINDS, 0)

    def record(self, entry, status, resp):
        """Completes entry with the answer (status None: the connection was dropped) and appends it -> (status, resp)."""
        entry["http_status"] = status
        if status == 200:
            entry["completion_code"], entry["reason_code"] = resp["overallCompletionCode"], resp["overallReasonCode"]
        else:
            entry["completion_code"] = entry["reason_code"] = None
        with self.lock:
            self.commands.append(entry)
        return status, resp

    def entries(self, qmgr=None):
        with self.lock:
            return [dict(e) for e in self.commands if qmgr is None or e["qmgr"] == qmgr]

    def clear(self):
        with self.lock:
            self.commands.clear()

    def count_request(self, kind):
        with self.lock:
            self.counts[kind] += 1

    def requests(self):
        with self.lock:
            return dict(self.counts, total=sum(self.counts.values()))

    def clear_requests(self):
        with self.lock:
            self.counts = dict.fromkeys(REQUEST_KINDS, 0)
