"""JSON request bodies with a ceiling on size and nesting.

Python's json module recurses per level: a body nested a few thousand levels deep raises
RecursionError, which DRF's parser does not catch (a 500). The depth is counted on the raw text
first, outside strings, so such a body is refused before it is parsed.

Every string of the body comes out with LF line endings, as typed text does from the forms, so
no serializer has to remember it.
"""

import re

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.utils import json

from ivp.common.plain_text import line_endings

STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
BRACKETS = re.compile(rb"[\[\]{}]")


class GuardedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise ParseError(
                _("The request body is larger than %(limit)s MB.") % {"limit": limit // 2**20}
            )
        depth = deepest(raw)
        if depth > settings.IVP_JSON_MAX_DEPTH:
            raise ParseError(
                _("The JSON is nested %(depth)s levels deep; at most %(limit)s are allowed.")
                % {"depth": depth, "limit": settings.IVP_JSON_MAX_DEPTH}
            )
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=json.strict_constant)
        except (ValueError, RecursionError) as error:
            raise ParseError(
                _("The request body is not valid JSON: %(error)s") % {"error": error}
            ) from None
        return with_lf_line_endings(data)


def with_lf_line_endings(data):
    """`data` with every string in it (keys too) given LF line endings; the depth is bounded."""
    if isinstance(data, str):
        return line_endings(data)
    if isinstance(data, list):
        return [with_lf_line_endings(item) for item in data]
    if isinstance(data, dict):
        return {line_endings(k): with_lf_line_endings(v) for k, v in data.items()}
    return data


def deepest(raw: bytes) -> int:
    depth = deepest_seen = 0
    for bracket in BRACKETS.findall(STRING.sub(b"", raw)):
        if bracket in (b"[", b"{"):
            depth += 1
            deepest_seen = max(deepest_seen, depth)
        else:
            depth -= 1
    return deepest_seen
