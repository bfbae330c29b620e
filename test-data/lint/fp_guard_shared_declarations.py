# Keys declared through a shared constant are declared for many ops at once on purpose: an op
# that does not read one of them is not a dead requirement (RSC204 only reports keys written
# in the decorator itself). The last op declares an unused key inline and is reported.
import dagster as dg

WAREHOUSE_KEYS = frozenset({"warehouse", "slack"})
COMMON = {"required_resource_keys": {"warehouse", "s3"}, "tags": {"team": "core"}}
SHARED_SCHEMA = {"limit": int, "dry_run": bool}


@dg.op(required_resource_keys=WAREHOUSE_KEYS | {"s3"})
def extract(context: dg.OpExecutionContext) -> None:
    context.resources.warehouse.run()  # expect@5: RSC201 context.resources.warehouse is the legacy resource API: request 'warehouse' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    context.resources.s3.put()  # expect@5: RSC201 context.resources.s3 is the legacy resource API: request 's3' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@dg.op(**COMMON)
def load(context: dg.OpExecutionContext) -> None:
    context.resources.warehouse.load()  # expect@5: RSC201 context.resources.warehouse is the legacy resource API: request 'warehouse' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@dg.op(config_schema=SHARED_SCHEMA)  # expect@8: RSC202 config_schema= is the legacy config API: declare a Config class and a 'config' parameter (dagwire migrate rewrites the cases it can prove safe)
def page(context: dg.OpExecutionContext) -> int:
    return context.op_config["limit"]  # expect@12: RSC202 context.op_config is the legacy config API: read fields of a 'config' parameter annotated with a Config class (dagwire migrate rewrites the cases it can prove safe)


@dg.op(required_resource_keys={"warehouse", "unused_cache"})  # expect@45: RSC204 resource key 'unused_cache' is declared in required_resource_keys of op 'report' but never read
def report(context: dg.OpExecutionContext) -> None:
    context.resources.warehouse.report()  # expect@5: RSC201 context.resources.warehouse is the legacy resource API: request 'warehouse' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
