from configs import Bucket, ExportConfig
from dagster import Definitions, asset


@asset
def export(config: ExportConfig, bucket: Bucket) -> None:
    print(config.run_date, config.bucket, config.buckt)  # expect@43: RSC103 config class 'ExportConfig' has no field 'buckt' (read by asset 'export')


@asset
def audit(settings: ExportConfig) -> None:  # expect@11: RSC104 parameter 'settings' of asset 'audit' is annotated with Config class 'ExportConfig': only the parameter named 'config' receives config
    pass


defs = Definitions(  # expect@8: RSC101 resource key 'bucket' is required by asset 'export' but not bound in Definitions; bound keys: 'storage'
    assets=[export],
    resources={"storage": Bucket(name="b", secret_key="AKIA-literal")},  # expect@55: RSC301 hard-coded secret for 'secret_key': pass EnvVar("...") so the value is read from the environment at run time
)
