import dagster as dg

from . import prices

defs = dg.Definitions.merge(
    prices.defs,
    dg.Definitions(resources={"mailer": prices.Mailer(host="smtp")}),
)
