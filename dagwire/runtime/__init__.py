"""dagwire.runtime."""
