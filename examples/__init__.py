"""Example projects that run on dagwire (``make demo`` runs ``python -m examples.demo``)."""
