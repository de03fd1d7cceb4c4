"""Adopting a plan in a test as a council does when its decision names no date or reference."""

from ivp.planning.policy.services.plan import plan_adopt


def adopt(plan) -> None:
    plan_adopt(
        plan=plan,
        adopted_on=None,
        adopted_by="gemeenteraad",
        adopted_on_unstated=True,
        decision_reference="",
        decision_reference_unstated=True,
    )
