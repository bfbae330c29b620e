# Methods every Config instance has are not unknown fields.
import dagster as dg


class Limits(dg.Config):
    limit: int = 10


@dg.asset
def limited(config: Limits) -> dict:
    schema = config.to_config_schema()
    return {"fields": config.to_fields_dict(), "schema": schema, "limit": config.limit}


@dg.asset
def typo(config: Limits) -> int:
    return config.limt  # expect@12: RSC103 config class 'Limits' has no field 'limt' (read by asset 'typo')
