"""JSON Schema of the output record, generated from the record dataclasses.

``python -m eventscope.schema > src/eventscope/data/record.schema.json`` refreshes the shipped
file; a test fails when the two disagree, so the contract and the code cannot drift apart.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from eventscope import records

ENUMS: dict[tuple[str, str], list[str]] = {
    ("EventLocation", "precision"): ["exact", "sentence", "document", "country"],
    ("Event", "modality"): ["asserted", "future", "hypothetical"],
    ("Event", "date_precision"): ["day", "month", "year"],
    ("Event", "date_source"): ["text", "document"],
}


def record_schema() -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    root = _object_schema(records.AnnotatedDocument, definitions)
    root.update(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://eventscope.example/record.schema.json",
            "title": "eventscope annotated document",
            "$defs": definitions,
        }
    )
    return root


def _object_schema(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {}
    for field in dataclasses.fields(cls):
        schema = _type_schema(hints[field.name], definitions)
        enum = ENUMS.get((cls.__name__, field.name))
        if enum:
            schema = {"anyOf": [{"enum": enum}, {"type": "null"}]} if _nullable(hints[field.name]) else {"enum": enum}
        properties[field.name] = schema
    return {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "required": [f.name for f in dataclasses.fields(cls)],
        "additionalProperties": False,
    }


def _nullable(hint: Any) -> bool:
    return type(None) in typing.get_args(hint)


def _type_schema(hint: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type_schema(arg, definitions) for arg in typing.get_args(hint)]
        return {"anyOf": options}
    if origin is tuple or origin is list:
        item = typing.get_args(hint)[0]
        return {"type": "array", "items": _type_schema(item, definitions)}
    if hint is type(None):
        return {"type": "null"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer"}
    if hint is float:
        return {"type": "number"}
    if hint is str:
        return {"type": "string"}
    if dataclasses.is_dataclass(hint):
        name = hint.__name__
        if name not in definitions:
            definitions[name] = {}
            definitions[name] = _object_schema(hint, definitions)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema for {hint!r}")


if __name__ == "__main__":
    print(json.dumps(record_schema(), indent=2))
