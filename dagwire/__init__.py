"""dagwire: Pythonic config and resources for data pipelines, checked before they run."""

__version__ = "0.1.0"
