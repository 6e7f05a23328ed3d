# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""Every module option declared once, with the rules Ansible's argument spec cannot express beside it.

An ArgumentSpec is an argument spec plus its validators; modules merge the pieces they take. The object
options come from the attribute tables (_objects), so mq_listener's ``port`` and an mq_objects listener
entry's ``port`` are the same declaration. Each piece pairs with the doc fragment of the same name
(plugins/doc_fragments/); ansible-test's validate-modules checks every module's docs against its spec.
"""

from __future__ import annotations

from ansible.module_utils.basic import env_fallback

from ._attributes import UPDATE_PASSWORD
from ._errors import MQInputError

__all__ = ["ArgumentSpec", "connection_spec", "wait_spec", "object_spec", "channel_stop_spec", "rolling_spec", "qmgr_wait_spec",
           "qmgr_restart_spec", "entry_options", "ENTRY_STATES", "SET_MODES", "fold_choices", "refresh_security_spec", "SSL_REFRESH_DEFAULTS",
           "ssl_refresh_options", "cert_rotation_spec"]


def _greater_than_zero(option):
    def check(params):
        if params.get(option) is not None and params[option] <= 0:
            raise MQInputError("{0}={1!r} must be greater than 0 seconds".format(option, params[option]))
    return check


def _not_negative(option):
    def check(params):
        if params.get(option) is not None and params[option] < 0:
            raise MQInputError("{0}={1!r} must be 0 or more seconds".format(option, params[option]))
    return check


def _between(option, low, high):
    def check(params):
        if params.get(option) is not None and not low <= params[option] <= high:
            raise MQInputError("{0}={1!r} must be between {2} and {3}".format(option, params[option], low, high))
    return check


def fold_choices(argument_spec, params):
    """Fold a choice given in MQ's own upper case (``type: SDR``, ``control: QMGR``, ``stop_mode: FORCE``) to the
    documented lower case, in place, before Ansible checks the choices; suboptions (mq_objects entries) too.

    The documented choices stay lower case, as every result shows them; only a value whose lower case is one of them
    is folded, so anything else still fails Ansible's own check, which names the option and the choices.
    """
    for option, spec in argument_spec.items():
        value = params.get(option) if isinstance(params, dict) else None
        if value is None:
            continue
        choices = spec.get("choices")
        if choices:
            fold = {str(c).lower(): c for c in choices}
            if isinstance(value, bool) and {"yes", "no"} <= set(fold):
                # YAML reads an unquoted yes or no as a boolean: a topic's durable_subscriptions: yes means the choice.
                params[option] = fold["yes" if value else "no"]
            elif isinstance(value, str) and value not in choices:
                params[option] = fold.get(value.lower(), value)
            elif isinstance(value, list):
                params[option] = [fold.get(v.lower(), v) if isinstance(v, str) and v not in choices else v for v in value]
        if spec.get("options"):
            for item in value if isinstance(value, list) else [value]:
                fold_choices(spec["options"], item)


class ArgumentSpec:
    """An argument spec with the validators of its options; ``merge`` combines pieces into a module's spec."""

    def __init__(self, argument_spec=None, validators=(), **module_kwargs):
        self.argument_spec = dict(argument_spec or {})
        self.validators = list(validators)
        self.module_kwargs = {k: list(v) for k, v in module_kwargs.items()}

    def merge(self, *others):
        for other in others:
            self.argument_spec.update(other.argument_spec)
            self.validators.extend(other.validators)
            for key, value in other.module_kwargs.items():
                self.module_kwargs.setdefault(key, []).extend(value)
        return self

    def validate(self, params):
        """Raise MQInputError naming the option, the value and the rule; nothing has been sent yet."""
        for check in self.validators:
            check(params)


