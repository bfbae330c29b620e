"""What dagwire knows about Dagster-style code, written once for every part that reads it.

The runtime, the mypy plugin, the lint rules and `dagwire migrate` must agree on what a piece
of code means: which decorator makes which kind of definition, which class is a resource or
an IO manager, which parameter is the context, which key is bound by default, which argument
of `Definitions(...)` or of an asset loader holds what. That knowledge lives here and nowhere
else; the parts derive their own views from it.

- `names`: the names each framework exports (`from dagster import ...`) and what they are.
- `calls`: argument names and positions of the calls that define, bind and load, implicit
  resource keys and conventional parameter names.
- `qualified`: the fully qualified names of the objects the mypy plugin resolves.

The package is on the ground floor: it imports only the standard library and nothing from
the rest of dagwire, so that the lint rules (imported by flake8 on every editor save) and the
mypy plugin (imported by every mypy run) can read it for almost nothing. Plain dicts, tuples and
frozensets only: no dataclasses (they compile code at import).
"""
