# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Let the antsibull-docs Sphinx site in DIR build without network access.

    python tools/docs_offline.py DIR

`antsibull-docs sphinx-init` writes a conf.py whose intersphinx inventories (Python, Jinja, Ansible) are
downloaded at build time; where they cannot be reached, the build warns, and `make docs` treats warnings
as errors. The generated pages only link to a few labels of the Ansible documentation, so this writes a
local inventory with those and makes it the only intersphinx source. A page that starts to need
another label fails the build with "undefined label": add it to LABELS.
"""

from __future__ import annotations

import os
import sys
import zlib

ANSIBLE_DOCS = "https://docs.ansible.com/projects/ansible/devel/"
LABELS = {
    # The note antsibull-docs adds to a module that has an action plugin (check_role_vars, qmgr_restart, ...).
    "action_plugins": ("plugins/action.html#action-plugins", "Action plugins"),
    "ansible_collections.ansible.builtin.reboot_module": (
        "collections/ansible/builtin/reboot_module.html#ansible-collections-ansible-builtin-reboot-module", "ansible.builtin.reboot module"),
    "ansible_configuration_settings": ("reference_appendices/config.html#ansible-configuration-settings", "Ansible Configuration Settings"),
    "common_return_values": ("reference_appendices/common_return_values.html#common-return-values", "Return Values"),
}


def main(dest):
    inventory = os.path.join(os.path.abspath(dest), "ansible_devel.inv")
    entries = "".join("{0} std:label -1 {1} {2}\n".format(name, uri, title) for name, (uri, title) in sorted(LABELS.items()))
    with open(inventory, "wb") as handle:
        handle.write(b"# Sphinx inventory version 2\n# Project: Ansible\n# Version: devel\n"
                     b"# The remainder of this file is compressed using zlib.\n")
        handle.write(zlib.compress(entries.encode("utf-8")))
    with open(os.path.join(dest, "conf.py"), "a", encoding="utf-8") as handle:
        handle.write("\n# Offline build (tools/docs_offline.py): only the Ansible labels, from a local inventory.\n")
        handle.write("intersphinx_mapping = {{'ansible_devel': ({0!r}, {1!r})}}\n".format(ANSIBLE_DOCS, inventory))


if __name__ == "__main__":
    main(sys.argv[1])
