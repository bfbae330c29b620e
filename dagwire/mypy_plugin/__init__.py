"""dagwire.mypy_plugin."""
