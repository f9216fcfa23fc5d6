#!/usr/bin/python3
"""The classic Twisted poetry client (client 3.1 of the Twisted introduction), for the benchmark.

get_poetry(host, port, callback, errback) starts one download on Twisted's reactor with a
ClientFactory and a Protocol; when every download has ended, the poems are written to standard
output in the order given, each followed by a newline, like get-poetry. At most
--max-connections downloads run at once; the next starts when one ends.

Runs on Debian's /usr/bin/python3 with the python3-twisted package:
    /usr/bin/python3 tests/bench/twisted/get_poetry.py [--max-connections N] HOST:PORT...
Exit status: 0 if every poem arrived, 1 if any failed, 2 for usage errors.
"""

import sys

from twisted.internet import reactor
from twisted.internet.protocol import ClientFactory, Protocol


class PoetryProtocol(Protocol):
    poem = b""

    def dataReceived(self, data):
        self.poem += data

    def connectionLost(self, reason):
        self.poemReceived(self.poem)

    def poemReceived(self, poem):
        self.factory.poem_finished(poem)


class PoetryClientFactory(ClientFactory):
    protocol = PoetryProtocol

    def __init__(self, callback, errback):
        self.callback = callback
        self.errback = errback

    def poem_finished(self, poem):
        self.callback(poem)

    def clientConnectionFailed(self, connector, reason):
        self.errback(reason)


def get_poetry(host, port, callback, errback):
    """Download a poem from host:port; later call callback(poem) or errback(failure)."""
    factory = PoetryClientFactory(callback, errback)
    reactor.connectTCP(host, port, factory)


def parse_args(argv):
    max_connections = 1000
    addresses = []
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--max-connections":
            max_connections = int(args.pop(0))
            continue
        host, _, port = arg.rpartition(":")
        if not port.isdigit():
            sys.exit("get_poetry.py: not HOST:PORT: %s" % arg)
        addresses.append((host or "127.0.0.1", int(port)))
    if not addresses:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    return max_connections, addresses


def main(argv):
    max_connections, addresses = parse_args(argv)
    poems = [None] * len(addresses)
    errors = []
    state = {"next": 0, "done": 0}

    def start_next():
        index = state["next"]
        state["next"] += 1
        host, port = addresses[index]
        get_poetry(host, port, lambda poem: finished(index, poem),
                   lambda failure: failed(index, failure))

    def finished(index, poem):
        poems[index] = poem
        task_done()

    def failed(index, failure):
        errors.append(index)
        print("Poem %d failed: %s" % (index + 1, failure.getErrorMessage()), file=sys.stderr)
        task_done()

    def task_done():
        state["done"] += 1
        if state["next"] < len(addresses):
            start_next()
        elif state["done"] == len(addresses):
            reactor.stop()

    for _ in range(min(max_connections, len(addresses))):
        start_next()
    reactor.run()

    out = sys.stdout.buffer
    for poem in poems:
        if poem is not None:
            out.write(poem)
            out.write(b"\n")
    out.flush()
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
