"""dagwire.migrate: libcst codemods from the legacy API to the Pythonic one (``dagwire migrate``).

Two phases: ``collect`` reads every framework file with the stdlib ``ast`` (fast) and gathers
project-wide facts (resource classes, legacy ``@resource`` functions, which key is bound to
what); ``transform`` then rewrites file by file with libcst, one traversal per file applying
every selected codemod. Importing this package does not import libcst: only ``transform`` and
the codemods do, so ``import dagwire`` and the checkers never pay for it.
"""
