from collections.abc import Sequence

import dagster as dg

from dg_yaml_component_loop_factory.lib.builders import audit_asset, replica_assets


class ReplicaComponent(dg.Component, dg.Resolvable, dg.Model):
    regions: Sequence[str]

    def build_defs(self, context: dg.ComponentLoadContext) -> dg.Definitions:
        assets: list = [audit_asset()]
        for region in self.regions:
            made, specs = replica_assets(region)
            assets.append(made)
            assets.extend(specs)
        return dg.Definitions(assets=assets)
