# shape: reach: assets made by static methods of a factory class (one also cached), called on the class with an argument
from functools import cache

import dagster as dg


class Vault(dg.ConfigurableResource):
    token: str


class Courier(dg.ConfigurableResource):
    endpoint: str


class ParcelAssets:
    @staticmethod
    def tracking(carrier: str) -> dg.AssetsDefinition:
        @dg.asset(name=f"tracking_{carrier}")
        def tracking(courier: Courier) -> int:
            return 1

        return tracking

    @cache
    @staticmethod
    def audit() -> dg.AssetsDefinition:
        @dg.asset
        def audit(vault: Vault) -> int:
            return 2

        return audit


defs = dg.Definitions(  # expect: unbound vault
    assets=[ParcelAssets.tracking("dhl"), ParcelAssets.audit()],
    resources={"courier": Courier(endpoint="https://parcels")},
)
