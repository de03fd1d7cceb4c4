"""Bulk writes of plain tuples, for tables that take millions of rows.

Django's bulk_create builds a model instance per row, which dominates a national import.
Here rows go straight to the database driver through Django's cursor, in batches, with the
table and column names taken from the model. On PostgreSQL (psycopg 3) a batch is one COPY,
several times faster than one INSERT per row; elsewhere it is INSERTs of as many rows per
statement as the database takes parameters, which takes SQLite about a third less time than
one INSERT per row. The rows and their order are the same either way.
"""

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain, islice

from django.db import OperationalError, connection, transaction

log = logging.getLogger(__name__)

BATCH = 10_000
LOCK_WAIT = "500ms"  # for the tables whose keys a bulk write drops (deadlock check: 1 s)
REBUILD_FROM = 200_000  # rows written at once from which dropping and rebuilding keys pays
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


def insert_frame(
    model,
    fields: Sequence[str],
    frame,
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """INSERT the columns `fields` of a polars frame into `model`'s table; returns the count.

    On PostgreSQL each batch goes to COPY as CSV that polars writes, which spares the
    per-row conversion in Python; elsewhere the rows go through `insert_rows`."""
    frame = frame.select(fields)
    if connection.vendor != "postgresql":
        return insert_rows(model, fields, frame.iter_rows(), total=frame.height, progress=progress)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN (FORMAT csv)"
    written = 0
    with connection.cursor() as cursor:
        for batch in frame.iter_slices(BATCH * 10):
            with cursor.cursor.copy(sql) as copy:
                copy.write(batch.write_csv(include_header=False, null_value=""))
            written += batch.height
            if progress:
                progress(written)
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


@contextmanager
def keys_rebuilt_after(model, rows: int) -> Iterator[None]:
    """Write `rows` rows inside this block with `model`'s indexes (and, on PostgreSQL, its
    unique and foreign keys) dropped, and create them again at the end, checking all rows at
    once: both databases' advice for loading many rows, and several times faster than keeping
    each key up to date row by row. Meant for inside the writing transaction, so that a
    failure rolls the keys back with the rows; the table is locked for others meanwhile. Below
    REBUILD_FROM rows, or when the table already holds more than it is to receive, the keys
    stay: rebuilding them would cost more than it saves.
    """
    table = model._meta.db_table
    if rows < REBUILD_FROM or model.objects.count() > rows:
        yield
        return
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            recreate = _drop_keys(cursor, table)
    except OperationalError:  # readers hold a table it needs: write with the keys in place
        log.info("Keys of %s kept: the tables were in use", table, exc_info=True)
        yield
        return
    yield
    with connection.cursor() as cursor:
        for statement in recreate:
            cursor.execute(statement)


def _drop_keys(cursor, table: str) -> list[str]:
    """Drop `table`'s droppable indexes and keys; returns the statements that recreate them."""
    quote = connection.ops.quote_name
    recreate: list[str] = []
    if connection.vendor == "postgresql":
        # the tables a foreign key points to may not have checks pending when it is dropped
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        # Dropping a foreign key locks the table it points to as well. Taken one by one, a
        # reader holding one of them and waiting for another deadlocked with the import; so all
        # are taken at once, pointed-to tables first, and if readers hold them for longer than
        # LOCK_WAIT (shorter than PostgreSQL's deadlock check) the keys stay instead.
        cursor.execute(
            "SELECT DISTINCT confrelid::regclass::text FROM pg_constraint"
            " WHERE conrelid = %s::regclass AND contype = 'f'",
            [table],
        )
        tables = [*sorted(name for (name,) in cursor.fetchall()), quote(table)]
        cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")
        cursor.execute(f"LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE")
        cursor.execute("SET LOCAL lock_timeout = 0")
        # index builds sort in memory up to this, instead of in temporary files (this
        # transaction only; PostgreSQL's default is 64 MB)
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = %s::regclass AND contype IN ('u', 'f') ORDER BY contype DESC",
            [table],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN"
            " (SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)",
            [table, table],
        )
        indexes = cursor.fetchall()
        for name, definition in constraints:
            cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
            recreate.append(f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}")
    else:  # SQLite: keys declared in CREATE TABLE cannot be dropped, named indexes can
        cursor.execute(
            "SELECT name, sql FROM sqlite_master"
            " WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
            [table],
        )
        indexes = cursor.fetchall()
    for name, _definition in indexes:
        cursor.execute(f"DROP INDEX {quote(name)}")
    # indexes first: the unique key is then checked, and the foreign keys found, faster
    return [definition for _name, definition in indexes] + recreate
