import dagster as dg

from .dbt.definitions import dbt_defs
from .ml import definitions as ml
from .ml.definitions import scores, train
from .resources import resource_defs


def build_ml_without_loader() -> dg.Definitions:
    # merged below, so only checked as a part of that merge
    return dg.Definitions(assets=[train, scores], resources={"model_io": dg.FilesystemIOManager()})


defs = dg.Definitions.merge(resource_defs, dbt_defs, ml.defs)

broken = dg.Definitions.merge(  # expect@10: RSC101 resource key 'model_loader' is required by asset 'scores' but not bound in Definitions.merge; bound keys: 'model_io', 'parquet_io', 'warehouse'
    resource_defs,
    build_ml_without_loader(),
)

unbound = dg.Definitions(  # expect@11: RSC101 resource key 'model_io' is required by asset 'train' but not bound in Definitions; bound keys: 'io_manager' # expect@11: RSC101 resource key 'warehouse' is required by asset 'train' but not bound in Definitions; bound keys: 'io_manager'
    assets=[train],
    resources={"io_manager": dg.FilesystemIOManager()},
)
