# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    # Paired with connection_spec() in plugins/module_utils/_argspec.py.
    DOCUMENTATION = r"""
options:
  rest_url:
    description:
      - Base URL of the IBM MQ administrative REST API, for example V(https://mqhost:9443/ibmmq/rest/v2).
      - The V(v1), V(v2) and V(v3) prefixes are accepted.
      - A path prefix before C(/ibmmq/rest/vN) is kept, for an API gateway or reverse proxy that routes by path,
        for example V(https://gw.example.com/mq-prod/ibmmq/rest/v2).
      - A proxy is taken from the E(HTTPS_PROXY) (E(HTTP_PROXY) for C(http://) URLs) and E(NO_PROXY) environment
        variables of the controller, as the Python C(requests) library reads them.
      - Must not contain credentials.
      - If not set, the value of the E(MQ_REST_URL) environment variable is used.
    type: str
    required: true
  qmgr:
    description:
      - Name of the queue manager to manage. Queue manager names are case-sensitive.
      - If not set, the value of the E(MQ_QMGR) environment variable is used.
    type: str
    required: true
  username:
    description:
      - User name for O(auth_method=basic) or O(auth_method=ltpa). User names are case-sensitive.
      - If not set, the value of the E(MQ_REST_USERNAME) environment variable is used.
    type: str
  password:
    description:
      - Password for O(username).
      - If not set, the value of the E(MQ_REST_PASSWORD) environment variable is used.
    type: str
  auth_method:
    description:
      - How to authenticate to the mqweb server.
      - V(basic) sends HTTP basic authentication with every request.
      - V(ltpa) logs in once per task (C(POST /login)) and sends the C(LtpaToken2*) cookie; an expired
        token is renewed once, automatically.
      - V(certificate) authenticates with the TLS client certificate O(client_cert).
      - Defaults to V(basic) when O(username) is set, otherwise V(certificate) when O(client_cert) is set.
      - If not set, the value of the E(MQ_REST_AUTH_METHOD) environment variable is used.
    type: str
    choices: [basic, ltpa, certificate]
  client_cert:
    description:
      - PEM file with the TLS client certificate (and optionally its key) for O(auth_method=certificate).
      - If not set, the value of the E(MQ_REST_CLIENT_CERT) environment variable is used.
    type: path
  client_key:
    description:
      - PEM file with the private key of O(client_cert). If it is encrypted, set O(client_key_passphrase).
      - If not set, the value of the E(MQ_REST_CLIENT_KEY) environment variable is used.
    type: path
  client_key_passphrase:
    description:
      - Passphrase of an encrypted O(client_key) (or of the key inside O(client_cert)).
      - The key is loaded before any request, so a wrong passphrase fails the task without contacting the server.
        The passphrase never appears in results or messages.
      - If not set, the value of the E(MQ_REST_CLIENT_KEY_PASSPHRASE) environment variable is used.
    type: str
  ca_path:
    description:
      - PEM file with the CA certificate(s) that signed the mqweb server certificate.
      - Prefer this over O(validate_certs=false) for private CAs.
      - If not set, the value of the E(MQ_REST_CA_PATH) environment variable is used.
    type: path
  validate_certs:
    description:
      - Whether to verify the mqweb server's TLS certificate. Setting V(false) prints a warning (once per task).
      - When the certificate does not verify, the task fails with a message that says to set O(ca_path).
      - If not set, the value of the E(MQ_REST_VALIDATE_CERTS) environment variable is used.
    type: bool
    default: true
  gateway_qmgr:
    description:
      - Route commands through this gateway queue manager (the C(ibm-mq-rest-gateway-qmgr) header),
        to reach a queue manager that the mqweb server cannot reach directly.
      - If not set, the value of the E(MQ_REST_GATEWAY_QMGR) environment variable is used.
    type: str
  request_timeout:
    description:
      - Seconds to wait for each HTTP response.
    type: float
    default: 30
  retries:
    description:
      - How many times a read (C(DISPLAY)) is retried after a connection error, a timeout or HTTP
        502, 503 or 504, with exponential backoff and jitter (each wait is a random time between half and all of
        0.25, 0.5, 1, 2, then 4 seconds), so that many forks do not retry in lockstep. Commands that change
        objects are never retried.
      - When a command that changes an object gets no answer (the connection drops, the request times out, or a
        proxy answers 502 or 504), the object is read again to learn whether MQ applied it. If it did, the task goes on
        and warns; if it did not, the task fails and says that the command changed nothing.
      - Between 0 and 10.
    type: int
    default: 3
notes:
  - "Modules of this collection run on the controller. Use C(connection: local) or C(delegate_to: localhost),
    with one inventory host per queue manager."
  - Set the connection options once per play with C(module_defaults) and the action group
    C(group/mqrest.admin.mq).
  - Options with choices also accept them in MQ's own upper case (V(SDR), V(QMGR), V(FORCE)), and in any mix of case;
    the value is folded to the documented lower case before anything else, and results show it in lower case.
requirements:
  - requests >= 2.25
"""
