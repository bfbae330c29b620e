"""What the plugin reports: one module per kind of finding, each reading recorded facts and
resolved sources. The hooks that run them are wired in `hooks.py`."""
