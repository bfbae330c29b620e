from dagwire import job, op

from shop.resources import Database


@op(required_resource_keys={"mailer"})
def notify(context) -> None:
    context.resources.mailer.send("done")  # expect@5: RSC201 context.resources.mailer is the legacy resource API: request 'mailer' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


@op
def vacuum(db: Database) -> None:
    pass


@job
def maintenance():
    vacuum()
    notify()
