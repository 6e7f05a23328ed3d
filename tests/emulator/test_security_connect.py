# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A client connects (control API POST /qmgr/{qm}/channel/{name}/connect) and an application puts (messaging REST API,
control API with a user): accepted or refused the way MQ decides, with the reason and the AMQ messages of the error log
(README "Security": client connections). Principals and groups through the control API (/principals, /groups)."""

import pytest
import requests

from mqemu import EmulatorServer

APP = "APP.SVRCONN"


@pytest.fixture(scope="module")
def srv():
    """A queue manager as crtmqm makes it (seed system): IBM's default CHLAUTH records, CONNAUTH
    SYSTEM.DEFAULT.AUTHINFO.IDPWOS (CHCKCLNT(REQDADM)); users app (group apps) and admin (group mqm)."""
    principals = {"app": ("apppw", ["apps"]), "admin": ("adminpw", ["mqm"]), "bob": ("bobpw", ["staff"])}
    with EmulatorServer(qmgrs=["QM1"], timing="zero", seed="system", principals=principals) as server:
        yield server


@pytest.fixture(autouse=True)
def _channel(srv, client):  # pylint: disable=unused-argument  # srv: reset first (conftest)
    client.ok("DEFINE", "CHANNEL", APP, params={"chltype": "SVRCONN"})
    # ADOPTCTX(YES), as these tests have it: the emulator's SYSTEM.DEFAULT.AUTHINFO.IDPWOS has IBM's DEFINE AUTHINFO
    # default ADOPTCTX(NO) ([V] IBM-DEF-AUTHINFO), while the transcript of reference section 3 shows YES (unconfirmed).
    client.ok("ALTER", "AUTHINFO", "SYSTEM.DEFAULT.AUTHINFO.IDPWOS", params={"authtype": "IDPWOS", "adoptctx": "YES"})
    client.ok("REFRESH", "SECURITY", None, params={"type": "CONNAUTH"})


def connect(client, channel=APP, **identity):
    identity.setdefault("address", "192.0.2.10")
    status, outcome = client.ctl("POST", f"qmgr/QM1/channel/{channel}/connect", identity)
    assert status == 200, outcome
    return outcome


def refused(client, reason, *msgids, channel=APP, **identity):
    outcome = connect(client, channel, **identity)
    assert (outcome["connected"], outcome["reason"]) == (False, reason), outcome
    assert [e["msgid"] for e in outcome["errors"] if e["msgid"]] == list(msgids), outcome["errors"]
    return outcome


def accepted(client, mcauser, channel=APP, **identity):
    outcome = connect(client, channel, **identity)
    assert (outcome["connected"], outcome["reason"], outcome["mcauser"]) == (True, 0, mcauser), outcome
    return outcome


def grant_connect(client, **entity):
    client.ok("SET", "AUTHREC", params={"objtype": "qmgr", "authadd": ["connect"], **(entity or {"principal": "app"})})


# ----- the default records, connection authentication and the OAM ----------------------------------------------------
def test_an_application_without_connect_authority_is_refused_2035_and_amq8077w(client):
    outcome = refused(client, 2035, "AMQ8077W", user="app")
    assert outcome["reason_name"] == "MQRC_NOT_AUTHORIZED"
    assert outcome["errors"][0]["message"] == "AMQ8077W: Entity 'app' has insufficient authority to access object QM1."
    assert "connect" in outcome["errors"][0]["explanation"]
    grant_connect(client)
    accepted(client, "app", user="app")


def test_an_accepted_client_is_a_running_instance_with_its_address_and_mcauser(client):
    grant_connect(client)
    accepted(client, "app", user="app", address="192.0.2.44")
    row = client.ok("DISPLAY", "CHSTATUS", APP, resp=["conname", "mcauser"])[0]
    assert (row["status"], row["conname"], row["mcauser"]) == ("RUNNING", "192.0.2.44", "app")
    accepted(client, "app", user="app")
    assert len(client.ok("DISPLAY", "CHSTATUS", APP)) == 2


def test_an_administrator_is_refused_by_the_default_blockuser_rule(client):
    # REQDADM: a privileged user needs a password; with it, ADOPTCTX(YES) makes admin the MCAUSER, and *MQADMIN blocks it
    refused(client, 2035, "AMQ5540E", "AMQ5541E", user="admin")
    outcome = refused(client, 2035, "AMQ9776E", user="admin", password="adminpw")
    assert "MCAUSER(admin)" in outcome["errors"][0]["explanation"]
    # a channel's own BLOCKUSER record replaces the '*' one (IBM: "overrides the *MQADMIN BLOCKUSER")
    client.ok("SET", "CHLAUTH", APP, params={"type": "blockuser", "userlist": ["nobody"]})
    accepted(client, "admin", user="admin", password="adminpw")


def test_reqdadm_asks_privileged_users_only_and_a_wrong_password_is_amq5534e(client):
    grant_connect(client)
    accepted(client, "app", user="app")  # not privileged: OPTIONAL
    refused(client, 2035, "AMQ5534E", user="app", password="wrong")  # supplied, so checked
    refused(client, 2035, "AMQ5534E", "AMQ5541E", user="admin", password="wrong")


def test_system_channels_are_refused_and_system_admin_svrconn_allowed(client):
    grant_connect(client)
    outcome = refused(client, 2035, "AMQ9777E", channel="SYSTEM.DEF.SVRCONN", user="app")
    assert outcome["errors"][0]["explanation"].startswith("The inbound channel 'SYSTEM.DEF.SVRCONN' was blocked from address "
                                                          "'192.0.2.10' because the active values of the channel matched a "
                                                          "record configured with USERSRC(NOACCESS)")
    client.ok("DEFINE", "CHANNEL", "SYSTEM.ADMIN.SVRCONN", params={"chltype": "SVRCONN"})
    accepted(client, "app", channel="SYSTEM.ADMIN.SVRCONN", user="app")  # the more specific record wins


def test_chlauth_disabled_checks_no_record(client):
    client.ok("SET", "AUTHREC", params={"objtype": "qmgr", "group": "mqm", "authadd": ["connect"]})
    client.ok("ALTER", "QMGR", params={"chlauth": "disabled"})
    accepted(client, "admin", user="admin", password="adminpw")
    accepted(client, "admin", channel="SYSTEM.DEF.SVRCONN", user="admin", password="adminpw")


# ----- mapping records ------------------------------------------------------------------------------------------------
def test_addressmap_maps_the_addresses_it_names(client):
    client.ok("SET", "CHLAUTH", APP, params={"type": "addressmap", "address": "192.0.2.1-20", "usersrc": "map", "mcauser": "bob"})
    grant_connect(client, principal="bob")
    accepted(client, "bob", user="anyone", address="192.0.2.10")
    refused(client, 2035, "AMQ9557E", user="anyone", address="198.51.100.1")  # no record: the client's user, unknown here


def test_usermap_beats_addressmap_and_channel_keeps_the_channels_mcauser(client):
    client.ok("ALTER", "CHANNEL", APP, params={"chltype": "SVRCONN", "mcauser": "bob"})
    client.ok("SET", "CHLAUTH", APP, params={"type": "addressmap", "address": "*", "usersrc": "noaccess"})
    client.ok("SET", "CHLAUTH", APP, params={"type": "usermap", "clntuser": "app", "usersrc": "channel"})
    grant_connect(client, principal="bob")
    accepted(client, "bob", user="app")  # USERMAP found: the channel's MCAUSER
    refused(client, 2035, "AMQ9777E", user="someone")  # only the ADDRESSMAP applies


def test_the_most_specific_profile_decides_and_precedence_is_configurable(srv, client):
    client.ok("SET", "CHLAUTH", "APP.*", params={"type": "usermap", "clntuser": "app", "usersrc": "noaccess"})
    client.ok("SET", "CHLAUTH", APP, params={"type": "addressmap", "address": "*", "usersrc": "channel"})
    grant_connect(client)
    accepted(client, "app", user="app")
    srv.model.set_config(chlauth_precedence="type")
    refused(client, 2035, "AMQ9777E", user="app")


def test_clntuser_matches_case_sensitively_unless_configured(srv, client):
    client.ok("SET", "CHLAUTH", APP, params={"type": "usermap", "clntuser": "App", "usersrc": "noaccess"})
    grant_connect(client)
    accepted(client, "app", user="app")
    srv.model.set_config(chlauth_ignore_user_case=True)
    refused(client, 2035, "AMQ9777E", user="app")


def test_warn_records_log_and_let_the_channel_run(client):
    grant_connect(client)
    client.ok("SET", "CHLAUTH", APP, params={"type": "addressmap", "address": "192.0.2.*", "usersrc": "noaccess", "warn": "yes"})
    warning = accepted(client, "app", user="app")["errors"]
    assert [(e["msgid"], e["reason"], e["message"]) for e in warning] == [(None, 2578, "MQRC_CHANNEL_BLOCKED_WARNING")]
    assert "would have been blocked by channel authentication record 'APP.SVRCONN' TYPE(ADDRESSMAP)" in warning[0]["explanation"]
    client.ok("SET", "CHLAUTH", "*", params={"type": "blockaddr", "addrlist": ["192.0.2.10"], "warn": "yes"})
    assert [e["reason"] for e in accepted(client, "app", user="app")["errors"]] == [2578, 2578]
    client.ok("SET", "CHLAUTH", APP, params={"type": "blockuser", "userlist": ["app"], "warn": "yes"})
    assert [e["reason"] for e in accepted(client, "app", user="app")["errors"]] == [2578, 2578, 2578]


def test_blockaddr_refuses_at_the_listener_with_2059(client):
    grant_connect(client)
    client.ok("SET", "CHLAUTH", "*", params={"type": "blockaddr", "addrlist": ["192.0.2.*"]})
    outcome = refused(client, 2059, "AMQ9782E", user="app", address="192.0.2.99")
    assert outcome["reason_name"] == "MQRC_Q_MGR_NOT_AVAILABLE"
    accepted(client, "app", user="app", address="198.51.100.1")


def test_chckclnt_required_on_a_record_and_adoptctx(client):
    client.ok("ALTER", "CHANNEL", APP, params={"chltype": "SVRCONN", "mcauser": "bob"})
    client.ok("SET", "CHLAUTH", APP, params={"type": "addressmap", "address": "*", "usersrc": "channel", "chckclnt": "required"})
    grant_connect(client)
    outcome = refused(client, 2035, "AMQ5540E", user="app")
    assert "CHCKCLNT(REQUIRED) of channel authentication record 'APP.SVRCONN'" in outcome["errors"][-1]["explanation"]
    refused(client, 2035, "AMQ5534E", user="app", password="nope")
    accepted(client, "app", user="app", password="apppw")  # ADOPTCTX(YES): the authenticated user, not the channel's bob


# ----- CONNAUTH takes effect at REFRESH SECURITY TYPE(CONNAUTH) or a restart ---------------------------------------
def test_a_connauth_change_waits_for_refresh_security(client):
    client.ok("SET", "CHLAUTH", APP, params={"type": "addressmap", "address": "*", "usersrc": "channel", "chckclnt": "required"})
    grant_connect(client)
    client.ok("ALTER", "QMGR", params={"connauth": ""})
    accepted(client, "app", user="app", password="apppw")  # the cached CONNAUTH still checks the password
    client.ok("REFRESH", "SECURITY", params={"type": "authserv"})  # not the CONNAUTH cache
    accepted(client, "app", user="app", password="apppw")
    client.ok("REFRESH", "SECURITY", params={"type": "connauth"})
    outcome = refused(client, 2035, user="app", password="apppw")  # a blank CONNAUTH cannot check CHCKCLNT(REQUIRED)
    assert outcome["errors"][0]["reason_name"] == "MQRC_NOT_AUTHORIZED"
    client.ok("ALTER", "QMGR", params={"connauth": "SYSTEM.DEFAULT.AUTHINFO.IDPWOS"})
    refused(client, 2035, user="app", password="apppw")
    status, _answer = client.ctl("POST", "qmgr/QM1/restart", {"starting": 0})
    assert status == 200
    accepted(client, "app", user="app", password="apppw")  # a restart reads the configuration again


def test_a_connauth_object_that_is_not_for_passwords_checks_nothing(client):
    grant_connect(client)
    client.ok("ALTER", "QMGR", params={"connauth": "SYSTEM.DEFAULT.AUTHINFO.CRLLDAP"})
    client.ok("REFRESH", "SECURITY", params={"type": "connauth"})
    client.ok("SET", "CHLAUTH", APP, params={"type": "blockuser", "userlist": ["nobody"]})
    client.ok("SET", "AUTHREC", params={"objtype": "qmgr", "group": "mqm", "authadd": ["connect"]})
    accepted(client, "admin", user="admin")  # no REQDADM any more: no password asked


# ----- group membership is cached until REFRESH SECURITY (AUTHSERV) or a restart -------------------------------------
def test_group_membership_changes_need_refresh_security(srv, client):
    client.ok("SET", "AUTHREC", params={"objtype": "qmgr", "group": "staff", "authadd": ["connect"]})
    refused(client, 2035, "AMQ8077W", user="app")
    srv.model.directory.add_principal("app", "apppw", ["apps", "staff"])
    refused(client, 2035, "AMQ8077W", user="app")  # the queue manager still has app's old groups
    client.ok("REFRESH", "SECURITY")  # TYPE(AUTHSERV), the default
    accepted(client, "app", user="app")


# ----- the channel and the queue manager ---------------------------------------------------------------------------
def test_unknown_stopped_and_ended(client):
    refused(client, 2540, "AMQ9519E", channel="NO.SUCH.SVRCONN", user="app")
    client.ok("STOP", "CHANNEL", APP)
    refused(client, 2537, user="app")
    client.ok("START", "CHANNEL", APP)
    grant_connect(client)
    accepted(client, "app", user="app")
    client.ctl("POST", "qmgr/QM1/stop")
    refused(client, 2059, user="app")


def test_an_unknown_channel_mcauser_is_amq9557e(client):
    client.ok("ALTER", "CHANNEL", APP, params={"chltype": "SVRCONN", "mcauser": "ghost"})
    outcome = refused(client, 2035, "AMQ9557E", user="app")
    assert outcome["errors"][0]["message"] == "AMQ9557E: Queue Manager User ID initialization failed for 'ghost'."


def test_channel_auto_definition_then_the_records(client):
    client.ok("ALTER", "QMGR", params={"chad": "enabled"})
    grant_connect(client)
    accepted(client, "app", channel="NEW.SVRCONN", user="app")
    assert client.ok("DISPLAY", "CHANNEL", "NEW.SVRCONN")[0]["chltype"] == "SVRCONN"


def test_the_connect_body_is_checked(client):
    assert client.ctl("POST", f"qmgr/QM1/channel/{APP}/connect", {"address": "192.0.2.1"})[0] == 400  # no user
    assert client.ctl("POST", f"qmgr/QM1/channel/{APP}/connect", {"user": "app", "colour": "red"})[0] == 400
    assert client.ctl("POST", f"qmgr/NOQM/channel/{APP}/connect", {"user": "app"})[0] == 404


# ----- the error log ------------------------------------------------------------------------------------------------
def test_the_error_log_keeps_the_refusals_until_cleared(client):
    refused(client, 2035, "AMQ8077W", user="app")
    refused(client, 2035, "AMQ9777E", channel="SYSTEM.DEF.SVRCONN", user="app")
    status, log = client.ctl("GET", "qmgr/QM1/errors")
    assert status == 200 and [e["msgid"] for e in log["entries"]] == ["AMQ8077W", "AMQ9777E"]
    entry = log["entries"][1]
    assert {k: entry[k] for k in ("qmgr", "channel", "address", "user", "reason")} == \
        {"qmgr": "QM1", "channel": "SYSTEM.DEF.SVRCONN", "address": "192.0.2.10", "user": "app", "reason": 2035}
    assert client.ctl("DELETE", "qmgr/QM1/errors") == (200, {"qmgr": "QM1", "entries": []})
    assert client.ctl("GET", "qmgr/QM1/errors")[1]["entries"] == []


def test_no_password_reaches_the_error_log_or_the_outcome(client):
    outcome = refused(client, 2035, "AMQ5534E", "AMQ5541E", user="admin", password="s3cret-value")
    assert "s3cret-value" not in str(outcome) and "s3cret-value" not in str(client.ctl("GET", "qmgr/QM1/errors"))


# ----- principals and groups through the control API -------------------------------------------------------------
def test_principals_and_groups(client):
    assert client.ctl("POST", "principals", {"name": "carol", "password": "pw", "groups": ["apps", "extra"]}) == \
        (200, {"name": "carol", "groups": ["apps", "extra"], "password": True})
    status, listing = client.ctl("GET", "principals")
    assert status == 200 and "pw" not in str(listing)
    assert {"name": "carol", "groups": ["apps", "extra"], "password": True} in listing["principals"]
    assert {"name": "apps", "members": ["app", "carol"]} in listing["groups"]
    assert client.ctl("POST", "groups", {"name": "empty"}) == (200, {"name": "empty", "members": []})
    assert client.ctl("DELETE", "groups/apps")[0] == 400  # still has members
    assert client.ctl("DELETE", "principals/carol") == (200, {"deleted": "carol"})
    assert client.ctl("DELETE", "principals/carol")[0] == 404
    assert client.ctl("POST", "principals", {"name": "bad name"})[0] == 400
    assert client.ctl("POST", "principals", {"name": "x", "role": "admin"})[0] == 400


def test_a_user_without_groups_gets_a_primary_group_of_its_own_name(srv):
    assert srv.model.directory.add_principal("dave", "pw")["groups"] == ["dave"]


def test_reset_restores_the_start_users(srv, client):
    client.ctl("POST", "principals", {"name": "carol"})
    client.ctl("POST", "reset")
    names = [p["name"] for p in client.ctl("GET", "principals")[1]["principals"]]
    assert names == ["admin", "app", "bob", "mqm"]


# ----- MQI authority: the messaging REST API and the control API's puts and gets ---------------------------------------
def message_post(srv, user, queue, password):
    return requests.post(f"{srv.base_url}/messaging/qmgr/QM1/queue/{queue}/message", data=b"hello", auth=(user, password),
                         headers={"Content-Type": "text/plain;charset=utf-8", "ibm-mq-rest-csrf-token": ""}, timeout=5)


@pytest.fixture
def webuser(srv):
    srv.model.users["app"] = ("webpw", "MQWebUser")
    srv.model.users["ghost"] = ("webpw", "MQWebUser")
    yield
    srv.model.users.pop("app", None)
    srv.model.users.pop("ghost", None)


def test_messaging_put_needs_connect_and_put(srv, client, webuser):  # pylint: disable=unused-argument
    client.ok("DEFINE", "QLOCAL", "APP.Q")
    resp = message_post(srv, "app", "APP.Q", "webpw")
    error = resp.json()["error"][0]
    assert resp.status_code == 403 and (error["msgId"], error["reasonCode"]) == ("MQWB0103E", 2035)
    assert error["message"] == "MQWB0103E: Not authorized to put to APP.Q."
    assert client.ctl("GET", "qmgr/QM1/errors")[1]["entries"][-1]["explanation"].endswith("unauthorized: connect")
    grant_connect(client)
    assert message_post(srv, "app", "APP.Q", "webpw").status_code == 403
    assert client.ctl("GET", "qmgr/QM1/errors")[1]["entries"][-1]["explanation"].endswith("unauthorized: put")
    client.ok("SET", "AUTHREC", params={"profile": "APP.*", "objtype": "queue", "principal": "app", "authadd": ["put"]})
    assert message_post(srv, "app", "APP.Q", "webpw").status_code == 201
    assert message_post(srv, "app", "NO.SUCH.Q", "webpw").status_code == 404  # 2085 once connected
    srv.model.set_config(messaging_not_authorized_status=500)
    client.ok("SET", "AUTHREC", params={"profile": "APP.*", "objtype": "queue", "principal": "app", "authrmv": ["put"]})
    assert message_post(srv, "app", "APP.Q", "webpw").status_code == 500


def test_messaging_put_by_a_user_the_host_does_not_know(srv, client, webuser):  # pylint: disable=unused-argument
    client.ok("DEFINE", "QLOCAL", "APP.Q")
    assert message_post(srv, "ghost", "APP.Q", "webpw").status_code == 403
    assert client.ctl("GET", "qmgr/QM1/errors")[1]["entries"][-1]["msgid"] == "AMQ8079W"


def test_control_api_put_and_get_as_a_user(client):
    client.ok("DEFINE", "QLOCAL", "APP.Q")
    status, answer = client.ctl("POST", "qmgr/QM1/queue/APP.Q/messages", {"count": 2, "user": "app"})
    assert status == 409 and answer["error"].startswith("reason 2035 MQRC_NOT_AUTHORIZED: AMQ8077W")
    grant_connect(client)
    client.ok("SET", "AUTHREC", params={"profile": "APP.Q", "objtype": "queue", "principal": "app", "authadd": ["put"]})
    assert client.ctl("POST", "qmgr/QM1/queue/APP.Q/messages", {"count": 2, "user": "app"})[1]["curdepth"] == 2
    assert client.ctl("POST", "qmgr/QM1/queue/APP.Q/get", {"count": 1, "user": "app"})[0] == 409
    client.ok("SET", "AUTHREC", params={"profile": "APP.Q", "objtype": "queue", "principal": "app", "authadd": ["get"]})
    assert client.ctl("POST", "qmgr/QM1/queue/APP.Q/get", {"count": 1, "user": "app"})[1]["curdepth"] == 1
    assert client.ctl("POST", "qmgr/QM1/queue/APP.Q/messages", {"count": 1, "user": "admin"})[0] == 200  # mqm: administrator
    assert client.ctl("POST", "qmgr/QM1/queue/APP.Q/messages", {"count": 1})[0] == 200  # no user: no check


# ----- the developer image (seed dev) ----------------------------------------------------------------------------
def test_the_dev_seed_has_the_developer_images_security():
    with EmulatorServer(qmgrs=["QM1"], timing="zero", seed="dev") as server:
        model = server.model
        assert model.connect_client("QM1", "DEV.APP.SVRCONN", user="app", password="passw0rd")["connected"]
        assert model.connect_client("QM1", "DEV.APP.SVRCONN", user="app")["reason"] == 2035  # CHCKCLNT(REQUIRED)
        assert model.connect_client("QM1", "DEV.ADMIN.SVRCONN", user="admin", password="passw0rd")["mcauser"] == "admin"
        assert model.connect_client("QM1", "SYSTEM.DEF.SVRCONN", user="app", password="passw0rd")["reason"] == 2035
        model.run_mqsc("QM1", {"type": "runCommandJSON", "command": "define", "qualifier": "channel", "name": "OTHER.SVRCONN",
                               "parameters": {"chltype": "svrconn"}})
        outcome = model.connect_client("QM1", "OTHER.SVRCONN", user="app", password="passw0rd")  # the back-stop rule
        assert outcome["reason"] == 2035 and outcome["errors"][0]["msgid"] == "AMQ9777E"
        assert model.queue_control("QM1", "DEV.QUEUE.1", "put", user="app", count=1)["curdepth"] == 1
