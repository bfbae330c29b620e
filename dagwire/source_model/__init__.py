"""One model of a project's source, read with the stdlib `ast`, never imported.

The lint rules (on every file flake8 checks) and `dagwire migrate`'s first phase (over a
whole project) both read source they must not run; they share this model of it instead of
each resolving names its own way:

- `imports`: module-level bindings, which local name is which framework name, local module
  or definition, and a module's own constants;
- `names`: the same bindings as qualified names (`pkg.resources.Db`), for facts keyed
  project-wide (migrate);
- `module`: one pass over a module: its decorated definitions, classes, calls and dicts;
- `walk`: which files make up a project, as Python and Dagster find modules;
- `project`: the module index: where an import leads, the modules parsed there, the
  project around a file, cached by path and modification time;
- `resolve`: answers across modules: what a name is, what a constant holds, which kind of
  class a name is, which definitions a binding site lists.

What framework names mean comes from `dagwire.vocabulary`. Like it, this package imports only
the standard library (the lint rules' import budget), and nothing of dagwire above it.
"""
