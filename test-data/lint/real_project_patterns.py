# Patterns seen in real projects: splatted decorator kwargs, Enum keys, op factories.
from enum import Enum

from dagster import ConfigurableResource, Definitions, OpExecutionContext, asset, job, op


class R(str, Enum):
    DB = "db"
    CACHE = "cache"


COMMON = {"required_resource_keys": {R.DB, "cache"}, "tags": {"team": "data"}}


@op(**COMMON)
def common_op(context: OpExecutionContext) -> None:
    context.resources.db.run()  # expect@5: RSC201 context.resources.db is the legacy resource API: request 'db' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    context.resources.cache.get()  # expect@5: RSC201 context.resources.cache is the legacy resource API: request 'cache' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    context.resources.queue.put()  # expect@5: RSC102 context.resources.queue is not declared by op 'common_op': add 'queue' to its required_resource_keys # expect@5: RSC201 context.resources.queue is the legacy resource API: request 'queue' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


def make_copy_op(table: str):
    @op(name=f"copy_{table}", required_resource_keys={"db"})
    def _copy(context) -> None:
        context.resources.db.copy(table)  # expect@9: RSC201 context.resources.db is the legacy resource API: request 'db' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
        context.resources.dbb.copy(table)  # expect@9: RSC102 context.resources.dbb is not declared by op '_copy': add 'dbb' to its required_resource_keys # expect@9: RSC201 context.resources.dbb is the legacy resource API: request 'dbb' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)

    return _copy


COPY_OPS = [make_copy_op(t) for t in ("a", "b")]


@job
def copy_all():
    for copy_op in COPY_OPS:
        copy_op()
    common_op()


class Db(ConfigurableResource):
    url: str


@asset
def rows(db: Db) -> None:
    pass


BASE = {R.DB.value: Db(url="x")}

defs = Definitions(  # expect@8: RSC101 resource key 'cache' is required by op 'common_op' in job 'copy_all' but not bound in Definitions; bound keys: 'db'
    assets=[rows],
    jobs=[copy_all],
    resources=BASE,
)
