#!/usr/bin/env python3
r"""Interop client: drives the sandbox console with the OFFICIAL JD Cloud Python SDK.

Usage: python interop.py --endpoint 127.0.0.1:PORT --scheme http
                         [--order NUMBER] [--resource-id R] [--pin demo] [--verbose]

Prints one JSON object on stdout and exits 0 only if every call succeeded and the
tampered request got HTTP 401; otherwise exits 1 and says on stderr what failed.

SDK: jdcloud-sdk 1.6.354 (core VERSION '1.2.9'), requests 2.34.2 (see requirements.txt).

Native request classes (all five exist in this SDK version; the generic fallback below
is only used if a class is missing from some other version):
  asset.apis.DescribeAccountAmountRequest   GET  /v1/regions/{regionId}/assets:describeAccountAmount
  order.apis.QueryOrdersRequest             POST /v2/regions/{regionId}/orders
  order.apis.QueryOrderRequest              GET  /v2/regions/{regionId}/order/{orderNumber}
  refund.apis.SubmitResourceRefundRequest   POST /v1/regions/{regionId}/refund:resource
  refund.apis.DescirbeRefundStatusRequest   POST /v1/regions/{regionId}/refund:status
                                            (sic: "Descirbe" is the SDK's own spelling)

WHAT THIS SDK PUTS ON THE WIRE (observed against a logging stub; the server must accept it)
-------------------------------------------------------------------------------------------
Signing (jdcloud_sdk/core/signer.py, always JDCLOUD3-HMAC-SHA256, scope .../jdcloud3_request):
  * SignedHeaders=content-type;host   -- only these two. The signer signs every header in the
    dict at signing time except authorization/user-agent; at that moment the dict holds only
    User-Agent and Content-Type (plus "host", always added from the URL). x-jdcloud-date and
    x-jdcloud-nonce are added AFTER signing, so they are sent but NOT signed.
    (A caller-supplied x-jdcloud-* header, e.g. x-jdcloud-security-token, WOULD be signed.)
  * host in the canonical request = URL host, plus ":port" unless port is 80/443
    ("host:127.0.0.1:PORT"); the Host header requests sends is the same string.
  * Scope region = parameters.regionId; service = "asset" / "order" / "refund".
  * Canonical URI = unquote_plus(path), collapse "//", then quote(safe="/~"):
    ":" is SIGNED as "%3A" (/v1/regions/cn-north-1/refund%3Aresource) but SENT raw
    (request line "POST /v1/regions/cn-north-1/refund:resource HTTP/1.1").
  * Canonical query: split on "&", each key/value unquote_plus then quote(safe="~"),
    sorted, empty keys dropped: "includeDetail=True".
  * Payload hash = sha256 of the exact body string; "" for GET
    (e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855).
Headers sent (requests adds the last four):
  User-Agent: JdcloudSdkPython/1.2.9 asset/0.0.3  | order/0.1.0-v2 | refund/0.0.1
  Content-Type: application/json                  (on GET too)
  Authorization: JDCLOUD3-HMAC-SHA256 Credential=AK/yyyymmdd/cn-north-1/SERVICE/jdcloud3_request, SignedHeaders=content-type;host, Signature=hex
  x-jdcloud-date: yyyymmddTHHMMSSZ (UTC)          (sent, not signed)
  x-jdcloud-content-sha256: <payload hash hex>    (sent, not signed)
  JDCLOUD3-HMAC-SHA256: JDCLOUD3-HMAC-SHA256      (sic: a header literally named after the algorithm)
  x-jdcloud-nonce: <uuid4>                        (sent, not signed; new per send())
  Accept-Encoding: gzip, deflate | Accept: */* | Connection: keep-alive | Content-Length (POST only)
Query strings: built as "key=" + str(value) -> Python bool True is sent as "includeDetail=True"
  (capital T). Path parameters (regionId, orderNumber) are left out of the query.
GET: no body and no Content-Length header, but Content-Type: application/json IS sent.
POST body: json.dumps(parameters.__dict__) with Python's default separators (", " and ": "),
  keys in attribute-assignment order, regionId INCLUDED, every optional field present with
  null when unset, nested model objects serialized via __dict__ (so their nulls too), pure
  ASCII (ensure_ascii: non-ASCII goes out as \uXXXX escapes), e.g.
  {"regionId": "cn-north-1", "jsonBody": {"refundType": 1, "resourceId": "i-x", "refundChannel": 2,
   "refundWay": 2, "refundReason": 0, "refundReasonOther": null, "refundArea": null}}
  {"regionId": "cn-north-1", "pin": "demo", "refundId": null, "resourceId": "i-x", "pageNumber": 1, "pageSize": 20}
Consequences for the server:
  * Date and nonce are NOT covered by the signature, so two sends of the same body in the same
    second carry the SAME Authorization (only x-jdcloud-nonce differs). Replay detection must
    key on the x-jdcloud-nonce header, not on the signature; the 15-minute date check must
    read the (unsigned) x-jdcloud-date header.
  * Verify with the canonical URI ":" -> "%3A" (what the SDK signs); the raw path has ":".
Sample canonical request (submitResourceRefund against 127.0.0.1:18777; reproduced byte for
byte by the live run and by the SDK signer with a fixed clock 2026-11-27 14:56:56 UTC):
  POST
  /v1/regions/cn-north-1/refund%3Aresource
  <empty query line>
  content-type:application/json
  host:127.0.0.1:18777
  <empty line>
  content-type;host
  0050ebbd56cebd26dcdb53630beefe009e72f0c55754302ccc7da9e45ce673da
  body = {"regionId": "cn-north-1", "jsonBody": {"refundType": 1, "resourceId": "i-abc123", "refundChannel": 2, "refundWay": 2, "refundReason": 0, "refundReasonOther": null, "refundArea": null}}
  string to sign = JDCLOUD3-HMAC-SHA256\n20261127T145656Z\n20261127/cn-north-1/refund/jdcloud3_request\nf1f7972154b5a43915fa0793b224031b92df68c74ba8c57e7b2038120142c17b
  signature (AK/SK above) = 1f59e2c57cda5dcaa85f0f6f2bf073d075b7aad1171955a792dc92f8abde4147
Responses: the SDK json-parses any body (any HTTP status); error = envelope "error"
  {status, code, message}; result = envelope "result" (an EMPTY {} result reads as None).
  It does not expose the HTTP status, never retries, and its default logger prints to stdout
  (this script passes its own logger).
"""
import argparse
import http.client
import inspect
import json
import os
import sys

