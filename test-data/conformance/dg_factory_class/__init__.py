# shape: dg-layout: a defs module's @definitions function returns a static method of a factory class (imported inside the function) that builds its assets in another static method; resources bound by a module that imports dagster inside its @definitions function
# dagster-only: dg project layouts are not supported by dagwire
