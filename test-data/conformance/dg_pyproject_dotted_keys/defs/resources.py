import dagster as dg

from dg_pyproject_dotted_keys.defs.balances import Mailer


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"mailer": Mailer(host="smtp.example")})
