# RSC103: config keys that do not exist in the schema or the Config class.
from dagwire import Config, PermissiveConfig, asset, op


class Base(Config):
    region: str = "eu"


class LoadConfig(Base):
    table: str
    limit: int = 10

    @property
    def qualified(self) -> str:
        return f"{self.region}.{self.table}"


@op
def load(config: LoadConfig) -> None:
    print(config.table, config.limit, config.region, config.qualified)
    print(config.tabel)  # expect@11: RSC103 config class 'LoadConfig' has no field 'tabel' (read by op 'load')
    print(config.model_dump())


@op(config_schema={"path": str, "retries": int})  # expect@5: RSC202 config_schema= is the legacy config API: declare a Config class and a 'config' parameter (dagwire migrate rewrites the cases it can prove safe)
def fetch(context) -> None:
    context.op_config["path"]  # expect@5: RSC202 context.op_config is the legacy config API: read fields of a 'config' parameter annotated with a Config class (dagwire migrate rewrites the cases it can prove safe)
    context.op_config.get("retries")  # expect@5: RSC202 context.op_config is the legacy config API: read fields of a 'config' parameter annotated with a Config class (dagwire migrate rewrites the cases it can prove safe)
    context.op_config.get("retry")  # expect@5: RSC103 config key 'retry' is not in the config_schema of op 'fetch' # expect@5: RSC202 context.op_config is the legacy config API: read fields of a 'config' parameter annotated with a Config class (dagwire migrate rewrites the cases it can prove safe)


class Loose(PermissiveConfig):
    known: str


@asset
def loose(config: Loose) -> None:
    print(config.anything_goes)


# A user's own class named Config is not the framework's: silent.
class Settings:
    class Config:
        extra = "allow"


@asset
def uses_settings(config: Settings) -> None:
    print(config.whatever)
