"""dagwire.lint_rules."""
