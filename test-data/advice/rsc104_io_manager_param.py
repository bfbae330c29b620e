import dagster as dg


class Ledger(dg.ConfigurableIOManager):
    folder: str

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        pass

    def load_input(self, context: dg.InputContext) -> object:
        return None


@dg.asset
def balances(ledger: Ledger) -> str:  # advice: RSC104
    return ledger.folder


def exercise() -> None:
    result = dg.materialize([balances], resources={"ledger": Ledger(folder="books")})
    assert result.output_for_node("balances") == "books"
