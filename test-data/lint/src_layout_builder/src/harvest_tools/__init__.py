from harvest_tools.registry import harvest

__all__ = ["harvest"]
