"""A pipeline written against the legacy config/resource API, the input of ``dagwire migrate``.

``make demo`` prints what ``dagwire migrate --diff examples/legacy_pipeline`` would change;
``tests/migrate/test_legacy_example.py`` migrates a copy and runs both versions.
"""
