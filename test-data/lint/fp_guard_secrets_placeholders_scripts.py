# Secrets: EnvVar, os.environ, os.getenv and placeholders are not hard-coded secrets; a
# notebook-like script that materializes right away reads the environment at run time.
import os

import dagster as dg
from dagster import EnvVar, build_op_context, materialize


class Warehouse(dg.ConfigurableResource):
    user: str
    password: str
    api_token: str = ""
    password_secret_name: str = "prod/warehouse"
    token_url: str = "https://auth.example.com/token"


@dg.asset
def orders(warehouse: Warehouse) -> int:
    return 1


from_env_var = Warehouse(user="etl", password=EnvVar("WH_PASSWORD"))
templated = Warehouse(user="etl", password="${WH_PASSWORD}", api_token="<your token>")
masked = Warehouse(user="etl", password="****", api_token="{{ secrets.api_token }}")
literal = Warehouse(user="etl", password="hunter2")  # expect@42: RSC301 hard-coded secret for 'password': pass EnvVar("...") so the value is read from the environment at run time

# %% run it now (the script is the run)
result = materialize(
    [orders],
    resources={"warehouse": Warehouse(user="etl", password=os.environ["WH_PASSWORD"])},
)
context = build_op_context(
    resources={"warehouse": Warehouse(user="etl", password=os.getenv("WH_PASSWORD", ""))}
)
job_result = dg.define_asset_job("all").resolve(asset_graph=None).execute_in_process(
    resources={"warehouse": Warehouse(user="etl", password=os.getenv("WH_PASSWORD", ""))}
)

# at import, for the definitions: read when the module is loaded
defs = dg.Definitions(
    assets=[orders],
    resources={"warehouse": Warehouse(user="etl", password=os.environ["WH_PASSWORD"])},  # expect@60: RSC302 os.environ[...] reads the secret 'password' when the definition is imported: pass EnvVar("WH_PASSWORD") so the value is read at run time
)
