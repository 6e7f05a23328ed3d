#!/usr/bin/python
# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: mq_qmgr_wait
short_description: Wait for an IBM MQ queue manager to end, or to reach the restart milestones, and time each one
version_added: 0.1.0
description:
  - Watches a queue manager restart from the controller over the IBM MQ administrative REST API. The REST API cannot
    end or start a queue manager (C(endmqm) and C(strmqm) have no REST equivalent), so the stop and the start are
    commands on the queue manager's host (or a container restart); this module only reads.
  - With O(capture=true) it reads RV(baseline) (what runs now, and the log state that decides how long the next start
    replays) and waits for nothing, unless O(milestones) are given (then it waits for them and captures after). Capture
    before the stop and pass it to the wait after the start.
  - With O(state=started) it waits for the milestones in this order, each once the ones before it are reached;
    V(running) (C(GET /admin/qmgr) state C(running)), V(command_server) (C(DISPLAY QMSTATUS) C(CMDSERV(RUNNING)),
    so commands are accepted), V(channel_initiator) (C(CHINIT(RUNNING))), V(listeners) (each listener of O(listeners) or
    the baseline C(RUNNING) again), V(channels) (each channel of O(channels), or C(RUNNING) in the baseline, C(RUNNING)
    again; senders restarted, inbound channels reconnected by their partners), V(connections) (C(CONNS) back to
    O(connections_share) of the baseline's).
  - A milestone with nothing to wait for (no O(baseline) and no names given, or nothing running in the baseline) is
    reported as skipped, with the reason, not as reached.
  - With O(state=ended) it waits until C(GET /admin/qmgr) shows the queue manager ended (C(ended),
    C(endedImmediately), C(endedPreemptively), C(endedUnexpectedly)).
  - While the queue manager is down, answers that mean "down" are states, not failures, and only O(wait_timeout) ends the
    wait; these are HTTP 503 (C(MQWB0009E)), reason 3204 (command server not running yet), and a refused connection,
    since mqweb inside the queue manager's container ends with it.
  - Each milestone's time is counted from O(since), so the times say how long the start took, not how long this task
    waited.
  - On timeout the task fails naming the milestone not reached, what was last seen, and the milestones reached with
    their times; RV(milestones) is returned as well.
author:
  - mqrest.admin developers (@mqrest)
extends_documentation_fragment:
  - mqrest.admin.connection
  - mqrest.admin.attributes
attributes:
  check_mode:
    support: full
    details: The module only reads, so it runs and waits the same in check mode.
  diff_mode:
    support: N/A
  idempotent:
    support: full
    details: Read only; C(changed) is always false.
options:
  state:
    description:
      - V(started) waits for the O(milestones); V(ended) waits for the queue manager to end.
    type: str
    choices: [started, ended]
    default: started
  milestones:
    description:
      - The milestones to wait for with O(state=started). They are always waited for in the order of the choices
        below, whatever the order given. Leave it out for all six.
    type: list
    elements: str
    choices: [running, command_server, channel_initiator, listeners, channels, connections]
  since:
    description:
      - Epoch seconds, on the controller's clock, that every RV(milestones[].elapsed_seconds) is counted from, for example
        the moment the start command ran (C(now().timestamp()) in a template just before it). Leave it out to count from the start of
        this task.
      - A value later than now fails the task.
    type: float
  baseline:
    description:
      - The RV(baseline) a run with O(capture=true) returned before the stop. The V(listeners) and V(channels)
        milestones wait for the listeners and channels C(RUNNING) in it; V(connections) for a share of its C(CONNS).
      - A baseline of another queue manager than O(qmgr) fails the task.
    type: dict
  capture:
    description:
      - Read RV(baseline) now and return it, waiting for nothing. The queue manager must be running.
      - With O(milestones), wait for them first (with O(baseline), O(listeners), O(channels) as without O(capture)), then
        read RV(baseline) once they are reached, in the same task (a health gate that also says what runs after a restart).
        A wait that times out reads no baseline.
      - Without O(milestones), not with O(baseline), O(listeners) or O(channels); never with O(state=ended).
    type: bool
    default: false
  log_limits:
    description:
      - With O(capture=true), warn when a log figure of RV(baseline) is above its limit, saying what it means for the next
        start (a long log replay before the queue manager runs) and what to do; the warnings are also in RV(log_warnings).
        A figure left out, or not reported by the queue manager, is not judged. The task does not fail.
    type: dict
    suboptions:
      loginuse:
        description: Percentage of C(LOGINUSE), the primary log space needed for restart recovery.
        type: int
      logutil:
        description: Percentage of C(LOGUTIL), how well the workload fits the primary log.
        type: int
      recsz:
        description: Megabytes of C(RECSZ), the log needed for restart recovery; only shown on linear logs.
        type: int
  listeners:
    description:
      - Listener names the V(listeners) milestone waits for, instead of the baseline's. An empty list skips it.
    type: list
    elements: str
  channels:
    description:
      - Channel names the V(channels) milestone waits for, instead of the channels C(RUNNING) in the baseline. An empty
        list skips it.
    type: list
    elements: str
  connections_share:
    description:
      - The V(connections) milestone is reached when C(CONNS) is at least this share of the baseline's C(CONNS) (rounded
        up). C(CONNS) also counts the queue manager's own connections, which come back with it, so V(0.9) waits for most
        applications without waiting for one that will not return.
    type: float
    default: 0.9
  wait_timeout:
    description:
      - Seconds the whole wait may take, counted from the start of this task. A queue manager with a large active log
        can take minutes to replay it; see C(LOGINUSE) in RV(baseline).
      - The same name as in the other modules; C(timeout) is accepted as an alias.
    type: float
    default: 300
    aliases: [timeout]
  poll_interval:
    description:
      - Seconds between the first polls (at least V(0.2)). The pause then grows to a tenth of the time since the last
        milestone was reached, up to 5 seconds (or O(poll_interval) if longer), and shrinks back when a milestone is
        reached.
      - Each poll makes one REST request, plus one more for each milestone reached in it (at most six in a whole wait).
        So a wait makes at most RV(polls) + 6 requests (RV(requests) counts them), and a queue manager is never asked
        more than 1/O(poll_interval) times a second while it recovers.
    type: float
    default: 0.5
