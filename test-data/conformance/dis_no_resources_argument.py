# shape: disagreement: Definitions without resources= that nothing merges
import dagster as dg


class Db(dg.ConfigurableResource):
    url: str


@dg.asset
def orders(db: Db) -> int:
    return len(db.url)


defs = dg.Definitions(assets=[orders])  # expect: unbound db  # gap: mypy takes it for a part merged elsewhere  # gap: flake8 takes it for a part merged elsewhere
