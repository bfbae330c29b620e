from .daily import *  # noqa: F403
