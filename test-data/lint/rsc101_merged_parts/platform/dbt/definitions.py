import dagster as dg

from ..resources import Warehouse


class DbtCli(dg.ConfigurableResource):
    project_dir: str


@dg.asset(io_manager_key="parquet_io")
def dbt_models(dbt: DbtCli, warehouse: Warehouse) -> None:
    pass


# 'warehouse' and 'parquet_io' are bound by another part: merged in ../definitions.py.
dbt_defs = dg.Definitions(assets=[dbt_models], resources={"dbt": DbtCli(project_dir=".")})
