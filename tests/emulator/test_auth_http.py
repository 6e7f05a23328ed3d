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
    assert _error(requests.post(url, json=body, headers=hdr, auth=("admin", "nope"), timeout=5)) == (401, "MQWB0104E")
    assert _error(requests.post(url, json=body, headers=hdr, auth=("Admin", "passw0rd"), timeout=5)) == (401, "MQWB0104E")
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
        assert s.post(f"{base}/admin/action/qmgr/QM1/mqsc", json={"type": "runCommandJSON", "command": "DISPLAY",
                                                                    "qualifier": "QMSTATUS"}, timeout=5).status_code == 200
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
