"""A gRPC client of a real gRPC implementation (Debian's python3-grpcio) for the http.sys tests: calls the
methods c_tests/httpapi_http2.c implements on http.sys, with raw bytes as messages (no generated code).

    grpc_peer.py CAFILE PORT

Prints one line per call:
  say: the unary /test.Echo/Say answer to "world"
  count: the server-streaming /test.Echo/Count answers to "5", comma-separated
  fail: the status code and details of /test.Echo/Fail (grpc-status 5 in the trailers)
"""
import sys

import grpc


def main():
    cafile, port = sys.argv[1], int(sys.argv[2])
    creds = grpc.ssl_channel_credentials(root_certificates=open(cafile, "rb").read())
    raw = dict(request_serializer=lambda b: b, response_deserializer=lambda b: b)
    with grpc.secure_channel("127.0.0.1:%d" % port, creds) as ch:
        grpc.channel_ready_future(ch).result(timeout=10)
        say = ch.unary_unary("/test.Echo/Say", **raw)
        print("say: %s" % say(b"world", timeout=10).decode())
        count = ch.unary_stream("/test.Echo/Count", **raw)
        print("count: %s" % ",".join(m.decode() for m in count(b"5", timeout=10)))
        fail = ch.unary_unary("/test.Echo/Fail", **raw)
        try:
            fail(b"x", timeout=10)
            print("fail: no error")
        except grpc.RpcError as e:
            print("fail: %s %s" % (e.code().name, e.details()))


if __name__ == "__main__":
    main()
