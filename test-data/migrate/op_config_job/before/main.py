from dagwire import Field, job, op


@op(config_schema={"path": str, "limit": Field(int, default_value=10)})
def extract(context):
    cfg = context.op_config
    rows = [f"{cfg['path']}#{i}" for i in range(cfg["limit"])]
    print("extracted", len(rows), "rows from", cfg["path"])
    return rows


@op(config_schema={"suffix": str})
def transform(context, rows):
    out = [row + context.op_config["suffix"] for row in rows]
    print("first:", out[0], "last:", out[-1])
    return len(out)


@job
def etl():
    transform(extract())


run_config = {
    "ops": {
        "extract": {"config": {"path": "s3://bucket/data.csv", "limit": 3}},
        "transform": {"config": {"suffix": "!"}},
    }
}
result = etl.execute_in_process(run_config=run_config)
print("success:", result.success, "count:", result.output_for_node("transform"))

# the default of "limit" applies when the run config leaves it out
result = etl.execute_in_process(
    run_config={
        "ops": {
            "extract": {"config": {"path": "local.csv"}},
            "transform": {"config": {"suffix": "?"}},
        }
    }
)
print("success:", result.success, "count:", result.output_for_node("transform"))
