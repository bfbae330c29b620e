from .items import items

__all__ = ["items"]
