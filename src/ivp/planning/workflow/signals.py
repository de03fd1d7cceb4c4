"""What the plans tell the apps above them: `plan_adopted` (sender: the plan's model, `plan`)
is sent inside the transaction that adopts a plan, so what a receiver writes commits with it."""

from django.dispatch import Signal

plan_adopted = Signal()
