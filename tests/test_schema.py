import json
from pathlib import Path

import jsonschema
import pytest

import eventscope
from eventscope.schema import record_schema

SHIPPED = Path(eventscope.__file__).parent / "data" / "record.schema.json"


def test_shipped_schema_matches_the_record_classes():
    assert json.loads(SHIPPED.read_text()) == record_schema(), "run `make schema`"


def test_schema_rejects_a_record_missing_a_field():
    record = {"doc_id": "x", "title": None}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, record_schema())
