import dagster as dg

from .factories import Vault, fetch_asset, store_asset

fetched = [
    north := fetch_asset("north_prices"),
    south := fetch_asset("south_prices"),
]
stored = [archive := store_asset("archived_prices")]

defs = dg.Definitions(assets=[*fetched, *stored], resources={"vault": Vault(prefix="p")})  # expect: unbound feed
