"""A gRPC server of a real gRPC implementation (Debian's python3-grpcio) for the WinHTTP tests
(c_tests/winhttp_grpc.c): TLS with the test's certificate, raw bytes as messages (no generated code).

    grpc_server.py DIR PORT

DIR holds cert.pem and key.pem. Methods of the service test.Echo:
  Say:       unary, answers "hello, " + the request (grpc-status 0 in the trailers)
  Fail:      unary, sends the response headers, then (50 ms later) fails with NOT_FOUND "no such
             thing": grpc-status 5 and grpc-message in the trailers, or, when grpcio sends the headers
             and the status together (it may, under load), a trailers-only response
  FailEarly: unary, fails with NOT_FOUND "no such thing" at once (a trailers-only response: grpc-status
             in the one HEADERS frame, no trailers)
  Count:     server-streaming, answers "1".."n" for the request "n", one message each
  CountFail: server-streaming, answers "1".."n", then fails with NOT_FOUND "no such thing" (always in
             the trailers: they follow the messages)
Prints "ready" once serving; runs until killed (or 120 s).
"""
import sys
import time
from concurrent import futures

import grpc


def say(request, context):
    return b"hello, " + request


def fail(request, context):
    context.send_initial_metadata(())
    time.sleep(0.05)
    context.abort(grpc.StatusCode.NOT_FOUND, "no such thing")


def fail_early(request, context):
    context.abort(grpc.StatusCode.NOT_FOUND, "no such thing")


def count(request, context):
    for i in range(1, int(request.decode()) + 1):
        yield str(i).encode()


def count_fail(request, context):
    yield from count(request, context)
    context.abort(grpc.StatusCode.NOT_FOUND, "no such thing")


def main():
    d, port = sys.argv[1], int(sys.argv[2])
    key = open(d + "/key.pem", "rb").read()
    cert = open(d + "/cert.pem", "rb").read()
    raw = dict(request_deserializer=None, response_serializer=None)
    handler = grpc.method_handlers_generic_handler(
        "test.Echo",
        {
            "Say": grpc.unary_unary_rpc_method_handler(say, **raw),
            "Fail": grpc.unary_unary_rpc_method_handler(fail, **raw),
            "FailEarly": grpc.unary_unary_rpc_method_handler(fail_early, **raw),
            "Count": grpc.unary_stream_rpc_method_handler(count, **raw),
            "CountFail": grpc.unary_stream_rpc_method_handler(count_fail, **raw),
        },
    )
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    server.add_generic_rpc_handlers((handler,))
    server.add_secure_port("127.0.0.1:%d" % port, grpc.ssl_server_credentials([(key, cert)]))
    server.start()
    print("ready", flush=True)
    time.sleep(120)
    server.stop(0)


if __name__ == "__main__":
    main()
