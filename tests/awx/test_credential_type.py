# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The "IBM MQ REST API" credential type, the AWX example playbooks and the execution environment files."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys

import jinja2
import jinja2.meta
import pytest
import yaml
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from packaging.specifiers import SpecifierSet

from awx_credential import AWX_DOCS, ROOT, inject, load_yaml

# The queue manager is the inventory host's (host variable mq_qmgr), not the credential's: one credential
# serves every queue manager behind the same mqweb server.
NOT_FROM_CREDENTIAL = {"MQ_QMGR"}
SECRET_INPUTS = {"password", "client_key", "client_key_passphrase"}


@pytest.fixture(scope="module")
def connection_argspec(collections_path):  # pylint: disable=unused-argument  # puts the collection on sys.path
    return importlib.import_module("ansible_collections.mqrest.admin.plugins.module_utils._argspec").connection_spec().argument_spec


def template_variables(template):
    return jinja2.meta.find_undeclared_variables(jinja2.Environment().parse(template))


def input_ids(credential_type):
    return {field["id"] for field in credential_type["inputs"]["fields"]}


def test_injectors_use_only_defined_inputs(credential_type):
    injectors = credential_type["injectors"]
    templates = list(injectors["env"].values()) + list(injectors["file"].values()) + list(injectors.get("extra_vars", {}).values())
    for template in templates:
        assert template_variables(template) <= input_ids(credential_type) | {"tower"}, template
    assert set(credential_type["inputs"]["required"]) <= input_ids(credential_type)


def test_every_file_injector_is_referenced(credential_type):
    env_templates = " ".join(credential_type["injectors"]["env"].values())
    for label in credential_type["injectors"]["file"]:
        assert label.startswith("template."), label
        assert "tower.filename." + label.split(".", 1)[1] in env_templates, label


def test_env_names_allowed_by_awx(credential_type):
    for name in credential_type["injectors"]["env"]:
        assert not name.startswith("ANSIBLE_"), name
        assert re.match(r"[A-Z][A-Z0-9_]*$", name), name


def test_secrets_are_marked_secret(credential_type):
    secret = {field["id"] for field in credential_type["inputs"]["fields"] if field.get("secret")}
    assert secret == SECRET_INPUTS


def test_injected_env_is_what_the_modules_read(credential_type, connection_argspec):
    fallbacks = {name for option in connection_argspec.values() if "fallback" in option for name in option["fallback"][1]}
    assert set(credential_type["injectors"]["env"]) == fallbacks - NOT_FROM_CREDENTIAL


def test_auth_method_choices_match_the_module(credential_type, connection_argspec):
    field = next(field for field in credential_type["inputs"]["fields"] if field["id"] == "auth_method")
    assert field["choices"] == connection_argspec["auth_method"]["choices"]


def test_playbook_sends_the_documented_type(credential_type):
    task = load_yaml(AWX_DOCS, "create_credential_type.yml")[0]["tasks"][0]["awx.awx.credential_type"]
    for key in ("name", "description", "kind", "inputs", "injectors"):
        assert task[key] == credential_type[key], key


def validated(monkeypatch, argspec, env):
    """The connection options a module would get from this environment (and nothing else)."""
    for name in list(os.environ):
        if name.startswith("MQ_"):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = ArgumentSpecValidator(argspec).validate({"qmgr": "QM1"})
    assert not result.error_messages
    return result.validated_parameters


def test_minimal_credential_leaves_unset_options_unset(credential_type, connection_argspec, monkeypatch, tmp_path):
    """AWX injects every env var, unset inputs as "": the modules must read those as not set, with validation on."""
    env = inject(credential_type, {"url": "https://mq.example.com:9443/ibmmq/rest/v2", "auth_method": "basic",
                                   "username": "mqadmin", "password": "s3cret"}, str(tmp_path))
    assert env["MQ_REST_CA_PATH"] == env["MQ_REST_CLIENT_CERT"] == env["MQ_REST_CLIENT_KEY"] == ""
    params = validated(monkeypatch, connection_argspec, env)
    assert params["rest_url"] == "https://mq.example.com:9443/ibmmq/rest/v2"
    assert (params["username"], params["password"], params["auth_method"]) == ("mqadmin", "s3cret", "basic")
    assert params["validate_certs"] is True
    assert not params["ca_path"] and not params["client_cert"] and not params["client_key"] and not params["gateway_qmgr"]


