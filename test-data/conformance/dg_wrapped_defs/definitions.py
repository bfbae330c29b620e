import dagster as dg

from dg_wrapped_defs.lib.links import link_to_repository


@dg.definitions
def defs() -> dg.Definitions:
    import dg_wrapped_defs.defs

    loaded = dg.load_defs(dg_wrapped_defs.defs)
    loaded = loaded.map_asset_specs(func=lambda spec: spec.replace_attributes(owners=["team:billing"]))
    return dg.Definitions.merge(  # expect: unbound mailer
        link_to_repository(loaded),
        dg.Definitions(sensors=[]),
    )
