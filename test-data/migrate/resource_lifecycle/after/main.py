"""Resources that open a client for the run and close it afterwards, also when a step fails."""

from contextlib import contextmanager
from typing import Any

from dagwire import ConfigurableResource, ResourceParam, job, op


class Ledger:
    def __init__(self, path: str, mode: str):
        self.path = path
        self.mode = mode
        self.entries: list[str] = []
        self.closed = False

    def write(self, text: str) -> None:
        assert not self.closed, "written after close"
        self.entries.append(text)

    def close(self) -> None:
        self.closed = True
        print(f"ledger {self.path} closed after {len(self.entries)} entries")


class Channel:
    def __init__(self, host: str):
        self.host = host

    def __enter__(self) -> "Channel":
        print("channel to", self.host, "open")
        return self

    def __exit__(self, *exc: object) -> None:
        print("channel to", self.host, "closed")

    def send(self, message: str) -> None:
        print(f"{self.host} <- {message}")


class LedgerResource(ConfigurableResource):
    """A ledger, open while the run lasts."""
    path: str
    mode: str = "append"

    @contextmanager
    def yield_for_execution(self, context):
        book = Ledger(self.path, self.mode)
        print("ledger open in", book.mode, "mode")
        try:
            yield book
        finally:
            book.close()


class ChannelResource(ConfigurableResource):
    host: str

    @contextmanager
    def yield_for_execution(self, init_context):
        with Channel(self.host) as opened:
            yield opened


@op
def record(ledger: ResourceParam[Ledger]):
    ledger.write("first")
    return 1


@op
def announce(count, ledger: ResourceParam[Ledger], channel: ResourceParam[Any]):
    ledger.write("second")
    channel.send(f"{count} recorded")


@op
def explode(channel: ResourceParam[Any]):
    channel.send("about to fail")
    raise RuntimeError("the step fails")


RESOURCES = {
    "ledger": LedgerResource(path="books/main.log"),
    "channel": ChannelResource(host="hub.local"),
}


@job(resource_defs=RESOURCES)
def booking():
    announce(record())


@job(resource_defs=RESOURCES)
def failing():
    explode()


print("booking:", booking.execute_in_process().success)
print("failing:", failing.execute_in_process(raise_on_error=False).success)
