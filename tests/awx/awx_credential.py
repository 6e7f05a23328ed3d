# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""What AWX would do with the credential type in docs/awx.

`inject` follows AWX's CredentialType.inject_credential (awx/main/models/credential): inputs that were never
set are left out of the template namespace (they render as ""), booleans that were never set are False,
every file injector is written (also when empty) and its path is offered as tower.filename.<label>.
"""

from __future__ import annotations

import os

import jinja2.sandbox
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
AWX_DOCS = os.path.join(ROOT, "docs", "awx")


class PlaybookLoader(yaml.SafeLoader):  # pylint: disable=too-many-ancestors
    """Reads Ansible YAML: `!unsafe 'text'` is the plain string."""


PlaybookLoader.add_constructor("!unsafe", lambda loader, node: loader.construct_scalar(node))


def load_yaml(*parts):
    with open(os.path.join(*parts), encoding="utf-8") as handle:
        return yaml.load(handle, Loader=PlaybookLoader)  # nosec B506 - a SafeLoader subclass


class _Namespace:
    """Attribute bag, like AWX's TowerNamespace."""


def inject(credential_type, inputs, private_data_dir):
    """The environment variables AWX would set for a credential with these inputs."""
    fields = credential_type["inputs"]["fields"]
    namespace = {name: value for name, value in inputs.items() if isinstance(value, bool) or len(value)}
    for field in fields:
        if field["type"] == "boolean" and field["id"] not in inputs:
            namespace[field["id"]] = False
    tower = _Namespace()
    tower.filename = _Namespace()
    namespace["tower"] = tower
    sandbox = jinja2.sandbox.ImmutableSandboxedEnvironment()
    env_dir = os.path.join(private_data_dir, "env")
    os.makedirs(env_dir, exist_ok=True)
    for label, template in credential_type["injectors"].get("file", {}).items():
        path = os.path.join(env_dir, "credential-" + label.split(".", 1)[1])
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(sandbox.from_string(template).render(**namespace))
        os.chmod(path, 0o600)
        setattr(tower.filename, label.split(".", 1)[1], path)
    return {name: sandbox.from_string(template).render(**namespace) for name, template in credential_type["injectors"]["env"].items()}
