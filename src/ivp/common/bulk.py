"""Bulk writes of plain tuples, for tables that take millions of rows.

Django's bulk_create builds a model instance per row, which dominates a national import.
Here rows go straight to the database driver through Django's cursor, in batches, with the
table and column names taken from the model. On PostgreSQL (psycopg 3) a batch is one COPY,
several times faster than one INSERT per row; elsewhere it is INSERTs of as many rows per
statement as the database takes parameters, which takes SQLite about a third less time than
one INSERT per row. The rows and their order are the same either way.
"""

from collections.abc import Callable, Iterable, Sequence
from itertools import chain, islice

from django.db import connection

BATCH = 10_000
ROWS_PER_STATEMENT = 500  # at most; SQLite allows 999 parameters per statement


def insert_rows(
    model,
    fields: Sequence[str],
    rows: Iterable[Sequence],
    *,
    total: int,
    progress: Callable[[int], None] | None = None,
) -> int:
    """INSERT `rows` (tuples in the order of `fields`) into `model`'s table; returns the count."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    written = 0
    iterator = iter(rows)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and hasattr(cursor.cursor, "copy"):
            write = _copy_writer(table, columns)
        else:
            write = _values_writer(table, columns, len(fields))
        while batch := list(islice(iterator, BATCH)):
            write(cursor, batch)
            written += len(batch)
            if progress:
                progress(written)  # between statements: the connection is free again
    return written


def _copy_writer(table: str, columns: str):
    sql = f"COPY {table} ({columns}) FROM STDIN"

    def write(cursor, batch: list[Sequence]) -> None:
        with cursor.cursor.copy(sql) as copy:
            for row in batch:
                copy.write_row(row)

    return write


def _values_writer(table: str, columns: str, width: int):
    limit = connection.features.max_query_params
    per_statement = max(1, min(ROWS_PER_STATEMENT, (limit or 10**9) // width))
    placeholders = "({})".format(", ".join(["%s"] * width))
    statements: dict[int, str] = {}

    def sql(count: int) -> str:
        if count not in statements:
            statements[count] = "INSERT INTO {} ({}) VALUES {}".format(
                table, columns, ", ".join([placeholders] * count)
            )
        return statements[count]

    def write(cursor, batch: list[Sequence]) -> None:
        whole = len(batch) - len(batch) % per_statement
        if whole:
            cursor.executemany(
                sql(per_statement),
                [
                    list(chain.from_iterable(batch[start : start + per_statement]))
                    for start in range(0, whole, per_statement)
                ],
            )
        if whole < len(batch):
            cursor.execute(sql(len(batch) - whole), list(chain.from_iterable(batch[whole:])))

    return write


def delete_ids(model, ids: Sequence[int]) -> None:
    for start in range(0, len(ids), BATCH):
        model.objects.filter(pk__in=ids[start : start + BATCH]).delete()
