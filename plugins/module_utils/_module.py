# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""MQModule: AnsibleModule plus the shared connection options, the client and error reporting.

The argument specs here pair with the doc fragments of the same name
(plugins/doc_fragments/_connection.py, _wait.py); a unit test keeps them in step.
"""

from __future__ import annotations

import ssl

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ._attributes import validate_name
from ._client import MQClient
from ._errors import MQError, MQInputError
from ._transport import HAS_REQUESTS, REQUESTS_IMPORT_ERROR, RestTransport

__all__ = ["MQModule", "CONNECTION_ARGSPEC", "WAIT_ARGSPEC", "OBJECT_ARGSPEC"]

# Paired with doc fragment mqrest.admin._connection.
CONNECTION_ARGSPEC = dict(
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
)

# Paired with doc fragment mqrest.admin._wait.
WAIT_ARGSPEC = dict(
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="float", default=60.0),
    poll_interval=dict(type="float", default=1.0),
)

# Paired with doc fragment mqrest.admin._object.
OBJECT_ARGSPEC = dict(
    name=dict(type="str", required=True),
    state=dict(type="str", default="present", choices=["present", "absent", "started", "stopped"]),
    attributes=dict(type="dict", default={}),
    recreate=dict(type="bool", default=False),
    force=dict(type="bool", default=False),
)


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


class MQModule:
    """Wraps AnsibleModule; builds the REST client lazily, after all input is validated."""

    def __init__(self, argument_spec, **kwargs):
        spec = dict(CONNECTION_ARGSPEC)
        spec.update(argument_spec)
        self.module = AnsibleModule(argument_spec=spec, supports_check_mode=True, **kwargs)
        self.params = self.module.params
        self._client = None
        if not HAS_REQUESTS:
            self.module.fail_json(msg=missing_required_lib("requests"), exception=REQUESTS_IMPORT_ERROR)

    @property
    def check_mode(self):
        return self.module.check_mode

    @property
    def diff_mode(self):
        return self.module._diff

    def validate_connection(self):
        """Connection input rules; raises MQInputError before any request is sent."""
        p = self.params
        for option in ("request_timeout",):
            if p[option] <= 0:
                raise MQInputError("{0}={1!r} must be greater than 0 seconds".format(option, p[option]))
        if p["retries"] < 0 or p["retries"] > 10:
            raise MQInputError("retries={0!r} must be between 0 and 10".format(p["retries"]))
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
            self.module.warn("validate_certs is false: the mqweb server's certificate is not checked; use ca_path instead")
        return method

    @property
    def client(self):
        if self._client is None:
            p = self.params
            method = self.validate_connection()
            transport = RestTransport(
                p["rest_url"], p["qmgr"], username=p["username"], password=p["password"], auth_method=method,
                client_cert=p["client_cert"], client_key=p["client_key"], ca_path=p["ca_path"],
                validate_certs=p["validate_certs"], gateway_qmgr=p["gateway_qmgr"],
                request_timeout=p["request_timeout"], retries=p["retries"], client_key_passphrase=p["client_key_passphrase"],
            )
            self._client = MQClient(transport, check_mode=self.check_mode)
        return self._client

    def validate_wait(self):
        p = self.params
        for option in ("wait_timeout", "poll_interval"):
            if p.get(option) is not None and p[option] <= 0:
                raise MQInputError("{0}={1!r} must be greater than 0 seconds".format(option, p[option]))
        if p.get("retrying_grace") is not None and p["retrying_grace"] < 0:
            raise MQInputError("retrying_grace={0!r} must be 0 or more seconds".format(p["retrying_grace"]))

    def exit(self, result):
        self._close()
        self._warn()
        if not self.diff_mode:
            result.pop("diff", None)
        self.module.exit_json(**result)

    def fail(self, error, **result):
        self._close()
        self._warn()
        payload = dict(result)
        if not self.diff_mode:
            payload.pop("diff", None)
        payload.update(error.fail_args())
        if self._client is not None and "commands" not in payload:
            payload["commands"] = list(self._client.sent)
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
