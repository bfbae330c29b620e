# Early exit: no dagster/dagwire import, so nothing is checked even if the code looks familiar.
def asset(fn):
    return fn


@asset
def orders(context):
    context.resources.db
    return {"password": "x", "nested": {"env": "X"}}
