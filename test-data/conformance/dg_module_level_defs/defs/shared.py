import dagster as dg

from dg_module_level_defs.defs.reports.assets import Mailer

defs = dg.Definitions(resources={"mail": Mailer(host="smtp")})
