"""Job composition: while a ``@job`` body runs, op calls record nodes instead of running."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dagwire.runtime.errors import DagwireInvalidDefinitionError

if TYPE_CHECKING:
    from dagwire.runtime.op import OpDefinition


@dataclass(frozen=True)
class NodeOutput:
    """The output of an op call inside a job body (what the call returns there)."""

    node: str
    output: str = "result"


@dataclass
class Node:
    """One op invocation in a job: its unique name, the op, and where its inputs come from."""

    name: str
    op: OpDefinition[Any, Any]
    inputs: dict[str, NodeOutput] = field(default_factory=dict)


class Composition:
    def __init__(self, job_name: str) -> None:
        self.job_name = job_name
        self.nodes: dict[str, Node] = {}

    def add_op_call(
        self, op: OpDefinition[Any, Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> NodeOutput:
        name = op.name
        counter = 1
        while name in self.nodes:
            counter += 1
            name = f"{op.name}_{counter}"
        inputs: dict[str, Any] = {}
        params = op.parameters.inputs
        problems: list[str] = []
        if len(args) > len(params):
            problems.append(f"op '{op.name}' takes {len(params)} inputs, {len(args)} given")
        for param, value in zip(params, args):
            inputs[param] = value
        for param, value in kwargs.items():
            if param not in params:
                problems.append(f"op '{op.name}' has no input '{param}'")
            inputs[param] = value
        for param, value in inputs.items():
            if not isinstance(value, NodeOutput):
                problems.append(
                    f"op '{op.name}' input '{param}' must be the output of another op call, "
                    f"got {type(value).__name__}"
                )
        for param in params:
            if param not in inputs and param not in op.parameters.optional_inputs:
                problems.append(f"op '{op.name}' input '{param}' is not connected")
        if problems:
            raise DagwireInvalidDefinitionError(
                f"Invalid definition of job '{self.job_name}':", problems
            )
        self.nodes[name] = Node(name, op, inputs)
        return NodeOutput(name)


_STACK: list[Composition] = []


def current() -> Composition | None:
    return _STACK[-1] if _STACK else None


def compose(job_name: str, body: Any) -> dict[str, Node]:
    composition = Composition(job_name)
    _STACK.append(composition)
    try:
        body()
    finally:
        _STACK.pop()
    return composition.nodes
