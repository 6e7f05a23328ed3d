# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""TLS against the emulator's test PKI: verification, wrong scheme, and client keys with a passphrase."""

from __future__ import annotations

import os

import pytest

from mqemu import EmulatorServer

from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQInputError, MQTransportError
from ansible_collections.mqrest.admin.plugins.module_utils._module import check_client_key
from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
from ansible_collections.mqrest.admin.plugins.module_utils._transport import RestTransport

DISPLAY_QMGR = MQSCCommand("DISPLAY", "QMGR", response_parameters=["all"])
PASSPHRASE = "clientkeypass"  # what the emulator's --tls PKI encrypts client-<user>-encrypted.key with


@pytest.fixture(scope="module")
def tls_emulator():
    with EmulatorServer(qmgrs=["QM1"], tls=True, timing="zero") as server:
        yield server


def pki(server, name):
    return os.path.join(server.state_dir, name)


def transport(url, **options):
    options.setdefault("retries", 0)
    options.setdefault("request_timeout", 5)
    return RestTransport(url, "QM1", **options)


def test_basic_auth_with_ca_path(tls_emulator):
    rows = transport(tls_emulator.base_url, username="admin", password="passw0rd", auth_method="basic",
                     ca_path=tls_emulator.ca_path).run_mqsc(DISPLAY_QMGR)
    assert rows[0]["qmname"] == "QM1"


def test_unverifiable_certificate_says_to_set_ca_path(tls_emulator):
    tls_emulator.model.clear_journal()
    with pytest.raises(MQTransportError) as info:
        transport(tls_emulator.base_url, username="admin", password="passw0rd", auth_method="basic").run_mqsc(DISPLAY_QMGR)
    assert "CERTIFICATE_VERIFY_FAILED" in info.value.msg and "set ca_path" in info.value.msg
    assert info.value.reached is False
    assert tls_emulator.model.journal() == []


def test_http_url_against_an_https_server_says_to_use_https(tls_emulator):
    url = tls_emulator.base_url.replace("https://", "http://")
    with pytest.raises(MQTransportError) as info:
        transport(url, username="admin", password="passw0rd", auth_method="basic").run_mqsc(DISPLAY_QMGR)
    assert "try https://" in info.value.msg


def test_https_url_against_an_http_server_says_to_check_the_scheme(mq):
    url = mq.base_url.replace("http://", "https://")
    with pytest.raises(MQTransportError) as info:
        transport(url, username="admin", password="passw0rd", auth_method="basic").run_mqsc(DISPLAY_QMGR)
    assert "did not answer with TLS" in info.value.msg and "scheme" in info.value.msg


def test_client_certificate_with_an_encrypted_key_and_its_passphrase(tls_emulator):
    cert, key = pki(tls_emulator, "client-admin.pem"), pki(tls_emulator, "client-admin-encrypted.key")
    check_client_key(cert, key, PASSPHRASE)
    rows = transport(tls_emulator.base_url, auth_method="certificate", client_cert=cert, client_key=key,
                     client_key_passphrase=PASSPHRASE, ca_path=tls_emulator.ca_path).run_mqsc(DISPLAY_QMGR)
    assert rows[0]["qmname"] == "QM1"


@pytest.mark.parametrize("passphrase,rule", [
    (None, "is encrypted: set client_key_passphrase"),
    ("not-the-passphrase-7731", "client_key_passphrase does not decrypt it"),
])
def test_encrypted_key_problems_fail_before_any_request(tls_emulator, passphrase, rule):
    cert, key = pki(tls_emulator, "client-admin.pem"), pki(tls_emulator, "client-admin-encrypted.key")
    with pytest.raises(MQInputError) as info:
        check_client_key(cert, key, passphrase)
    assert rule in info.value.msg
    assert "not-the-passphrase" not in info.value.msg


def test_key_that_does_not_match_the_certificate(tls_emulator):
    with pytest.raises(MQInputError, match="not a PEM private key that matches the certificate"):
        check_client_key(pki(tls_emulator, "client-admin.pem"), pki(tls_emulator, "client-reader.key"), None)
