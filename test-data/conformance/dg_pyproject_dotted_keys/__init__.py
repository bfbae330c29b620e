# shape: dg-layout: pyproject.toml names the root module with a dotted key under [tool.dg] (project.root_module = ...), load_from_defs_folder(project_root=...)
# dagster-only: dg project layouts are not supported by dagwire
