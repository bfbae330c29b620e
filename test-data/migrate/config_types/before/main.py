import enum

from dagwire import Array, Enum, Field, Noneable, Permissive, Shape, job, op


class Mode(enum.Enum):
    FAST = "fast"
    SAFE = "safe"


@op(
    config_schema={
        "tables": Array(str),
        "retries": Field(int, default_value=3, description="attempts per table"),
        "nickname": Noneable(str),
        "owner": Field(str, is_required=False),
        "connection": Shape({"host": str, "port": Field(int, default_value=5432)}),
        "options": Permissive({"verbose": Field(bool, default_value=False)}),
        "mode": Field(Enum.from_python_enum(Mode), default_value="SAFE"),
        "weights": [float],
    }
)
def sync(context):
    cfg = context.op_config
    print("tables:", cfg["tables"])
    print("retries:", cfg["retries"])
    print("nickname:", cfg["nickname"])
    print("owner:", cfg.get("owner"))
    print("connection:", cfg["connection"]["host"], cfg["connection"]["port"])
    print("options:", sorted(cfg["options"].items()))
    print("mode:", cfg["mode"].name, cfg["mode"].value)
    print("weights:", cfg["weights"])


@job
def sync_job():
    sync()


for config in [
    {
        "tables": ["users", "orders"],
        "connection": {"host": "db.internal"},
        "options": {"batch": 500},
        "weights": [1, 2.5],
    },
    {
        "tables": [],
        "retries": 0,
        "nickname": "nightly",
        "owner": "data-team",
        "connection": {"host": "replica", "port": 6432},
        "options": {"verbose": True},
        "mode": "FAST",
        "weights": [],
    },
]:
    result = sync_job.execute_in_process(run_config={"ops": {"sync": {"config": config}}})
    print("success:", result.success)
