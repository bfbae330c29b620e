from .raw import *  # noqa: F401,F403
