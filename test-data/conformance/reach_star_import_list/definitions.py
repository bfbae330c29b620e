import dagster as dg

from .raw import *  # noqa: F401,F403

defs = dg.Definitions(assets=[stories], resources={})  # expect: unbound feed
