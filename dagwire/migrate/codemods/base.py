"""What every codemod is: a code, a name, and libcst-style hooks the driver calls.

A codemod may define ``plan_function`` (called for each top-level op/asset before the
traversal, to fill the shared ``FunctionPlan``) and any ``leave_<Node>(original, updated)``
hooks; the driver calls the hooks of every selected codemod in one traversal per file.
"""

from __future__ import annotations

from typing import ClassVar

import libcst as cst

from dagwire.migrate.context import FileContext, FunctionPlan


class Codemod:
    code: ClassVar[str]
    name: ClassVar[str]

    def __init__(self, context: FileContext) -> None:
        self.context = context

    def plan_function(self, plan: FunctionPlan, decorator: cst.Call | None) -> None:
        """Contribute to the rewrite of one op or asset (``decorator`` is its ``@op(...)``)."""
