"""Run-time config of the shop pipeline's assets and ops."""

from enum import Enum
from typing import Optional

from dagwire import Config, Field


class Currency(str, Enum):
    EUR = "EUR"
    USD = "USD"


class OrdersConfig(Config):
    """Which orders to fetch."""

    days: int = Field(default=7, description="How many days back to fetch")
    min_total: float = Field(default=0.0, description="Drop orders below this total")


class ReportConfig(Config):
    top_n: int = Field(default=3, description="How many customers the report lists")
    currency: Currency = Currency.EUR
    title: Optional[str] = None


class AlertConfig(Config):
    threshold: float = Field(description="Alert on customers who spent more than this")
    channels: list[str] = Field(default_factory=lambda: ["#sales"])
