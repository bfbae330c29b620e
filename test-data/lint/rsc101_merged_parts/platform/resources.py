import dagster as dg


class Warehouse(dg.ConfigurableResource):
    account: str


class ParquetIOManager(dg.ConfigurableIOManager):
    base_path: str

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        pass

    def load_input(self, context: dg.InputContext) -> object:
        return None


# Binds the shared resources only; the assets that need them live in the other parts.
resource_defs = dg.Definitions(
    resources={
        "warehouse": Warehouse(account=dg.EnvVar("WAREHOUSE_ACCOUNT")),
        "parquet_io": ParquetIOManager(base_path="/data"),
    }
)
