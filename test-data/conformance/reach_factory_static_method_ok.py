# shape: reach: assets made by a factory class's static methods, every key bound; a class method making another asset is not followed (nothing reported)
import dagster as dg


class Vault(dg.ConfigurableResource):
    token: str


class ParcelAssets:
    @staticmethod
    def audit() -> dg.AssetsDefinition:
        @dg.asset
        def audit(vault: Vault) -> int:
            return 2

        return audit

    @classmethod
    def sealed(cls) -> dg.AssetsDefinition:
        @dg.asset
        def sealed() -> int:
            return 3

        return sealed


defs = dg.Definitions(
    assets=[ParcelAssets.audit(), ParcelAssets.sealed()],
    resources={"vault": Vault(token="t")},
)
