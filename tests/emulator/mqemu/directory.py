# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The operating-system users and groups the queue managers' security sees (README "Security"): who exists, their groups
and passwords. The OAM authorizes users and groups of the host (IBM-OAM-PRINCIPALS), connection authentication with
AUTHTYPE(IDPWOS) checks passwords against the host (IBM-CONNAUTH), and the members of group mqm are MQ administrators
(the privileged users of CHLAUTH's *MQADMIN and CHCKCLNT(REQDADM)). One directory serves every emulated host.

Defined through the control API (/principals, /groups), in-process (srv.model.directory), with --principal on the command
line, and by the seeds: crtmqm's mqm user and group, and for seed dev the developer image's admin (group mqm) and app
(group mqclient) (MQCONT). reset() returns to that start state.
"""

import re
import secrets
import threading

ADMIN_GROUP = "mqm"  # members are MQ administrators (privileged users)
# Linux user and group names: a letter or _, then letters, digits, _ . - ([I] the emulator accepts the portable set).
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]{0,31}$")
SEED_PRINCIPALS = {
    "system": {"mqm": (None, ["mqm"])},
    # The developer image's users (MQCONT docs/developer-config.md): admin in mqm, app in mqclient; passwords as the
    # emulator's mqweb users.
    "dev": {"mqm": (None, ["mqm"]), "admin": ("passw0rd", ["mqm"]), "app": ("passw0rd", ["mqclient"])},
}


def parse_principals(specs):
    """--principal NAME[:PASSWORD[:GROUP,GROUP]] strings (or (name, password, groups) tuples, or a dict name -> (password,
    groups)) -> {name: (password or None, [groups])}. The groups are after the last ':' so a password may contain ':'."""
    if not specs:
        return {}
    if isinstance(specs, dict):
        return {name: (password, list(groups or [])) for name, (password, groups) in specs.items()}
    out = {}
    for spec in specs:
        if isinstance(spec, (tuple, list)):
            name, password, groups = (list(spec) + [None, None])[:3]
            groups = groups or []
        else:
            name, _sep, rest = spec.partition(":")
            password, groups = rest, []
            if rest.count(":"):
                password, _sep, tail = rest.rpartition(":")
                groups = [g for g in tail.split(",") if g]
        out[name] = (password or None, list(groups if isinstance(groups, (list, tuple)) else [groups]))
    return out


class Directory:
    """Users {name: {"password": str or None, "groups": [primary, ...]}} and groups (names, members derived)."""

    def __init__(self, seed="system", principals=None):
        if seed not in SEED_PRINCIPALS:
            raise ValueError(f"unknown seed {seed!r} (system|dev)")
        self.lock = threading.RLock()
        self.initial = {**SEED_PRINCIPALS[seed], **parse_principals(principals)}
        self.users, self.groups = {}, set()
        self.reset()

    def reset(self):
        with self.lock:
            self.users, self.groups = {}, set()
            for name, (password, groups) in self.initial.items():
                self.add_principal(name, password, groups)

    # ----- control API -----------------------------------------------------------------------------------------
    def add_principal(self, name, password=None, groups=None):
        """Create or replace a user; its first group is its primary group (a user without one gets a group of its own
        name, as useradd does). Groups it names are created."""
        groups = list(groups or [])
        for value in [name, *groups]:
            if not isinstance(value, str) or not _NAME.match(value):
                raise ValueError(f"bad user or group name {value!r} (a letter or _, then letters, digits, _ . -; 32 at most)")
        if password is not None and not isinstance(password, str):
            raise ValueError("password must be a string")
        with self.lock:
            self.users[name] = {"password": password, "groups": list(dict.fromkeys(groups or [name]))}
            self.groups.update(self.users[name]["groups"])
            return self.describe(name)

    def remove_principal(self, name):
        with self.lock:
            if self.users.pop(name, None) is None:
                raise LookupError(f"no user {name}")
            return {"deleted": name}

    def add_group(self, name):
        if not isinstance(name, str) or not _NAME.match(name):
            raise ValueError(f"bad group name {name!r}")
        with self.lock:
            self.groups.add(name)
            return {"name": name, "members": self.members(name)}

    def remove_group(self, name):
        with self.lock:
            if name not in self.groups:
                raise LookupError(f"no group {name}")
            if self.members(name):
                raise ValueError(f"group {name} still has members {self.members(name)}")
            self.groups.discard(name)
            return {"deleted": name}

    def describe(self, name):
        user = self.users[name]
        return {"name": name, "groups": list(user["groups"]), "password": user["password"] is not None}

    def listing(self):
        with self.lock:
            return {"principals": [self.describe(n) for n in sorted(self.users)],
                    "groups": [{"name": g, "members": self.members(g)} for g in sorted(self.groups)]}

    # ----- what the security of a queue manager asks -------------------------------------------------------------
    def user_exists(self, name):
        return name in self.users

    def group_exists(self, name):
        return name in self.groups

    def members(self, group):
        return sorted(n for n, u in self.users.items() if group in u["groups"])

    def groups_of(self, name):
        """The user's groups, primary first; None for a user the host does not know."""
        user = self.users.get(name)
        return list(user["groups"]) if user else None

    def check_password(self, name, password):
        """IDPWOS: the host's password check. A user without a password cannot authenticate."""
        user = self.users.get(name)
        return bool(user and user["password"] is not None and isinstance(password, str)
                    and secrets.compare_digest(user["password"], password))


def control(directory, method, what, rest, body):
    """Control API /principals and /groups (README "Control API"): GET lists, POST creates or replaces, DELETE /{name}
    removes. -> the answer, or None for a route that does not exist; LookupError (404), ValueError (400)."""
    if method == "GET" and not rest:
        return directory.listing()
    if method == "DELETE" and len(rest) == 1:
        return directory.remove_principal(rest[0]) if what == "principals" else directory.remove_group(rest[0])
    if method == "POST" and not rest:
        unknown = set(body) - ({"name", "password", "groups"} if what == "principals" else {"name"})
        if unknown:
            raise ValueError(f"unknown keys {sorted(unknown)}")
        if what == "principals":
            return directory.add_principal(body.get("name"), body.get("password"), body.get("groups"))
        return directory.add_group(body.get("name"))
    return None
