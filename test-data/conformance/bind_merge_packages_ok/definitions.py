import dagster as dg

from . import reports

defs = dg.Definitions.merge(
    reports.reports_defs,
    dg.Definitions(resources={"mailer": reports.Mailer(host="smtp")}),
)