import requests

from jdcloud_sdk.core.config import Config
from jdcloud_sdk.core.credential import Credential
from jdcloud_sdk.core.jdcloudclient import JDCloudClient
from jdcloud_sdk.core.jdcloudrequest import JDCloudRequest
from jdcloud_sdk.core.logger import Logger, INFO
from jdcloud_sdk.core.parameterbuilder import WithBodyBuilder
from jdcloud_sdk.core.signer import Signer

AK = "AKSANDBOXDEMO0000001"
SK = "sandbox-secret-key-do-not-use"
REGION = "cn-north-1"

NATIVE = []


class CaptureLogger(Logger):
    """The SDK's default logger prints to stdout at INFO; keep stdout clean for JSON.
    Keeps every canonical request the signer logs; echoes everything to stderr if verbose."""

    def __init__(self, verbose):
        super().__init__(INFO)
        self.verbose = verbose
        self.canonical = []

    def log(self, level, message):
        if isinstance(message, str) and message.startswith('---canonical_request---\n'):
            self.canonical.append(message.split('\n', 1)[1])
        if self.verbose:
            print('[sdk] %s' % (message,), file=sys.stderr)


class _Params(object):
    """Plain parameter holder, like the SDK's generated *Parameters classes."""

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)


def _generic_request(path, method, version):
    """A request class mirroring the SDK's generated ones, for any operation it lacks."""

    class _Req(JDCloudRequest):
        def __init__(self, parameters, header=None, version=version):
            super(_Req, self).__init__(path, method, header, version)
            self.parameters = parameters

    return _Req


def _load(module, cls_name, op_name, path, method, version, fields):
    """(RequestClass, make_params(**values)) -- the SDK's own classes when it has them.
    make_params builds the SDK's *Parameters object (required args via the constructor,
    optional ones via its setXxx methods), so the body has exactly the SDK's fields and order."""
    try:
        mod = __import__(module, fromlist=[cls_name])
        req_cls = getattr(mod, cls_name)
        par_cls = getattr(mod, cls_name[:-len('Request')] + 'Parameters')
    except (ImportError, AttributeError):
        req_cls = _generic_request(path, method, version)

        def make_generic(**values):
            p = _Params(**{f: None for f in fields})
            for k, v in values.items():
                setattr(p, k, v)
            return p
        return req_cls, make_generic
    NATIVE.append(op_name)

    def make_native(**values):

        required = [a for a in inspect.signature(par_cls.__init__).parameters if a != 'self']
        p = par_cls(*[values.get(a) for a in required])
        for k, v in values.items():
            if k not in required:
                getattr(p, 'set' + k[0].upper() + k[1:])(v)
        return p
    return req_cls, make_native


