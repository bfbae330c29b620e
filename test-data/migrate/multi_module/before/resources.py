from dagwire import Field, StringSource, resource


class Warehouse:
    def __init__(self, url: str, schema: str):
        self.url = url
        self.schema = schema

    def table(self, name: str) -> str:
        return f"{self.url}/{self.schema}.{name}"


@resource(config_schema={"url": StringSource, "schema": Field(str, default_value="public")})
def warehouse(context):
    return Warehouse(context.resource_config["url"], context.resource_config["schema"])
