"""Who may read an existing plan in: whoever may start the municipality's cycle."""

import rules


@rules.predicate
def may_start_cycle_of(user, record) -> bool:
    return record is not None and user.has_perm("planning.change_cycle", record.municipality)


rules.add_perm("intake.review_import", may_start_cycle_of)
