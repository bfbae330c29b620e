from dagster.components import definitions


@definitions
def resources():
    import dagster as dg

    return dg.Definitions(resources={"ledger": dg.ResourceDefinition.none_resource()})
