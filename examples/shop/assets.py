"""Assets: raw orders -> cleaned orders -> customer totals -> daily report."""

from typing import Any

from dagwire import AssetExecutionContext, asset

from examples.shop.configs import OrdersConfig, ReportConfig
from examples.shop.resources import OrdersApiResource, WarehouseResource


@asset(group_name="orders")
def raw_orders(config: OrdersConfig, orders_api: OrdersApiResource) -> list[dict[str, Any]]:
    """Orders of the last ``config.days`` days."""
    return orders_api.fetch_orders(config.days)


@asset(group_name="orders")
def cleaned_orders(config: OrdersConfig, raw_orders: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Orders with a positive total above ``config.min_total``."""
    return [o for o in raw_orders if o["total"] > 0 and o["total"] >= config.min_total]


@asset(group_name="analytics")
def customer_totals(
    cleaned_orders: list[dict[str, Any]], warehouse: WarehouseResource
) -> dict[str, float]:
    """Total spent per customer, also written to the warehouse."""
    totals: dict[str, float] = {}
    for order in cleaned_orders:
        totals[order["customer"]] = totals.get(order["customer"], 0.0) + order["total"]
    warehouse.write_totals(totals)
    return totals


@asset(group_name="analytics")
def daily_report(
    context: AssetExecutionContext, config: ReportConfig, customer_totals: dict[str, float]
) -> str:
    """The top customers, as text."""
    ranked = sorted(customer_totals.items(), key=lambda item: (-item[1], item[0]))
    lines = [config.title or f"Top {config.top_n} customers"]
    for customer, total in ranked[: config.top_n]:
        lines.append(f"{customer}: {total:.2f} {config.currency.value}")
    context.log.info("report for %d customers", len(ranked))
    return "\n".join(lines)
