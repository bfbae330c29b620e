"""Resources that open a client for the run and close it afterwards, also when a step fails."""

from contextlib import contextmanager

from dagwire import Field, job, op, resource


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


@resource(config_schema={"path": str, "mode": Field(str, default_value="append")})
def ledger(context):
    """A ledger, open while the run lasts."""
    book = Ledger(context.resource_config["path"], context.resource_config["mode"])
    print("ledger open in", book.mode, "mode")
    try:
        yield book
    finally:
        book.close()


@resource(config_schema={"host": str})
@contextmanager
def channel(init_context):
    with Channel(init_context.resource_config["host"]) as opened:
        yield opened


@op(required_resource_keys={"ledger"})
def record(context):
    context.resources.ledger.write("first")
    return 1


@op(required_resource_keys={"ledger", "channel"})
def announce(context, count):
    context.resources.ledger.write("second")
    context.resources.channel.send(f"{count} recorded")


@op(required_resource_keys={"channel"})
def explode(context):
    context.resources.channel.send("about to fail")
    raise RuntimeError("the step fails")


RESOURCES = {
    "ledger": ledger.configured({"path": "books/main.log"}),
    "channel": channel.configured({"host": "hub.local"}),
}


@job(resource_defs=RESOURCES)
def booking():
    announce(record())


@job(resource_defs=RESOURCES)
def failing():
    explode()


print("booking:", booking.execute_in_process().success)
print("failing:", failing.execute_in_process(raise_on_error=False).success)
