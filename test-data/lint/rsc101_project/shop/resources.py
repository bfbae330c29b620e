from dagwire import ConfigurableResource, EnvVar


class Database(ConfigurableResource):
    url: str


class Blob(ConfigurableResource):
    bucket: str


RESOURCES = {"db": Database(url=EnvVar("DB_URL"))}
