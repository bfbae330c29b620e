"""The legacy config and resource API: ``config_schema``, ``@resource``, resource keys.

It exists so that code written before Pythonic config runs unchanged, and so that every
migration can be proven by running a program before and after it.
"""
