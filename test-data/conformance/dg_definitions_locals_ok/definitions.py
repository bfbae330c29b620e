import dagster as dg

from dg_definitions_locals_ok.tags import tagged


@dg.definitions
def defs() -> dg.Definitions:
    import dg_definitions_locals_ok.defs

    found = dg.load_defs(dg_definitions_locals_ok.defs)
    found = found.map_asset_specs(func=lambda spec: spec.replace_attributes(group_name="shipping"))
    return dg.Definitions.merge(tagged(found), dg.Definitions(schedules=[]))
