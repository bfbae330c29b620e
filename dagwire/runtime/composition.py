"""Job and graph composition: while a ``@job`` or ``@graph`` body runs, op and graph calls
record nodes instead of running.

A call returns what stands for its output(s): a ``NodeOutput``, or for several outputs an
``OutputTuple`` (unpack it, or read ``.name``). Inside a graph body the graph's own inputs are
``GraphInput`` placeholders. A graph called in another body is inlined: its nodes are copied
under ``<graph node>.`` (Dagster's node handles, ``summarize.split``), its inputs wired to the
caller's values; ``graph_outputs`` remembers what each graph node's outputs are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, Union

from dagwire.runtime.config_mapping import ConfigMapping
from dagwire.runtime.errors import DagwireInvalidDefinitionError
from dagwire.runtime.ins_outs import Out
from dagwire.runtime.parameters import ConfigSource, Parameters, ResourceRequirement


class ComposedOp(Protocol):
    """What a body records of an op (an ``OpDefinition``, defined on top of this module) and
    what the jobs made of it read."""

    name: str
    fn: Callable[..., Any]
    description: str | None
    parameters: Parameters
    outs: dict[str, Out]
    resource_defs: dict[str, Any]

    @property
    def optional_inputs(self) -> frozenset[str]: ...

    @property
    def resource_requirements(self) -> tuple[ResourceRequirement, ...]: ...

    @property
    def config_source(self) -> ConfigSource | None: ...

    @property
    def io_manager_keys(self) -> list[str]: ...


@dataclass(frozen=True)
class NodeOutput:
    """The output of an op call inside a body (what the call returns there)."""

    node: str
    output: str = "result"


@dataclass(frozen=True)
class GraphInput:
    """An input of the graph whose body is being composed."""

    name: str


Source = Union[NodeOutput, GraphInput]


class OutputTuple(tuple):  # type: ignore[type-arg]
    """The outputs of a call with several outputs: unpack it, or read them by name."""

    _names: tuple[str, ...]

    def __new__(cls, names: Sequence[str], values: Sequence[Source]) -> OutputTuple:
        instance = super().__new__(cls, values)
        instance._names = tuple(names)
        return instance

    def __getattr__(self, name: str) -> Source:
        try:
            value: Source = self[self._names.index(name)]
        except ValueError:
            raise AttributeError(f"no output named '{name}'; outputs: {', '.join(self._names)}") from None
        return value


@dataclass
class Node:
    """One op invocation in a job: its unique name (dotted inside graphs), the op, and where
    its inputs come from."""

    name: str
    op: ComposedOp
    inputs: dict[str, Source] = field(default_factory=dict)


@dataclass
class Composed:
    """What a body recorded."""

    nodes: dict[str, Node] = field(default_factory=dict)
    # graph node handle -> output name -> source ("summarize" -> {"result": ...})
    graph_outputs: dict[str, dict[str, Source]] = field(default_factory=dict)
    # what the body returned, by output name (graphs)
    outputs: dict[str, Source] = field(default_factory=dict)
    # graph node handle -> the graph's config mapping (@graph(config=...))
    graph_configs: dict[str, ConfigMapping] = field(default_factory=dict)


class Composition:
    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.composed = Composed()
        self._names: set[str] = set()

    def _unique(self, base: str) -> str:
        name, counter = base, 1
        while name in self._names:
            counter += 1
            name = f"{base}_{counter}"
        self._names.add(name)
        return name

    def _bind(
        self,
        what: str,
        params: Sequence[str],
        optional: frozenset[str],
        args: tuple[Any, ...],
        kwargs: Mapping[str, Any],
    ) -> dict[str, Source]:
        inputs: dict[str, Any] = {}
        problems: list[str] = []
        if len(args) > len(params):
            problems.append(f"{what} takes {len(params)} inputs, {len(args)} given")
        for param, value in zip(params, args):
            inputs[param] = value
        for param, value in kwargs.items():
            if param not in params:
                problems.append(f"{what} has no input '{param}'")
            inputs[param] = value
        for param, value in inputs.items():
            if isinstance(value, OutputTuple):
                problems.append(
                    f"{what} input '{param}' got all the outputs of a call "
                    f"({', '.join(value._names)}): pass one of them"
                )
            elif not isinstance(value, (NodeOutput, GraphInput)):
                problems.append(
                    f"{what} input '{param}' must be the output of another op call, "
                    f"got {type(value).__name__}"
                )
        for param in params:
            if param not in inputs and param not in optional:
                problems.append(f"{what} input '{param}' is not connected")
        if problems:
            raise DagwireInvalidDefinitionError(f"Invalid definition of {self.owner}:", problems)
        return inputs

    def add_op_call(
        self, op: ComposedOp, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> Source | OutputTuple:
        inputs = self._bind(
            f"op '{op.name}'", op.parameters.inputs, op.optional_inputs, args, kwargs
        )
        name = self._unique(op.name)
        self.composed.nodes[name] = Node(name, op, inputs)
        return _result([NodeOutput(name, out) for out in op.outs], list(op.outs))

    def add_graph_call(
        self, graph: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> Source | OutputTuple | None:
        inner: Composed = graph.composed
        bound = self._bind(
            f"graph '{graph.name}'", graph.input_names, frozenset(), args, kwargs
        )
        name = self._unique(graph.name)
        prefix = f"{name}."

        def relocate(source: Source) -> Source:
            if isinstance(source, GraphInput):
                return bound[source.name]
            return NodeOutput(prefix + source.node, source.output)

        for node in inner.nodes.values():
            self.composed.nodes[prefix + node.name] = Node(
                prefix + node.name,
                node.op,
                {param: relocate(source) for param, source in node.inputs.items()},
            )
        if getattr(graph, "config_mapping", None) is not None:
            self.composed.graph_configs[name] = graph.config_mapping
        for handle, mapping in inner.graph_configs.items():
            self.composed.graph_configs[prefix + handle] = mapping
        for handle, outputs in inner.graph_outputs.items():
            self.composed.graph_outputs[prefix + handle] = {
                out: relocate(source) for out, source in outputs.items()
            }
        outputs = {out: relocate(source) for out, source in inner.outputs.items()}
        self.composed.graph_outputs[name] = outputs
        if not outputs:
            return None
        return _result(list(outputs.values()), list(outputs))


def _result(values: list[Source], names: list[str]) -> Source | OutputTuple:
    if len(values) == 1 and names == ["result"]:
        return values[0]
    return OutputTuple(names, values)


_STACK: list[Composition] = []


def current() -> Composition | None:
    return _STACK[-1] if _STACK else None


def compose(
    owner: str,
    body: Any,
    input_names: Sequence[str] = (),
    output_names: Sequence[str] | None = None,
) -> Composed:
    """Run ``body`` (with GraphInput placeholders for ``input_names``) and record its calls.
    ``output_names`` are a graph's declared outs (``None``: a single ``result`` if the body
    returns one)."""
    composition = Composition(owner)
    _STACK.append(composition)
    try:
        returned = body(*(GraphInput(name) for name in input_names))
    finally:
        _STACK.pop()
    composition.composed.outputs = _body_outputs(owner, returned, output_names)
    return composition.composed


def _body_outputs(owner: str, returned: Any, names: Sequence[str] | None) -> dict[str, Source]:
    if returned is None:
        return {}
    if isinstance(returned, Mapping):
        items = dict(returned)
    elif isinstance(returned, (NodeOutput, GraphInput)):
        items = {(names[0] if names else "result"): returned}
    elif isinstance(returned, tuple):
        if isinstance(returned, OutputTuple) and names is None:
            names = returned._names
        if names is None or len(names) != len(returned):
            raise DagwireInvalidDefinitionError(
                f"Invalid definition of {owner}:",
                [f"the body returns {len(returned)} values: declare them with out={{...}}"],
            )
        items = dict(zip(names, returned))
    else:
        raise DagwireInvalidDefinitionError(
            f"Invalid definition of {owner}:",
            [f"the body must return op outputs, got {type(returned).__name__}"],
        )
    problems = [
        f"output '{name}' must be the output of an op call, got {type(value).__name__}"
        for name, value in items.items()
        if not isinstance(value, (NodeOutput, GraphInput))
    ]
    if names is not None:
        problems += [f"out '{name}' is not returned by the body" for name in names if name not in items]
    if problems:
        raise DagwireInvalidDefinitionError(f"Invalid definition of {owner}:", problems)
    return items


def top_level_outputs(composed: Composed) -> dict[str, dict[str, NodeOutput]]:
    """A job's graph outputs: in a job body there are no graph inputs left."""
    return {
        handle: {out: source for out, source in outputs.items() if isinstance(source, NodeOutput)}
        for handle, outputs in composed.graph_outputs.items()
    }
