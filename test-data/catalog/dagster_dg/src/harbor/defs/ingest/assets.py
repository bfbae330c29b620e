import dagster as dg
from pydantic import Field

from harbor.defs.resources import Berths, ShipsApi


class ArrivalsConfig(dg.Config):
    """Which arrivals to read."""

    hours: int = Field(default=24, description="How far back to look")


@dg.asset(group_name="ingest")
def arrivals(config: ArrivalsConfig, ships: ShipsApi) -> list[str]:
    """Ships that arrived."""
    return []


@dg.asset(group_name="ingest")
def berth_plan(arrivals: list[str], berths: Berths) -> dict[str, str]:
    """Which ship goes where."""
    return {}


@dg.asset(deps=[berth_plan])
def harbor_report() -> None:
    """A daily summary."""


@dg.asset_check(asset=berth_plan)
def no_double_booking(berths: Berths) -> dg.AssetCheckResult:
    return dg.AssetCheckResult(passed=True)
