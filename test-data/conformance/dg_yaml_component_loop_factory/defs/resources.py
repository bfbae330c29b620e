import dagster as dg

from dg_yaml_component_loop_factory.lib.builders import Auditor


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"auditor": Auditor(team="data")})
