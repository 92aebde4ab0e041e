"""The server's OpenAPI description (GET /openapi.json), written out by hand: the endpoints are
few, and LanguageTool's form-field protocol is easier to state than to derive."""

from __future__ import annotations

from ..model import PROFILES
from ..version import __version__
from .languagetool import GENERIC, LANGUAGES

_IDS = {"type": "string", "description": "comma-separated ids"}
_ERROR_TEXT = {"description": "a one-line error", "content": {"text/plain": {"schema": {"type": "string"}}}}
_ERROR_JSON = {
    "description": "a one-line error",
    "content": {
        "application/json": {
            "schema": {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
        }
    },
}

_CHECK_FIELDS = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "description": "the text to check (this or data)"},
        "data": {
            "type": "string",
            "description": 'annotated text as JSON: {"annotation": [{"text": ...}, '
            '{"markup": ..., "interpretAs": ...}]}',
        },
        "language": {
            "type": "string",
            "enum": [*GENERIC, *LANGUAGES],
            "description": "the client's language; en-GB and its kin check in the british profile",
        },
        "enabledRules": _IDS,
        "disabledRules": _IDS,
        "enabledCategories": _IDS,
        "disabledCategories": _IDS,
        "enabledOnly": {"type": "string", "enum": ["true", "false"]},
        "level": {"type": "string", "enum": ["default", "picky"]},
        "apiKey": {"type": "string", "description": "the server's token, for clients that cannot send a header"},
    },
    "required": ["language"],
}
_MATCH = {
    "type": "object",
    "required": ["message", "offset", "length", "replacements", "context", "sentence", "rule"],
    "properties": {
        "message": {"type": "string"},
        "shortMessage": {"type": "string"},
        "offset": {"type": "integer", "minimum": 0, "description": "UTF-16 code units"},
        "length": {"type": "integer", "minimum": 0, "description": "UTF-16 code units"},
        "replacements": {"type": "array", "items": {"type": "object", "properties": {"value": {"type": "string"}}}},
        "context": {
            "type": "object",
            "properties": {"text": {"type": "string"}, "offset": {"type": "integer"}, "length": {"type": "integer"}},
        },
        "sentence": {"type": "string"},
        "type": {"type": "object", "properties": {"typeName": {"type": "string"}}},
        "rule": {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "description": {"type": "string"},
                "issueType": {"type": "string"},
                "category": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
            },
        },
    },
}
_DRAFT = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string"},
        "path": {
            "type": "string",
            "description": "a label for the findings; its suffix (.md, .html) sets the format. Never read.",
        },
        "kind": {"type": "string", "enum": ["text", "markdown", "html"]},
        "profile": {"type": "string", "enum": list(PROFILES)},
        "config": {"type": "string", "description": "the name of a configuration the server was started with"},
        "unsafe": {"type": "boolean", "description": "/api/fix: apply unsafe fixes too"},
    },
}
_FINDING = {
    "type": "object",
    "required": ["path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "fix"],
    "description": "newslint's JSON contract (check --format json), plus start and end (characters)",
}


def spec(max_bytes: int) -> dict:
    limits = {
        "413": {"description": f"the body is larger than {max_bytes:,} bytes"},
        "408": {"description": "the check ran past the server's time limit"},
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "newslint serve",
            "version": __version__,
            "description": "newslint's findings over LanguageTool's HTTP API, and newslint's own JSON API.",
        },
        "paths": {
            "/v2/check": {
                "post": {
                    "summary": "Check a text, as LanguageTool's /v2/check",
                    "requestBody": {
                        "required": True,
                        "content": {"application/x-www-form-urlencoded": {"schema": _CHECK_FIELDS}},
                    },
                    "responses": {
                        "200": {
                            "description": "matches",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["software", "language", "matches"],
                                        "properties": {
                                            "software": {"type": "object"},
                                            "language": {"type": "object"},
                                            "warnings": {"type": "object"},
                                            "matches": {"type": "array", "items": _MATCH},
                                        },
                                    }
                                }
                            },
                        },
                        "400": _ERROR_TEXT,
                        "401": _ERROR_TEXT,
                        **limits,
                    },
                }
            },
            "/v2/languages": {
                "get": {
                    "summary": "The languages this server checks",
                    "responses": {
                        "200": {
                            "description": "languages",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["name", "code", "longCode"],
                                            "properties": {
                                                "name": {"type": "string"},
                                                "code": {"type": "string"},
                                                "longCode": {"type": "string"},
                                            },
                                        },
                                    }
                                }
                            },
                        }
                    },
                }
            },
            "/api/check": {
                "post": {
                    "summary": "newslint's findings for a draft",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": _DRAFT}}},
                    "responses": {
                        "200": {
                            "description": "findings",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["findings"],
                                        "properties": {
                                            "findings": {"type": "array", "items": _FINDING},
                                            "errors": {"type": "array", "items": {"type": "string"}},
                                            "notices": {"type": "array", "items": {"type": "string"}},
                                        },
                                    }
                                }
                            },
                        },
                        "400": _ERROR_JSON,
                        "401": _ERROR_JSON,
                        **limits,
                    },
                }
            },
            "/api/fix": {
                "post": {
                    "summary": "A draft with its safe fixes (and unsafe ones if asked) applied",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": _DRAFT}}},
                    "responses": {
                        "200": {
                            "description": "the fixed text and what remains",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["text", "applied", "settled", "findings"],
                                        "properties": {
                                            "text": {"type": "string"},
                                            "applied": {"type": "integer"},
                                            "settled": {"type": "boolean"},
                                            "findings": {"type": "array", "items": _FINDING},
                                        },
                                    }
                                }
                            },
                        },
                        "400": _ERROR_JSON,
                        "401": _ERROR_JSON,
                        **limits,
                    },
                }
            },
            "/api/rules": {
                "get": {
                    "summary": "The rules of a configuration, with their explanations",
                    "parameters": [
                        {"name": "config", "in": "query", "schema": {"type": "string"}},
                        {"name": "profile", "in": "query", "schema": {"type": "string", "enum": list(PROFILES)}},
                    ],
                    "responses": {
                        "200": {
                            "description": "rule id -> explanation",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        "400": _ERROR_JSON,
                        "401": _ERROR_JSON,
                    },
                }
            },
            "/api/options": {
                "get": {
                    "summary": "The configurations and profiles a request may name",
                    "responses": {
                        "200": {
                            "description": "options",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        },
                        "401": _ERROR_JSON,
                    },
                }
            },
            "/api/read": {
                "post": {
                    "summary": "A draft's file bytes (.txt, .md, .html, .docx) as text",
                    "parameters": [
                        {
                            "name": "name",
                            "in": "query",
                            "schema": {"type": "string"},
                            "description": "the file's name, for its format; never opened",
                        }
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
                    },
                    "responses": {
                        "200": {
                            "description": "the text",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["text"],
                                        "properties": {"text": {"type": "string"}},
                                    }
                                }
                            },
                        },
                        "400": _ERROR_JSON,
                        "401": _ERROR_JSON,
                        **limits,
                    },
                }
            },
        },
    }
