"""A pytest plugin for bench/test_suite_time.py: runs only the tests whose ids are listed,
one a line, in the file $IVP_SAME_TESTS (the tests a baseline commit had)."""

import os


def pytest_collection_modifyitems(config, items):
    path = os.environ.get("IVP_SAME_TESTS")
    if not path:
        return
    with open(path, encoding="utf-8") as listed:
        kept = set(listed.read().splitlines())
    dropped = [item for item in items if item.nodeid not in kept]
    items[:] = [item for item in items if item.nodeid in kept]
    config.hook.pytest_deselected(items=dropped)
