# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The cache of ansible-core's settings and routing YAML (tools/ansiballz_cache/ansible_yaml_cache.py): each parse is
kept with its text and used again only for the same text. Each run is a new Python process, as each ansible-playbook
is, with .venv's own cache switched off in its environment (MQREST_ANSIBALLZ_CACHE=off) and the test's put in place
by hand."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys

TOOLS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "tools", "ansiballz_cache")

# Installs the cache in CACHE, then parses FILE as ansible-core parses base.yml and ROUTING as it parses a collection's
# meta/runtime.yml, counting the parses ansible-core itself did.
PARSE = """
import json, sys
sys.path.insert(0, {tools!r})
import ansible_yaml_cache
sys.meta_path[:0] = ansible_yaml_cache.hooks({cache!r})  # as install() does, with the switch off in the environment
from ansible.config import manager
from ansible.utils.collection_loader import _collection_finder
parsed = []
yaml_load = manager.yaml_load
manager.yaml_load = lambda *args, **kwargs: parsed.append("config") or yaml_load(*args, **kwargs)
config = manager.ConfigManager._read_config_yaml_file(None, {file!r})
routing = _collection_finder._meta_yml_to_dict(open({routing!r}, "rb").read(), ("testns.probe", "runtime.yml"))
print(json.dumps({{"config": config, "routing": routing, "parsed": parsed, "wrapped": bool(getattr(
    manager.ConfigManager._read_config_yaml_file, "cache_dir", None))}}, default=str))
"""


def parse(tmp_path, env=None):
    script = PARSE.format(tools=TOOLS, cache=str(tmp_path / "cache"), file=str(tmp_path / "settings.yml"),
                          routing=str(tmp_path / "runtime.yml"))
    return json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                                     env=dict(os.environ, MQREST_ANSIBALLZ_CACHE="off", **(env or {}))).stdout)


def write(tmp_path, settings="ANSWER:\n  default: 42\n", routing="plugin_routing:\n  modules:\n    old: {redirect: testns.probe.new}\n"):
    (tmp_path / "settings.yml").write_text(settings, encoding="utf-8")
    (tmp_path / "runtime.yml").write_text(routing, encoding="utf-8")


def test_a_parse_is_kept_and_then_taken_from_the_cache(tmp_path):
    write(tmp_path)
    first = parse(tmp_path)
    assert first["config"] == {"ANSWER": {"default": 42}}
    assert first["routing"] == {"plugin_routing": {"modules": {"old": {"redirect": "testns.probe.new"}}}}
    assert first["parsed"] == ["config"]
    assert sorted(name.split("-")[0] for name in os.listdir(tmp_path / "cache")) == ["config", "meta"]

    second = parse(tmp_path)
    assert second["parsed"] == []
    assert (second["config"], second["routing"]) == (first["config"], first["routing"])


def test_what_is_kept_is_what_is_returned(tmp_path):
    """The kept result is used as it is (here one changed by hand, its text left alone): the cache is really read."""
    write(tmp_path)
    parse(tmp_path)
    for entry in (tmp_path / "cache").iterdir():
        version, context, text, _result = marshal.loads(entry.read_bytes())
        entry.write_bytes(marshal.dumps((version, context, text, {"kept": True})))
    again = parse(tmp_path)
    assert again["config"] == again["routing"] == {"kept": True}


def test_an_entry_kept_for_another_text_or_another_ansible_core_is_not_used(tmp_path):
    """The entry's name holds checksums only: what it keeps must be the same text, parsed by the same ansible-core,
    PyYAML and Python."""
    write(tmp_path)
    first = parse(tmp_path)
    entries = list((tmp_path / "cache").iterdir())
    for change in ("text", "context"):
        for entry in entries:
            version, context, text, _result = marshal.loads(entry.read_bytes())
            kept = {"text": text + b"# another\n", "context": context.replace(b"2.", b"9.")}.get(change)
            entry.write_bytes(marshal.dumps((version, kept if change == "context" else context,
                                             kept if change == "text" else text, {"stale": True})))
        again = parse(tmp_path)
        assert again["parsed"] == ["config"], change
        assert (again["config"], again["routing"]) == (first["config"], first["routing"]), change


