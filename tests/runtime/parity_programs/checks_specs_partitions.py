"""Asset checks with resource parameters (run after their asset, blocking ones stopping what
is downstream, called directly), AssetSpec as an external asset and as the outputs of a
multi_asset, and single-partition runs: daily and static partitions, the partition in the
asset's and the IO manager's contexts, partitioned jobs, unknown keys."""

from dagwire import (AssetCheckExecutionContext, AssetCheckResult, AssetCheckSeverity,
                     AssetExecutionContext, AssetSpec, ConfigurableResource,
                     DailyPartitionsDefinition, DagsterUnknownPartitionError, Definitions,
                     InputContext, IOManager, MaterializeResult, OutputContext,
                     StaticPartitionsDefinition, asset, asset_check, build_asset_context,
                     define_asset_job, job, materialize, multi_asset, op)


class Warehouse(ConfigurableResource):
    minimum: int

    def row_count(self, table):
        return {"orders": 3, "customers": 10}[table]


print("-- asset checks with a resource, run after their asset")


@asset
def orders(warehouse: Warehouse) -> int:
    return warehouse.row_count("orders")


@asset_check(asset=orders, description="enough rows")
def orders_enough_rows(orders: int, warehouse: Warehouse) -> AssetCheckResult:
    return AssetCheckResult(passed=orders >= warehouse.minimum, metadata={"rows": orders})


@asset_check(asset=orders, blocking=True)
def orders_blocking(context: AssetCheckExecutionContext, warehouse: Warehouse):
    print("checking", [spec.name for spec in context.check_specs])
    return AssetCheckResult(passed=warehouse.minimum < 3, severity=AssetCheckSeverity.ERROR)


@asset_check(asset="orders")
def orders_warn_only(warehouse: Warehouse) -> AssetCheckResult:
    return AssetCheckResult(passed=False, severity=AssetCheckSeverity.WARN, description="low")


@asset(deps=[orders])
def report() -> None:
    print("report ran")


def evaluations(result):
    return sorted((e.check_name, e.passed, e.severity.value) for e in result.get_asset_check_evaluations())


passing = materialize([orders, orders_enough_rows, orders_blocking, orders_warn_only, report],
                      resources={"warehouse": Warehouse(minimum=2)})
print(passing.success, evaluations(passing))
failing = materialize([orders, orders_enough_rows, orders_blocking, report],
                      resources={"warehouse": Warehouse(minimum=5)}, raise_on_error=False)
print(failing.success, evaluations(failing))
print(sorted(failing.get_failed_step_keys()), failing.is_node_success("orders"))
result = orders_enough_rows(orders=9, warehouse=Warehouse(minimum=5))
print(result.passed, result.metadata["rows"].value, orders_enough_rows.check_key.name)
selected = materialize([orders, orders_enough_rows, report], selection=[orders],
                       resources={"warehouse": Warehouse(minimum=1)})
print(evaluations(selected))
defs = Definitions(assets=[orders, report], asset_checks=[orders_enough_rows],
                   jobs=[define_asset_job("orders_job", selection=[orders])],
                   resources={"warehouse": Warehouse(minimum=1)})
print(evaluations(defs.resolve_job_def("orders_job").execute_in_process()))

print("-- AssetSpec: an external asset as a dependency, and the assets of a multi_asset")
raw_events = AssetSpec("raw_events", group_name="external", description="loaded elsewhere")


@asset(deps=[raw_events])
def events() -> int:
    return 7


@multi_asset(specs=[AssetSpec("clicks"), AssetSpec("views", deps=["clicks"])])
def web():
    yield MaterializeResult(asset_key="clicks", metadata={"n": 1})
    yield MaterializeResult(asset_key="views")


@multi_asset(specs=[AssetSpec(["web", "sessions"])])
def sessions():
    print("sessions stored")


run = materialize([raw_events, events, web, sessions])
print(run.success, sorted(e.asset_key.to_user_string() for e in run.get_asset_materialization_events()))
print(raw_events.key, raw_events.group_name, raw_events.replace_attributes(group_name="g").group_name)
print(sorted(key.to_user_string() for key in web.keys), run.output_for_node("events"))

print("-- partitions: one partition per run")
daily = DailyPartitionsDefinition(start_date="2024-01-01", end_date="2024-01-05")
regions = StaticPartitionsDefinition(["eu", "us"])
print(daily.get_partition_keys(), regions.get_partition_keys())
print(daily.time_window_for_partition_key("2024-01-02"))


class KeyedIO(IOManager):
    def __init__(self):
        self.stored = {}

    def handle_output(self, context: OutputContext, obj):
        print("store", context.get_asset_identifier(), context.has_asset_partitions)
        self.stored[context.asset_partition_key] = obj

    def load_input(self, context: InputContext):
        print("load", context.asset_partition_keys, context.has_partition_key)
        return self.stored[context.asset_partition_key]


@asset(partitions_def=daily, io_manager_key="keyed")
def daily_sales(context: AssetExecutionContext) -> str:
    window = context.partition_time_window
    print("sales", context.partition_key, window.start.isoformat(), window.end.isoformat())
    return "sales-" + context.asset_partition_key_for_output()


@asset(partitions_def=daily, io_manager_key="keyed")
def daily_report(daily_sales: str) -> str:
    return daily_sales.upper()


@asset
def unpartitioned(context: AssetExecutionContext) -> bool:
    return context.has_partition_key


io = KeyedIO()
run = materialize([daily_sales, daily_report, unpartitioned], partition_key="2024-01-03",
                  resources={"keyed": io})
print(run.success, run.output_for_node("unpartitioned"), io.stored)
try:
    materialize([daily_sales], partition_key="2023-12-31", resources={"keyed": KeyedIO()})
except DagsterUnknownPartitionError as error:
    print("unknown:", error)
print(daily_sales(build_asset_context(partition_key="2024-01-04")))


@op
def per_region(context) -> str:
    return f"region {context.partition_key}"


@job(partitions_def=regions)
def regional():
    per_region()


print(regional.execute_in_process(partition_key="us").output_for_node("per_region"))
try:
    regional.execute_in_process(partition_key="asia")
except DagsterUnknownPartitionError as error:
    print("unknown:", error)
