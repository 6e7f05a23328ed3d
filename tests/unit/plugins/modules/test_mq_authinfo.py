# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_authinfo and mq_objects authinfos: AUTHTYPE fixed once defined, the LDAP password a secret that is never shown nor
compared, and REFRESH SECURITY TYPE(CONNAUTH) named (never run) for a change of the object CONNAUTH names. The emulator's
journal proves what was sent."""

from __future__ import annotations

import json

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import (  # pylint: disable=import-error
    fresh, mutating, sent, warning_texts)

OS = {"name": "APP.IDPW", "type": "idpwos", "check_client": "required", "check_local": "optional", "adopt_context": True,
      "failure_delay": 5}
SECRET = "Zq7-ldap-SECRET-3f19"
LDAP = {"name": "APP.LDAP", "type": "idpwldap", "conname": "ldap.example.com(636)", "short_user": "uid",
        "ldap_user": "cn=mq,dc=example,dc=com", "ldap_password": SECRET, "secure_comms": "yes"}


def test_create_then_nothing_to_do_and_check_mode_sends_nothing(mq, run_module):
    fresh(mq)
    check = run_module("mq_authinfo", _ansible_check_mode=True, **OS)
    assert (check["changed"], check["action"]) == (True, "created") and mutating(mq) == []
    created = run_module("mq_authinfo", **OS)
    assert created["commands"] == ["DEFINE AUTHINFO(APP.IDPW) AUTHTYPE(IDPWOS) CHCKCLNT(REQUIRED) CHCKLOCL(OPTIONAL) ADOPTCTX(YES) "
                                   "FAILDLAY(5)"]
    facts = created["authinfo"]
    assert (facts["type"], facts["check_client"], facts["adopt_context"], facts["authentication_method"]) == ("idpwos", "required", True, "os")
    assert created["refresh_required"] == []  # the queue manager's CONNAUTH names another object
    fresh(mq)
    again = run_module("mq_authinfo", **OS)
    check_again = run_module("mq_authinfo", _ansible_check_mode=True, **OS)
    assert (again["changed"], again["action"], check_again["changed"]) == (False, "unchanged", False)
    assert mutating(mq) == [] and {q for _v, q, _n in sent(mq)} == {"AUTHINFO"}  # nothing changed: no QMGR read either
    assert "raced" in again


def test_update_sends_the_type_with_only_the_difference(mq, run_module):
    run_module("mq_authinfo", **OS)
    fresh(mq)
    result = run_module("mq_authinfo", _ansible_diff=True, **dict(OS, check_local="none", failure_delay=1))
    # ALTER AUTHINFO needs AUTHTYPE (PCF Change Authentication Information requires AuthInfoType), as ALTER CHANNEL CHLTYPE.
    assert result["commands"] == ["ALTER AUTHINFO(APP.IDPW) AUTHTYPE(IDPWOS) CHCKLOCL(NONE) FAILDLAY(1)"]
    assert result["diff"] == {"before": {"check_local": "optional", "failure_delay": 5}, "after": {"check_local": "none", "failure_delay": 1}}


def test_a_new_type_needs_recreate(mq, run_module):
    run_module("mq_authinfo", **OS)
    fresh(mq)
    refused = run_module("mq_authinfo", name="APP.IDPW", type="idpwldap", conname="ldap(636)", short_user="uid")
    assert refused["failed"] and mutating(mq) == []
    assert "type='idpwldap': authinfo 'APP.IDPW' exists with type='idpwos', and MQ cannot change AUTHTYPE in place" in refused["msg"]
    moved = run_module("mq_authinfo", name="APP.IDPW", type="idpwldap", conname="ldap(636)", short_user="uid", recreate=True)
    assert moved["commands"] == ["DELETE AUTHINFO(APP.IDPW)",
                                 "DEFINE AUTHINFO(APP.IDPW) AUTHTYPE(IDPWLDAP) CONNAME('ldap(636)') SHORTUSR('uid')"]


def test_bad_input_fails_before_any_request(mq, run_module):
    fresh(mq)
    for options, message in (
            ({"name": "NEW.LDAP", "type": "idpwldap"}, "conname and short_user are required to create idpwldap authinfo 'NEW.LDAP'"),
            ({"name": "NEW.OCSP", "type": "ocsp", "ocsp_url": "https://ocsp/"}, "ocsp_url='https://ocsp/' must start with http:// in lower case"),
            ({"name": "NEW.OS", "type": "idpwos", "failure_delay": 61}, "failure_delay=61 is out of range: MQ accepts 0 to 60"),
            ({"name": "NEW.OS", "type": "idpwos", "conname": "ldap(389)"}, "conname is not valid for an idpwos authinfo"),
            ({"name": "NEW.OS", "type": "idpwos", "attributes": {"QSGDISP": "QMGR"}}, "attributes.QSGDISP is not a authinfo attribute"),
            ({"name": "NEW.OS", "type": "idpwos", "check_client": "always"}, "check_client"),
            ({"name": "NEW.X"}, "type is required to create authentication information object 'NEW.X'")):
        result = run_module("mq_authinfo", **options)
        assert result["failed"] and message in result["msg"], result["msg"]
    assert mutating(mq) == []
    assert [q for _v, q, _n in sent(mq)] == ["AUTHINFO", "AUTHINFO"]  # the two that need the DISPLAY to know (the type, creating)


def test_the_ldap_password_is_sent_when_defined_and_never_shown(mq, run_module):
    fresh(mq)
    created = run_module("mq_authinfo", _ansible_diff=True, **LDAP)
    assert created["changed"] and SECRET not in json.dumps(created)
    assert created["commands"] == ["DEFINE AUTHINFO(APP.LDAP) AUTHTYPE(IDPWLDAP) CONNAME('ldap.example.com(636)') LDAPUSER('cn=mq,dc=example,dc=com') "
                                   "LDAPPWD(********) SECCOMM(YES) SHORTUSR('uid')"]
    assert created["authinfo"]["ldap_password"] == "********" and created["diff"]["after"]["ldap_password"] == "********"
    # MQ got it (the emulator keeps the value, and shows it masked).
    assert [e["parameters"]["ldappwd"] for e in mq.model.journal("QM1") if e["command"] == "DEFINE"] == [SECRET]
    # DISPLAY shows it masked, so a second run cannot compare it: on_create (the default) sends nothing.
    fresh(mq)
    again = run_module("mq_authinfo", **dict(LDAP, ldap_password="another-" + SECRET))
    assert (again["changed"], mutating(mq)) == (False, [])
    # always sends it on every run, and so always reports a change.
    always = run_module("mq_authinfo", update_password="always", **LDAP)
    assert always["changed"] and always["changed_attributes"] == ["ldap_password"]
    assert always["commands"] == ["ALTER AUTHINFO(APP.LDAP) AUTHTYPE(IDPWLDAP) LDAPPWD(********)"] and SECRET not in json.dumps(always)
    # A bad one is refused before any request, without being shown.
    fresh(mq)
    long = run_module("mq_authinfo", **dict(LDAP, ldap_password=SECRET * 2))
    assert long["failed"] and "ldap_password='********' is 40 characters long; MQ allows at most 32" in long["msg"]
    assert SECRET not in json.dumps(long) and sent(mq) == []


def test_a_change_to_the_object_connauth_names_waits_for_a_refresh(mq, run_module, operator):
    run_module("mq_authinfo", **OS)
    operator("ALTER QMGR CONNAUTH(APP.IDPW)")
    fresh(mq)
    check = run_module("mq_authinfo", _ansible_check_mode=True, **dict(OS, check_client="optional"))
    assert check["refresh_required"] == ["connauth"] and mutating(mq) == []
    changed = run_module("mq_authinfo", **dict(OS, check_client="optional"))
    assert changed["refresh_required"] == ["connauth"]
    assert "authinfo 'APP.IDPW': the change takes effect after REFRESH SECURITY TYPE(CONNAUTH), which this task does not run: " \
        "mqrest.admin.mq_refresh_security with type: connauth runs it" in warning_texts(changed)
    # The refresh itself is never sent.
    assert [(v, q) for v, q, _n in mutating(mq)] == [("ALTER", "AUTHINFO")]
    unchanged = run_module("mq_authinfo", **dict(OS, check_client="optional"))
    assert (unchanged["changed"], unchanged["refresh_required"]) == (False, [])


def test_mq_objects_alters_the_queue_manager_first_and_names_the_refresh(mq, run_module):
    """CONNAUTH naming an AUTHINFO declared in the same task: ALTER QMGR first (MQ checks the name when it reads the
    configuration, not when ALTER QMGR sets it), then the DEFINE; both wait for REFRESH SECURITY TYPE(CONNAUTH)."""
    declared = dict(qmgr_attributes={"connection_authentication": "APP.IDPW", "authority_events": "enabled"},
                    authinfos=[OS, {"name": "APP.OCSP", "type": "ocsp", "ocsp_url": "http://ocsp.example.com/"}])
    fresh(mq)
    result = run_module("mq_objects", **declared)
    assert list(mutating(mq)) == [("ALTER", "QMGR", None), ("DEFINE", "AUTHINFO", "APP.IDPW"), ("DEFINE", "AUTHINFO", "APP.OCSP")]
    assert result["refresh_required"] == ["connauth"]
    changes = {c["name"]: c for c in result["changes"]}
    assert (changes["QM1"]["type"], changes["QM1"]["refresh_required"], changes["QM1"]["restart_required"]) == ("qmgr", ["connauth"], False)
    assert (changes["APP.IDPW"]["refresh_required"], changes["APP.OCSP"]["refresh_required"]) == (["connauth"], [])
    fresh(mq)
    again = run_module("mq_objects", **declared)
    assert (again["changed"], again["refresh_required"], mutating(mq)) == (False, [], [])
    # An AUTHINFO change alone: the queue manager's CONNAUTH is read once to know whether it names it.
    fresh(mq)
    alone = run_module("mq_objects", authinfos=[dict(OS, failure_delay=2)])
    assert alone["refresh_required"] == ["connauth"] and ("DISPLAY", "QMGR", None) in sent(mq)


def test_mq_objects_purges_authinfos_by_prefix_never_system_ones(mq, run_module):
    run_module("mq_objects", authinfos=[{"name": "APP.OLD", "type": "idpwos"}, OS])
    fresh(mq)
    result = run_module("mq_objects", authinfos=[OS], purge={"prefix": "APP."})
    assert result["summary"]["purged"] == 1 and mutating(mq) == [("DELETE", "AUTHINFO", "APP.OLD")]
    assert sent(mq)[0] == ("DISPLAY", "AUTHINFO", "APP.*")
    refused = run_module("mq_objects", authinfos=[], purge={"prefix": "SYSTEM."})
    assert refused["failed"] and "never purged" in refused["msg"]
    names = {a["name"] for a in run_module("mq_info", types=["authinfo"], name="SYSTEM.*")["authinfos"]}
    assert names == {"SYSTEM.DEFAULT.AUTHINFO." + t for t in ("CRLLDAP", "IDPWLDAP", "IDPWOS", "OCSP")}


def test_mq_info_reads_authinfos_with_the_password_masked(mq, run_module):
    run_module("mq_authinfo", **LDAP)
    info = run_module("mq_info", types=["authinfo"], name="APP.*")
    assert [(a["name"], a["type"], a["ldap_password"], a["short_user"]) for a in info["authinfos"]] == \
        [("APP.LDAP", "idpwldap", "********", "uid")]
    assert SECRET not in json.dumps(info)
