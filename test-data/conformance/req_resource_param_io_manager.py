# shape: requirer: ResourceParam[Store] where Store is a ConfigurableIOManager, key not bound
import dagster as dg


class Store(dg.ConfigurableIOManager):
    root: str

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        pass

    def load_input(self, context: dg.InputContext) -> object:
        return None


@dg.asset
def orders(store: dg.ResourceParam[Store]) -> str:
    return store.root


defs = dg.Definitions(assets=[orders], resources={})  # expect: unbound store
