# A connection dict shared by several resources and splatted into their constructors.
import os

from dagster import ConfigurableIOManager, ConfigurableResource, Definitions, EnvVar


class SnowflakeIOManager(ConfigurableIOManager):
    account: str
    user: str
    password: str
    database: str

    def handle_output(self, context, obj) -> None:
        pass

    def load_input(self, context):
        return None


class Mailer(ConfigurableResource):
    host: str
    smtp_password: str


SHARED_SNOWFLAKE_CONF = {
    "account": os.getenv("SNOWFLAKE_ACCOUNT", ""),  # not a secret
    "user": "etl",
    "password": os.environ["SNOWFLAKE_PASSWORD"],  # expect@17: RSC302 os.environ[...] reads the secret 'password' when the definition is imported: pass EnvVar("SNOWFLAKE_PASSWORD") so the value is read at run time
}

MAIL_CONF = {"host": "smtp.example.com", "smtp_password": "s3cr3t!"}  # expect@59: RSC301 hard-coded secret for 'smtp_password': pass EnvVar("...") so the value is read from the environment at run time

SAFE_CONF = {"host": "smtp.example.com", "smtp_password": EnvVar("SMTP_PASSWORD")}

# a dict that is never splatted into a resource is not configuration
NOT_CONFIG = {"password": os.getenv("UNRELATED", ""), "token": "abc"}

defs = Definitions(
    resources={
        "io_manager": SnowflakeIOManager(database="PROD", **SHARED_SNOWFLAKE_CONF),
        "staging_io": SnowflakeIOManager(database="STAGING", **SHARED_SNOWFLAKE_CONF),
        "mailer": Mailer(**MAIL_CONF),
        "safe_mailer": Mailer(**SAFE_CONF),
    },
)
print(dict(**NOT_CONFIG))
