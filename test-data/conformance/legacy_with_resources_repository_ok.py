# shape: legacy: @repository of assets bound with with_resources and a legacy @resource (trap)
import dagster as dg


@dg.resource
def token_resource(init_context: dg.InitResourceContext) -> str:
    return "secret-token"


@dg.asset(required_resource_keys={"token"})
def feed(context: dg.AssetExecutionContext) -> int:
    return len(context.resources.token)


@dg.repository
def feeds() -> list[dg.AssetsDefinition]:
    return [*dg.with_resources([feed], {"token": token_resource})]
