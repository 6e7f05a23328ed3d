# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""TLS channels (keyrepo.py, issue 27): the key repository and its control API, the handshake a TLS channel makes to reach
RUNNING (missing or expired label, untrusted issuer, with IBM's AMQ messages in both error logs), CHSTATUS SSLCERTI,
SSLKEYDA and SSLKEYTI, REFRESH SECURITY TYPE(SSL) on a two-queue-manager network with TLS pairs both ways and TLS clients,
keystore pick-up (9.2 and 10.0), the 10-minute limit (AMQ9710) and CERTLABL on a CLUSSDR.

The `clock` fixture freezes the emulator's monotonic clock: states are read at exact instants, nothing sleeps. Zero profile:
SHORTTMR(60) retries every 0.06 s; the tests that watch phases set channel_start, channel_stop and the client reconnect
delay themselves.
"""

import time

import pytest

from mqemu import EmulatorServer

CIPHER = "TLS_AES_128_GCM_SHA256"
OUT, IN, PLAIN, APP = "QM1.TO.QM2", "QM2.TO.QM1", "PLAIN.TO.QM2", "APP.TLS.SVRCONN"


@pytest.fixture(scope="module")
def srv():
    with EmulatorServer(qmgrs=["QM1", "QM2"], timing="zero", hosts={"QM2": "qm2host"}) as server:
        yield server


@pytest.fixture
def clock(clock):  # pylint: disable=redefined-outer-name
    """conftest's frozen clock, with the wall clock (start times, SSLKEYDA/SSLKEYTI) moving along with it."""
    start = clock.now
    clock.time = lambda: time.time() + (clock.now - start)
    return clock


def _run(c, qmgr, *commands):
    for command in commands:
        status, body = c.text(command, qmgr=qmgr)
        assert status == 200 and body["overallCompletionCode"] == 0, (command, body)


def _network(c, clients=3):
    """TLS sender/receiver pairs both ways (OUT: QM1 -> QM2, IN: QM2 -> QM1), a plain pair, and a TLS SVRCONN on QM1 with
    `clients` attached clients; every channel RUNNING."""
    for qmgr, other, conname in (("QM1", "QM2", "qm2host(1414)"), ("QM2", "QM1", "localhost(1414)")):
        name = f"{qmgr}.TO.{other}"
        _run(c, qmgr, "DEFINE LISTENER(L) TRPTYPE(TCP) PORT(1414) CONTROL(QMGR) REPLACE", "START LISTENER(L) IGNSTATE(YES)",
             f"DEFINE QLOCAL({other}) USAGE(XMITQ) REPLACE",
             f"DEFINE CHANNEL({name}) CHLTYPE(SDR) CONNAME('{conname}') XMITQ({other}) SSLCIPH({CIPHER}) REPLACE")
        _run(c, other, f"DEFINE CHANNEL({name}) CHLTYPE(RCVR) SSLCIPH({CIPHER}) REPLACE")
    _run(c, "QM1", f"DEFINE CHANNEL({PLAIN}) CHLTYPE(SDR) CONNAME('qm2host(1414)') XMITQ(QM2) REPLACE",
         f"DEFINE CHANNEL({APP}) CHLTYPE(SVRCONN) SSLCIPH({CIPHER}) REPLACE")
    _run(c, "QM2", f"DEFINE CHANNEL({PLAIN}) CHLTYPE(RCVR) REPLACE")
    for qmgr, name in (("QM1", OUT), ("QM2", IN), ("QM1", PLAIN)):
        _run(c, qmgr, f"START CHANNEL({name})")
    if clients:
        assert c.ctl("POST", f"qmgr/QM1/channel/{APP}/clients", {"count": clients})[0] == 200
    expected = {OUT: ["RUNNING"], IN: ["RUNNING"], PLAIN: ["RUNNING"]}
    assert _states(c) == {"QM1": dict(expected, **({APP: ["RUNNING"] * clients} if clients else {})), "QM2": expected}


def _states(c):
    """{qmgr: {channel: [status of each instance]}} from DISPLAY CHSTATUS(*)."""
    out = {}
    for qmgr in ("QM1", "QM2"):
        status, body = c.mqsc("DISPLAY", "CHSTATUS", "*", qmgr=qmgr)
        assert status == 200
        rows = [e["parameters"] for e in body["commandResponse"] if "parameters" in e]
        out[qmgr] = {}
        for row in rows:
            out[qmgr].setdefault(row["channel"], []).append(row["status"])
    return out


def _chs(c, name, qmgr):
    return c.ok("DISPLAY", "CHSTATUS", name, qmgr=qmgr, resp=["all"])


def _info(c, name, qmgr):
    status, body = c.ctl("GET", f"qmgr/{qmgr}/channel/{name}/status")
    assert status == 200
    return body["instances"]


def _errors(c, qmgr):
    return [e["msgid"] for e in c.ctl("GET", f"qmgr/{qmgr}/errors")[1]["entries"]]


def _conns(c, qmgr="QM1"):
    return c.ok("DISPLAY", "QMSTATUS", resp=["conns"], qmgr=qmgr)[0]["conns"]


def _refresh(c, qmgr):
    return c.ok("REFRESH", "SECURITY", params={"type": "SSL"}, qmgr=qmgr)


def _keyrepo(c, qmgr, method="GET", path="", body=None):
    status, answer = c.ctl(method, f"qmgr/{qmgr}/keyrepo{path}", body)
    assert status == 200, answer
    return answer


# ----- the key repository and its control API -----------------------------------------------------------------------
def test_every_queue_manager_starts_with_its_default_certificate_from_mqemu_ca(client):
    repo = _keyrepo(client, "QM2")
    assert [(c["label"], c["issuer"]) for c in repo["certificates"]] == [("ibmwebspheremqqm2", "mqemu-ca")]
    assert (repo["trusted"], repo["certlabl"], repo["qmgr"]) == (["mqemu-ca"], "ibmwebspheremqqm2", "QM2")


def test_control_api_adds_and_deletes_certificates_and_trusted_issuers(client):
    _keyrepo(client, "QM1", "POST", "/certificates", {"label": "qm1.2027", "issuer": "corp-ca", "expires": "2027-12-31"})
    _keyrepo(client, "QM1", "POST", "/trusted", {"issuer": "corp-ca"})
    repo = _keyrepo(client, "QM1")
    assert {"label": "qm1.2027", "issuer": "corp-ca", "expires": "2027-12-31"} in repo["certificates"]
    assert repo["trusted"] == ["corp-ca", "mqemu-ca"]
    repo = _keyrepo(client, "QM1", "DELETE", "/certificates/qm1.2027")
    assert [c["label"] for c in repo["certificates"]] == ["ibmwebspheremqqm1"]
    assert _keyrepo(client, "QM1", "DELETE", "/trusted/corp-ca")["trusted"] == ["mqemu-ca"]


@pytest.mark.parametrize("method,path,body,status", [
    ("POST", "/certificates", {"issuer": "x"}, 400),  # no label
    ("POST", "/certificates", {"label": "a" * 65}, 400),  # CERTLABL is at most 64 characters
    ("POST", "/certificates", {"label": "l", "expires": "31/12/2027"}, 400),  # not an ISO date
    ("POST", "/certificates", {"label": "l", "password": "x"}, 400),  # unknown key
    ("DELETE", "/certificates/nothere", None, 404),
    ("DELETE", "/trusted/nothere", None, 404),
])
def test_control_api_refuses_bad_requests(client, method, path, body, status):
    assert client.ctl(method, f"qmgr/QM1/keyrepo{path}", body)[0] == status
    assert client.ctl("GET", "qmgr/NOPE/keyrepo")[0] == 404


# ----- TLS channels earn RUNNING through a handshake -----------------------------------------------------------------
def test_tls_pair_runs_and_chstatus_shows_the_peer_issuer_and_the_handshake(client):
    _network(client, clients=1)
    row = _chs(client, OUT, "QM1")[0]
    assert (row["sslciph"], row["sslcerti"]) == (CIPHER, "mqemu-ca")
    assert row["sslkeyda"] and row["sslkeyti"].count(".") == 2  # yyyy-mm-dd, hh.mm.ss like CHSTADA/CHSTATI
    assert _chs(client, OUT, "QM2")[0]["sslcerti"] == "mqemu-ca"  # the receiving end saw QM1's certificate
    assert _chs(client, APP, "QM1")[0]["sslcerti"] == "mqemu-ca"  # the client's certificate
    assert _chs(client, PLAIN, "QM1")[0]["sslcerti"] == "" and _chs(client, PLAIN, "QM1")[0]["sslkeyda"] == ""
    assert _info(client, OUT, "QM1")[0]["tls"]["label"] == "ibmwebspheremqqm2"  # the label the peer presented


def test_channel_certlabl_wins_over_the_queue_managers(client):
    _network(client, clients=0)
    _keyrepo(client, "QM1", "POST", "/certificates", {"label": "out.only", "issuer": "mqemu-ca"})
    _run(client, "QM1", f"ALTER CHANNEL({OUT}) CHLTYPE(SDR) CERTLABL('out.only')", f"STOP CHANNEL({OUT})",
         f"START CHANNEL({OUT})")
    assert _states(client)["QM1"][OUT] == ["RUNNING"]
    assert _info(client, OUT, "QM2")[0]["tls"]["label"] == "out.only"
    _keyrepo(client, "QM1", "DELETE", "/certificates/out.only")  # the running instance keeps what it negotiated
    assert _states(client)["QM1"][OUT] == ["RUNNING"]
    _run(client, "QM1", f"STOP CHANNEL({OUT})", f"START CHANNEL({OUT})")
    assert _states(client)["QM1"][OUT] == ["RETRYING"]
    assert "AMQ9642E" in _info(client, OUT, "QM1")[0]["error"]["message"]


def test_missing_label_leaves_the_sender_retrying_with_amq9642_and_amq9637(client, clock):
    _network(client, clients=0)
    client.ctl("DELETE", "qmgr/QM1/errors")
    client.ctl("DELETE", "qmgr/QM2/errors")
    _run(client, "QM2", "ALTER QMGR CERTLABL('qm2.missing')")
    _refresh(client, "QM2")
    clock.advance(1.0)
    states = _states(client)
    assert states["QM2"][IN] == ["RETRYING"]  # QM2's own sender cannot present a certificate
    assert states["QM1"][OUT] == ["RETRYING"]  # QM1's sender finds QM2's end without one
    assert IN not in states["QM1"] and OUT not in states["QM2"]
    assert _info(client, IN, "QM2")[0]["error"]["msgid"] == "AMQ9642E"
    assert _info(client, OUT, "QM1")[0]["error"]["msgid"] == "AMQ9665E"
    assert sorted(_errors(client, "QM2")) == ["AMQ9637E", "AMQ9642E"]  # its sender's, and its receiver's (QM1's attempt)
    assert sorted(_errors(client, "QM1")) == ["AMQ9637E", "AMQ9665E"]
    entry = next(e for e in client.ctl("GET", "qmgr/QM2/errors")[1]["entries"] if e["msgid"] == "AMQ9642E")
    assert "qm2.missing" in entry["explanation"] and entry["channel"] == IN
    # The certificate arrives: both senders connect at their next retry, without another refresh.
    _keyrepo(client, "QM2", "POST", "/certificates", {"label": "qm2.missing"})
    clock.advance(2.0)
    assert _states(client)["QM1"][OUT] == ["RUNNING"] and _states(client)["QM2"][IN] == ["RUNNING"]


def test_untrusted_issuer_fails_with_amq9633_on_the_validating_end(client, clock):
    _network(client, clients=0)
    client.ctl("DELETE", "qmgr/QM1/errors")
    _keyrepo(client, "QM2", "POST", "/certificates", {"label": "qm2.new", "issuer": "new-ca"})
    _run(client, "QM2", "ALTER QMGR CERTLABL('qm2.new')")
    _refresh(client, "QM2")
    clock.advance(1.0)
    assert _states(client)["QM1"][OUT] == ["RETRYING"]
    log = client.ctl("GET", "qmgr/QM1/errors")[1]["entries"]
    assert log[0]["msgid"] == "AMQ9633E" and "new-ca" in log[0]["explanation"]  # QM1 does not trust new-ca
    assert "remote host is 'qm2host'" in log[0]["explanation"]
    assert "AMQ9665E" in _errors(client, "QM2")
    _keyrepo(client, "QM1", "POST", "/trusted", {"issuer": "new-ca"})  # the partner's trust store first: IBM's order
    clock.advance(2.0)
    assert _states(client)["QM1"][OUT] == ["RUNNING"]
    assert _chs(client, OUT, "QM1")[0]["sslcerti"] == "new-ca"


def test_expired_certificate_fails_the_handshake(client, clock):
    _network(client, clients=0)
    _keyrepo(client, "QM2", "POST", "/certificates", {"label": "qm2.old", "expires": "2020-01-01"})
    _run(client, "QM2", f"ALTER CHANNEL({IN}) CHLTYPE(SDR) CERTLABL('qm2.old')", f"STOP CHANNEL({IN})", f"START CHANNEL({IN})")
    clock.advance(1.0)
    assert _states(client)["QM2"][IN] == ["RETRYING"]
    log = client.ctl("GET", "qmgr/QM1/errors")[1]["entries"]
    assert log[-1]["msgid"] == "AMQ9633E" and "expired on 2020-01-01" in log[-1]["explanation"]


def test_tls_client_connect_needs_the_queue_managers_certificate(client):
    _network(client, clients=0)
    _run(client, "QM1", "ALTER QMGR CHLAUTH(DISABLED)")  # an administrator may connect: only the handshake decides here
    assert client.ctl("POST", "principals", {"name": "tlsadm", "password": "pw", "groups": ["mqm"]})[0] == 200
    user = {"user": "tlsadm", "password": "pw"}
    assert client.ctl("POST", f"qmgr/QM1/channel/{APP}/connect", user)[1]["connected"]
    assert _chs(client, APP, "QM1")[0]["sslcerti"] == "mqemu-ca"
    outcome = client.ctl("POST", f"qmgr/QM1/channel/{APP}/connect", dict(user, sslcerti="rogue-ca"))[1]
    assert (outcome["connected"], outcome["reason"], outcome["reason_name"]) == (False, 2393, "MQRC_SSL_INITIALIZATION_ERROR")
    assert [e["msgid"] for e in outcome["errors"]] == ["AMQ9633E"]
    _keyrepo(client, "QM1", "DELETE", "/certificates/ibmwebspheremqqm1")
    outcome = client.ctl("POST", f"qmgr/QM1/channel/{APP}/connect", user)[1]
    assert (outcome["reason"], [e["msgid"] for e in outcome["errors"]]) == (2393, ["AMQ9637E"])
    status, answer = client.ctl("POST", f"qmgr/QM1/channel/{APP}/clients", {"count": 2})
    assert status == 409 and "2393" in answer["error"]


# ----- REFRESH SECURITY TYPE(SSL) ---------------------------------------------------------------------------------
def test_refresh_bounces_every_tls_channel_both_ways_and_the_clients(client, clock):
    _network(client, clients=3)
    client.ctl("POST", "timing", {"channel_start": 0.3, "channel_stop": 0.5, "client_reconnect_delay": 1.0})
    before = {(q, n): _info(client, n, q)[0] for q in ("QM1", "QM2") for n in (OUT, IN, PLAIN)}
    clients_started = max(i["started"] for i in _info(client, APP, "QM1"))
    conns = _conns(client)
    clock.advance(5.0)
    assert _refresh(client, "QM1") == [["AMQ8560I: IBM MQ security cache refreshed."]]
    states = _states(client)
    assert states["QM1"][OUT] == ["INITIALIZING"]  # QM1's sender restarts and renegotiates
    assert OUT not in states["QM2"]  # its partner's instance ended with the conversation
    assert states["QM1"][IN] == ["STOPPING"]  # QM1's receiving end is stopped ...
    assert states["QM2"][IN] == ["RETRYING"]  # ... and QM2's sender notices and retries
    assert APP not in states["QM1"] and _conns(client) == conns - 3  # the TLS clients are disconnected
    assert states["QM1"][PLAIN] == ["RUNNING"] and states["QM2"][PLAIN] == ["RUNNING"]  # not TLS: untouched
    assert _info(client, PLAIN, "QM1")[0]["started"] == before[("QM1", PLAIN)]["started"]
    clock.advance(0.31)
    assert _states(client)["QM1"][OUT] == ["RUNNING"] and _states(client)["QM2"][OUT] == ["RUNNING"]
    clock.advance(0.3)  # QM1's receiver has stopped; QM2's sender's next retry (every 0.06 s) gets in
    states = _states(client)
    assert states["QM2"][IN] == ["RUNNING"] and states["QM1"][IN] == ["RUNNING"]
    assert APP not in states["QM1"]
    clock.advance(1.0)
    assert _states(client)["QM1"][APP] == ["RUNNING"] * 3  # the clients reconnected: new connections, new handshakes
    assert _conns(client) == conns
    assert all(i["started"] > clients_started and i["tls"]["sslkey_wall"] > clients_started for i in _info(client, APP, "QM1"))
    for key, old in before.items():
        if key[1] != PLAIN:  # a new handshake everywhere; a new instance (start time) except QM2's sender, which retried
            new = _info(client, key[1], key[0])[0]
            assert new["tls"]["sslkey_wall"] > old["tls"]["sslkey_wall"], key
            assert (new["started"] > old["started"]) is (key != ("QM2", IN)), key
    row = _chs(client, OUT, "QM1")[0]
    assert (row["chstada"], row["chstati"]) >= (_chs(client, PLAIN, "QM1")[0]["chstada"], _chs(client, PLAIN, "QM1")[0]["chstati"])


def test_refresh_with_a_missing_label_leaves_outbound_channels_not_running(client, clock):
    """The rotation's failure case: CERTLABL names a certificate the key repository lacks; after the refresh the TLS
    channels do not come back (RETRYING, the AMQ message in the log); with the old label back, a second refresh heals."""
    _network(client, clients=2)
    _run(client, "QM1", "ALTER QMGR CERTLABL('qm1.2027')")
    _refresh(client, "QM1")
    clock.advance(3.0)
    states = _states(client)
    assert states["QM1"][OUT] == ["RETRYING"] and states["QM2"][IN] == ["RETRYING"]
    assert APP not in states["QM1"]  # the TLS clients cannot come back either
    assert states["QM1"][PLAIN] == ["RUNNING"]
    assert "AMQ9642E" in _errors(client, "QM1")
    _run(client, "QM1", "ALTER QMGR CERTLABL('ibmwebspheremqqm1')")
    _refresh(client, "QM1")
    clock.advance(3.0)
    states = _states(client)
    assert (states["QM1"][OUT], states["QM2"][IN], states["QM1"][APP]) == (["RUNNING"], ["RUNNING"], ["RUNNING"] * 2)
    healed = _info(client, OUT, "QM1")[0]["started"]  # the second refresh restarted QM1's sender
    assert all(i["started"] >= healed for i in _info(client, APP, "QM1"))  # the clients came in after the fix, not before


def test_refresh_refuses_names_and_keywords_as_before(client):
    assert client.fails(4005, "REFRESH", "SECURITY", "X", params={"type": "SSL"})
    assert client.fails(4005, "REFRESH", "SECURITY", params={"type": "TLS"})


def test_refresh_past_the_time_limit_fails_with_amq9710(client, clock):
    _network(client, clients=0)
    assert client.ctl("POST", "faults", {"kind": "refresh_ssl_timeout", "qmgr": "QM1", "count": 1})[0] == 200
    assert client.fails(3008, "REFRESH", "SECURITY", params={"type": "SSL"}) == ["AMQ9710E: SSL security refresh failed."]
    clock.advance(1.0)
    assert _states(client)["QM1"][OUT] == ["RUNNING"]  # the channels were bounced all the same
    _refresh(client, "QM1")  # the fault was used up
    # Channels that take longer to stop than the limit (600 s x channel_retry_scale: 0.6 s in the zero profile) do the same.
    client.ctl("POST", "timing", {"channel_stop": 1.0})
    clock.advance(1.0)
    assert client.fails(3008, "REFRESH", "SECURITY", params={"type": "SSL"}) == ["AMQ9710E: SSL security refresh failed."]
    client.ctl("POST", "timing", {"refresh_ssl_limit": 5.0})
    clock.advance(2.0)
    _refresh(client, "QM1")


def test_refresh_without_tls_channels_changes_nothing(client):
    _run(client, "QM1", "DEFINE LISTENER(L) TRPTYPE(TCP) PORT(1414) REPLACE", "START LISTENER(L)")
    _run(client, "QM2", "DEFINE LISTENER(L) TRPTYPE(TCP) PORT(1414) REPLACE", "START LISTENER(L)",
         "DEFINE CHANNEL(P) CHLTYPE(RCVR) REPLACE")
    _run(client, "QM1", "DEFINE QLOCAL(QM2) USAGE(XMITQ) REPLACE",
         "DEFINE CHANNEL(P) CHLTYPE(SDR) CONNAME('qm2host(1414)') XMITQ(QM2) REPLACE", "START CHANNEL(P)")
    started = _info(client, "P", "QM1")[0]["started"]
    _refresh(client, "QM1")
    assert [(i["status"], i["started"]) for i in _info(client, "P", "QM1")] == [("RUNNING", started)]


# ----- keystore pick-up: 10.0 (a new channel process reads the repository now) and 9.2 (at REFRESH) ------------------
@pytest.mark.parametrize("pickup,after_restart", [("process", "RETRYING"), ("refresh", "RUNNING")])
def test_keystore_pickup(client, clock, pickup, after_restart):
    _network(client, clients=0)
    client.ctl("POST", "config", {"keystore_pickup": pickup})
    _keyrepo(client, "QM2", "DELETE", "/certificates/ibmwebspheremqqm2")
    assert _states(client)["QM2"][IN] == ["RUNNING"]  # a running instance keeps its handshake either way
    _run(client, "QM2", f"STOP CHANNEL({IN})", f"START CHANNEL({IN})")  # a new channel process
    clock.advance(1.0)
    assert _states(client)["QM2"][IN] == [after_restart]
    _refresh(client, "QM2")  # both read the repository now
    clock.advance(1.0)
    assert _states(client)["QM2"][IN] == ["RETRYING"]


# ----- CERTLABL on a CLUSSDR ------------------------------------------------------------------------------------------
def test_certlabl_on_a_clussdr_is_refused_with_wrong_channel_type(client):
    client.fails(4041, "DEFINE", "CHANNEL", "TO.REPOS", params={"chltype": "CLUSSDR", "conname": "qm2host(1414)",
                                                                "certlabl": "x"})
    client.ok("DEFINE", "CHANNEL", "TO.REPOS", params={"chltype": "CLUSSDR", "conname": "qm2host(1414)"})
    client.fails(4041, "ALTER", "CHANNEL", "TO.REPOS", params={"chltype": "CLUSSDR", "certlabl": "x"})
    assert "certlabl" not in client.ok("DISPLAY", "CHANNEL", "TO.REPOS", resp=["all"])[0]
    client.ok("DEFINE", "CHANNEL", "TO.QM1.CL", params={"chltype": "CLUSRCVR", "conname": "localhost(1414)", "certlabl": "x"})


# ----- cluster channels: a CLUSSDR restarts, a CLUSRCVR stops and its partner retries ---------------------------------
def test_refresh_restarts_a_tls_clussdr_and_stops_a_tls_clusrcvr(client, clock):
    _run(client, "QM1", "DEFINE LISTENER(L) TRPTYPE(TCP) PORT(1414) REPLACE", "START LISTENER(L)",
         f"DEFINE CHANNEL(TO.QM2.CL) CHLTYPE(CLUSSDR) CONNAME('qm2host(1414)') SSLCIPH({CIPHER}) REPLACE")
    _run(client, "QM2", "DEFINE LISTENER(L) TRPTYPE(TCP) PORT(1414) REPLACE", "START LISTENER(L)",
         f"DEFINE CHANNEL(TO.QM2.CL) CHLTYPE(CLUSRCVR) CONNAME('qm2host(1414)') SSLCIPH({CIPHER}) REPLACE")
    _run(client, "QM1", "START CHANNEL(TO.QM2.CL)")
    assert (_states(client)["QM1"]["TO.QM2.CL"], _states(client)["QM2"]["TO.QM2.CL"]) == (["RUNNING"], ["RUNNING"])
    client.ctl("POST", "timing", {"channel_start": 0.3, "channel_stop": 0.5})
    _refresh(client, "QM1")
    assert _states(client)["QM1"]["TO.QM2.CL"] == ["INITIALIZING"]  # the cluster-sender renegotiates
    clock.advance(0.31)
    assert (_states(client)["QM1"]["TO.QM2.CL"], _states(client)["QM2"]["TO.QM2.CL"]) == (["RUNNING"], ["RUNNING"])
    _refresh(client, "QM2")
    assert (_states(client)["QM1"]["TO.QM2.CL"], _states(client)["QM2"]["TO.QM2.CL"]) == (["RETRYING"], ["STOPPING"])
    clock.advance(0.6)
    assert (_states(client)["QM1"]["TO.QM2.CL"], _states(client)["QM2"]["TO.QM2.CL"]) == (["RUNNING"], ["RUNNING"])
