"""The shop pipeline's resources: an orders API, a SQLite warehouse and a notifier."""

import sqlite3
from typing import Any

from dagwire import ConfigurableResource, InitResourceContext

# A fixed page of orders, so the demo's output is deterministic.
_ORDERS: list[dict[str, Any]] = [
    {"id": 1, "customer": "ada", "total": 120.0, "day": 1},
    {"id": 2, "customer": "grace", "total": 35.5, "day": 2},
    {"id": 3, "customer": "ada", "total": 80.0, "day": 3},
    {"id": 4, "customer": "linus", "total": 0.0, "day": 3},
    {"id": 5, "customer": "barbara", "total": 410.25, "day": 5},
    {"id": 6, "customer": "grace", "total": 99.0, "day": 9},
]


class OrdersApiResource(ConfigurableResource):
    """Client of the (simulated) orders API."""

    base_url: str
    page_size: int = 50

    def fetch_orders(self, days: int) -> list[dict[str, Any]]:
        return [dict(order) for order in _ORDERS if order["day"] <= days][: self.page_size]

    def new_batches(self) -> list[str]:
        return ["batch-2024-06-01", "batch-2024-06-02"]


class WarehouseResource(ConfigurableResource):
    """A SQLite warehouse; the database path comes from an environment variable."""

    database: str
    # Resources are frozen: per-run state lives in a private holder (a fresh copy per
    # instance), so type checkers accept the updates.
    _run: dict[str, sqlite3.Connection] = {}

    def setup_for_execution(self, context: InitResourceContext) -> None:
        connection = sqlite3.connect(self.database)
        connection.execute(
            "CREATE TABLE IF NOT EXISTS customer_totals (customer TEXT PRIMARY KEY, total REAL)"
        )
        self._run["connection"] = connection

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        connection = self._run.pop("connection", None)
        if connection is not None:
            connection.close()

    @property
    def connection(self) -> sqlite3.Connection:
        if "connection" not in self._run:
            raise RuntimeError("WarehouseResource is used outside a run")
        return self._run["connection"]

    def write_totals(self, totals: dict[str, float]) -> None:
        with self.connection:
            self.connection.execute("DELETE FROM customer_totals")
            self.connection.executemany(
                "INSERT INTO customer_totals VALUES (?, ?)", sorted(totals.items())
            )

    def read_totals(self) -> dict[str, float]:
        rows = self.connection.execute("SELECT customer, total FROM customer_totals")
        return {customer: total for customer, total in rows}


class NotifierResource(ConfigurableResource):
    """Sends messages to chat channels (here: keeps them in a list)."""

    sender: str = "shop-bot"
    _sent: list[str] = []  # private, a fresh list per instance

    def setup_for_execution(self, context: InitResourceContext) -> None:
        self._sent.clear()

    def send(self, channel: str, message: str) -> None:
        self._sent.append(f"{channel} <{self.sender}> {message}")

    @property
    def sent(self) -> list[str]:
        return list(self._sent)
