# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The emulator's timings (profiles zero, fast, realistic and per-key seconds) and its configurable behaviours (README
"Runtime state" and "Configurable behaviours"): the tables and their validation."""

TIMING_KEYS = ("channel_start", "channel_stop", "listener_start", "listener_stop", "service_start", "service_stop", "qmgr_start",
               "channel_retry_scale", "channel_discint_scale", "client_reconnect_delay", "client_reconnect_spread",
               "qmgr_end", "client_disconnect", "cmdserv_start", "chinit_start", "log_replay_mib_per_s", "nativeha_failover",
               "nativeha_replica_start", "nativeha_log_kib_per_s", "nativeha_catchup_kib_per_s",
               "refresh_ssl_limit")
# Seconds per phase; the reference only says "short configurable delays of about 0.1-2 s" (§5.3 [I]). The *_scale keys
# multiply MQ seconds: SHORTTMR/LONGTMR retries are fast in tests (60 s takes 0.06 s in zero), while DISCINT(6000) keeps its
# real 100 minutes everywhere, so an idle sender does not go INACTIVE between two runs of a playbook (tests set DISCINT low).
NETWORK_TIMING = {"zero": (0.001, 1.0, 0.0, 0.0), "fast": (0.005, 1.0, 0.2, 0.5), "realistic": (0.05, 1.0, 1.0, 5.0)}
PROFILES = {
    "zero": dict.fromkeys(TIMING_KEYS[:7], 0.0),
    "fast": {"channel_start": 0.3, "channel_stop": 0.15, "listener_start": 0.2, "listener_stop": 0.1, "service_start": 0.2,
             "service_stop": 0.1, "qmgr_start": 0.3},
    "realistic": {"channel_start": 1.5, "channel_stop": 1.0, "listener_start": 1.0, "listener_stop": 1.0, "service_start": 1.0,
                  "service_stop": 1.0, "qmgr_start": 2.0},
}
# The queue-manager lifecycle (lifecycle.py): seconds an immediate end takes, seconds the clients take to disconnect in a
# controlled end, the command server and channel initiator after 'running', and the log replay rate in MiB/s (0: instant).
# Real restarts take "a few seconds to a minute" (seed 001); these keep tests fast while keeping the order of the milestones.
# Native HA (nativeha.py): the election after the active instance ends (then the new active starts as strmqm would), a
# replica's strmqm until it is connected to the active, the log the active writes per second (a stopped or lagging
# replica's BACKLOG grows by it), and the rate at which a returning replica catches up (0: at once). [I] all: IBM gives no
# figures; a log rate is a workload, not a time, so every profile has the same one.
LIFECYCLE_TIMING = {"zero": (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1024.0, 0.0),
                    "fast": (0.1, 0.2, 0.1, 0.1, 200.0, 0.2, 0.2, 1024.0, 102400.0),
                    "realistic": (1.0, 2.0, 1.0, 1.0, 100.0, 3.0, 2.0, 1024.0, 20480.0)}
# REFRESH SECURITY TYPE(SSL) fails with AMQ9710 when the TLS channels take longer than 10 minutes to stop ([V] IBM-REFRESH-SEC-92):
# those 600 seconds scaled like the channels' retry timers (channel_retry_scale), so a stop the profile makes take
# channel_stop seconds is well inside it, and the refresh_ssl_timeout fault exceeds it.
REFRESH_SSL_LIMIT = 600.0
for _profile, _values in NETWORK_TIMING.items():
    PROFILES[_profile].update(zip(TIMING_KEYS[7:11], _values))
    PROFILES[_profile].update(zip(TIMING_KEYS[11:20], LIFECYCLE_TIMING[_profile]))
    PROFILES[_profile]["refresh_ssl_limit"] = REFRESH_SSL_LIMIT * _values[0]
# Configurable (uncertain) behaviours: name -> (default, allowed values or a type). See README "Configurable behaviours".
CONFIG = {
    "response_parameters_noop": (True, bool),
    # IBM APAR IT27694 (9.x): STOP ... STATUS(STOPPED) on an inactive channel leaves a STOPPED record; "error" is the 4064
    # of a WebSphere MQ 7.0 transcript (the one release it is seen in).
    "stop_inactive_channel": ("stopped_record", ("stopped_record", "error")),
    # STOP ... STATUS(INACTIVE) on a STOPPED channel: IT40956 moves one to INACTIVE ([I]); "error" answers 4064.
    "stop_stopped_channel_inactive": ("inactive", ("inactive", "error")),
    # START on a STARTING channel: 4031 as for an active one ([I]); "accepted" lets the start under way go on.
    "start_starting_channel": ("in_use", ("in_use", "accepted")),
    # DELETE/CLEAR QLOCAL of an open queue: 2042 MQRC_OBJECT_IN_USE or 4004 MQRCCF_OBJECT_OPEN; IBM names neither ([I]).
    "open_queue_reason": (2042, (2042, 4004)),
    "delete_channel_default_table": ("qmgrtbl", ("qmgrtbl", "either")),
    "cmdserv_down_mode": ("element", ("element", "http500")),
    "invalid_attribute_mode": ("element", ("element", "http400")),
    "listener_port_conflict": ("vanish", ("vanish", "starting", "ignore")),
    "service_command_check": ("exists", ("exists", "always")),
    "display_default": ("minimal", ("minimal", "all")),
    "alter_listener_requires_trptype": (True, bool),
    "webuser_mutations": ("2035", ("2035", "allow", "403")),
    "ltpa_cookie_name": (None, str),
    "ltpa_expiration": (7200, (int, float)),
    "ltpa_over_http": (True, bool),
    "csrf_validation": (True, bool),
    "csrf_status": (403, int),
    "qmgr_down_status": (503, int),
    # Queue-manager lifecycle (commands.py, nativeha.py): README "Configurable behaviours".
    "switchover_without_standby": ("end", ("end", "refuse")),
    "nativeha_quorum_check": (True, bool),
    "replica_mqweb": ("2543", ("2543", "state")),
    "dspmq_active_exit": (5, int),
    "dspmq_all_fields": ("9.4", ("9.4", "rdqm")),
    "gateway_require_route": (False, bool),
    "strict_body_keys": (True, bool),
    "xmitq_error": ("stopped", ("stopped", "retrying")),
    "listener_stop_breaks_channels": (False, bool),
    "clients_after_channel_stop": ("reconnect", ("reconnect", "forget")),
    # Security (security.py, chlauth.py, oam.py): README "Configurable behaviours". chlauth_admin_svrconn_default is read
    # when a queue manager is created (--config, or the config of EmulatorServer, which reset() keeps).
    "chlauth_precedence": ("profile", ("profile", "type")),
    "chlauth_sslcerti_key": (True, bool),
    "chlauth_ignore_user_case": (False, bool),
    "chlauth_admin_svrconn_default": (True, bool),
    "chlauth_list_add": ("append", ("append", "exists")),
    "oam_security_policy": ("user", ("user", "group", "userexternal")),
    "authrec_alladm": ("unix", ("unix", "ibmi")),
    "authrec_display": ("expand", ("expand", "shorthand")),
    "authrec_class_records": (True, bool),
    "authrec_entity_key": ("entity", ("entity", "entname")),
    "security_list_values": ("array", ("array", "string")),
    "messaging_not_authorized_status": (403, int),
    # TLS channels (keyrepo.py): which key repository contents a new channel instance reads; 10.0 and 9.2 say it differently.
    "keystore_pickup": ("process", ("process", "refresh")),
}


def timing(current, profile=None, **seconds):
    """current with a profile and/or per-key seconds applied -> a new dict, or ValueError naming the key and the rule."""
    out = dict(current)
    if profile is not None:
        if profile not in PROFILES:
            raise ValueError(f"unknown timing profile {profile!r} (zero|fast|realistic)")
        out = dict(PROFILES[profile])
    for key, value in seconds.items():
        if key not in TIMING_KEYS or isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ValueError(f"bad timing {key}={value!r}; keys: {', '.join(TIMING_KEYS)}")
        out[key] = float(value)
    return out


def config(current, **values):
    """current with values applied -> a new dict, or ValueError naming the key or the value."""
    out = dict(current)
    for key, value in values.items():
        if key not in CONFIG:
            raise ValueError(f"unknown config key {key!r}")
        allowed = CONFIG[key][1]
        ok = value in allowed and not isinstance(value, bool) if isinstance(allowed, tuple) and not isinstance(allowed[0], type) else \
            isinstance(value, allowed) and not (isinstance(value, bool) and allowed is not bool)
        if not ok and not (key == "ltpa_cookie_name" and value is None):
            raise ValueError(f"bad value {value!r} for config {key}")
        out[key] = value
    return out


DEFAULT_CONFIG = {k: v[0] for k, v in CONFIG.items()}
