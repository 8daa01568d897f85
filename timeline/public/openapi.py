"""The OpenAPI 3.1 description of the read API, served at /api/v1/openapi.json.

Its schemas are JSON Schema (2020-12), which the tests use to validate real
responses: the description cannot drift from what the API sends.
"""

from __future__ import annotations

from timeline.models import EraColour

NULLABLE_STRING = {"type": ["string", "null"]}

DATE = {
    "type": "object",
    "description": "A date at its real precision; a range has an end.",
    "required": ["start", "precision", "end", "end_precision", "circa", "edtf", "display"],
    "additionalProperties": False,
    "properties": {
        "start": {
            "type": "string",
            "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
            "examples": ["2015-08"],
        },
        "precision": {"enum": ["year", "month", "day"]},
        "end": {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
        "end_precision": {"enum": ["year", "month", "day", None]},
        "circa": {"type": "boolean", "description": "The date is approximate."},
        "edtf": {
            "type": "string",
            "description": "Extended Date/Time Format: 2015-08, 2013/2015, 2017~.",
        },
        "display": {"type": "string", "examples": ["August 2015", "c. 2017", "2013 – 2015"]},
    },
}

SOURCE = {
    "type": "object",
    "required": ["title", "publisher", "url", "published", "quote"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string"},
        "publisher": {"type": "string"},
        "url": {"type": ["string", "null"], "format": "uri"},
        "published": {"type": ["string", "null"], "format": "date"},
        "quote": {"type": "string", "description": "The sentence of the source, verbatim."},
    },
}

EVENT = {
    "type": "object",
    "required": [
        "id",
        "headline",
        "description",
        "key",
        "date",
        "url",
        "image",
        "link",
        "sources",
    ],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "integer"},
        "headline": {"type": "string"},
        "description": {"type": "string"},
        "key": {"type": "boolean", "description": "Marked by editors as a key event."},
        "date": {"$ref": "#/components/schemas/Date"},
        "url": {"type": "string", "format": "uri", "description": "The event's permalink."},
        "image": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["url", "width", "height", "alt", "caption", "credit"],
                    "additionalProperties": False,
                    "properties": {
                        "url": {"type": "string", "format": "uri"},
                        "width": {"type": "integer"},
                        "height": {"type": "integer"},
                        "alt": {"type": "string"},
                        "caption": {"type": "string"},
                        "credit": {"type": "string"},
                    },
                },
            ]
        },
        "link": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "required": ["url", "title"],
                    "additionalProperties": False,
                    "properties": {
                        "url": {"type": "string", "format": "uri"},
                        "title": {"type": "string"},
                    },
                },
            ]
        },
        "sources": {"type": "array", "items": {"$ref": "#/components/schemas/Source"}},
    },
}

TIMELINE_REF = {
    "type": "object",
    "required": ["slug", "title", "url"],
    "properties": {
        "slug": {"type": "string"},
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
    },
}

ERA = {
    "type": "object",
    "description": "A named span of the timeline, shown on its axis and overview.",
    "required": ["title", "slug", "colour", "date"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "examples": ["The FD-2000 tender"]},
        "slug": {"type": "string", "description": "Its anchor on the page: #era-<slug>."},
        "colour": {"enum": list(EraColour.values)},
        "date": {"$ref": "#/components/schemas/Date"},
    },
}

TIMELINE = {
    "type": "object",
    "required": [
        "slug",
        "title",
        "url",
        "description",
        "event_count",
        "updated",
        "eras",
        "api_url",
        "events_url",
        "feed_url",
    ],
    "additionalProperties": False,
    "properties": {
        **TIMELINE_REF["properties"],
        "description": {"type": "string"},
        "event_count": {"type": "integer"},
        "updated": {
            "type": "string",
            "format": "date-time",
            "description": (
                "When readers last saw a change: an event, citation or era added, edited "
                "or deleted, a cited source's details, the timeline itself."
            ),
        },
        "eras": {"type": "array", "items": {"$ref": "#/components/schemas/Era"}},
        "api_url": {"type": "string", "format": "uri", "description": "This timeline here."},
        "events_url": {"type": "string", "format": "uri"},
        "feed_url": {"type": "string", "format": "uri", "description": "Its Atom feed."},
    },
}

