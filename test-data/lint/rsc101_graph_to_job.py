# graph.to_job(resource_defs=...) binds the resources of the job it builds: Dagster refuses
# to build it when an op's key (or an output's IO manager) is missing. Without
# resource_defs= the job is bound where Definitions lists it.
import dagster as dg


@dg.op(required_resource_keys={"s3"})
def extract(context: dg.OpExecutionContext) -> int:
    return context.resources.s3.size()  # expect@12: RSC201 context.resources.s3 is the legacy resource API: request 's3' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@dg.op(out=dg.Out(io_manager_key="lake_io"))
def stage(rows: int) -> int:
    return rows


@dg.graph
def etl():
    stage(extract())


S3 = {"s3": dg.ResourceDefinition.none_resource()}

etl_local = etl.to_job(  # expect@13: RSC101 resource key 'lake_io' is required by op 'stage' but not bound in resource_defs of job 'etl_local'; bound keys: 's3'
    name="etl_local",
    resource_defs=S3,
)
etl_prod = etl.to_job(resource_defs={**S3, "lake_io": dg.FilesystemIOManager()})
etl_unbound = etl.to_job(name="etl_unbound")
etl_built = etl.to_job(resource_defs=dict(S3, lake_io=dg.FilesystemIOManager()))
