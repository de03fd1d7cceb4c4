"""Reads both plans share: which version of a plan a reader reads, and a plan's line of versions."""


def first_readable(user, versions, perm: str):
    """The first of `versions` (newest first) this user may read with `perm`: those preparing a
    plan read its newest draft, everyone else the adopted version in force until a newer one
    is adopted."""
    return next((plan for plan in versions if user.has_perm(perm, plan)), None)


def versions_of(plan):
    """Every version in the plan's line, oldest first."""
    first = plan
    while first.previous_id:
        first = first.previous
    line, current = [first], first
    while (following := current.next_versions.first()) is not None:
        line.append(following)
        current = following
    return line
