"""What the plugin records: what each definition requires, carried in its type.

mypy runs no hook for a module loaded from its cache and gives each `-n N` worker its own
plugin object, so facts live in types (`carrier.py`), recorded when a decorator, `to_job` or
`define_asset_job` is applied, and read back wherever the definition is used.
"""
