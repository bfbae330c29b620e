import dagster as dg

from bind_merge_packages import ingest, reports

defs = dg.Definitions.merge(ingest.ingest_defs, reports.reports_defs)  # expect: unbound mailer
