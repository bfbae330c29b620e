from dagwire import Definitions, ResourceDefinition, ResourceParam, asset, define_asset_job

REGIONS = {"eu": "Frankfurt", "us": "Ohio"}


@asset
def region_names(regions: ResourceParam[dict], cache: ResourceParam[None]):
    print("cache:", "none" if cache is None else cache)
    names = sorted(regions.values())
    print("regions:", names)
    return names


defs = Definitions(
    assets=[region_names],
    jobs=[define_asset_job("all")],
    resources={
        "regions": ResourceDefinition.hardcoded_resource(REGIONS),
        "cache": ResourceDefinition.none_resource(),
    },
)
print("success:", defs.get_job_def("all").execute_in_process().success)
