# shape: requirer: io_manager_key= on an asset
import dagster as dg


@dg.asset(io_manager_key="lake_io")
def snapshot() -> int:
    return 1


defs = dg.Definitions(assets=[snapshot], resources={"io_manager": dg.FilesystemIOManager()})  # expect: unbound lake_io
