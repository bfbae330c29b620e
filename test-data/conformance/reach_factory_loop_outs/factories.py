import dagster as dg


class Fetcher(dg.ConfigurableResource):
    base: str


class Notifier(dg.ConfigurableResource):
    channel: str


FEEDS = {"shop": ["orders", "refunds"], "crm": ["people"]}


def staged_feeds(feeds: dict[str, list[str]]) -> list[dg.AssetsDefinition]:
    built = []
    for schema, tables in feeds.items():

        @dg.multi_asset(
            name=f"stage_{schema}",
            outs={table: dg.AssetOut(key_prefix=[schema]) for table in tables},
        )
        def _stage(fetcher: Fetcher):
            return tuple(len(fetcher.base) for _ in tables)

        built.append(_stage)
    return built


STAGED = staged_feeds(FEEDS)
