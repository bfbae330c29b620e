"""Ops with several outputs (Out), inputs with defaults (In), generator ops yielding Output,
an optional output that is not produced (its consumer is skipped), graphs with inputs and
outputs, nested in a job, aliases, run config for ops inside graphs, output_for_node on graph
nodes and on ``graph.op`` handles, and the order steps run in."""

from dagwire import (Config, GraphOut, In, OpExecutionContext, Out, Output, RunConfig, graph,
                     job, op)


class FetchConfig(Config):
    n: int = 3


@op(out={"evens": Out(), "odds": Out()})
def split(config: FetchConfig):
    print("split", config.n)
    nums = list(range(config.n))
    return [x for x in nums if x % 2 == 0], [x for x in nums if x % 2]


@op(ins={"xs": In()})
def total(context: OpExecutionContext, xs: list) -> int:
    context.log.info(f"summing {len(xs)}")
    print("total", xs)
    return sum(xs)


@op(out=Out(int))
def add(a: int, b: int):
    print("add", a, b)
    return a + b


@graph
def summarize():
    evens, odds = split()
    return add(total(evens), total.alias("total_odds")(odds))


@job
def nested():
    result = summarize()
    add.alias("final")(result, result)


res = nested.execute_in_process(
    run_config=RunConfig(ops={"summarize": {"ops": {"split": FetchConfig(n=5)}}})
)
print(res.success)
print(res.output_for_node("summarize"))
print(res.output_for_node("summarize.split", "evens"))
print(res.output_for_node("summarize.total_odds"))
print(res.output_for_node("final"))
res = nested.execute_in_process(
    run_config={"ops": {"summarize": {"ops": {"split": {"config": {"n": 2}}}}}}
)
print(res.output_for_node("final"))


@op(out={"a": Out(), "b": Out(is_required=False)})
def emit(context):
    yield Output(1, "a")
    context.log.info("no b this time")


@op
def show(x):
    print("show", x)


@op
def never(x):
    print("never", x)


@op(ins={"n": In(default_value=5)})
def with_default(n):
    print("default", n)
    return n


@graph(out={"first": GraphOut(), "second": GraphOut()})
def two_outs(x):
    return {"first": add(x, x), "second": total.alias("t2")(split().evens)}


@op
def zeta():
    print("zeta")
    return 1


@op
def alpha():
    print("alpha")
    return 2


@job
def wide():
    a, b = emit()
    show(a)
    never(b)
    with_default()
    first, second = two_outs(with_default.alias("wd2")())
    show.alias("show_first")(first)
    show.alias("show_second")(second)
    add.alias("late")(zeta(), alpha())


res = wide.execute_in_process()
print(res.success, res.output_for_node("emit", "a"), res.output_for_node("two_outs", "first"))
print(res.output_for_node("two_outs", "second"), res.output_for_node("two_outs.t2"))
print(res.output_for_node("late"))

# direct calls: several outputs come back as a tuple; In(default_value=) fills a missing input
print(split(config=FetchConfig(n=4)), with_default(), with_default(2))