def connection_spec():
    """Paired with doc fragment mqrest.admin.connection. Every option also reads an environment variable (AWX credentials)."""
    return ArgumentSpec(dict(
        rest_url=dict(type="str", required=True, fallback=(env_fallback, ["MQ_REST_URL"])),
        qmgr=dict(type="str", required=True, fallback=(env_fallback, ["MQ_QMGR"])),
        username=dict(type="str", fallback=(env_fallback, ["MQ_REST_USERNAME"])),
        password=dict(type="str", no_log=True, fallback=(env_fallback, ["MQ_REST_PASSWORD"])),
        auth_method=dict(type="str", choices=["basic", "ltpa", "certificate"], fallback=(env_fallback, ["MQ_REST_AUTH_METHOD"])),
        client_cert=dict(type="path", fallback=(env_fallback, ["MQ_REST_CLIENT_CERT"])),
        client_key=dict(type="path", no_log=False, fallback=(env_fallback, ["MQ_REST_CLIENT_KEY"])),
        client_key_passphrase=dict(type="str", no_log=True, fallback=(env_fallback, ["MQ_REST_CLIENT_KEY_PASSPHRASE"])),
        ca_path=dict(type="path", fallback=(env_fallback, ["MQ_REST_CA_PATH"])),
        validate_certs=dict(type="bool", default=True, fallback=(env_fallback, ["MQ_REST_VALIDATE_CERTS"])),
        gateway_qmgr=dict(type="str", fallback=(env_fallback, ["MQ_REST_GATEWAY_QMGR"])),
        request_timeout=dict(type="float", default=30.0),
        retries=dict(type="int", default=3),
    ), validators=[_greater_than_zero("request_timeout"), _between("retries", 0, 10)])


def wait_spec(with_switch=True):
    """Paired with doc fragment mqrest.admin.wait (mq_restart always waits, so it has no ``wait`` switch)."""
    spec = dict(wait_timeout=dict(type="float", default=60.0), poll_interval=dict(type="float", default=1.0),
                outage_grace=dict(type="float", default=15.0))
    if with_switch:
        spec["wait"] = dict(type="bool", default=True)
    return ArgumentSpec(spec, validators=[_greater_than_zero("wait_timeout"), _greater_than_zero("poll_interval"),
                                          _greater_than_zero("outage_grace")])


def channel_stop_spec():
    """Paired with doc fragment mqrest.admin.channel_stop: the STOP CHANNEL options and the RETRYING grace."""
    return ArgumentSpec(dict(
        stop_mode=dict(type="str", choices=["quiesce", "force", "terminate"], default="quiesce"),
        stop_status=dict(type="str", choices=["stopped", "inactive"], default="stopped"),
        retrying_grace=dict(type="float", default=0.0),
    ), validators=[_not_negative("retrying_grace")])


def rolling_spec():
    """mq_restart's options for one queue manager's rolling restart (with ``targets``)."""
    def logutil(params):
        limit = (params.get("preflight") or {}).get("max_logutil")
        if limit is not None and not 0 <= limit <= 100:
            raise MQInputError("preflight.max_logutil={0!r} must be a percentage between 0 and 100".format(limit))
    return ArgumentSpec(dict(
        preflight=dict(type="dict", options=dict(retrying_channels=dict(type="bool", default=True), max_logutil=dict(type="int"))),
        health_checks=dict(type="int", default=0),
        health_interval=dict(type="float", default=2.0),
        health_timeout=dict(type="float", default=60.0),
        start_not_running=dict(type="bool", default=False),
        recover=dict(type="bool", default=True),
    ), validators=[_between("health_checks", 0, 100), _greater_than_zero("health_interval"), _greater_than_zero("health_timeout"), logutil])


# mq_qmgr_wait polls at most this often: a recovering queue manager must not be hammered (guide_qmgr_restart.rst).
QMGR_POLL_FLOOR = 0.2


