# shape: dg-layout: module-level Definitions objects in defs/ modules, code location a module-level load_from_defs_folder
# dagster-only: dg project layouts are not supported by dagwire
