import dagster as dg


class Fetcher(dg.ConfigurableResource):
    base: str


SOURCES = {"billing": ["invoices"], "support": ["tickets", "replies"]}


def feeds_for(sources: dict[str, list[str]]) -> list[dg.AssetsDefinition]:
    made = []
    for schema, tables in sources.items():

        @dg.multi_asset(
            name=f"pull_{schema}",
            outs={table: dg.AssetOut(key_prefix=[schema]) for table in tables},
        )
        def _pull(fetcher: Fetcher):
            return tuple(len(fetcher.base) for _ in tables)

        made.append(_pull)
    return made


PULLED = feeds_for(SOURCES)