def qmgr_wait_spec(milestones):
    """mq_qmgr_wait's options; ``milestones``: the names of its milestone table (_qmgr), in order."""
    def rules(params):
        if params["poll_interval"] < QMGR_POLL_FLOOR:
            raise MQInputError("poll_interval={0!r} must be at least {1} seconds: a restarting queue manager is polled at most "
                               "{2:g} times a second".format(params["poll_interval"], QMGR_POLL_FLOOR, 1 / QMGR_POLL_FLOOR))
        if params["since"] is not None and params["since"] <= 0:
            raise MQInputError("since={0!r} must be epoch seconds (time.time() on the controller)".format(params["since"]))
        chosen = params["milestones"]
        if chosen is not None and (not chosen or len(set(chosen)) != len(chosen)):
            raise MQInputError("milestones={0!r} must name each milestone once, at least one".format(chosen))
        for key, value in (params["log_limits"] or {}).items():
            if value is not None and value < 0:
                raise MQInputError("log_limits.{0}={1!r} must be 0 or more".format(key, value))
        if params["log_limits"] is not None and not params["capture"]:
            raise MQInputError("log_limits judges the log state a capture reads: it needs capture=true")
        waits = [o for o in ("milestones", "listeners", "channels", "baseline") if params[o] is not None]
        if params["capture"] and params["state"] != "started":
            raise MQInputError("capture=true reads what runs: drop state={0}".format(params["state"]))
        if params["capture"] and waits and params["milestones"] is None:
            # Without milestones a capture waits for nothing; with them it waits, then captures (the role's health gate).
            raise MQInputError("capture=true waits only for the milestones given: add milestones or drop {0}".format(", ".join(waits)))
        if params["state"] == "ended" and waits:
            raise MQInputError("state=ended waits for the queue manager to end; {0} apply to state=started".format(", ".join(waits)))
    return ArgumentSpec(dict(
        state=dict(type="str", choices=["started", "ended"], default="started"),
        milestones=dict(type="list", elements="str", choices=list(milestones)),
        since=dict(type="float"),
        baseline=dict(type="dict"),
        capture=dict(type="bool", default=False),
        log_limits=dict(type="dict", options=dict(loginuse=dict(type="int"), logutil=dict(type="int"), recsz=dict(type="int"))),
        listeners=dict(type="list", elements="str"),
        channels=dict(type="list", elements="str"),
        connections_share=dict(type="float", default=0.9),
        # The deadline's name is wait_timeout, as in every other module; timeout, its first name here, stays an alias.
        wait_timeout=dict(type="float", default=300.0, aliases=["timeout"]),
        poll_interval=dict(type="float", default=0.5),
    ), validators=[_greater_than_zero("wait_timeout"), _between("connections_share", 0, 1), rules])


def qmgr_restart_spec():
    """The qmgr_restart action's options (its documentation: plugins/modules/qmgr_restart.py); the connection options
    come from connection_spec."""
    def rules(params):
        if params["poll_interval"] < QMGR_POLL_FLOOR:
            raise MQInputError("poll_interval={0!r} must be at least {1} seconds: a restarting queue manager is polled at most "
                               "{2:g} times a second".format(params["poll_interval"], QMGR_POLL_FLOOR, 1 / QMGR_POLL_FLOOR))
        for option in ("stop_command", "start_command"):
            if params[option] is not None and not params[option].strip():
                raise MQInputError("{0}={1!r} must be a command line; leave it out for endmqm/strmqm".format(option, params[option]))
        for key, value in (params["log_limits"] or {}).items():
            if value is not None and value < 0:
                raise MQInputError("log_limits.{0}={1!r} must be 0 or more".format(key, value))
        if params["plan"] and not params["instances"]:
            raise MQInputError("plan=true orders the instances of a group: it needs instances (the inventory hosts of the instances)")
        instance = params["instance"]
        if instance is not None and params["switchover"]:
            raise MQInputError("switchover=true is for a multi-instance queue manager restarted from its active host without "
                               "instances; with instance, its role decides (the active one switches over)")
        if instance is not None and params["plan"]:
            raise MQInputError("plan=true returns the order of the instances and restarts none: drop instance")
    return ArgumentSpec(dict(
        stop_mode=dict(type="str", choices=["controlled", "wait", "immediate"], default="immediate"),
        escalate_preemptive=dict(type="bool", default=False),
        switchover=dict(type="bool", default=False),
        stop_command=dict(type="str"),
        start_command=dict(type="str"),
        end_timeout=dict(type="float", default=120.0),
        start_timeout=dict(type="float", default=600.0),
        poll_interval=dict(type="float", default=0.5),
        connections_share=dict(type="float", default=0.9),
        restore=dict(type="bool", default=True),
        priority=dict(type="list", elements="str", default=[]),
        restore_timeout=dict(type="float", default=60.0),
        health_timeout=dict(type="float", default=30.0),
        log_limits=dict(type="dict", apply_defaults=True, options=dict(loginuse=dict(type="int", default=70),
                                                                       logutil=dict(type="int", default=90), recsz=dict(type="int"))),
        instances=dict(type="list", elements="raw", default=[]),
        plan=dict(type="bool", default=False),
        check_role_vars=dict(type="str"),
        instance=dict(type="dict", options=dict(
            host=dict(type="str", required=True),
            name=dict(type="str", required=True),
            role=dict(type="str", required=True, choices=["active", "replica", "standby"]),
            group=dict(type="str", required=True, choices=["native_ha", "multi_instance"]),
        )),
    ), validators=[_greater_than_zero("end_timeout"), _greater_than_zero("start_timeout"), _greater_than_zero("restore_timeout"),
                   _greater_than_zero("health_timeout"), _between("connections_share", 0, 1), rules])


