#!/usr/bin/env python3
"""Slow clients for bench/slowloris.sh (loopback only, bounded in time and count).

   slowloris.py PORT CONNECTIONS DURATION

Half the connections trickle their FIRST request head one byte per second (governed by the machine-wide
HeaderWait, 2 minutes unless HttpSetServiceConfiguration changed it); the other half send one complete
request, read the answer, then trickle the SECOND head (governed by the application's HeaderWait).
Prints one line per population: how many the server cut, and after how long."""
import asyncio, sys, time

PORT, N, DURATION = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
HEAD = b"GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slowloris\r\nX-Padding: " + b"a" * 200 + b"\r\n\r\n"


async def slow(kind, results):
    t0 = time.monotonic()
    try:
        r, w = await asyncio.open_connection("127.0.0.1", PORT)
    except OSError:
        results.append((kind, "refused", 0.0))
        return
    try:
        if kind == "second":
            w.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            await w.drain()
            await asyncio.wait_for(r.readuntil(b"Hello, World!"), 5)
        t0 = time.monotonic()
        i = 0
        while time.monotonic() - t0 < DURATION and i < len(HEAD) - 4:
            w.write(HEAD[i:i + 1])
            await w.drain()
            i += 1
            try:
                data = await asyncio.wait_for(r.read(1024), 1.0)
                if not data:
                    results.append((kind, "cut", time.monotonic() - t0))
                    return
            except asyncio.TimeoutError:
                pass
        results.append((kind, "alive", time.monotonic() - t0))
    except (ConnectionError, OSError):
        results.append((kind, "cut", time.monotonic() - t0))
    finally:
        w.close()


async def main():
    results = []
    tasks = []
    for i in range(N):
        tasks.append(asyncio.create_task(slow("first" if i % 2 == 0 else "second", results)))
        if i % 50 == 49:
            await asyncio.sleep(0.05)
    await asyncio.gather(*tasks)
    for kind in ("first", "second"):
        rows = [x for x in results if x[0] == kind]
        cut = [x[2] for x in rows if x[1] == "cut"]
        alive = sum(1 for x in rows if x[1] == "alive")
        refused = sum(1 for x in rows if x[1] == "refused")
        avg = sum(cut) / len(cut) if cut else 0.0
        print(f"slow {kind}-request heads: {len(rows)} connections, {len(cut)} cut "
              f"(after {avg:.1f} s on average), {alive} still open at {DURATION:.0f} s, {refused} refused")


asyncio.run(main())
