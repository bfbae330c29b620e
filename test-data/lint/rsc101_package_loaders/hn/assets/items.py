from dagster import AssetExecutionContext, asset


@asset(required_resource_keys={"hn_client"})
def items(context: AssetExecutionContext) -> list:
    return context.resources.hn_client.fetch()  # expect@12: RSC201 context.resources.hn_client is the legacy resource API: request 'hn_client' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)
