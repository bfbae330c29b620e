from dagwire import Array, Field, Noneable, job, op


@op(
    config_schema={
        "owner": Field(Noneable(str), is_required=False),  # absent unless given
        "reviewer": Field(Noneable(str)),  # None unless given
        "retries": Field(Noneable(int), default_value=3),
        "shards": Noneable([int]),
        "weights": Field(Array(Noneable(int)), default_value=[1, None]),
        "labels": [Noneable(str)],
    }
)
def settings(context):
    cfg = context.op_config
    return (cfg.get("owner"), cfg["reviewer"], cfg["retries"], cfg["shards"], cfg["weights"],
            cfg["labels"], cfg.get("owner", None))


@job
def show_settings():
    settings()


for given in [{"labels": []}, {"owner": "ana", "retries": None, "labels": [None, "x"]}]:
    result = show_settings.execute_in_process(run_config={"ops": {"settings": {"config": given}}})
    print("success:", result.success, result.output_for_node("settings"))
