# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The state of one emulator: its queue managers on the channel network, its timings and configurable behaviours
(settings.py), and the parts that serve them, one job each: auth.py (users, LTPA), journal.py, faults.py, control.py
(queue-manager control), gateway.py (/mqsc) and resources.py (the other REST resources).

Everything the HTTP layer and the control API do goes through here, so in-process tests see the same MQ semantics.
"""

import contextlib
import time

from . import commands, settings
from .auth import Auth
from .control import Control
from .directory import Directory
from .faults import Faults
from .gateway import Gateway
from .journal import Journal
from .network import Network
from .qmgr import QmgrSettings, QueueManager
from .resources import Resources


class Model:
    """State of one emulator process. Lock order: the network's lock (every queue manager's lock) first, then a part's own
    lock (journal, faults, tokens), never the other way."""

    def __init__(self, qmgrs=("QM1",), users=None, timing="fast", config=None, seed="system", tls=False, hosts=None,
                 principals=None):
        """hosts: {qmgr: host}, or {qmgr: [host, ...]} for its instances (two: a multi-instance pair, three: a Native HA
        group; the first one active), re-created by reset(). principals: the hosts' users besides the seed's
        (directory.parse_principals)."""
        self.qmgrs = {}
        hosts = dict(hosts or {})
        self.initial_instances = {q: list(h) for q, h in hosts.items() if isinstance(h, (list, tuple))}
        self.network = Network(self, {q: h[0] if isinstance(h, (list, tuple)) else h for q, h in hosts.items()})
        self.tls, self.seed = tls, seed
        self.qmgr_names = list(dict.fromkeys(qmgrs)) or ["QM1"]
        self.initial_timing, self.initial_config = timing, dict(config or {})
        self.timing, self.config = {}, dict(settings.DEFAULT_CONFIG)
        self.auth = Auth(users, lambda key: self.config[key], tls)
        self.users = self.auth.users  # {name: (password, role)}; tests add users to it
        self.directory = Directory(seed, principals)  # the hosts' users and groups (OAM, CONNAUTH); reset() restores it
        self.log, self.faults = Journal(), Faults()
        self.control, self.gateway, self.resources = Control(self), Gateway(self), Resources(self)
        self.mqweb_factory = None  # set by EmulatorServer: (qmgr, host, embedded) -> extra mqweb port (control API /mqweb)
        # The in-process API (README "In-process API") under the names tests and tools call: each is its part's own method.
        self.journal, self.clear_journal = self.log.entries, self.log.clear
        self.requests, self.clear_requests = self.log.requests, self.log.clear_requests
        self.list_faults = self.faults.list
        self.login, self.expire_ltpa, self.cookie_name = self.auth.login, self.auth.expire_ltpa, self.auth.cookie_name
        self.run_mqsc = self.gateway.run_mqsc
        control = self.control
        self.qmgr_state, self.stop_qmgr, self.start_qmgr = control.qmgr_state, control.stop_qmgr, control.start_qmgr
        self.restart_qmgr, self.set_host, self.network_state = control.restart_qmgr, control.set_host, control.network_state
        self.channel_status, self.set_qmstatus = control.channel_status, control.set_qmstatus
        self.attach_clients, self.queue_control = control.attach_clients, control.queue_control
        self.connect_client, self.error_log, self.clear_error_log = control.connect_client, control.error_log, control.clear_error_log
        self._reset_state()

    def _reset_state(self):
        initial = self.initial_timing
        self.timing = settings.timing({}, initial) if isinstance(initial, str) else settings.timing({}, **initial)
        self.config = settings.config(settings.DEFAULT_CONFIG, **self.initial_config)
        self.log.reset()
        self.faults.reset()
        self.control.reset()
        self.directory.reset()
        self.network.reset()
        self.qmgrs = {}
        for name in self.qmgr_names:  # one by one: a listener's port is checked against those already on the host
            self.qmgrs[name] = QueueManager(name, self._qmgr_settings(name), self.seed, self.network.lock)
        for name, hosts in self.initial_instances.items():
            if name in self.qmgrs:
                commands.set_instances(self, name, hosts)

    def _qmgr_settings(self, qmgr):
        """What queue manager qmgr may read from this model: the timings, its part of the config and the faults aimed at it."""
        def config(key):
            if key not in QmgrSettings.CONFIG_KEYS:
                raise KeyError(f"{key} is not a queue manager setting")
            return self.config[key]

        return QmgrSettings(seconds=lambda key: float(self.timing[key]), config=config,
                            stuck=lambda kind, name: self.faults.is_stuck(qmgr, kind, name),
                            cmdserv_down=lambda: self.faults.cmdserv_down(qmgr),
                            listeners_on_host=lambda: self.network.listeners_on_host(qmgr), directory=self.directory,
                            refresh_ssl=self.network.refresh_ssl,
                            refresh_ssl_timeout=lambda: self.faults.take_lifecycle("refresh_ssl_timeout", qmgr) is not None)

    @contextlib.contextmanager
    def changing(self, settle=True):
        """Every call that may change the network's conditions: advance the network to now, change, settle (network.py).
        Takes the network's lock, which is every queue manager's lock."""
        with self.network.lock:
            now = time.monotonic()
            self.network.advance(now)
            yield now
            if settle:  # at the same now: the change happened then (a real clock moved a little meanwhile)
                self.network.settle(now)

    def reset(self):
        """Back to the seeded start state: journal, faults, counters, timing and config too (tokens stay valid)."""
        with self.network.lock:
            self._reset_state()

    # ----- timings and configurable behaviours (settings.py) -----------------------------------------------
    def set_timing(self, profile=None, **seconds):
        with self.changing():  # retry and DISCINT scales shape the senders' plans
            self.timing = settings.timing(self.timing, profile, **seconds)
            return dict(self.timing)

    def set_config(self, **values):
        with self.changing():
            self.config = settings.config(self.config, **values)
            return self.get_config()

    def get_config(self):
        return dict(self.config, ltpa_cookie_name=self.auth.cookie_name())

    # ----- faults that act on the lifecycle when they come or go -------------------------------------------
    def add_fault(self, fault):
        with self.changing():  # a 'stuck' fault holds transitions that begin while it exists
            return self.faults.add(fault)

    def clear_faults(self):
        with self.changing() as now:
            self.faults.clear()
            for qm in self.qmgrs.values():  # an application that would not disconnect goes; a held command server starts
                commands.release(self, qm, now)
