import dagster as dg

from dg_nested_folders_ok.defs.shared import Api


@dg.asset
def prices(api: Api) -> int:
    return len(api.url)
