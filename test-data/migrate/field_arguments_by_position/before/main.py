"""Field's default value, is_required and description given by position, in the order of
its signature."""

from dagwire import Field, job, op


@op(
    config_schema={
        "path": Field(str, "inbox/today.csv"),
        "retries": Field(int, 3, False, "how many times to try"),
        "label": Field(str, is_required=True),
    }
)
def fetch(context):
    print("fetch", context.op_config["path"], context.op_config["retries"],
          context.op_config["label"])


@job
def fetching():
    fetch()


if __name__ == "__main__":
    fetching.execute_in_process(run_config={"ops": {"fetch": {"config": {"label": "a"}}}})
    fetching.execute_in_process(run_config={"ops": {"fetch": {"config": {
        "label": "b", "path": "inbox/other.csv", "retries": 1}}}})
