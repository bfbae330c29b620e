"""Step failures (raise_on_error=False: the run fails, downstream steps do not run, other
branches do; raise_on_error=True: the user's exception), the result queries Dagster tests use
(is_node_success / is_node_failed / is_node_skipped, get_failed_step_keys,
get_step_failure_events), and what an asset context tells: job name, run tags, selected asset
keys, asset keys of inputs and outputs, has_partition_key, add_asset_metadata on a
multi_asset, log_event with an AssetMaterialization from an op."""

from dagwire import (AssetExecutionContext, AssetIn, AssetMaterialization, AssetOut,
                     Definitions, OpExecutionContext, asset, define_asset_job, job,
                     materialize, multi_asset, op)


@op
def ok():
    print("ok")
    return 1


@op
def boom(x):
    raise ValueError("boom")


@op
def after(x):
    print("after", x)


@op
def side(x):
    print("side", x)


@job
def failing():
    value = ok()
    after(boom(value))
    side(value)


run = failing.execute_in_process(raise_on_error=False)
print(run.success, run.is_node_success("ok"), run.is_node_failed("boom"),
      run.is_node_skipped("after"), run.is_node_success("side"))
print(run.get_failed_step_keys(), [e.step_key for e in run.get_step_failure_events()])
try:
    failing.execute_in_process()
except ValueError as error:
    print("raised", error)


@asset
def a1():
    return 1


@asset
def a2(a1):
    raise RuntimeError("nope")


@asset
def a3(a2):
    return 3


res = materialize([a1, a2, a3], raise_on_error=False)
print(res.success, [e.asset_key.to_user_string() for e in res.get_asset_materialization_events()])


@asset(key_prefix="src")
def source_rows():
    return [1, 2]


@asset(ins={"rows": AssetIn(key=["src", "source_rows"])})
def described(context: AssetExecutionContext, rows):
    print(context.job_name, context.get_tag("team"), context.has_tag("nope"))
    print(context.asset_key_for_input("rows").path, context.asset_key_for_output().path)
    print(sorted(k.to_user_string() for k in context.selected_asset_keys))
    print(context.has_partition_key, context.retry_number)
    return len(rows)


@multi_asset(outs={"left": AssetOut(), "right": AssetOut()})
def halves(context: AssetExecutionContext, source_rows):
    context.add_asset_metadata({"side": "L"}, asset_key="left")
    context.add_asset_metadata({"side": "R"}, asset_key="right")
    return source_rows[:1], source_rows[1:]


defs = Definitions(assets=[source_rows, described, halves],
                   jobs=[define_asset_job("tagged", tags={"team": "data"})])
res = defs.get_job_def("tagged").execute_in_process()
events = res.get_asset_materialization_events()
print([(e.asset_key.to_user_string(), {k: v.value for k, v in e.materialization.metadata.items()
                                        if k != "path"})  # dagster's default IO manager adds "path"
       for e in events if e.asset_key.path[0] in ("left", "right")])


@op
def report(context: OpExecutionContext):
    context.log_event(AssetMaterialization(asset_key="external_table",
                                           metadata={"rows": 10}))
    return "done"


@job
def reporting():
    report()


res = reporting.execute_in_process()
print([(m.asset_key.path, m.metadata["rows"].value)
       for m in res.asset_materializations_for_node("report")])