def cert_rotation_spec():
    """The cert_rotation action's options (its documentation: plugins/modules/cert_rotation.py); the connection options come
    from connection_spec."""
    def rules(params):
        label = params["label"]
        if not label.strip() or len(label) > 64:
            # CERTLABL is MQ_CERT_LABEL_LENGTH (64) characters ([V] IBM ALTER QMGR CERTLABL).
            raise MQInputError("label={0!r} must be a certificate label of 1 to 64 characters".format(label))
        if params["poll_interval"] < QMGR_POLL_FLOOR:
            raise MQInputError("poll_interval={0!r} must be at least {1} seconds".format(params["poll_interval"], QMGR_POLL_FLOOR))
        if params["label_check_command"] is not None and not params["label_check_command"].strip():
            raise MQInputError("label_check_command={0!r} must be a command line; leave it out for runmqakm".format(
                params["label_check_command"]))
        names = [name.strip().upper() for name in params["channels"]]
        if any(not name for name in names) or len(set(names)) != len(names):
            raise MQInputError("channels={0!r} must name each channel once".format(params["channels"]))
    return ArgumentSpec(dict(
        label=dict(type="str", required=True),
        channels=dict(type="list", elements="str", default=[]),
        key_repository=dict(type="str"),
        label_check=dict(type="bool", default=True),
        label_check_command=dict(type="str"),
        partners_check=dict(type="bool", default=True),
        wait_timeout=dict(type="float", default=600.0),
        poll_interval=dict(type="float", default=0.5),
        connections_share=dict(type="float", default=0.9),
        health_timeout=dict(type="float", default=30.0),
        rollback=dict(type="bool", default=True),
        check_role_vars=dict(type="str"),
    ), validators=[_greater_than_zero("wait_timeout"), _greater_than_zero("health_timeout"), _between("connections_share", 0, 1),
                   rules])


# What one object entry declares besides its attributes (documented by tools/generate_docs.py, from the rows): the identity
# option (``name``, or a row's own, such as a CHLAUTH ``profile``), then the state, then the row's shared options.
_OBJECT_OPTIONS = dict(
    state=dict(type="str", default="present", choices=["present", "absent", "started", "stopped", "restarted"]),
    attributes=dict(type="dict", default={}),
    recreate=dict(type="bool", default=False),
    force=dict(type="bool", default=False),
)


# The states of an mq_objects entry: no restarted, because one fan-out START or STOP per object is all mq_objects sends
# (mq_restart restarts many objects at once).
ENTRY_STATES = ["present", "absent", "started", "stopped"]

# How a set attribute is declared (Attr.mode_option): exactly, or as what the object must hold at least.
SET_MODES = ["exact", "add"]


