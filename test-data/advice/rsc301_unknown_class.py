import dagster as dg

try:  # which class binds the key cannot be told from the source
    from vault_integration import Vault  # type: ignore[import-not-found]
except ImportError:

    class Vault(dg.ConfigurableResource):  # type: ignore[no-redef]
        token: str


@dg.asset
def secrets_report(vault: dg.ResourceParam[Vault]) -> None:
    assert vault.token == "from-env", vault.token


defs = dg.Definitions(assets=[secrets_report], resources={"vault": Vault(token="hvs-live-5")})  # advice: RSC301


def exercise() -> None:
    dg.Definitions.validate_loadable(defs)
    assert dg.materialize([secrets_report], resources={"vault": defs.resources["vault"]}).success
