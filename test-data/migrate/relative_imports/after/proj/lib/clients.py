from dagwire import Field, ConfigurableResource


class Warehouse(ConfigurableResource):
    """The warehouse"""
    url: str
    schema_name: str = Field(default="public", description="Schema")

    def table(self, name):
        return f"{self.url}/{self.schema_name}.{name}"
