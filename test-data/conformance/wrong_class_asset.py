# shape: wrong-class: asset parameter bound with another resource class
import dagster as dg


class Postgres(dg.ConfigurableResource):
    dsn: str


class Snowflake(dg.ConfigurableResource):
    account: str


@dg.asset
def orders(db: Postgres) -> int:
    return 1


defs = dg.Definitions(assets=[orders], resources={"db": Snowflake(account="acme")})  # expect: wrong-class db  # gap: flake8 no RSC rule compares a resource's class with the annotation
