from dagwire import resource, Field, StringSource


class Warehouse:
    def __init__(self, url, schema_name):
        self._url = url
        self._schema_name = schema_name

    def table(self, name):
        return f"{self._url}/{self._schema_name}.{name}"


@resource(
    config_schema={
        "url": StringSource,
        "schema_name": Field(str, default_value="public", description="Schema"),
    },
    description="The warehouse",
)
def warehouse_resource(init_context):
    return Warehouse(
        url=init_context.resource_config["url"],
        schema_name=init_context.resource_config["schema_name"],
    )
