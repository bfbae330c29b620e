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
    region: str = os.getenv("REGION", "eu")  # not a secret, and a default EnvVar lacks
    secret_token: str = os.environ["WAREHOUSE_SECRET_TOKEN"]  # expect@25: RSC302 os.environ[...] reads the secret 'secret_token' when the definition is imported: pass EnvVar("WAREHOUSE_SECRET_TOKEN") so the value is read at run time


class ApiConfig(Config):
    clientSecret: str = ""
    timeout: int = int(os.environ.get("TIMEOUT", "5"))


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
            region=EnvVar("REGION").get_value(),
        ),
        "client": ThirdPartyClient(token="abc"),  # expect@42: RSC301 hard-coded secret for 'token': read it from the environment at run time (EnvVar("...") if ThirdPartyClient is a ConfigurableResource, else build it in an @resource function)
        "loose": ThirdPartyClient(token=getenv("T")),
    },
)

run_config = ApiConfig(clientSecret="s3cr3t")  # expect@37: RSC301 hard-coded secret for 'clientSecret': pass EnvVar("...") so the value is read from the environment at run time


def not_a_resource(password: str) -> None:
    pass


not_a_resource(password="fine, not a resource")


from os import environ  # noqa: E402

subscript_only = Definitions(resources={"warehouse": Warehouse(user=environ["USER"], password=environ["PW"])})  # expect@95: RSC302 os.environ[...] reads the secret 'password' when the definition is imported: pass EnvVar("PW") so the value is read at run time


class Vault(ConfigurableResource):
    secret: int


# an int field reads its variable with EnvVar.int
vault = Definitions(resources={"vault": Vault(secret=getenv("VAULT_SECRET"))})  # expect@54: RSC302 os.getenv() reads the secret 'secret' when the definition is imported: pass EnvVar.int("VAULT_SECRET") so the value is read at run time


class Broker(ConfigurableResource):
    user: str
    password: str

    def setup_for_execution(self, context) -> None:
        # runs when a run builds the resource, not at import
        self._session = Broker(user="u", password=os.environ["BROKER_PASSWORD"])
