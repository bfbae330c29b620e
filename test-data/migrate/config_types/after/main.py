import enum
from typing import Optional

from dagwire import Config, PermissiveConfig, job, op


class Mode(enum.Enum):
    FAST = "fast"
    SAFE = "safe"


class Connection(Config):
    host: str
    port: int = 5432


class Options(PermissiveConfig):
    verbose: bool = False


class SyncConfig(Config):
    tables: list[str]
    retries: int = 3
    nickname: Optional[str] = None
    owner: Optional[str] = None
    connection: Connection
    options: Options
    mode: Mode = Mode.SAFE
    weights: list[float]


@op
def sync(config: SyncConfig):
    print("tables:", config.tables)
    print("retries:", config.retries)
    print("nickname:", config.nickname)
    print("owner:", config.owner)
    print("connection:", config.connection.host, config.connection.port)
    print("options:", sorted(config.options.model_dump().items()))
    print("mode:", config.mode.name, config.mode.value)
    print("weights:", config.weights)


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