DescribeAccountAmountRequest, DescribeAccountAmountParams = _load(
    'jdcloud_sdk.services.asset.apis.DescribeAccountAmountRequest', 'DescribeAccountAmountRequest',
    'describeAccountAmount', '/regions/{regionId}/assets:describeAccountAmount', 'GET', 'v1',
    ['regionId'])
QueryOrdersRequest, QueryOrdersParams = _load(
    'jdcloud_sdk.services.order.apis.QueryOrdersRequest', 'QueryOrdersRequest',
    'queryOrders', '/regions/{regionId}/orders', 'POST', 'v2', ['regionId', 'queryVo'])
QueryOrderRequest, QueryOrderParams = _load(
    'jdcloud_sdk.services.order.apis.QueryOrderRequest', 'QueryOrderRequest',
    'queryOrder', '/regions/{regionId}/order/{orderNumber}', 'GET', 'v2',
    ['regionId', 'orderNumber', 'includeDetail'])
SubmitResourceRefundRequest, SubmitResourceRefundParams = _load(
    'jdcloud_sdk.services.refund.apis.SubmitResourceRefundRequest', 'SubmitResourceRefundRequest',
    'submitResourceRefund', '/regions/{regionId}/refund:resource', 'POST', 'v1',
    ['regionId', 'jsonBody'])
DescribeRefundStatusRequest, DescribeRefundStatusParams = _load(
    'jdcloud_sdk.services.refund.apis.DescirbeRefundStatusRequest', 'DescirbeRefundStatusRequest',
    'describeRefundStatus', '/regions/{regionId}/refund:status', 'POST', 'v1',
    ['regionId', 'pin', 'refundId', 'resourceId', 'pageNumber', 'pageSize'])

try:
    from jdcloud_sdk.services.refund.models.ResourceRefundReq import ResourceRefundReq
except ImportError:  # pragma: no cover
    def ResourceRefundReq(resourceId, **kw):
        return _Params(resourceId=resourceId, **kw)

# Per-service client identity, exactly as the SDK's AssetClient/OrderClient/RefundClient.
SERVICES = {'asset': '0.0.3', 'order': '0.1.0-v2', 'refund': '0.0.1'}


def make_client(service, config, logger):
    try:
        mod = __import__('jdcloud_sdk.services.%s.client.%sClient' % (service, service.capitalize()),
                         fromlist=['x'])
        return getattr(mod, '%sClient' % service.capitalize())(Credential(AK, SK), config, logger)
    except (ImportError, AttributeError):
        return JDCloudClient(Credential(AK, SK), config, service, SERVICES[service], logger)


def call(client, request):
    """Returns (ok, value): value is the result object or {"error": {...}}."""
    try:
        resp = client.send(request)
    except Exception as e:  # transport or non-JSON answer
        return False, {'error': {'code': None, 'status': 'CLIENT_EXCEPTION',
                                 'message': '%s: %s' % (type(e).__name__, e)}}
    if resp.error is not None:
        return False, {'error': {'code': resp.error.code, 'status': resp.error.status,
                                 'message': resp.error.message}}
    if resp.result is None:
        return False, {'error': {'code': None, 'status': 'NO_RESULT',
                                 'message': 'envelope had no (or an empty) result'}}
    return True, resp.result


