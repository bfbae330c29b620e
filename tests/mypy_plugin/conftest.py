from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "mypy_smoke: the subset also run on the oldest supported mypy (make test)"
    )
