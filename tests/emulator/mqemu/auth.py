# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mqweb authentication and roles: users, HTTP basic authentication, LTPA tokens (POST /login), client certificates, and
the 401/403 answers (README "REST surface", §1.4)."""

import base64
import secrets
import threading
import time

from .errors import mqwb

ROLES = ("MQWebAdmin", "MQWebAdminRO", "MQWebUser")
DEFAULT_USERS = {"admin": ("passw0rd", "MQWebAdmin"), "reader": ("passw0rd", "MQWebAdminRO")}


# 401 and 403 by cause, as IBM documents them (README "Authentication answers"). The statuses are IBM-LOGIN-POST's
# "401 Not authenticated"; which MQWB message goes with which cause is IBM's where a source says so, else marked there.
def err_unauthenticated(path=None):
    """No usable credentials: none, an Authorization scheme other than Basic, or a client certificate no user maps to (which
    falls back to the other methods, IBM-OSREG). MQWB0104E and its variant naming the request path [V] IBM-MQWB01."""
    what = f"The REST API request to {path} is not authenticated." if path else "The REST API request is not authenticated."
    return 401, mqwb("MQWB0104E", what,
                     "The REST API request cannot be completed because credentials were omitted from the request.",
                     "Supply valid credentials with HTTP basic authentication, an LTPA token or a client certificate.")


def err_basic_failed():
    """Wrong basic-authentication credentials: a real mqweb body ([S] MQC-178)."""
    return 401, mqwb("MQWB0105E", "HTTP basic authentication failed.",
                     "The REST API request failed due to incorrect username and password credentials.",
                     "Provide valid credentials or use another form of authentication such as a client certificate.")


def err_token(cookie):
    """An LTPA token that fails verification, expired or never issued: one answer naming the cookie ([S] CP4I-12)."""
    return 401, mqwb("MQWB0112E", f"The '{cookie}' authentication token cookie failed verification.",
                     "The REST API request cannot be completed because the authentication token failed verification.",
                     "Login to the REST API to obtain a valid authentication cookie.")


def err_forbidden(what=".", needs=None):
    """MQWB0103E "Not authorized." or "Not authorized to <action> <object>." [V] IBM-MQWB01, with IBM's explanation and
    response. needs: the role this request needs and the user lacks, named in the action (never a role the user has)."""
    role = f" (the {needs} role)" if needs else f" (one of the roles {', '.join(ROLES[:-1])} or {ROLES[-1]})"
    return 403, mqwb("MQWB0103E", f"Not authorized{what}",
                     "The authenticated principal is not authorized to perform the requested REST API operation.",
                     f"Obtain the necessary authorization to perform the operation{role} and resubmit the request.")


class Auth:
    """The users of one emulator and the LTPA tokens issued to them. setting(key) reads the model's configurable
    behaviours ltpa_cookie_name, ltpa_expiration and ltpa_over_http; tls: the server speaks HTTPS."""

    def __init__(self, users, setting, tls):
        self.lock = threading.Lock()
        self.setting, self.tls = setting, tls
        self.users = dict(DEFAULT_USERS if not users else users)
        for user, (_password, role) in self.users.items():
            if role not in ROLES and role:
                raise ValueError(f"unknown role {role!r} for user {user!r} (one of {', '.join(ROLES)})")
        self.cookie_default = "LtpaToken2_" + "".join(secrets.choice("0123456789") for _digit in range(19))
        self.tokens = {}

    def cookie_name(self):
        return self.setting("ltpa_cookie_name") or self.cookie_default

    def role_of(self, user):
        entry = self.users.get(user)
        return entry[1] if entry else None

    def check_basic(self, header):
        """Authorization: Basic ... -> user name or None. User names are case-sensitive (IBM-BASIC)."""
        try:
            user, _sep, password = base64.b64decode(header.split(" ", 1)[1].strip(), validate=True).decode().partition(":")
        except (IndexError, ValueError):
            return None
        entry = self.users.get(user)
        return user if entry and secrets.compare_digest(entry[0], password) else None

    def authenticate(self, authorization, cookies, cert_names, path=None):
        """(user, token, None) or (None, None, (status, body)) for a request to path. Basic wins over a cookie, a cookie over
        a client certificate (cert_names: the common names of the verified client certificate, empty without one)."""
        if authorization:
            if not authorization.lower().startswith("basic "):
                return None, None, err_unauthenticated(path)
            user = self.check_basic(authorization)
            return (user, None, None) if user else (None, None, err_basic_failed())
        name = self.cookie_name()
        token = cookies.get(name)
        # secureLTPA (config ltpa_over_http=False) ignores the token over plain HTTP.
        if token is not None and (self.tls or self.setting("ltpa_over_http")):
            user = self.token_user(token)
            return (user, token, None) if user else (None, None, err_token(name))
        for cn in cert_names:
            if cn in self.users:
                return cn, None, None
        return None, None, err_unauthenticated(path)

    def login(self, user, password):
        entry = self.users.get(user)
        if not entry or not secrets.compare_digest(entry[0], password):
            return None
        token = secrets.token_urlsafe(32)
        with self.lock:
            self.tokens[token] = (user, time.monotonic() + float(self.setting("ltpa_expiration")))
        return token

    def token_user(self, token):
        with self.lock:
            user, expires = self.tokens.get(token, (None, 0.0))
        return user if time.monotonic() < expires else None

    def logout(self, token):
        with self.lock:
            self.tokens.pop(token, None)

    def expire_ltpa(self):
        with self.lock:
            self.tokens.clear()
