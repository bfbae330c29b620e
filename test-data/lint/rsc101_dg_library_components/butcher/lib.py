from dagster_dbt import DbtProjectComponent


class MeatDbt(DbtProjectComponent):
    """Inherits its build: binds no key."""

    def describe(self) -> str:
        return "meat"
