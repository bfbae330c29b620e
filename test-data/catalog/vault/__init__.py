"""A small project whose resources hold a marker secret in every position a value can take."""
