# Not a package (no __init__.py): Dagster's walk does not import it, neither do the rules.
import dagster as dg


class Ghost(dg.ConfigurableResource):
    url: str


@dg.asset
def ghost(ghost_client: Ghost) -> None:
    pass
