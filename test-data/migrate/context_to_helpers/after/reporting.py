"""Helpers that receive an op's context (no framework import here)."""


def summarize(ctx, rows):
    ctx.resources.audit.note(f"summary of {len(rows)} rows")
    return len(rows)
