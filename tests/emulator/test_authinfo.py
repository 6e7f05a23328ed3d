# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""AUTHINFO as distributed MQ 9.4 has it (one syntax per AUTHTYPE, AUTHTYPE fixed once defined, LDAPPWD shown masked), and
the ALTER QMGR keywords added with it: the z/OS-only ones refused, the ranges, MONACLS and STATACLS values, the secrets."""

import pytest

from mqemu import objects as O

# Every keyword of each AUTHTYPE's syntax diagram (IBM-DEF-AUTHINFO), with a value it takes.
EVERY = {
    "CRLLDAP": {"conname": "ldap.example.com(389)", "descr": "CRLs", "ldapuser": "cn=reader,dc=example,dc=com", "ldappwd": "s3cret"},
    "OCSP": {"ocspurl": "http://ocsp.example.com/", "descr": "responder"},
    "IDPWOS": {"adoptctx": "yes", "authenmd": "pam", "chckclnt": "required", "chcklocl": "none", "descr": "os", "faildlay": 5},
    "IDPWLDAP": {"adoptctx": "yes", "authormd": "searchgrp", "basedng": "ou=groups,dc=example,dc=com",
                 "basednu": "ou=people,dc=example,dc=com", "chckclnt": "optional", "chcklocl": "optional", "classgrp": "groupOfNames",
                 "classusr": "inetOrgPerson", "conname": "ldap.example.com(636)", "descr": "ldap", "faildlay": 0, "findgrp": "member",
                 "grpfield": "cn", "ldappwd": "s3cret", "ldapuser": "cn=mq,dc=example,dc=com", "nestgrp": "yes", "seccomm": "anon",
                 "shortusr": "uid", "usrfield": "uid"},
}


@pytest.mark.parametrize("authtype", sorted(O.AUTHINFO_ATTRS))
def test_a_new_queue_manager_has_the_default_objects(client, authtype):
    row = client.ok("DISPLAY", "AUTHINFO", f"SYSTEM.DEFAULT.AUTHINFO.{authtype}", resp=["all"])[0]
    assert (row["authinfo"], row["authtype"]) == (f"SYSTEM.DEFAULT.AUTHINFO.{authtype}", authtype)
    assert {k.upper() for k in row} - {"AUTHINFO", "AUTHTYPE", "ALTDATE", "ALTTIME"} == set(O.AUTHINFO_ATTRS[authtype])
    assert client.ok("DISPLAY", "AUTHINFO", f"SYSTEM.DEFAULT.AUTHINFO.{authtype}")[0] == \
        {"authinfo": f"SYSTEM.DEFAULT.AUTHINFO.{authtype}", "authtype": authtype}


@pytest.mark.parametrize("authtype", sorted(EVERY))
def test_each_type_takes_every_keyword_of_its_syntax_diagram(client, authtype):
    params = dict(EVERY[authtype], authtype=authtype)
    client.ok("DEFINE", "AUTHINFO", "AI." + authtype, params=params)
    row = client.ok("DISPLAY", "AUTHINFO", "AI." + authtype, resp=["all"])[0]
    for key, value in EVERY[authtype].items():
        if key == "ldappwd":
            assert row[key] == "********"  # never shown, only that one is set
        else:
            assert row[key] == (value.upper() if key.upper() in O.KIND_ENUMS["AUTHINFO"] else value), key
    # ALTER changes what it names and leaves the rest; AUTHTYPE goes with it, as PCF requires AuthInfoType.
    client.ok("ALTER", "AUTHINFO", "AI." + authtype, params={"authtype": authtype, "descr": "changed"})
    after = client.ok("DISPLAY", "AUTHINFO", "AI." + authtype, resp=["all"])[0]
    assert after["descr"] == "changed" and {k: v for k, v in after.items() if k not in ("descr", "alttime", "altdate")} == \
        {k: v for k, v in row.items() if k not in ("descr", "alttime", "altdate")}


def test_a_blank_ldap_password_shows_blank(client):
    client.ok("DEFINE", "AUTHINFO", "AI.CRL", params={"authtype": "crlldap", "conname": "ldap(389)"})
    assert client.ok("DISPLAY", "AUTHINFO", "AI.CRL", resp=["ldappwd"])[0]["ldappwd"] == ""


def test_authtype_is_needed_and_fixed_once_defined(client):
    client.fails(4005, "DEFINE", "AUTHINFO", "AI.NOTYPE")
    client.fails(4005, "DEFINE", "AUTHINFO", "AI.BADTYPE", params={"authtype": "kerberos"})
    client.ok("DEFINE", "AUTHINFO", "AI.OS", params={"authtype": "idpwos"})
    client.fails(4005, "ALTER", "AUTHINFO", "AI.OS", params={"chckclnt": "required"})  # no AUTHTYPE
    client.fails(4002, "ALTER", "AUTHINFO", "AI.OS", params={"authtype": "idpwldap", "chckclnt": "required"})
    client.fails(4002, "DEFINE", "AUTHINFO", "AI.OS", params={"authtype": "ocsp", "ocspurl": "http://x/", "replace": "yes"})
    client.fails(4003, "DEFINE", "AUTHINFO", "AI.LIKE", params={"authtype": "crlldap", "like": "AI.OS", "conname": "l(389)"})
    client.fails(4001, "DEFINE", "AUTHINFO", "AI.OS", params={"authtype": "idpwos"})
    client.ok("DEFINE", "AUTHINFO", "AI.OS", params={"authtype": "idpwos", "chckclnt": "optional", "replace": "yes"})
    client.fails(2085, "ALTER", "AUTHINFO", "AI.MISSING", params={"authtype": "idpwos", "descr": "x"})


@pytest.mark.parametrize("authtype, params, reason", [
    ("CRLLDAP", {}, 4061),  # CONNAME on the main line of the CRLLDAP diagram
    ("IDPWLDAP", {"shortusr": "uid"}, 4061),
    ("IDPWLDAP", {"conname": "ldap(636)"}, 4005),  # SHORTUSR is mandatory
    ("OCSP", {}, 4005),
    ("OCSP", {"ocspurl": "https://ocsp.example.com/"}, 4005),  # "must start with the string http:// in lowercase"
    ("OCSP", {"ocspurl": "HTTP://ocsp.example.com/"}, 4005),
    ("IDPWOS", {"conname": "ldap(389)"}, 3014),  # a keyword of another type's diagram
    ("IDPWOS", {"authormd": "os"}, 3014),
    ("CRLLDAP", {"conname": "l(389)", "chckclnt": "none"}, 3014),
    ("IDPWOS", {"faildlay": 61}, 4005),
    ("IDPWOS", {"chckclnt": "always"}, 4005),
    ("IDPWLDAP", {"conname": "l(636)", "shortusr": "uid", "ldappwd": "x" * 33}, 4005),
    ("IDPWLDAP", {"conname": "l(636)", "shortusr": "uid", "seccomm": "tls"}, 4005),
    ("IDPWOS", {"cmdscope": "*"}, 3014),  # CMDSCOPE and QSGDISP are valid only on z/OS
    ("IDPWOS", {"qsgdisp": "qmgr"}, 3014),
])
def test_define_refusals(client, authtype, params, reason):
    client.fails(reason, "DEFINE", "AUTHINFO", "AI.REFUSED", params=dict(params, authtype=authtype))
    client.fails(2085, "DISPLAY", "AUTHINFO", "AI.REFUSED")


def test_display_selects_by_authtype_and_runmqsc_text_works(client):
    client.text("DEFINE AUTHINFO(AI.TXT) AUTHTYPE(IDPWOS) CHCKCLNT(REQUIRED)")
    client.ok("DEFINE", "AUTHINFO", "AI.TXT2", params={"authtype": "ocsp", "ocspurl": "http://o/"})
    assert [r["authinfo"] for r in client.ok("DISPLAY", "AUTHINFO", "AI.*", params={"authtype": "idpwos"})] == ["AI.TXT"]
    assert [r["authinfo"] for r in client.ok("DISPLAY", "AUTHINFO", "AI.*", params={"authtype": "all"})] == ["AI.TXT", "AI.TXT2"]
    client.fails(4005, "DISPLAY", "AUTHINFO", "AI.*", params={"authtype": "ldap"})
    text = client.text("DIS AUTHINFO(AI.TXT) ALL")[1]["commandResponse"][0]["text"]
    assert text[0] == "AMQ8566I: Display authentication information details." and "CHCKCLNT(REQUIRED)" in " ".join(text)
    client.fails(3014, "DELETE", "AUTHINFO", "AI.TXT", params={"authrec": "yes"})
    client.ok("DELETE", "AUTHINFO", "AI.TXT")
    client.fails(2085, "DELETE", "AUTHINFO", "AI.TXT")


# ----- ALTER QMGR: the keywords of its 9.4 page for Multiplatforms ---------------------------------------------------------
@pytest.mark.parametrize("keyword", ["ADOPTMCA", "EXPRYINT", "IGQ", "MAXCHL", "TCPNAME", "SSLTASKS", "CERTQSGL", "CMDSCOPE"])
def test_alter_qmgr_refuses_the_zos_only_keywords(client, keyword):
    assert keyword in O.QMGR_ZOS_ONLY
    client.fails(3014, "ALTER", "QMGR", params={keyword.lower(): "1"})


@pytest.mark.parametrize("params, reason", [
    ({"monacls": "none"}, 4005), ({"statacls": "none"}, 4005), ({"maxmsgl": 1000}, 4005), ({"acctint": 0}, 4005),
    ({"statint": 604001}, 4005), ({"ccsid": 70000}, 4005), ({"maxumsgs": 0}, 4005), ({"markint": "never"}, 4005),
])
def test_alter_qmgr_ranges_and_values(client, params, reason):
    client.fails(reason, "ALTER", "QMGR", params=params)


def test_alter_qmgr_values_of_the_94_page(client):
    params = {"monacls": "off", "statacls": "high", "markint": "nolimit", "imgintvl": "off", "maxmsgl": 32768, "statint": 604000,
              "connauth": "NOT.DEFINED.YET", "suiteb": "128_bit,192_bit"}
    client.ok("ALTER", "QMGR", params=params)
    row = client.ok("DISPLAY", "QMGR", resp=list(params))[0]
    # CONNAUTH may name an object that does not exist: MQ finds out when it reads the configuration (REFRESH SECURITY).
    assert {k: row[k] for k in params} == {k: v.upper() if isinstance(v, str) and k != "connauth" else v for k, v in params.items()}


def test_the_queue_managers_secrets_show_masked(client):
    assert {k: client.ok("DISPLAY", "QMGR", resp=[k])[0][k] for k in ("initkey", "keyrpwd")} == {"initkey": "", "keyrpwd": ""}
    client.ok("ALTER", "QMGR", params={"keyrpwd": "p4ss", "initkey": "k3y"})
    assert {k: client.ok("DISPLAY", "QMGR", resp=[k])[0][k] for k in ("initkey", "keyrpwd")} == \
        {"initkey": "********", "keyrpwd": "********"}
