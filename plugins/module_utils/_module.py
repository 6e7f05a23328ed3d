# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""MQModule: AnsibleModule plus the shared connection options, the client and error reporting."""

from __future__ import annotations

import ssl

from ansible.module_utils.basic import AnsibleModule, missing_required_lib

from ._argspec import connection_spec, fold_choices
from ._attributes import validate_name
from ._client import MQClient
from ._errors import MQError, MQInputError
from ._transport import HAS_REQUESTS, REQUESTS_IMPORT_ERROR, RestTransport, parse_rest_url

__all__ = ["MQModule", "connection_method", "open_client"]


def check_client_key(client_cert, client_key, passphrase):
    """Load the client certificate and key once, so a bad passphrase fails before any request.

    Without this, OpenSSL would prompt on the terminal for the passphrase of an encrypted key.
    """
    if not client_cert:
        raise MQInputError("client_key needs client_cert: the key belongs to a client certificate")
    key_file = client_key or client_cert
    try:
        with open(key_file, "rb") as handle:
            encrypted = b"ENCRYPTED" in handle.read()
    except OSError as exc:
        raise MQInputError("client_key={0!r} cannot be read: {1}".format(key_file, exc.strerror))
    if encrypted and not passphrase:
        raise MQInputError("client_key={0!r} is encrypted: set client_key_passphrase (or MQ_REST_CLIENT_KEY_PASSPHRASE)".format(key_file))
    try:
        ssl.create_default_context().load_cert_chain(client_cert, client_key, password=passphrase.encode() if passphrase else None)
    except (ssl.SSLError, OSError):
        # The passphrase is never part of the message.
        rule = "client_key_passphrase does not decrypt it" if encrypted else "it is not a PEM private key that matches the certificate"
        raise MQInputError("client_cert={0!r} with client_key={1!r} cannot be loaded: {2}".format(client_cert, key_file, rule))


def connection_method(p, warn):
    """The auth method the connection options ask for, after their rules (MQInputError before any request is sent);
    ``warn(text)`` says what is allowed but unsafe. Shared with the qmgr_restart action, which reads the same options."""
    # First: a rest_url with credentials in it must be named as the problem, not "no credentials".
    parse_rest_url(p["rest_url"])
    method = p["auth_method"] or ("basic" if p["username"] else "certificate" if p["client_cert"] else None)
    if method is None:
        raise MQInputError("no credentials: set username and password (auth_method basic or ltpa) or client_cert and client_key")
    if method in ("basic", "ltpa") and not (p["username"] and p["password"]):
        raise MQInputError("auth_method={0!r} needs both username and password".format(method))
    if method == "certificate" and not p["client_cert"]:
        raise MQInputError("auth_method='certificate' needs client_cert (and client_key unless the key is in the same file)")
    validate_name(p["qmgr"], "qmgr", 48, "queue manager")
    if p["gateway_qmgr"]:
        validate_name(p["gateway_qmgr"], "gateway_qmgr", 48, "queue manager")
    if p["client_cert"] or p["client_key"]:
        check_client_key(p["client_cert"], p["client_key"], p["client_key_passphrase"])
    if not p["validate_certs"]:
        warn("validate_certs is false: the mqweb server's certificate is not checked; use ca_path instead")
    return method


def open_client(p, method, check_mode):
    """An MQClient over a new RestTransport (one pooled session) for the connection options ``p``."""
    transport = RestTransport(
        p["rest_url"], p["qmgr"], username=p["username"], password=p["password"], auth_method=method,
        client_cert=p["client_cert"], client_key=p["client_key"], ca_path=p["ca_path"],
        validate_certs=p["validate_certs"], gateway_qmgr=p["gateway_qmgr"],
        request_timeout=p["request_timeout"], retries=p["retries"], client_key_passphrase=p["client_key_passphrase"],
    )
    return MQClient(transport, check_mode=check_mode)


class _AnsibleModule(AnsibleModule):
    """AnsibleModule with choices folded to lower case between reading the arguments and validating them."""

    def _load_params(self):
        # AnsibleModule.__init__ reads the arguments here and checks them against the spec right after.
        super()._load_params()
        fold_choices(self.argument_spec, self.params)


class MQModule:
    """Wraps AnsibleModule; builds the REST client lazily, after all input is validated."""

    def __init__(self, spec):
        """``spec``: the module's ArgumentSpec; the connection options are added here. Its rules run before anything else."""
        spec.merge(connection_spec())
        self.module = _AnsibleModule(argument_spec=spec.argument_spec, supports_check_mode=True, **spec.module_kwargs)
        self.params = self.module.params
        self._client = None
        if not HAS_REQUESTS:
            self.module.fail_json(msg=missing_required_lib("requests"), exception=REQUESTS_IMPORT_ERROR)
        try:
            spec.validate(self.params)
        except MQInputError as exc:
            self.fail(exc)

    @property
    def check_mode(self):
        return self.module.check_mode

    @property
    def diff_mode(self):
        return self.module._diff

    def validate_connection(self):
        """Connection input rules; raises MQInputError before any request is sent."""
        return connection_method(self.params, self.module.warn)

    @property
    def client(self):
        if self._client is None:
            self._client = open_client(self.params, self.validate_connection(), self.check_mode)
        return self._client

    def exit(self, result):
        self._close()
        self._warn()
        if not self.diff_mode:
            result.pop("diff", None)
        self.module.exit_json(**result)

    def fail(self, error, **result):
        """Fail with ``error``: its message and facts, the partial result it carries (over ``result``), and from the
        client what was sent and whether MQ applied any of it."""
        self._close()
        self._warn()
        payload = dict(result)
        payload.update(error.result)
        if not self.diff_mode:
            payload.pop("diff", None)
        payload.update(error.fail_args())
        if self._client is not None:
            payload["commands"] = list(self._client.sent)
            payload["changed"] = self._client.applied > 0
        else:
            payload.setdefault("changed", False)
        self.module.fail_json(**payload)

    def _warn(self):
        if self._client is not None:
            for warning in self._client.warnings:
                self.module.warn(warning)

    def _close(self):
        if self._client is not None:
            try:
                self._client.transport.close()
            except MQError:
                pass