def test_certificates_arrive_as_files(credential_type, connection_argspec, monkeypatch, tmp_path):
    inputs = {"url": "https://mq.example.com:9443/ibmmq/rest/v2", "auth_method": "certificate", "ca_cert": "CA PEM\n",
              "client_cert": "CERT PEM\n", "client_key": "KEY PEM\n", "client_key_passphrase": "clientkeypass", "disable_cert_validation": True}
    params = validated(monkeypatch, connection_argspec, inject(credential_type, inputs, str(tmp_path)))
    for option, content in (("ca_path", "CA PEM\n"), ("client_cert", "CERT PEM\n"), ("client_key", "KEY PEM\n")):
        with open(params[option], encoding="utf-8") as handle:
            assert handle.read() == content, option
    assert (params["auth_method"], params["client_key_passphrase"]) == ("certificate", "clientkeypass")
    assert params["validate_certs"] is False


def test_job_template_survey_variables_exist():
    """The example job template asks for variables the playbook and the role really read."""
    play = load_yaml(AWX_DOCS, "job_template.yml")[0]
    template = next(task["awx.awx.job_template"] for task in play["tasks"] if "awx.awx.job_template" in task)
    with open(os.path.join(ROOT, "playbooks", "rolling_restart.yml"), encoding="utf-8") as handle:
        playbook = handle.read()
    for question in template["survey_spec"]["spec"]:
        assert question["variable"] in playbook, question["variable"]
    host = next(task["awx.awx.host"] for task in play["tasks"] if "awx.awx.host" in task)
    role_vars = load_yaml(ROOT, "roles", "rolling_restart", "vars", "main.yml")
    assert set(host["variables"]) == {"mq_qmgr", "ansible_connection", "ansible_python_interpreter"}
    assert "mq_qmgr" in role_vars["rolling_restart_connection"]
    assert set(template["extra_vars"]) <= set(load_yaml(ROOT, "roles", "rolling_restart", "defaults", "main.yml"))


def test_collection_ee_requirements_are_introspected(collections_path):
    """ansible-builder finds the collection's Python requirement through meta/execution-environment.yml."""
    meta = load_yaml(ROOT, "meta", "execution-environment.yml")
    for kind in ("python", "system"):
        assert os.path.isfile(os.path.join(ROOT, meta["dependencies"][kind])), kind
    output = subprocess.run([os.path.join(os.path.dirname(sys.executable), "ansible-builder"), "introspect", collections_path],
                            check=True, capture_output=True, text=True).stdout
    data = yaml.safe_load(output.split("\n", 1)[1])
    assert "requests>=2.25  # from collection mqrest.admin" in data["python"]


def test_example_ee_definition_builds_a_context(tmp_path):
    """ansible-builder validates the v3 definition and writes the build context (no container engine needed)."""
    subprocess.run([os.path.join(os.path.dirname(sys.executable), "ansible-builder"), "create", "-f",
                    os.path.join(AWX_DOCS, "execution-environment.yml"), "--context", str(tmp_path / "context")],
                   check=True, capture_output=True, text=True)
    assert (tmp_path / "context" / "_build" / "requirements.yml").read_text(encoding="utf-8").count("mqrest.admin") == 1


def test_example_ee_is_on_a_current_python_and_ansible_core(tmp_path):
    """The example EE runs Python 3.12 or later and ansible-core 2.20 or later (2.20 dropped Python 3.11)."""
    definition = load_yaml(AWX_DOCS, "execution-environment.yml")
    deps = definition["dependencies"]
    python = re.fullmatch(r"/usr/bin/python(\d+)\.(\d+)", deps["python_interpreter"]["python_path"])
    assert python and (int(python[1]), int(python[2])) >= (3, 12), deps["python_interpreter"]
    core = re.fullmatch(r"ansible-core\s*(.*)", deps["ansible_core"]["package_pip"])
    assert core, deps["ansible_core"]
    allowed = SpecifierSet(core[1])
    assert not any(allowed.contains(v) for v in ("2.16.0", "2.18.0", "2.19.14")), core[1]
    assert allowed.contains("2.20.0"), core[1]
    # What ansible-builder makes of it: the interpreter and the ansible-core it installs in the image.
    subprocess.run([os.path.join(os.path.dirname(sys.executable), "ansible-builder"), "create", "-f",
                    os.path.join(AWX_DOCS, "execution-environment.yml"), "--context", str(tmp_path / "context")],
                   check=True, capture_output=True, text=True)
    (containerfile,) = [p for p in (tmp_path / "context").iterdir() if p.name in ("Containerfile", "Dockerfile")]
    text = containerfile.read_text(encoding="utf-8")
    assert f'ARG PYCMD="{deps["python_interpreter"]["python_path"]}"' in text
    assert f'{deps["ansible_core"]["package_pip"]} ansible-runner' in text
