import dagster as dg


class Feed(dg.ConfigurableResource):
    endpoint: str


class Vault(dg.ConfigurableResource):
    prefix: str


def fetch_asset(asset_name: str) -> dg.AssetsDefinition:
    @dg.asset(name=asset_name)
    def _fetch(feed: Feed) -> int:
        return 1

    return _fetch


def store_asset(asset_name: str) -> dg.AssetsDefinition:
    @dg.asset(name=asset_name)
    def _store(vault: Vault) -> int:
        return 2

    return _store
