"""The resource catalog: one model of a project's resources and their users, built from a
loaded Definitions (``dagwire.runtime.catalog``) or from source alone
(``dagwire.catalog.static``), shown as text, JSON or a self-contained HTML page.

The model, the masking of secrets and the renderers import only the standard library."""
