# shape: reach: from .assets import * together with load_assets_from_package_module
