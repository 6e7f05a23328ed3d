# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""TLS channels (README "TLS channels"): each queue manager's key repository (personal certificates by label, trusted
issuers), the label a channel end presents, and the TLS handshake of a channel that starts, with the AMQ messages a failed
one writes to each end's error log.

The key repository is a model, not a file: a certificate is {label, issuer (a CA name or DN), expires (an ISO date)}; the
trusted issuers are the CA certificates it holds. Which contents a new channel instance reads is IBM's "keystore pick-up",
described differently by 9.2 and 10.0 (config keystore_pickup, README "Configurable behaviours"):
- "process" (10.0, IBM-KEYREPO-REFRESH-10): "If the queue manager creates a new channel process ... after changing the
  contents of the keystore, the new process starts using the new certificates immediately, while existing processes
  continue to use their cached copy": every handshake reads the repository as it is now.
- "refresh" (9.2, IBM-KEYREPO-92): the queue manager picks up the new contents only at REFRESH SECURITY TYPE(SSL) (or a
  restart): every handshake reads the copy taken then, with the queue manager's CERTLABL of that moment.
A running channel instance keeps what it negotiated (its peer's issuer, the time of its handshake) until it restarts or a
REFRESH SECURITY TYPE(SSL) bounces it (network.Network.refresh_ssl).
"""

import datetime

DEFAULT_ISSUER = "mqemu-ca"
LABEL_MAX = 64  # CERTLABL is at most 64 characters ([R]; the collection checks the same length)
PICKUP_MODES = ("process", "refresh")

# The error-log messages of a failed handshake: (message, explanation), inserts by name.
# [S] AMQ9642 and AMQ9637 as a client and its queue manager logged them for a missing personal certificate (IBM-IT15978);
# [S] AMQ9633's text and its certificate details (IBM-AMQ9633); [R] AMQ9665's text. Which end logs which message when the
# responding end lacks its certificate, or for an expired certificate, is [I] (README fidelity table).
LOG = {
    "no_cert": ("AMQ9642E: No SSL or TLS certificate for channel '{channel}'.",
                "The channel '{channel}' did not supply a certificate to use during SSL or TLS handshaking, but a certificate "
                "is required by the remote queue manager. The remote host is '{remote}'. The channel did not start. "
                "(Label '{label}': {why}.)"),
    "lacking": ("AMQ9637E: Channel is lacking a certificate.",
                "The channel is lacking a certificate to use for the SSL handshake. The channel name is '{channel}'."),
    "bad_cert": ("AMQ9633E: Bad SSL certificate for channel '{channel}'.",
                 "A certificate encountered during SSL handshaking is regarded as bad: {why}. The channel is '{channel}'. The "
                 "remote host is '{remote}'. The channel did not start. The details of the certificate which could not be "
                 "validated are '[Issuer=]{issuer}[Label=]{label}'."),
    "closed": ("AMQ9665E: SSL connection closed by remote end of channel '{channel}'.",
               "The SSL or TLS connection was closed by the remote end '{remote}' of channel '{channel}' during the secure "
               "socket handshake. The channel did not start."),
}


def parse_expiry(value):
    """An ISO date (or date and time) -> a date; ValueError naming the rule."""
    if not isinstance(value, str):
        raise ValueError("expires must be an ISO date string (YYYY-MM-DD)")
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError as err:
        raise ValueError(f"expires {value!r} is not an ISO date (YYYY-MM-DD)") from err


def _text(value, key, max_len=None):
    if not isinstance(value, str) or not value.strip() or (max_len and len(value) > max_len):
        limit = f" of at most {max_len} characters" if max_len else ""
        raise ValueError(f"{key} must be a non-empty string{limit}")
    return value.strip()


class KeyRepository:
    """One queue manager's key repository. Every queue manager starts with its default certificate
    ibmwebspheremq<qmgr lower> issued by mqemu-ca, a year from its creation, and trusts mqemu-ca."""

    def __init__(self, qmgr):
        expires = (datetime.date.today() + datetime.timedelta(days=365)).isoformat()
        self.certs = {default_label(qmgr): {"label": default_label(qmgr), "issuer": DEFAULT_ISSUER, "expires": expires}}
        self.trusted = {DEFAULT_ISSUER}
        self.cached = None  # (certs, trusted, qmgr CERTLABL): the copy keystore_pickup "refresh" reads

    def listing(self):
        return {"certificates": sorted((dict(c) for c in self.certs.values()), key=lambda c: c["label"]),
                "trusted": sorted(self.trusted)}

    def add(self, label, issuer=DEFAULT_ISSUER, expires=None):
        """Add (or replace) a personal certificate."""
        label, issuer = _text(label, "label", LABEL_MAX), _text(issuer, "issuer")
        if expires is None:
            expires = (datetime.date.today() + datetime.timedelta(days=365)).isoformat()
        parse_expiry(expires)
        self.certs[label] = {"label": label, "issuer": issuer, "expires": expires}
        return dict(self.certs[label])

    def delete(self, label):
        if label not in self.certs:
            raise LookupError(f"no certificate labelled {label!r} in the key repository")
        del self.certs[label]

    def trust(self, issuer):
        self.trusted.add(_text(issuer, "issuer"))

    def untrust(self, issuer):
        if issuer not in self.trusted:
            raise LookupError(f"issuer {issuer!r} is not trusted")
        self.trusted.discard(issuer)

    def take_copy(self, certlabl):
        """The queue manager (re)reads its key repository: its start, REFRESH SECURITY TYPE(SSL)."""
        self.cached = ({k: dict(v) for k, v in self.certs.items()}, set(self.trusted), certlabl)

    def view(self, mode, certlabl):
        """(certificates, trusted issuers, queue manager CERTLABL) that a new channel instance reads (keystore_pickup)."""
        if mode == "refresh" and self.cached is not None:
            return self.cached
        return self.certs, self.trusted, certlabl


def default_label(qmgr):
    """MQ's default certificate label: ibmwebspheremq and the queue manager's name in lower case ([V] IBM-VALIDATECERT)."""
    return f"ibmwebspheremq{qmgr.lower()}"


def is_tls(obj):
    return bool(str(obj.attrs.get("SSLCIPH", "")).strip())


class End:
    """One end of a TLS channel as it starts: the queue manager, its channel definition and what its key repository says."""

    def __init__(self, qm, obj):
        certs, self.trusted, qm_label = qm.keyrepo.view(qm.settings.config("keystore_pickup"), qm.qmgr.attrs.get("CERTLABL", ""))
        self.qm, self.obj = qm, obj
        # The channel's CERTLABL, else the queue manager's, else MQ's default label ([V] IBM-CERTLABL; a CLUSSDR has none).
        self.label = str(obj.attrs.get("CERTLABL", "")).strip() or str(qm_label).strip() or default_label(qm.name)
        self.cert = certs.get(self.label)

    def problem(self, today):
        """Why this end cannot present its certificate (None: it can)."""
        if self.cert is None:
            return "not found in the key repository"
        if parse_expiry(self.cert["expires"]) < today:
            return f"expired on {self.cert['expires']}"
        return None


def handshake(channel, initiator, responder, hosts, today=None):
    """The TLS handshake of channel between initiator and responder (End objects): None when it succeeds, else
    {"error": {msgid, reason, message} for the initiator's channel status, "logs": [(qm, which, inserts)]}.
    Both ends present their certificate (mutual authentication, as SSLCAUTH(REQUIRED), the default); each end validates
    the other's: expired or issued by a CA it does not trust, AMQ9633E there. [I] the order of the checks. hosts: the
    (initiator's, responder's) host names, the remote hosts the messages name."""
    today = today or datetime.date.today()
    init_host, resp_host = hosts
    problem = responder.problem(today)
    if problem is not None:  # the responding end has no certificate to present: the handshake cannot begin
        return _failure([(responder.qm, "lacking", {"channel": channel}),
                         (initiator.qm, "closed", {"channel": channel, "remote": resp_host})], 1)
    problem = initiator.problem(today)
    if problem is not None and problem.startswith("not found"):
        return _failure([(initiator.qm, "no_cert", {"channel": channel, "remote": resp_host, "label": initiator.label,
                                                    "why": problem}),
                         (responder.qm, "lacking", {"channel": channel})], 0)
    for validator, presenter, remote in ((initiator, responder, resp_host), (responder, initiator, init_host)):
        why = presenter.problem(today)
        if why is None and presenter.cert["issuer"] not in validator.trusted:
            why = f"its issuer '{presenter.cert['issuer']}' is not a trusted certificate authority in the key repository"
        if why is not None:
            other = initiator if validator is responder else responder
            return _failure([(validator.qm, "bad_cert", {"channel": channel, "remote": remote, "why": why,
                                                         "issuer": presenter.cert["issuer"], "label": presenter.label}),
                             (other.qm, "closed", {"channel": channel, "remote": init_host if validator is initiator else resp_host})],
                            0 if validator is initiator else 1)
    return None


def _failure(logs, own):
    """logs[own] is the entry of the initiator's end: its channel status shows that message."""
    message, _explanation = LOG[logs[own][1]]
    text = message.format(**logs[own][2])
    return {"error": {"msgid": text.partition(":")[0], "reason": None, "message": text}, "logs": logs}


def peer_info(presenter_end, wall):
    """What a channel instance shows once its handshake succeeded: the peer certificate's issuer (SSLCERTI) and the time of
    the handshake, its last secret-key reset (SSLKEYDA/SSLKEYTI; [I] that the first handshake counts as one)."""
    return {"sslcerti": presenter_end.cert["issuer"], "sslkey_wall": wall, "label": presenter_end.label}
