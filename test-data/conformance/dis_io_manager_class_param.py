# shape: disagreement: resource parameter typed with a ConfigurableIOManager class
import dagster as dg


class Store(dg.ConfigurableIOManager):
    root: str

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        pass

    def load_input(self, context: dg.InputContext) -> object:
        return None


@dg.asset
def orders(store: Store) -> int:  # expect: io-manager-param store
    return 1


defs = dg.Definitions(assets=[orders], resources={"store": Store(root="/tmp")})
