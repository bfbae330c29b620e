# shape: requirer: Pipes client as a parameter (dagster requires it as a resource)
# dagster-only: Pipes clients are not supported by dagwire
import dagster as dg


@dg.asset
def report(context: dg.AssetExecutionContext, pipes_subprocess_client: dg.PipesSubprocessClient) -> dg.MaterializeResult:
    return pipes_subprocess_client.run(command=["true"], context=context).get_materialize_result()


defs = dg.Definitions(assets=[report], resources={})  # expect: unbound pipes_subprocess_client
