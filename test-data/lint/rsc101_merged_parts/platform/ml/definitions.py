import dagster as dg

from ..resources import Warehouse


@dg.multi_asset(
    outs={
        "model": dg.AssetOut(io_manager_key="model_io"),
        "metrics": dg.AssetOut(),
    },
)
def train(warehouse: Warehouse):
    yield dg.Output(1, "model")
    yield dg.Output(2, "metrics")


@dg.asset(ins={"model": dg.AssetIn(input_manager_key="model_loader")})
def scores(model: int) -> int:
    return model


@dg.op(out=dg.Out(io_manager_key="scratch_io"))
def scratch() -> int:
    return 1


@dg.op
def consume(value: int) -> None:
    pass


@dg.job(resource_defs={"io_manager": dg.FilesystemIOManager()})  # expect@1: RSC101 resource key 'scratch_io' is required by op 'scratch' but not bound in resource_defs of job 'cleanup'; bound keys: 'io_manager'
def cleanup():
    consume(scratch())


defs = dg.Definitions(
    assets=[train, scores],
    resources={"model_io": dg.FilesystemIOManager(), "model_loader": dg.FilesystemIOManager()},
)
