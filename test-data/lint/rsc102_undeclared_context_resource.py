# RSC102: context.resources.x that the function never declared.
from dagster import AssetExecutionContext, ConfigurableResource, asset, op, sensor


class Api(ConfigurableResource):
    url: str


@op(required_resource_keys={"db"})
def sync(context) -> None:
    context.resources.db.execute("select 1")  # expect@5: RSC201 context.resources.db is the legacy resource API: request 'db' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    if context.resources.cache:  # expect@8: RSC102 context.resources.cache is not declared by op 'sync': add 'cache' to its required_resource_keys # expect@8: RSC201 context.resources.cache is the legacy resource API: request 'cache' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
        pass


@asset(resource_defs={"api": Api(url="http://x")})
def pulled(ctx: AssetExecutionContext) -> None:
    ctx.resources.api.get()  # expect@5: RSC201 context.resources.api is the legacy resource API: request 'api' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    getattr(ctx.resources, "apii")  # expect@5: RSC102 context.resources.apii is not declared by asset 'pulled': add 'apii' to its required_resource_keys # expect@5: RSC201 context.resources.apii is the legacy resource API: request 'apii' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@asset
def by_parameter(context, api: Api) -> None:
    context.resources.api.get()  # expect@5: RSC201 context.resources.api is the legacy resource API: request 'api' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@sensor(job_name="sync_job", required_resource_keys={"queue"})
def on_message(context):
    context.resources.queue.poll()  # expect@5: RSC201 context.resources.queue is the legacy resource API: request 'queue' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
    context.resources.topic.poll()  # expect@5: RSC102 context.resources.topic is not declared by sensor 'on_message': add 'topic' to its required_resource_keys # expect@5: RSC201 context.resources.topic is the legacy resource API: request 'topic' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@op
def annotated_local(context) -> None:
    res = context.resources
    store: object = res.store  # expect@21: RSC102 context.resources.store is not declared by op 'annotated_local': add 'store' to its required_resource_keys # expect@21: RSC201 context.resources.store is the legacy resource API: request 'store' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


# Unsure: keys computed at run time, or declared through an opaque **kwargs: silent.
def make_keys() -> set[str]:
    return {"db"}


@op(required_resource_keys=make_keys())
def computed_keys(context) -> None:
    context.resources.anything  # expect@5: RSC201 context.resources.anything is the legacy resource API: request 'anything' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@op(**dict(required_resource_keys=make_keys()))
def opaque_kwargs(context) -> None:
    context.resources.anything  # expect@5: RSC201 context.resources.anything is the legacy resource API: request 'anything' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@op(required_resource_keys={"db"})
def dynamic_name(context, name: str) -> None:
    getattr(context.resources, name)


# The resources object's own attributes are not keys (and may read any key).
@op(required_resource_keys={"db", "cache"})
def whole_mapping(context) -> None:
    print(context.resources.original_resource_dict["cache"])
    context.resources.db.ping()  # expect@5: RSC201 context.resources.db is the legacy resource API: request 'db' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
