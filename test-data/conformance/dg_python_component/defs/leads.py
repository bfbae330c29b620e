import dagster as dg


class Crm(dg.ConfigurableResource):
    token: str


class LeadsComponent(dg.Component):
    def build_defs(self, context: dg.ComponentLoadContext) -> dg.Definitions:
        @dg.asset
        def leads(crm: Crm) -> int:
            return 1

        return dg.Definitions(assets=[leads])


@dg.component_instance
def load(context: dg.ComponentLoadContext) -> LeadsComponent:
    return LeadsComponent()
