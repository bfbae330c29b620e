import dagster as dg


class Courier(dg.ConfigurableResource):
    token: str


class Depot(dg.ConfigurableResource):
    path: str


class ShippingComponent(dg.Component, dg.Resolvable, dg.Model):
    region: str

    def _parcels(self, context: dg.ComponentLoadContext) -> dg.Definitions:
        @dg.asset(name=f"parcels_{self.region}")
        def parcels(depot: Depot) -> int:
            return 1

        return dg.Definitions(assets=[parcels], resources={"depot": Depot(path="/srv/depot")})

    def build_defs(self, context: dg.ComponentLoadContext) -> dg.Definitions:
        base = self._parcels(context)
        return dg.Definitions.merge(base, dg.Definitions(assets=[dg.AssetSpec("manifest")]))
