import dagster as dg


class Ledger(dg.ConfigurableResource):
    url: str


class LedgerComponent(dg.Component, dg.Resolvable, dg.Model):
    url: str

    def build_defs(self, context: dg.ComponentLoadContext) -> dg.Definitions:
        return dg.Definitions(resources={"ledger": Ledger(url=self.url)})
