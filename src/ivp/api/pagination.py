"""Pages of API lists: `?limit=` chooses the page size, up to a ceiling."""

from rest_framework.pagination import LimitOffsetPagination

# A page of this many observations or municipalities is still quick to serialise; a larger
# `?limit=` (say 1000000) gets this many, so one request cannot make the server build an
# answer of every row at once.
MAX_LIMIT = 500


class CappedLimitOffsetPagination(LimitOffsetPagination):
    max_limit = MAX_LIMIT
