"""The one checker API type the hooks receive (mypy's TypeChecker), named for annotations."""

from __future__ import annotations

from mypy.checker import TypeChecker as CheckerApi

__all__ = ["CheckerApi"]
