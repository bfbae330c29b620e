# Config and resource classes used from another module (script-style project: no __init__.py).
from dagster import Config, ConfigurableResource


class BaseConfig(Config):
    run_date: str


class ExportConfig(BaseConfig):
    bucket: str


class Bucket(ConfigurableResource):
    name: str
    secret_key: str = ""
