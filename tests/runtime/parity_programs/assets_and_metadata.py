"""Assets the way Dagster projects write them: key_prefix, group_name, AssetIn, deps=,
AssetExecutionContext (log, asset_key, add_output_metadata), Output with metadata,
MaterializeResult, MetadataValue, multi_asset returning a tuple and yielding Outputs,
materialize and an asset job from Definitions, materialization events, the step order."""

from dagwire import (AssetExecutionContext, AssetIn, AssetKey, AssetOut, AssetSelection, Definitions,
                     MaterializeResult, MetadataValue, Output, asset, define_asset_job,
                     materialize, materialize_to_memory, multi_asset)


@asset(key_prefix=["raw"], group_name="ingest")
def orders(context: AssetExecutionContext) -> list:
    context.log.info("loading orders")
    print("orders", context.asset_key.to_user_string(), context.asset_key.path)
    context.add_output_metadata({"rows": 3, "preview": MetadataValue.md("| a |")})
    return [1, 2, 3]


@asset(ins={"orders": AssetIn(key=["raw", "orders"])}, group_name="marts")
def order_total(orders: list) -> int:
    print("order_total")
    return sum(orders)


@asset(deps=[order_total])
def report() -> MaterializeResult:
    print("report")
    return MaterializeResult(metadata={"written": True, "path": MetadataValue.path("/tmp/r")})


@asset(ins={"source": AssetIn(key=AssetKey(["raw", "orders"]))})
def doubled(source):
    print("doubled")
    return Output([x * 2 for x in source], metadata={"n": len(source)})


@multi_asset(outs={"a": AssetOut(), "b": AssetOut(key_prefix="parts")})
def split(doubled):
    print("split")
    return doubled[:1], doubled[1:]


@multi_asset(outs={"first": AssetOut(), "rest": AssetOut()})
def yielded(doubled):
    print("yielded")
    yield Output(doubled[0], output_name="first", metadata={"which": "first"})
    yield Output(doubled[1:], output_name="rest")


@asset(ins={"b": AssetIn(key=["parts", "b"])})
def uses_b(b, first):
    print("uses_b")
    return len(b) + first


every = [orders, order_total, report, doubled, split, yielded, uses_b]
result = materialize(every)
print(result.success)
print(result.output_for_node("raw__orders"), result.output_for_node("order_total"))
print(result.output_for_node("doubled"))
print(result.output_for_node("split", "a"), result.output_for_node("split", "b"))
print(result.output_for_node("yielded", "first"), result.output_for_node("uses_b"))
events = result.get_asset_materialization_events()
print([e.asset_key.to_user_string() for e in events])
by_key = {e.asset_key.to_user_string(): e.materialization.metadata for e in events}
print(by_key["raw/orders"]["rows"].value, by_key["raw/orders"]["preview"].value)
print(by_key["doubled"]["n"].value, by_key["report"]["written"].value, by_key["first"]["which"].value)
print([m.asset_key.path for m in result.asset_materializations_for_node("split")])
print(orders.key, order_total.group_names_by_key[order_total.key], split.keys_by_output_name["b"])

defs = Definitions(assets=every, jobs=[define_asset_job(
    "marts_job", selection=AssetSelection.keys("order_total").upstream())])
run = defs.get_job_def("marts_job").execute_in_process()
print(run.success, run.output_for_node("order_total"))
print(defs.get_assets_def(AssetKey(["raw", "orders"])).key.path)
print(materialize_to_memory([orders, order_total]).output_for_node("order_total"))