def test_changed_text_is_parsed_again(tmp_path):
    write(tmp_path)
    parse(tmp_path)
    write(tmp_path, settings="ANSWER:\n  default: 43\n", routing="plugin_routing: {}\n")
    changed = parse(tmp_path)
    assert changed["parsed"] == ["config"]
    assert changed["config"] == {"ANSWER": {"default": 43}}
    assert changed["routing"] == {"plugin_routing": {}}


def test_a_damaged_entry_is_parsed_again(tmp_path):
    write(tmp_path)
    first = parse(tmp_path)
    for entry in (tmp_path / "cache").iterdir():
        entry.write_bytes(b"not marshal data")
    again = parse(tmp_path)
    assert again["parsed"] == ["config"]
    assert (again["config"], again["routing"]) == (first["config"], first["routing"])


def test_a_result_marshal_cannot_hold_is_never_kept(tmp_path):
    """A date (the settings parse makes datetime.date of it) is parsed each time, and returned as parsed."""
    write(tmp_path, settings="SINCE: 2026-12-07\n")
    assert parse(tmp_path)["config"] == {"SINCE": "2026-12-07"}
    assert parse(tmp_path)["parsed"] == ["config"]


def test_switched_off_ansible_core_is_left_alone(tmp_path):
    write(tmp_path)
    script = ("import sys; sys.path.insert(0, {0!r}); import ansible_yaml_cache; ansible_yaml_cache.install('x');"
              "from ansible.config import manager; print(hasattr(manager.ConfigManager._read_config_yaml_file, 'cache_dir'))"
              ).format(TOOLS)
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env=dict(os.environ, MQREST_ANSIBALLZ_CACHE="off")).stdout
    assert output.strip() == "False"


def test_the_dev_virtualenv_has_it_and_ansible_core_parses_its_own_files_through_it():
    """.venv (make venv) keeps the parses in .tmp/ansiballz-cache/yaml: ansible-core's base.yml and ansible.builtin's
    routing are kept, and what the cache returns for them is what ansible-core's own parse returns."""
    script = """
import json
from ansible.config import manager
from ansible.utils.collection_loader import _collection_finder, _collection_meta
base = manager.__file__.replace("manager.py", "base.yml")
routing = open(manager.__file__.replace("manager.py", "ansible_builtin_runtime.yml"), "rb").read()
own = (manager.yaml_load(open(base, "rb")), _collection_meta._meta_yml_to_dict(routing, ("ansible.builtin", "runtime.yml")))
import yaml
parsed = []
yaml_load, load = manager.yaml_load, yaml.load  # ansible-core parses base.yml with the first, routing with the second
manager.yaml_load = lambda *args, **kwargs: parsed.append("base") or yaml_load(*args, **kwargs)
yaml.load = lambda *args, **kwargs: parsed.append("routing") or load(*args, **kwargs)
for attempt in range(2):  # the first may be the one that keeps them
    del parsed[:]
    cached = (manager.ConfigManager._read_config_yaml_file(None, base),
              _collection_finder._meta_yml_to_dict(routing, ("ansible.builtin", "runtime.yml")))
print(json.dumps({"same": cached == own, "parsed": parsed, "where": [manager.ConfigManager._read_config_yaml_file.cache_dir,
                                                                     _collection_finder._meta_yml_to_dict.cache_dir]}))
"""
    env = {key: value for key, value in os.environ.items() if key != "MQREST_ANSIBALLZ_CACHE"}
    output = json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                                       env=env).stdout)
    assert output["same"] is True
    assert output["parsed"] == []  # the second time, both came from the cache
    assert all(where.endswith(os.path.join(".tmp", "ansiballz-cache", "yaml")) for where in output["where"])