notes:
  - A run with O(state=ended) takes a refused connection as ended, because mqweb inside the queue manager's container
    (as in the IBM MQ container image) ends with the queue manager. Check O(rest_url) before the stop (for example with
    O(capture=true)), so that a wrong port is not taken for an ended queue manager.
  - The role that restarts queue managers (stop, wait V(ended), start, wait the milestones, put back what did not come
    back by itself) uses this module; see the queue-manager restart guide.
seealso:
  - module: mqrest.admin.mq_info
  - module: mqrest.admin.mq_restart
"""

EXAMPLES = r"""
- name: Before the stop, record what runs and the log the next start will replay
  mqrest.admin.mq_qmgr_wait:
    capture: true
    log_limits:
      loginuse: 70
      logutil: 90
  delegate_to: localhost
  register: before

- name: Say when a long log replay is ahead (LOGINUSE is the share of the primary log needed for restart)
  ansible.builtin.debug:
    msg: "LOGINUSE {{ before.baseline.loginuse }}%, LOGUTIL {{ before.baseline.logutil }}%, {{ before.baseline.connections }} connections"

# Here the queue manager is stopped and started on its own host, for example with
# ansible.builtin.command "endmqm -i QM1", then mq_qmgr_wait state=ended, then "strmqm QM1".
- name: Note when the start command ran
  ansible.builtin.set_fact:
    start_command_at: "{{ now().timestamp() }}"

- name: Wait until everything that ran before is back, timing each milestone from the start command
  mqrest.admin.mq_qmgr_wait:
    baseline: "{{ before.baseline }}"
    since: "{{ start_command_at }}"
    connections_share: 0.8
    wait_timeout: 600
  delegate_to: localhost
  register: restart

- name: How long each milestone took
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.skipped or (item.elapsed_seconds | string + 's') }}"
  loop: "{{ restart.milestones }}"
