import dagster as dg


class Feed(dg.ConfigurableResource):
    url: str


@dg.asset
def stories(feed: Feed) -> int:
    return 1
