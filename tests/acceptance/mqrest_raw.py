# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A deliberately small client of the IBM MQ administrative REST API, written from IBM's documentation only.

It shares no code with the collection (plugins/) or the emulator (tests/emulator), so that the acceptance suite
checks both against what IBM documents, not against each other. Pages it follows:

- POST /admin/action/qmgr/{qmgrName}/mqsc, plain text and JSON formatted commands:
  https://ibm.com/support/knowledgecenter/SSFKSJ_9.2.0/com.ibm.mq.ref.adm.doc/q133340_.html
  (bodies {"type": "runCommand", "parameters": {"command": ...}} and {"type": "runCommandJSON", "command",
  "qualifier", "name", "parameters", "responseParameters"}; reply commandResponse[], overallCompletionCode,
  overallReasonCode)
- HTTP basic authentication, and the ibm-mq-rest-csrf-token header on POST, PATCH and DELETE ("this value can be
  anything, including blank"): https://www.ibm.com/docs/en/ibm-mq/9.1?topic=security-using-http-basic-authentication-rest-api
- Token (LTPA) login, POST /login with {"username", "password"}: 204 and a cookie whose name starts with LtpaToken2:
  https://www.ibm.com/docs/en/SSFKSJ_9.1.0/com.ibm.mq.ref.adm.doc/q128760_.html and
  https://www.ibm.com/docs/SSFKSJ_9.2.0/com.ibm.mq.sec.doc/q128720_.htm
- Error bodies {"error": [{type, messageId, message, explanation, action, completionCode, reasonCode}]}:
  https://ibm.com/docs/SSFKSJ_9.1.0/com.ibm.mq.adm.doc/q128280_.htm
- Messaging API, POST /messaging/qmgr/{qmgrName}/queue/{queueName}/message (text body, MQWebUser role):
  https://www.ibm.com/docs/en/ibm-mq/10.0.x?topic=messagingqmgrqmgrnamequeuequeuenamemessage-post
"""

from urllib.parse import quote

import requests

CSRF_HEADER = "ibm-mq-rest-csrf-token"


def path_segment(name):
    """Object and queue manager names in a URL: '/' as %2F and '%' as %25 (IBM 'Using the messaging REST API')."""
    return quote(name, safe="")


class MqscResult:
    """One /mqsc reply: the HTTP status and the documented body, with small accessors for the tests."""

    def __init__(self, response):
        self.raw = response
        self.status = response.status_code
        try:
            self.body = response.json()
        except ValueError:
            self.body = None
        self.text = response.text

    def _get(self, key, default=None):
        return self.body.get(key, default) if isinstance(self.body, dict) else default

    @property
    def overall_cc(self):
        return self._get("overallCompletionCode")

    @property
    def overall_rc(self):
        return self._get("overallReasonCode")

    @property
    def responses(self):
        return self._get("commandResponse", [])

    @property
    def errors(self):
        return self._get("error", [])

    @property
    def rows(self):
        """The `parameters` object of every element that has one (DISPLAY output)."""
        return [item["parameters"] for item in self.responses if "parameters" in item]

    @property
    def reasons(self):
        return [item.get("reasonCode") for item in self.responses]

    @property
    def messages(self):
        """Every AMQ message line: `message` for runCommandJSON, `text` for runCommand."""
        return [line for item in self.responses for line in item.get("message", []) + item.get("text", [])]

    @property
    def ok(self):
        return self.status == 200 and self.overall_cc == 0

    def __repr__(self):
        return "MqscResult(status={0}, body={1})".format(self.status, self.body if self.body is not None else self.text)


class RawClient:
    """Basic or token authentication, the CSRF header, and the two /mqsc body types; nothing else."""

    def __init__(self, base_url, qmgr, username=None, password=None, verify=True, timeout=30):
        self.base_url = base_url.rstrip("/")
        self.qmgr = qmgr
        self.username = username
        self.password = password
        self.timeout = timeout
        # Passed on every request: a Session's own `verify` loses to REQUESTS_CA_BUNDLE in the environment.
        self.verify = verify
        self.session = requests.Session()
        self.use_basic = username is not None

    # -- authentication -------------------------------------------------------------------------------------
    def login(self):
        """POST /login; on 204 the session keeps the LtpaToken2* cookie and stops sending Basic credentials."""
        response = self.session.post(self.base_url + "/login", json={"username": self.username, "password": self.password},
                                     verify=self.verify, timeout=self.timeout)
        if response.status_code == 204:
            self.use_basic = False
        return response

    def logout(self):
        return self.request("DELETE", "/login")

    def ltpa_cookie_names(self):
        return [cookie.name for cookie in self.session.cookies if cookie.name.startswith("LtpaToken2")]

    # -- HTTP -----------------------------------------------------------------------------------------------
    def request(self, method, path, json=None, data=None, headers=None, csrf=True, auth=True):
        all_headers = {}
        if csrf and method in ("POST", "PATCH", "DELETE"):
            all_headers[CSRF_HEADER] = ""  # IBM: "the value can be anything, including blank"
        all_headers.update(headers or {})
        basic = (self.username, self.password) if auth and self.use_basic else None
        if not auth:
            # A separate, empty session: no cookie and no credentials at all.
            return requests.request(method, self.base_url + path, json=json, data=data, headers=all_headers,
                                    verify=self.verify, timeout=self.timeout)
        return self.session.request(method, self.base_url + path, json=json, data=data, headers=all_headers,
                                    auth=basic, verify=self.verify, timeout=self.timeout)

    def mqsc(self, body, **kwargs):
        path = "/admin/action/qmgr/{0}/mqsc".format(path_segment(self.qmgr))
        return MqscResult(self.request("POST", path, json=body, **kwargs))

    # -- the two documented body types ----------------------------------------------------------------------
    def run_json(self, command, qualifier, name=None, parameters=None, response_parameters=None, **kwargs):
        body = {"type": "runCommandJSON", "command": command, "qualifier": qualifier}
        if name is not None:
            body["name"] = name
        if parameters:
            body["parameters"] = parameters
        if response_parameters is not None:
            body["responseParameters"] = response_parameters
        return self.mqsc(body, **kwargs)

    def run_text(self, command, **kwargs):
        return self.mqsc({"type": "runCommand", "parameters": {"command": command}}, **kwargs)

    # -- messaging API (queue depth checks need a message on a queue) ---------------------------------------
    def put_message(self, queue, text):
        path = "/messaging/qmgr/{0}/queue/{1}/message".format(path_segment(self.qmgr), path_segment(queue))
        return self.request("POST", path, data=text.encode("utf-8"),
                            headers={"Content-Type": "text/plain;charset=utf-8"})