"""

RETURN = r"""
baseline:
  description: With O(capture=true), what runs now. Pass it to O(baseline) after the restart.
  returned: with O(capture=true)
  type: dict
  contains:
    captured_at:
      description: Epoch seconds of the capture (controller clock).
      type: float
    qmgr:
      description: Queue manager name.
      type: str
    state:
      description: Its C(GET /admin/qmgr) state.
      type: str
    loginuse:
      description:
        - C(LOGINUSE) of C(DISPLAY QMSTATUS), the percentage of the primary log space needed for restart recovery. A high
          value means a long log replay when the queue manager starts; above 100 secondary logs are in use.
      type: int
    logutil:
      description: C(LOGUTIL), how well the workload fits the primary log, in percent.
      type: int
    logtype:
      description: C(CIRCULAR), C(LINEAR) or C(REPLICATED).
      type: str
    recsz:
      description: With linear logging, C(RECSZ), the megabytes of log needed for restart recovery.
      type: int
    connections:
      description: C(CONNS), the connections to the queue manager (its own and the applications').
      type: int
    listeners:
      description: Names of the listeners C(RUNNING).
      type: list
      elements: str
    services:
      description: Names of the server services C(RUNNING).
      type: list
      elements: str
    channels:
      description:
        - Message channels C(RUNNING) or C(RETRYING), one entry per name (client channels are counted in RV(baseline.connections)).
        - Each has C(name), C(type) (C(CHLTYPE)), C(status) and C(inbound) (true for a receiving channel, V(RCVR) or
          V(CLUSRCVR), which runs again when its partner's sender reconnects).
      type: list
      elements: dict
    manual:
      description:
        - The running C(listeners) and C(services) with C(CONTROL(MANUAL)), which do not start with the queue manager.
          Null when their definitions could not be read.
      type: dict
  sample:
    captured_at: 1767000000.123
    qmgr: QM1
    state: running
    loginuse: 13
    logutil: 13
    logtype: CIRCULAR
    connections: 44
    listeners: [APP.LISTENER]
    services: []
    channels: [{name: QM1.TO.QM2, type: SDR, status: RUNNING, inbound: false}]
    manual: {listeners: [], services: []}
log_warnings:
  description: With O(capture=true) and O(log_limits), one warning per log figure above its limit (also shown as a warning).
  returned: with O(capture=true)
  type: list
  elements: str
  sample: ["QM1 LOGINUSE 85% is above 70%: that share of the primary log is needed for restart recovery, ..."]
milestones:
  description: With O(state=started) or O(state=ended), each milestone in order, also when the task fails.
  returned: unless O(capture=true) without O(milestones)
  type: list
  elements: dict
  contains:
    name:
      description: The milestone (V(ended) with O(state=ended)).
      type: str
    reached:
      description: Whether it was reached.
      type: bool
    elapsed_seconds:
      description: Seconds from O(since) to the poll that saw it reached; null when not reached.
      type: float
    polls:
      description: Polls that judged this milestone.
      type: int
    last_seen:
      description: What the last poll saw, for example V(state starting), V(CMDSERV STOPPED) or V(CONNS 20 (waiting for 40)).
      type: str
    skipped:
      description: Why it was not waited for, or null.
      type: str
  sample: [{name: running, reached: true, elapsed_seconds: 4.21, polls: 7, last_seen: state running, skipped: null}]
state:
  description: The last queue manager state C(GET /admin/qmgr) showed; null when no milestone waited for read it.
  returned: always
  type: str
  sample: running
polls:
  description: Polling rounds of the wait.
  returned: unless O(capture=true) without O(milestones)
  type: int
requests:
  description: REST requests this task made (each poll makes one, plus one per milestone reached in it; an LTPA login adds one).
  returned: always
  type: int
elapsed_seconds:
  description: Seconds from O(since) to the end of the wait.
  returned: unless O(capture=true) without O(milestones)
  type: float
since:
  description: The epoch seconds the times are counted from (O(since), or the start of this task).
  returned: unless O(capture=true) without O(milestones)
  type: float
"""

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import qmgr_wait_spec
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError
from ansible_collections.mqrest.admin.plugins.module_utils._module import MQModule
from ansible_collections.mqrest.admin.plugins.module_utils._qmgr import MILESTONES, QmgrWait, capture_baseline, log_warnings, plan
from ansible_collections.mqrest.admin.plugins.module_utils._waiter import WaitPolicy


def main():
    mq = MQModule(qmgr_wait_spec([m.name for m in MILESTONES]))
    p = mq.params
    result = {"changed": False}
    try:
        if not p["capture"] or p["milestones"] is not None:
            steps = plan(p["state"], p["milestones"], p["baseline"], p["listeners"], p["channels"], p["connections_share"], p["qmgr"])
            wait = QmgrWait(mq.client, steps, WaitPolicy(timeout=p["wait_timeout"], poll_interval=p["poll_interval"]), since=p["since"])
            result.update(wait.run())
        if p["capture"]:
            result["baseline"] = capture_baseline(mq.client)
            result["log_warnings"] = log_warnings(result["baseline"], p["log_limits"])
            for warning in result["log_warnings"]:
                mq.module.warn(warning)
            result.update(state=result["baseline"]["state"], requests=mq.client.request_count)
    except MQError as exc:
        mq.fail(exc, **result)
    mq.exit(result)


if __name__ == "__main__":
    main()