TIMELINE_DETAIL = {
    "type": "object",
    "required": [*TIMELINE["required"], "key_event_count", "span"],
    "additionalProperties": False,
    "properties": {
        **TIMELINE["properties"],
        "key_event_count": {"type": "integer"},
        "span": {
            "description": "From the first event's year to the last one's; null with no events.",
            "oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Date"}],
        },
    },
}

TIMELINE_LIST = {
    "type": "object",
    "required": ["timelines"],
    "additionalProperties": False,
    "properties": {
        "timelines": {"type": "array", "items": {"$ref": "#/components/schemas/Timeline"}}
    },
}

EVENT_PAGE = {
    "type": "object",
    "required": ["timeline", "count", "page", "pages", "next", "previous", "results"],
    "additionalProperties": False,
    "properties": {
        "timeline": {"$ref": "#/components/schemas/TimelineRef"},
        "count": {"type": "integer", "description": "Events matching the filters, all pages."},
        "page": {"type": "integer"},
        "pages": {"type": "integer"},
        "next": {**NULLABLE_STRING, "format": "uri"},
        "previous": {**NULLABLE_STRING, "format": "uri"},
        "results": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}},
    },
}

ERRORS = {
    "type": "object",
    "required": ["errors"],
    "properties": {
        "errors": {
            "type": "object",
            "additionalProperties": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["message", "code"],
                    "properties": {"message": {"type": "string"}, "code": {"type": "string"}},
                },
            },
        }
    },
}

SCHEMAS = {
    "Date": DATE,
    "Source": SOURCE,
    "Event": EVENT,
    "TimelineRef": TIMELINE_REF,
    "Era": ERA,
    "Timeline": TIMELINE,
    "TimelineDetail": TIMELINE_DETAIL,
    "TimelineList": TIMELINE_LIST,
    "EventPage": EVENT_PAGE,
    "Errors": ERRORS,
}


def _json(schema: str) -> dict:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}


def _query(name: str, description: str, schema: dict) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


SLUG = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}


def openapi_document(server: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Timelines read API",
            "version": "1.0.0",
            "description": (
                "Public timelines and their confirmed events, each with its date at its "
                "precision and the sources it cites. Read-only; any origin may call it."
            ),
        },
        "servers": [{"url": server}],
        "paths": {
            "/timelines/": {
                "get": {
                    "operationId": "listTimelines",
                    "summary": "The public timelines",
                    "responses": {"200": {"description": "OK", "content": _json("TimelineList")}},
                }
            },
            "/timelines/{slug}/": {
                "get": {
                    "operationId": "getTimeline",
                    "summary": "One timeline: its span, counts, last update, eras and links",
                    "parameters": [SLUG],
                    "responses": {
                        "200": {"description": "OK", "content": _json("TimelineDetail")},
                        "404": {"description": "No such public timeline"},
                    },
                }
            },
            "/timelines/{slug}/events/": {
                "get": {
                    "operationId": "listEvents",
                    "summary": "A timeline's events in date order, 100 a page",
                    "parameters": [
                        SLUG,
                        _query(
                            "q",
                            "Words that must all appear (headline, description, quotes).",
                            {"type": "string", "maxLength": 200},
                        ),
                        _query(
                            "start",
                            "From this year: events whose period overlaps it.",
                            {"type": "integer", "minimum": 1, "maximum": 9999},
                        ),
                        _query(
                            "end",
                            "To this year.",
                            {"type": "integer", "minimum": 1, "maximum": 9999},
                        ),
                        _query("key", "Key events only (any non-empty value).", {"type": "string"}),
                        _query("page", "Page number, from 1.", {"type": "integer", "minimum": 1}),
                    ],
                    "responses": {
                        "200": {"description": "OK", "content": _json("EventPage")},
                        "400": {"description": "Invalid filters", "content": _json("Errors")},
                        "404": {"description": "No such public timeline"},
                    },
                }
            },
        },
        "components": {"schemas": SCHEMAS},
    }
