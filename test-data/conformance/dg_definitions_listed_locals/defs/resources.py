from dagster.components import definitions


@definitions
def defs():
    import dagster as dg

    return dg.Definitions(resources={"lake": dg.ResourceDefinition.none_resource()})
