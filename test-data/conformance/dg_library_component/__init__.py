# shape: dg-layout: a library component declared in YAML (dagster's PythonScriptComponent) binds no key, so a merged part's key stays unbound
# dagster-only: dg components are not supported by dagwire