def entry_options(object_type, restart=True):
    """The options that declare one object of ``object_type``: an mq_listener/mq_channel/mq_service/mq_queue task, or with
    ``restart=False`` an mq_objects entry (whose state has no restarted)."""
    identity = object_type.identity
    if object_type.singleton:
        # The queue manager's own row: no name to give, nothing to create, delete or recreate (ALTER QMGR only).
        options = dict(attributes=_OBJECT_OPTIONS["attributes"])
    else:
        # The queue manager's own authority record has no profile (Identity.optional): then the option is left out.
        options = {identity.option: dict(type="str", required=not identity.optional)}
        options.update((k, v) for k, v in _OBJECT_OPTIONS.items() if k == "state" or k in object_type.shared_options or
                       (k == "force" and object_type.lifecycle is not None))
        if object_type.lifecycle is None:
            # Nothing runs (queues): only present and absent, and nothing to stop before a delete.
            options["state"] = dict(options["state"], choices=["present", "absent"])
        elif not restart:
            options["state"] = dict(options["state"], choices=list(ENTRY_STATES))
    if object_type.messages:
        # Paired with mq_queue's purge: delete (or recreate) a local queue that holds messages, with DELETE QLOCAL PURGE.
        options["purge"] = dict(type="bool", default=False)
    if object_type.secret_keywords:
        # A secret cannot be compared (DISPLAY shows it masked): when to send it (Attr.secret).
        options["update_password"] = dict(type="str", choices=list(UPDATE_PASSWORD), default="on_create")
    options.update(object_type.option_argspec())
    if identity.keys and object_type.subtype_attr is not None:
        # A record's subtype is part of its identity (a CHLAUTH TYPE, an authority record's OBJTYPE): always given.
        options[object_type.subtype_attr.option] = dict(options[object_type.subtype_attr.option], required=True)
    for attr in object_type.attrs:
        if attr.mode_option:
            options[attr.mode_option] = dict(type="str", choices=list(SET_MODES), default="exact")
    return options


def object_spec(object_type):
    """The whole argument spec of the single-object module of ``object_type`` (mq_listener, mq_channel, mq_service, mq_queue)."""
    spec = ArgumentSpec(entry_options(object_type)).merge(connection_spec())
    if object_type.lifecycle is not None:
        spec.merge(wait_spec())
    if object_type.lifecycle is not None and object_type.lifecycle.stop_options:
        spec.merge(channel_stop_spec())
    # mq_channel's xmitq_check: whether a missing or wrong object that an attribute names warns, fails or is ignored.
    for keyword in object_type.references:
        option = object_type.by_keyword[keyword].option + "_check"
        spec.argument_spec[option] = dict(type="str", choices=["warn", "fail", "ignore"], default="warn")
    return spec


# The waiting options of mq_refresh_security with type=ssl, and their values when left out. They have no argument-spec
# default, so that giving one with another type (which waits for nothing) is refused instead of ignored.
SSL_REFRESH_DEFAULTS = dict(wait=True, wait_timeout=120.0, poll_interval=1.0, connections_share=0.9)


def refresh_security_spec(types):
    """mq_refresh_security's options; ``types``: the REFRESH SECURITY types it may send (_types.REFRESH_TYPES)."""
    def ssl_only(params):
        given = [option for option in SSL_REFRESH_DEFAULTS if params.get(option) is not None]
        if given and params["type"] != "ssl":
            raise MQInputError("{0}={1!r}: applies to type=ssl only (the refresh that bounces the TLS channels and waits for "
                               "them); type={2} waits for nothing".format(given[0], params[given[0]], params["type"]))
    return ArgumentSpec(dict(type=dict(type="str", required=True, choices=[t.lower() for t in types]),
                             wait=dict(type="bool"), wait_timeout=dict(type="float"), poll_interval=dict(type="float"),
                             connections_share=dict(type="float")),
                        validators=[ssl_only, _greater_than_zero("wait_timeout"), _greater_than_zero("poll_interval"),
                                    _between("connections_share", 0, 1)])


def ssl_refresh_options(params):
    """refresh_ssl's keyword arguments from mq_refresh_security's options, with SSL_REFRESH_DEFAULTS for those left out."""
    values = {option: default if params.get(option) is None else params[option] for option, default in SSL_REFRESH_DEFAULTS.items()}
    return dict(wait=values["wait"], timeout=values["wait_timeout"], poll_interval=values["poll_interval"],
                connections_share=values["connections_share"])
