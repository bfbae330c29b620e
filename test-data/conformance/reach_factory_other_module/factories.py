import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


class Mailer(dg.ConfigurableResource):
    host: str


def table_asset(name: str) -> dg.AssetsDefinition:
    @dg.asset(name=name)
    def _table(context: dg.AssetExecutionContext, db: Db, mailer: Mailer) -> int:
        return 1

    return _table
