# RSC104: a Config class on a non-config parameter, or a resource on the `config` parameter.
from dagster import Config, ConfigurableResource, ResourceParam, asset, op


class JobConfig(Config):
    day: str


class Store(ConfigurableResource):
    root: str


@asset
def daily(settings: JobConfig) -> None:  # expect@11: RSC104 parameter 'settings' of asset 'daily' is annotated with Config class 'JobConfig': only the parameter named 'config' receives config
    pass


@op
def write(config: Store) -> None:  # expect@11: RSC104 parameter 'config' of op 'write' is annotated with a resource type: 'config' is reserved for config: name a resource parameter after its resource key
    pass


@op
def raw(config: ResourceParam[dict]) -> None:  # expect@9: RSC104 parameter 'config' of op 'raw' is annotated with a resource type: 'config' is reserved for config: name a resource parameter after its resource key
    pass


@op
def fine(config: JobConfig, store: Store) -> None:
    pass


# A parameter named config that is really the context (no annotation): silent.
@op
def old_style(config) -> None:
    config.log.info("hi")
