from dagwire import Config, job, op


class ExtractConfig(Config):
    path: str
    limit: int = 10


@op
def extract(config: ExtractConfig):
    rows = [f"{config.path}#{i}" for i in range(config.limit)]
    print("extracted", len(rows), "rows from", config.path)
    return rows


class TransformConfig(Config):
    suffix: str


@op
def transform(rows, config: TransformConfig):
    out = [row + config.suffix for row in rows]
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