def tamper_check(client, config, logger):
    """Sign a queryOrders POST with the SDK's own builder + signer + headers, then send it
    once with one body byte changed. Its nonce is used only by this send, so it never
    collides with the real (separately signed) queryOrders call."""
    request = QueryOrdersRequest(QueryOrdersParams(regionId=REGION, queryVo={'pageNumber': 1, 'pageSize': 10}))
    builder = WithBodyBuilder()
    url = builder.build_url(request, config.scheme, config.endpoint)
    body = builder.build_body(request)
    headers = client._JDCloudClient__merge_headers(request.header)  # User-Agent, Content-Type
    Signer(logger).sign(method=request.method, region=REGION, uri=url, headers=headers, data=body,
                        credential=Credential(AK, SK), security_token='',
                        service=client._JDCloudClient__service_name)
    idx = body.index('"pageSize": 10') + len('"pageSize": 1')
    tampered = body[:idx] + '1' + body[idx + 1:]  # pageSize 10 -> 11: one byte, still valid JSON
    assert len(tampered) == len(body) and tampered != body
    prepared = requests.Request(request.method, url, data=tampered, headers=headers).prepare()
    conn_cls = http.client.HTTPSConnection if config.scheme == 'https' else http.client.HTTPConnection
    conn = conn_cls(config.endpoint, timeout=config.timeout)
    try:
        conn.request(request.method, prepared.path_url, body=prepared.body.encode('utf-8'),
                     headers=dict(prepared.headers))
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--endpoint', required=True, help='host:port serving every service')
    ap.add_argument('--scheme', default='http', choices=['http', 'https'])
    ap.add_argument('--order', help='order number for queryOrder (default: first from queryOrders)')
    ap.add_argument('--resource-id', help='resource id for submitResourceRefund')
    ap.add_argument('--pin', default='demo', help='pin for describeRefundStatus')
    ap.add_argument('--verbose', action='store_true', help='echo SDK logging to stderr')
    args = ap.parse_args()

    # requests honours *_proxy variables; never route the sandbox through a proxy.
    host = args.endpoint.rsplit(':', 1)[0] if ':' in args.endpoint else args.endpoint
    for var in ('no_proxy', 'NO_PROXY'):
        os.environ[var] = ','.join(x for x in (os.environ.get(var), host) if x)

    logger = CaptureLogger(args.verbose)
    config = Config(args.endpoint, args.scheme, timeout=30)
    clients = {s: make_client(s, config, logger) for s in SERVICES}
    out = {}
    failures = []

    def record(name, ok, value):
        out[name] = value
        if not ok:
            failures.append('%s: %s' % (name, json.dumps(value)))

    # Tamper check first (own fresh nonce; the real calls below are signed separately).
    try:
        out['tamperedStatus'] = tamper_check(clients['order'], config, logger)
    except Exception as e:
        out['tamperedStatus'] = None
        failures.append('tamper check: %s: %s' % (type(e).__name__, e))

    record('describeAccountAmount', *call(clients['asset'],
                                          DescribeAccountAmountRequest(DescribeAccountAmountParams(regionId=REGION))))

    qp = QueryOrdersParams(regionId=REGION, queryVo={'pageNumber': 1, 'pageSize': 10})
    ok, orders = call(clients['order'], QueryOrdersRequest(qp))
    record('queryOrders', ok, orders)

    order_number = args.order
    if order_number is None and ok:
        lst = orders.get('resultList') or []
        if lst:
            order_number = lst[0].get('orderNumber')
    if order_number is None:
        record('queryOrder', False, {'error': {'code': None, 'status': 'NO_ORDER',
                                               'message': 'no --order and queryOrders listed none'}})
    else:
        # the SDK sends this as includeDetail=True
        p = QueryOrderParams(regionId=REGION, orderNumber=order_number, includeDetail=True)
        record('queryOrder', *call(clients['order'], QueryOrderRequest(p)))

    refund_id = None
    if args.resource_id is None:
        record('submitResourceRefund', False, {'error': {'code': None, 'status': 'NO_RESOURCE',
                                                         'message': '--resource-id not given'}})
    else:
        body = ResourceRefundReq(resourceId=args.resource_id, refundType=1, refundChannel=2,
                                 refundWay=2, refundReason=0)
        ok, res = call(clients['refund'], SubmitResourceRefundRequest(SubmitResourceRefundParams(regionId=REGION, jsonBody=body)))
        if ok and isinstance(res, dict) and res.get('success') is False:
            ok = False
        if ok and isinstance(res, dict):
            refund_id = res.get('data')
        record('submitResourceRefund', ok, res)

    sp = DescribeRefundStatusParams(regionId=REGION, pin=args.pin, refundId=refund_id, resourceId=args.resource_id,
                 pageNumber=1, pageSize=20)
    record('describeRefundStatus', *call(clients['refund'], DescribeRefundStatusRequest(sp)))

    out['native'] = list(NATIVE)
    if args.verbose:
        for c in logger.canonical:
            print('[canonical request]\n%s\n' % c, file=sys.stderr)

    if out.get('tamperedStatus') != 401:
        failures.append('tampered request got HTTP %s, expected 401' % out.get('tamperedStatus'))

    print(json.dumps(out, ensure_ascii=False, sort_keys=False))
    if failures:
        for f in failures:
            print('FAIL %s' % f, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
