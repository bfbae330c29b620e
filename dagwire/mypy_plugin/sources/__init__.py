"""What the plugin resolves: code followed back to definitions, resource dicts and parts.

A binding site names what it binds and lists through names, module-level variables of other
modules, loaders, merges and builder functions. These modules follow such expressions (never
importing user code) and say when they cannot: the checks then stay silent where they would
have to guess.
"""
