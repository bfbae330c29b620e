# shape: binding-site: load_definitions_from_modules([...], resources=...) missing a key
# dagster-only: dagwire has no load_definitions_from_modules
