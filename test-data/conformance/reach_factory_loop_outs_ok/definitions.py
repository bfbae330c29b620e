import dagster as dg

from .factories import PULLED, Fetcher

defs = dg.Definitions(assets=PULLED, resources={"fetcher": Fetcher(base="https://feeds.example")})
