from dagster_sling import SlingResource, sling_assets


@sling_assets(replication_config="replication.yaml")
def raw_tables(context, sling: SlingResource):
    yield from sling.replicate(context=context)
