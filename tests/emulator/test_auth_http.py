# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Authentication, CSRF, roles, LTPA, client certificates, gateway routing and REST resources (reference §1, §3.3)."""

import os
import ssl

import pytest
import requests

from conftest import Client
from mqemu import EmulatorServer


def _error(resp):
    body = resp.json()
    assert set(body["error"][0]) == {"msgId", "type", "message", "explanation", "action", "completionCode", "reasonCode"}
    return resp.status_code, body["error"][0]["msgId"]


def test_basic_auth_csrf_and_roles(srv):
    url = f"{srv.base_url}/admin/action/qmgr/QM1/mqsc"
    body = {"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "QMGR"}
    hdr = {"ibm-mq-rest-csrf-token": ""}
    assert _error(requests.post(url, json=body, headers=hdr, timeout=5)) == (401, "MQWB0104E")
    assert _error(requests.post(url, json=body, headers=hdr, auth=("admin", "nope"), timeout=5)) == (401, "MQWB0105E")
    assert _error(requests.post(url, json=body, headers=hdr, auth=("Admin", "passw0rd"), timeout=5)) == (401, "MQWB0105E")
    resp = requests.post(url, json=body, auth=("admin", "passw0rd"), timeout=5)
    assert _error(resp) == (403, "MQWB0100E") and "ibm-mq-rest-csrf-token" in resp.json()["error"][0]["message"]
    assert requests.post(url, json=body, headers=hdr, auth=("admin", "passw0rd"), timeout=5).status_code == 200
    reader = Client(srv, "reader")
    reader.ok("DISPLAY", "QMGR")
    status, resp = reader.mqsc("DEFINE", "QLOCAL", "RO.Q")
    assert status == 403 and resp["error"][0]["msgId"] == "MQWB0103E"
    # Authentication and role errors take precedence over the queue manager lookup.
    assert _error(requests.post(url.replace("QM1", "NOPE"), json=body, headers=hdr, timeout=5)) == (401, "MQWB0104E")
    assert reader.mqsc("DEFINE", "QLOCAL", "RO.Q", qmgr="NOPE")[0] == 403
    status, resp = Client(srv).mqsc("DISPLAY", "QMGR", qmgr="NOPE")
    assert status == 404 and resp["error"][0]["msgId"] == "MQWB0009E" and resp["error"][0]["reasonCode"] == 2058
    journal = srv.model.journal()
    assert [(e["http_status"], e["user"]) for e in journal] == [(401, None), (401, None), (401, None), (403, "admin"), (200, "admin"),
                                                                (200, "reader"), (403, "reader"), (401, None), (403, "reader"),
                                                                (404, "admin")]
    srv.model.set_config(csrf_validation=False)
    assert requests.post(url, json=body, auth=("admin", "passw0rd"), timeout=5).status_code == 200


def test_uris_versions_and_resources(srv, client):
    s = client.session
    for version in ("v1", "v2", "v3"):
        base = srv.base_url.replace("/v2", f"/{version}")
        body = {"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "QMSTATUS"}
        assert s.post(f"{base}/admin/action/qmgr/QM1/mqsc", json=body, timeout=5).status_code == 200
        assert s.get(f"{base}/admin/qmgr", timeout=5).json() == {"qmgr": [{"name": "QM1", "state": "running"},
                                                                          {"name": "QM2", "state": "running"}]}
    assert _error(s.get(f"{srv.base_url}/admin/nothing", timeout=5)) == (404, "MQWB0116E")
    assert _error(s.get(srv.base_url.replace("/v2", "/v9") + "/admin/qmgr", timeout=5)) == (404, "MQWB0116E")
    assert _error(s.get(f"{srv.base_url}/admin/qmgr/qm1", timeout=5)) == (404, "MQWB0009E")  # case-sensitive
    resp = s.get(f"{srv.base_url}/admin/qmgr/QM1?status=*", timeout=5)
    assert resp.headers["Content-Type"] == "application/json; charset=utf-8"
    status = resp.json()["qmgr"][0]["status"]
    assert status["channelInitiatorState"] == "running" and status["connectionCount"] == 22 and status["started"].endswith("Z")
    srv.model.stop_qmgr("QM2")
    assert s.get(f"{srv.base_url}/admin/qmgr?state=ended", timeout=5).json() == {"qmgr": [{"name": "QM2", "state": "ended"}]}
    inst = s.get(f"{srv.base_url}/admin/installation?attributes=extended", timeout=5).json()["installation"][0]
    assert inst["name"] == "Installation1" and inst["extended"]["installationPath"] == "/opt/mqm"
    assert s.get(f"{srv.base_url}/login", timeout=5).json() == {"user": [{"name": "admin", "role": ["MQWebAdmin"]}]}


def test_ltpa_login_logout_expiry(srv):
    s = requests.Session()
    s.headers["ibm-mq-rest-csrf-token"] = "x"
    assert s.post(f"{srv.base_url}/login", json={"username": "admin", "password": "bad"}, timeout=5).status_code == 401
    assert s.post(f"{srv.base_url}/login", json={"username": 1, "password": "x"}, timeout=5).status_code == 400
    resp = requests.post(f"{srv.base_url}/login", json={"username": "reader", "password": "passw0rd"}, timeout=5)  # no CSRF needed
    assert resp.status_code == 204 and resp.content == b""
    cookie = resp.headers["Set-Cookie"]
    assert cookie.startswith("LtpaToken2_") and "HttpOnly" in cookie and "Path=/" in cookie
    name = cookie.split("=", 1)[0]
    assert name[len("LtpaToken2_"):].isdigit()
    s.cookies.set(name, resp.cookies[name])
    assert s.get(f"{srv.base_url}/login", timeout=5).json() == {"user": [{"name": "reader", "role": ["MQWebAdminRO"]}]}
    client = Client(srv, user=None)
    client.session = s
    client.ok("DISPLAY", "QMGR")
    srv.model.expire_ltpa()
    status, body = client.mqsc("DISPLAY", "QMGR")
    assert status == 401 and body["error"][0]["msgId"] == "MQWB0112E" and f"'{name}'" in body["error"][0]["message"]
    s.cookies.clear()
    s.post(f"{srv.base_url}/login", json={"username": "admin", "password": "passw0rd"}, timeout=5)
    client.ok("DISPLAY", "QMGR")
    assert s.delete(f"{srv.base_url}/login", headers={"ibm-mq-rest-csrf-token": ""}, timeout=5).status_code == 204
    assert client.mqsc("DISPLAY", "QMGR")[0] == 401
    # A client that hard-codes the cookie name "LtpaToken2" (pymqrest) is not authenticated by a suffixed server ...
    token = requests.post(f"{srv.base_url}/login", json={"username": "admin", "password": "passw0rd"}, timeout=5).cookies[name]
    status, body = client.post({"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "QMGR"},
                               headers={"Cookie": f"LtpaToken2={token}"})
    assert status == 401 and body["error"][0]["msgId"] == "MQWB0104E"
    # ... unless the name is pinned, and tokens expire after ltpa_expiration seconds.
    srv.model.set_config(ltpa_cookie_name="LtpaToken2", ltpa_expiration=0)
    s2 = requests.Session()
    assert s2.post(f"{srv.base_url}/login", json={"username": "admin", "password": "passw0rd"}, timeout=5).cookies.keys() == ["LtpaToken2"]
    assert s2.get(f"{srv.base_url}/admin/qmgr", timeout=5).json()["error"][0]["msgId"] == "MQWB0112E"


def test_gateway_routing(srv, client):
    gw = {"ibm-mq-rest-gateway-qmgr": "QM1"}
    client.ok("DEFINE", "QLOCAL", "ON.QM2", qmgr="QM2", headers=gw)
    client.ok("DISPLAY", "QLOCAL", "ON.QM2", qmgr="QM2")
    client.fails(2085, "DISPLAY", "QLOCAL", "ON.QM2", qmgr="QM1")
    assert srv.model.journal()[0]["gateway"] == "QM1" and srv.model.journal()[0]["qmgr"] == "QM2"
    status, body = client.mqsc("DISPLAY", "QMGR", qmgr="QM9", headers=gw)
    assert status == 404 and body["error"][0]["reasonCode"] == 2087
    assert client.mqsc("DISPLAY", "QMGR", qmgr="QM2", headers={"ibm-mq-rest-gateway-qmgr": "NOPE"})[0] == 404
    srv.model.stop_qmgr("QM1")
    assert client.mqsc("DISPLAY", "QMGR", qmgr="QM2", headers=gw)[0] == 503
    srv.model.start_qmgr("QM1")
    srv.model.set_config(gateway_require_route=True)
    assert client.mqsc("DISPLAY", "QMGR", qmgr="QM2", headers=gw)[0] == 404
    client.ok("DEFINE", "QREMOTE", "QM2", params={"rname": "", "rqmname": "QM2", "xmitq": "QM2"})  # queue-manager alias
    client.ok("DISPLAY", "QMGR", qmgr="QM2", headers=gw)


def test_in_process_run_mqsc(srv):
    status, body = srv.model.run_mqsc("QM1", {"type": "runCommandJSON", "command": "display", "qualifier": "qmstatus"})
    assert status == 200 and body["commandResponse"][0]["parameters"]["status"] == "RUNNING"
    assert srv.model.run_mqsc("QM1", {"type": "runCommandJSON", "command": "define", "qualifier": "qlocal", "name": "X"},
                              user="reader")[0] == 403


@pytest.fixture(scope="module")
def tls_srv(tmp_path_factory):
    state = tmp_path_factory.mktemp("tls")
    with EmulatorServer(qmgrs=["QM1"], tls=True, users=["admin:passw0rd:MQWebAdmin", "ro:pw:MQWebAdminRO"], state_dir=str(state)) as server:
        yield server


def test_tls_files_and_client_certificates(tls_srv):
    state = tls_srv.state_dir
    assert tls_srv.ca_path == os.path.join(state, "ca.pem") and tls_srv.base_url.startswith("https://127.0.0.1:")
    for name in ("ca.pem", "server.pem", "server.key", "client-admin.pem", "client-admin.key", "client-ro.pem", "client-ro.key",
                 "client-admin-encrypted.key"):
        assert os.path.exists(os.path.join(state, name)), name
    ctx = ssl.create_default_context(cafile=tls_srv.ca_path)
    ctx.load_cert_chain(os.path.join(state, "client-admin.pem"), os.path.join(state, "client-admin-encrypted.key"), password="clientkeypass")
    url = f"{tls_srv.base_url}/admin/action/qmgr/QM1/mqsc"
    body = {"type": "runCommandJSON", "command": "DEFINE", "qualifier": "QLOCAL", "name": "TLS.Q"}
    hdr = {"ibm-mq-rest-csrf-token": ""}
    assert requests.post(url, json=body, headers=hdr, verify=tls_srv.ca_path, timeout=5).status_code == 401
    cert = (os.path.join(state, "client-ro.pem"), os.path.join(state, "client-ro.key"))
    resp = requests.post(url, json=body, headers=hdr, verify=tls_srv.ca_path, cert=cert, timeout=5)
    assert resp.status_code == 403  # authenticated as CN=ro, a read-only user
    cert = (os.path.join(state, "client-admin.pem"), os.path.join(state, "client-admin.key"))
    resp = requests.post(url, json=body, headers=hdr, verify=tls_srv.ca_path, cert=cert, timeout=5)
    assert resp.status_code == 200 and resp.json()["overallCompletionCode"] == 0
    assert tls_srv.model.journal()[-1]["user"] == "admin"
    resp = requests.post(url, json=body, headers=hdr, verify=tls_srv.ca_path, auth=("admin", "passw0rd"), timeout=5)
    assert resp.json()["commandResponse"][0]["reasonCode"] == 4001
    login = requests.post(f"{tls_srv.base_url}/login", json={"username": "admin", "password": "passw0rd"}, verify=tls_srv.ca_path, timeout=5)
    assert "Secure" in login.headers["Set-Cookie"]
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(f"{tls_srv.base_url}/admin/qmgr", timeout=5)  # not trusted without the CA


MUTATIONS = [
    ("DEFINE", "QLOCAL", "RO.Q", None),
    ("ALTER", "QLOCAL", "DEV.QUEUE.1", {"descr": "changed"}),
    ("DELETE", "QLOCAL", "DEV.QUEUE.1", None),
    ("START", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP", None),
    ("STOP", "LISTENER", "DEV.LISTENER.TCP", None),
    ("ALTER", "QMGR", None, {"descr": "changed"}),
]


@pytest.mark.parametrize("command", MUTATIONS, ids=[f"{c[0]}-{c[1]}" for c in MUTATIONS])
def test_read_only_role_is_refused_every_mutation(srv, command):
    reader = Client(srv, "reader")
    before = [Client(srv).ok("DISPLAY", q, "*", resp=["all"]) for q in ("QUEUE", "LSSTATUS")]
    status, body = reader.mqsc(*command)
    assert status == 403 and body["error"][0]["msgId"] == "MQWB0103E" and command[0] in body["error"][0]["message"]
    assert [Client(srv).ok("DISPLAY", q, "*", resp=["all"]) for q in ("QUEUE", "LSSTATUS")] == before
    entry = [e for e in srv.model.journal() if e["user"] == "reader"][0]
    assert (entry["http_status"], entry["mutating"], entry["command"], entry["completion_code"]) == (403, True, command[0], None)


def test_read_only_role_displays_everything_and_text_mutations_are_refused(srv):
    reader = Client(srv, "reader")
    for qualifier, name in (("CHANNEL", "*"), ("QUEUE", "*"), ("LISTENER", "*"), ("SERVICE", "*"), ("LSSTATUS", "*"), ("QMGR", None),
                            ("QMSTATUS", None)):
        reader.ok("DISPLAY", qualifier, name)
    status, body = reader.text("DIS QL(DEV.QUEUE.1)")
    assert status == 200 and body["overallCompletionCode"] == 0
    status, body = reader.text("DEFINE QLOCAL(RO.TEXT)")
    assert status == 403 and body["error"][0]["msgId"] == "MQWB0103E"
    Client(srv).fails(2085, "DISPLAY", "QLOCAL", "RO.TEXT")


def test_user_without_a_mq_web_role_is_forbidden(srv):
    srv.model.users["norole"] = ("pw", "")
    resp = requests.get(f"{srv.base_url}/admin/qmgr", auth=("norole", "pw"), timeout=5)
    assert _error(resp) == (403, "MQWB0103E")
    assert Client(srv, "norole", "pw").mqsc("DISPLAY", "QMGR")[0] == 403


def test_csrf_on_every_state_changing_method(srv):
    s = requests.Session()
    s.post(f"{srv.base_url}/login", json={"username": "admin", "password": "passw0rd"}, timeout=5)
    assert s.get(f"{srv.base_url}/admin/qmgr", timeout=5).status_code == 200  # GET needs no CSRF header
    resp = s.delete(f"{srv.base_url}/login", timeout=5)
    assert _error(resp) == (403, "MQWB0100E")
    assert s.get(f"{srv.base_url}/login", timeout=5).status_code == 200  # the refused logout left the token valid
    assert _error(s.patch(f"{srv.base_url}/admin/qmgr/QM1", json={}, timeout=5)) == (403, "MQWB0100E")
    assert _error(s.patch(f"{srv.base_url}/admin/qmgr/QM1", json={}, headers={"ibm-mq-rest-csrf-token": "x"}, timeout=5)) == \
        (404, "MQWB0116E")
    # CSRF is checked before the role: a read-only user without the header gets MQWB0100E, not MQWB0103E.
    resp = requests.post(f"{srv.base_url}/admin/action/qmgr/QM1/mqsc", auth=("reader", "passw0rd"), timeout=5,
                         json={"type": "runCommandJSON", "command": "DEFINE", "qualifier": "QLOCAL", "name": "X"})
    assert _error(resp) == (403, "MQWB0100E")
    srv.model.set_config(csrf_status=400)  # the status of MQWB0100E is [I]: configurable
    assert _error(s.delete(f"{srv.base_url}/login", timeout=5)) == (400, "MQWB0100E")


def test_authentication_precedence_basic_over_cookie(srv):
    login = requests.post(f"{srv.base_url}/login", json={"username": "admin", "password": "passw0rd"}, timeout=5)
    cookie = {"Cookie": login.headers["Set-Cookie"].split(";", 1)[0], "ibm-mq-rest-csrf-token": ""}
    url = f"{srv.base_url}/admin/action/qmgr/QM1/mqsc"
    body = {"type": "runCommandJSON", "command": "DEFINE", "qualifier": "QLOCAL", "name": "PREC.Q"}
    assert _error(requests.post(url, json=body, headers=cookie, auth=("admin", "wrong"), timeout=5)) == (401, "MQWB0105E")
    assert _error(requests.post(url, json=body, headers=cookie, auth=("reader", "passw0rd"), timeout=5)) == (403, "MQWB0103E")
    assert _error(requests.post(url, json=body, headers=dict(cookie, Authorization="Bearer abc"), timeout=5)) == (401, "MQWB0104E")
    assert requests.post(url, json=body, headers=cookie, timeout=5).json()["overallCompletionCode"] == 0
    assert srv.model.journal()[-1]["user"] == "admin"


def test_logout_clears_the_cookie_and_control_api_expiry(srv, client):
    s = requests.Session()
    s.headers["ibm-mq-rest-csrf-token"] = ""
    s.post(f"{srv.base_url}/login", json={"username": "admin", "password": "passw0rd"}, timeout=5)
    name = srv.model.cookie_name()
    assert client.ctl("POST", "ltpa/expire") == (200, {"expired": True})
    assert _error(s.get(f"{srv.base_url}/login", timeout=5)) == (401, "MQWB0112E")
    s.post(f"{srv.base_url}/login", json={"username": "admin", "password": "passw0rd"}, timeout=5)
    resp = s.delete(f"{srv.base_url}/login", timeout=5)
    assert resp.status_code == 204 and resp.content == b""
    assert resp.headers["Set-Cookie"].startswith(f"{name}=;") and "Max-Age=0" in resp.headers["Set-Cookie"]
    assert name not in s.cookies  # the client was told to delete it
    assert _error(s.get(f"{srv.base_url}/login", timeout=5)) == (401, "MQWB0104E")


def test_ltpa_over_http_can_be_refused(srv):
    srv.model.set_config(ltpa_over_http=False)  # secureLTPA, the real default (IBM-LTPA)
    resp = requests.post(f"{srv.base_url}/login", json={"username": "admin", "password": "passw0rd"}, timeout=5)
    assert resp.status_code == 204 and "; Secure" in resp.headers["Set-Cookie"]
    cookie = resp.headers["Set-Cookie"].split(";", 1)[0]
    assert _error(requests.get(f"{srv.base_url}/login", headers={"Cookie": cookie}, timeout=5)) == (401, "MQWB0104E")
    srv.model.set_config(ltpa_over_http=True)
    assert requests.get(f"{srv.base_url}/login", headers={"Cookie": cookie}, timeout=5).status_code == 200


def test_qmgr_down_status_and_status_of_an_ended_qmgr(srv, client):
    srv.model.stop_qmgr("QM2", mode="immediate")
    status, body = client.mqsc("DISPLAY", "QMGR", qmgr="QM2")
    assert status == 503 and body["error"][0]["msgId"] == "MQWB0009E" and body["error"][0]["reasonCode"] == 2059
    assert srv.model.journal()[-1]["http_status"] == 503
    srv.model.set_config(qmgr_down_status=500)
    assert client.mqsc("DISPLAY", "QMGR", qmgr="QM2")[0] == 500
    item = client.session.get(f"{srv.base_url}/admin/qmgr/QM2?status=*", timeout=5).json()["qmgr"][0]
    assert item["state"] == "endedImmediately" and "started" not in item["status"]
    assert (item["status"]["channelInitiatorState"], item["status"]["connectionCount"]) == ("stopped", 0)
    client.ok("DISPLAY", "QMGR", qmgr="QM1")  # only QM2 is down


def test_body_and_role_config_alternatives(srv):
    admin = Client(srv)
    status, body = admin.post({"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "QMGR", "futureKey": 1})
    assert status == 400 and body["error"][0]["msgId"] == "MQWB0007E"
    srv.model.set_config(strict_body_keys=False)
    assert admin.post({"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "QMGR", "futureKey": 1})[0] == 200
    srv.model.users["app"] = ("pw", "MQWebUser")
    srv.model.set_config(webuser_mutations="allow")
    Client(srv, "app", "pw").ok("DEFINE", "QLOCAL", "APP.OWN")
    admin.ok("DISPLAY", "QLOCAL", "APP.OWN")


@pytest.mark.parametrize("method,path", [
    ("GET", "/ibmmq/rest/v2/admin/action/qmgr/QM1/mqsc"),
    ("POST", "/ibmmq/rest/v2/admin/qmgr"),
    ("GET", "/ibmmq/rest/v2/admin/installation/Installation2"),
    ("GET", "/ibmmq/rest/v2"),
    ("GET", "/"),
    ("PUT", "/ibmmq/rest/v2/login"),
    ("GET", "/ibmmq/rest/v2/admin/qmgr/QM1/queue"),
])
def test_unknown_uris(srv, client, method, path):
    resp = client.session.request(method, srv.base_url.split("/ibmmq")[0] + path, json={}, timeout=5)
    assert _error(resp) == (404, "MQWB0116E")


def test_tls_cookie_and_basic_over_certificate(tls_srv):
    state, ca = tls_srv.state_dir, tls_srv.ca_path
    ro_cert = (os.path.join(state, "client-ro.pem"), os.path.join(state, "client-ro.key"))
    s = requests.Session()  # verify= per request: REQUESTS_CA_BUNDLE in the environment would override Session.verify
    assert s.post(f"{tls_srv.base_url}/login", json={"username": "admin", "password": "passw0rd"}, verify=ca, timeout=5).status_code == 204
    assert s.get(f"{tls_srv.base_url}/login", verify=ca, timeout=5).json() == {"user": [{"name": "admin", "role": ["MQWebAdmin"]}]}
    # Basic authentication wins over a client certificate: CN=ro with admin's credentials may define.
    resp = requests.post(f"{tls_srv.base_url}/admin/action/qmgr/QM1/mqsc", verify=ca, cert=ro_cert, auth=("admin", "passw0rd"),
                         headers={"ibm-mq-rest-csrf-token": ""}, timeout=5,
                         json={"type": "runCommandJSON", "command": "DEFINE", "qualifier": "QLOCAL", "name": "TLS.BASIC", "parameters":
                               {"replace": "yes"}})
    assert resp.status_code == 200 and resp.json()["overallCompletionCode"] == 0
    resp = requests.get(f"{tls_srv.base_url}/login", verify=ca, cert=ro_cert, timeout=5)
    assert resp.json() == {"user": [{"name": "ro", "role": ["MQWebAdminRO"]}]}


# ----- the 401 and 403 answers per cause, as IBM documents them (README "Authentication answers") -----------------------

def _answer(resp):
    return resp.status_code, {k: v for k, v in resp.json()["error"][0].items() if k in ("msgId", "message", "explanation", "action")}


def test_no_credentials_names_the_request_path(srv):
    path = "/ibmmq/rest/v2/admin/action/qmgr/QM1/mqsc"
    resp = requests.post(srv.base_url.split("/ibmmq")[0] + path + "?x=1", json={}, headers={"ibm-mq-rest-csrf-token": ""}, timeout=5)
    assert _answer(resp) == (401, {
        "msgId": "MQWB0104E", "message": f"MQWB0104E: The REST API request to {path} is not authenticated.",
        "explanation": "The REST API request cannot be completed because credentials were omitted from the request.",
        "action": "Supply valid credentials with HTTP basic authentication, an LTPA token or a client certificate."})
    # An Authorization scheme other than Basic carries no credentials mqweb reads: the same answer.
    resp = requests.get(f"{srv.base_url}/admin/qmgr", headers={"Authorization": "Bearer abc"}, timeout=5)
    assert _answer(resp)[1]["message"] == "MQWB0104E: The REST API request to /ibmmq/rest/v2/admin/qmgr is not authenticated."


@pytest.mark.parametrize("auth", [("admin", "wrong"), ("Admin", "passw0rd"), ("nobody", "passw0rd")])
def test_wrong_basic_credentials_are_basic_authentication_failed(srv, auth):
    resp = requests.get(f"{srv.base_url}/admin/qmgr", auth=auth, timeout=5)
    assert _answer(resp) == (401, {
        "msgId": "MQWB0105E", "message": "MQWB0105E: HTTP basic authentication failed.",
        "explanation": "The REST API request failed due to incorrect username and password credentials.",
        "action": "Provide valid credentials or use another form of authentication such as a client certificate."})


def test_expired_and_invalid_ltpa_tokens_share_one_answer_naming_the_cookie(srv):
    name = srv.model.cookie_name()
    expected = (401, {
        "msgId": "MQWB0112E", "message": f"MQWB0112E: The '{name}' authentication token cookie failed verification.",
        "explanation": "The REST API request cannot be completed because the authentication token failed verification.",
        "action": "Login to the REST API to obtain a valid authentication cookie."})
    invalid = requests.get(f"{srv.base_url}/admin/qmgr", headers={"Cookie": f"{name}=never-issued"}, timeout=5)
    assert _answer(invalid) == expected
    srv.model.set_config(ltpa_expiration=0)  # the next token expires at once
    login = requests.post(f"{srv.base_url}/login", json={"username": "admin", "password": "passw0rd"}, timeout=5)
    expired = requests.get(f"{srv.base_url}/admin/qmgr", headers={"Cookie": login.headers["Set-Cookie"].split(";", 1)[0]}, timeout=5)
    assert _answer(expired) == expected


def test_a_client_certificate_no_user_maps_to_is_not_authenticated(tmp_path):
    with EmulatorServer(qmgrs=["QM1"], tls=True, users=["admin:passw0rd:MQWebAdmin", "gone:pw:MQWebAdmin"],
                        state_dir=str(tmp_path)) as server:
        del server.model.users["gone"]  # its certificate stays valid for the CA, but maps to no user of the registry
        cert = (os.path.join(server.state_dir, "client-gone.pem"), os.path.join(server.state_dir, "client-gone.key"))
        resp = requests.get(f"{server.base_url}/admin/qmgr", verify=server.ca_path, cert=cert, timeout=5)
        assert _answer(resp)[0] == 401
        assert _answer(resp)[1]["message"] == "MQWB0104E: The REST API request to /ibmmq/rest/v2/admin/qmgr is not authenticated."
        cert = (os.path.join(server.state_dir, "client-admin.pem"), os.path.join(server.state_dir, "client-admin.key"))
        assert requests.get(f"{server.base_url}/admin/qmgr", verify=server.ca_path, cert=cert, timeout=5).status_code == 200


def test_forbidden_names_only_the_role_the_user_lacks(srv):
    srv.model.users["app"] = ("pw", "MQWebUser")
    url = f"{srv.base_url}/messaging/qmgr/QM1/queue/DEV.QUEUE.1/message"
    hdr = {"ibm-mq-rest-csrf-token": "", "Content-Type": "text/plain;charset=utf-8"}
    # admin has MQWebAdmin, which does not apply to messaging: the action names MQWebUser and no role admin has.
    status, answer = _answer(requests.post(url, data="hello", headers=hdr, auth=("admin", "passw0rd"), timeout=5))
    assert (status, answer["msgId"], answer["message"]) == (403, "MQWB0103E", "MQWB0103E: Not authorized to put to DEV.QUEUE.1.")
    assert answer["explanation"] == "The authenticated principal is not authorized to perform the requested REST API operation."
    assert answer["action"] == "Obtain the necessary authorization to perform the operation (the MQWebUser role) and resubmit the request."
    assert requests.post(url, data="hello", headers=hdr, auth=("app", "pw"), timeout=5).status_code == 201
    # reader (MQWebAdminRO) may display but not change: it lacks MQWebAdmin.
    status, body = Client(srv, "reader").mqsc("DEFINE", "QLOCAL", "RO.Q")
    assert status == 403 and body["error"][0]["action"] == \
        "Obtain the necessary authorization to perform the operation (the MQWebAdmin role) and resubmit the request."
    # A user with no role at all lacks every one of them.
    srv.model.users["norole"] = ("pw", "")
    resp = requests.get(f"{srv.base_url}/admin/qmgr", auth=("norole", "pw"), timeout=5)
    assert _answer(resp)[1]["action"] == ("Obtain the necessary authorization to perform the operation (one of the roles "
                                          "MQWebAdmin, MQWebAdminRO or MQWebUser) and resubmit the request.")
