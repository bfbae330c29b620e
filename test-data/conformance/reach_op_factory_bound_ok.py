# shape: reach: ops made by a factory (in a loop in the job body, through a module variable), every key bound and run config naming their ops: nothing reported
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class CopyConfig(dg.Config):
    limit: int = 10


def make_copy_op(table: str) -> dg.OpDefinition:
    @dg.op(name=f"copy_{table}")
    def _copy(db: Db, config: CopyConfig) -> None:
        pass

    return _copy


COPY_OPS = [make_copy_op(t) for t in ("orders", "refunds")]
COPY_INVOICES = make_copy_op("invoices")


@dg.job
def copy_all() -> None:
    for copy_op in COPY_OPS:
        copy_op()
    COPY_INVOICES()


defs = dg.Definitions(jobs=[copy_all], resources={"db": Db(url="duckdb://")})


def exercise() -> None:
    copy_all.execute_in_process(
        run_config={"ops": {"copy_orders": {"config": {"limit": 5}}}},
        resources={"db": Db(url="duckdb://")},
    )
