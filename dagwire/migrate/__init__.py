"""dagwire.migrate."""
