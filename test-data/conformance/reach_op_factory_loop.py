# shape: reach: ops made by a factory and called in a loop in the job body
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


def make_copy_op(table: str) -> dg.OpDefinition:
    @dg.op(name=f"copy_{table}")
    def _copy(db: Db) -> None:
        pass

    return _copy


COPY_OPS = [make_copy_op(t) for t in ("orders", "refunds")]


@dg.job
def copy_all() -> None:
    for copy_op in COPY_OPS:
        copy_op()


defs = dg.Definitions(jobs=[copy_all], resources={})  # expect: unbound db
