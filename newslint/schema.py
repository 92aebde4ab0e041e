"""Print the JSON Schemas newslint publishes in schema/ (rule packs, configuration):

python -m newslint.schema > schema/newslint-rules.schema.json
python -m newslint.schema newslint-config.schema.json > schema/newslint-config.schema.json
"""

from __future__ import annotations

import json
import sys

from .config.schema import config_schema
from .packs.schema import rule_file_schema

SCHEMAS = {"newslint-rules.schema.json": rule_file_schema, "newslint-config.schema.json": config_schema}


def render(name: str = "newslint-rules.schema.json") -> str:
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    if sys.argv[1:2] and sys.argv[1] not in SCHEMAS:
        print(f"usage: python -m newslint.schema [{' | '.join(SCHEMAS)}]", file=sys.stderr)
        sys.exit(2)
    sys.stdout.write(render(*sys.argv[1:2]))
