# RSC301 hard-coded secrets, RSC302 environment read when the definition is imported.
import os
from os import getenv

from dagwire import Config, ConfigurableResource, Definitions, EnvVar, asset


class Warehouse(ConfigurableResource):
    user: str
    password: str
    api_key: str = "sk-live-123"  # expect@20: RSC301 hard-coded secret for 'api_key': pass EnvVar("...") so the value is read from the environment at run time
    password_env_var: str = "WAREHOUSE_PASSWORD"
    token_url: str = "https://auth.example.com/token"
    region: str = os.getenv("REGION", "eu")  # expect@19: RSC302 os.getenv() reads the environment when the definition is imported: pass EnvVar("REGION") so the value is read at run time


class ApiConfig(Config):
    clientSecret: str = ""
    timeout: int = int(os.environ.get("TIMEOUT", "5"))  # expect@24: RSC302 os.environ.get() reads the environment when the definition is imported: pass EnvVar("TIMEOUT") so the value is read at run time


@asset
def tables(warehouse: Warehouse) -> None:
    # run time: reading the environment here is fine
    print(os.getenv("DEBUG"), Warehouse(user="u", password=os.environ["PW"], api_key="k"))  # expect@86: RSC301 hard-coded secret for 'api_key': pass EnvVar("...") so the value is read from the environment at run time


class ThirdPartyClient:
    def __init__(self, token: str) -> None:
        self.token = token


defs = Definitions(
    assets=[tables],
    resources={
        "warehouse": Warehouse(
            user="etl",
            password="hunter2",  # expect@22: RSC301 hard-coded secret for 'password': pass EnvVar("...") so the value is read from the environment at run time
            api_key=EnvVar("WAREHOUSE_API_KEY"),
            region=EnvVar("REGION").get_value(),  # expect@20: RSC302 EnvVar(...).get_value() reads the environment when the definition is imported: pass EnvVar("REGION") so the value is read at run time
        ),
        "client": ThirdPartyClient(token="abc"),  # expect@42: RSC301 hard-coded secret for 'token': pass EnvVar("...") so the value is read from the environment at run time
        "loose": ThirdPartyClient(token=getenv("T")),  # expect@41: RSC302 os.getenv() reads the environment when the definition is imported: pass EnvVar("T") so the value is read at run time
    },
)

run_config = ApiConfig(clientSecret="s3cr3t")  # expect@37: RSC301 hard-coded secret for 'clientSecret': pass EnvVar("...") so the value is read from the environment at run time


def not_a_resource(password: str) -> None:
    pass


not_a_resource(password="fine, not a resource")


from os import environ  # noqa: E402

subscript_only = Definitions(resources={"warehouse": Warehouse(user=environ["USER"], password=EnvVar("PW"))})  # expect@69: RSC302 os.environ[...] reads the environment when the definition is imported: pass EnvVar("USER") so the value is read at run time
