"""A pipeline with the mistakes the RSC lint rules find (`python -m examples.demo_lint`).

Excluded from `flake8 examples` through per-file-ignores in setup.cfg; every file is named
for what it shows, and each finding is listed in README.md.
"""
