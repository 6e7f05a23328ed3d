# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Test PKI for --tls: a CA, a server certificate for localhost/127.0.0.1 and one client certificate per user.

Like the container's self-signed certificate (§7) but CA-signed, so clients can verify instead of using verify=False.
"""

import datetime
import ipaddress
import os

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CLIENT_KEY_PASSPHRASE = b"clientkeypass"


def _name(common_name):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "mqemu"), x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _cert(subject, key, issuer, issuer_key, ca=False, sans=None, usage=None):
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer).public_key(key.public_key())
               .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(hours=1))
               .not_valid_after(now + datetime.timedelta(days=30))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
               # Python 3.13 verifies with VERIFY_X509_STRICT, which rejects a certificate without an authority key id.
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
               .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    if usage:
        builder = builder.add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _write(path, data):
    with open(path, "wb") as handle:
        handle.write(data)


def _key_pem(key, password=None):
    encryption = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)


def generate(state_dir, host, users):
    """Write ca.pem, server.pem, server.key, client-<user>.pem/.key and client-<user>-encrypted.key; return the CA path."""
    os.makedirs(state_dir, exist_ok=True)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = _name("mqemu test CA")
    ca = _cert(ca_name, ca_key, ca_name, ca_key, ca=True)
    _write(os.path.join(state_dir, "ca.pem"), ca.public_bytes(serialization.Encoding.PEM))
    sans = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.IPAddress(ipaddress.ip_address("::1"))]
    if host not in ("localhost", "127.0.0.1", "::1", "0.0.0.0", ""):
        try:
            sans.append(x509.IPAddress(ipaddress.ip_address(host)))
        except ValueError:
            sans.append(x509.DNSName(host))
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = _cert(_name("localhost"), server_key, ca_name, ca_key, sans=sans, usage=ExtendedKeyUsageOID.SERVER_AUTH)
    _write(os.path.join(state_dir, "server.pem"), server.public_bytes(serialization.Encoding.PEM))
    _write(os.path.join(state_dir, "server.key"), _key_pem(server_key))
    for user in users:
        key = ec.generate_private_key(ec.SECP256R1())
        cert = _cert(_name(user), key, ca_name, ca_key, usage=ExtendedKeyUsageOID.CLIENT_AUTH)
        _write(os.path.join(state_dir, f"client-{user}.pem"), cert.public_bytes(serialization.Encoding.PEM))
        _write(os.path.join(state_dir, f"client-{user}.key"), _key_pem(key))
        _write(os.path.join(state_dir, f"client-{user}-encrypted.key"), _key_pem(key, CLIENT_KEY_PASSPHRASE))
    return os.path.join(state_dir, "ca.pem")
