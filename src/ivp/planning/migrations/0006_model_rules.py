"""The planning models' rules as database checks (years 2000–2100, periods in order, plan and
uitvoeringsplan lengths, percentages 0–100, weights making 100, nothing negative, objectives
either qualitative or fully measured).

Stored rows are not changed: a row that breaks a rule is refused before any check is added,
named by table, id and rule, so that whoever keeps the data decides what the right value was."""

import datetime
import django.core.validators
import django.db.models.deletion
import django.db.models.expressions
from django.conf import settings
from django.db import migrations, models
from django.db.models import BooleanField, Q
from django.db.models.functions import Coalesce


def refuse_rows_that_break_the_rules(apps, schema_editor):
    problems = []
    for operation in Migration.operations:
        if not isinstance(operation, (migrations.AddConstraint, migrations.AlterConstraint)):
            continue
        constraint = operation.constraint
        if not isinstance(constraint, models.CheckConstraint):
            continue
        model = apps.get_model("planning", operation.model_name)
        # as the database reads a check: a rule on an empty value is not broken
        holds = Coalesce(constraint.condition, True, output_field=BooleanField())
        broken = list(
            model._default_manager.using(schema_editor.connection.alias)
            .filter(~Q(holds))
            .order_by("pk")
            .values_list("pk", flat=True)[:20]
        )
        if broken:
            problems.append(
                f"{model._meta.db_table} id {', '.join(map(str, broken))}: {constraint.name}"
                f" ({constraint.violation_error_message})"
            )
    if problems:
        raise RuntimeError(
            "These stored rows break a rule the database is about to check; correct them "
            "(in /beheer/django/ or the shell) and migrate again:\n" + "\n".join(problems)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("figures", "0002_one_import_of_a_file_at_a_time"),
        ("planning", "0005_prioritisation_for_every_cycle"),
        ("regions", "0004_municipality_sort_name"),
        ("taxonomy", "0002_historicalsafetyfield_historicaltaxonomyversion_and_more"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(refuse_rows_that_break_the_rules, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="progressupdate",
            name="user",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="action",
            name="budget",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                max_digits=12,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="budget (€)",
            ),
        ),
        migrations.AlterField(
            model_name="action",
            name="hours",
            field=models.PositiveIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="capacity (hours)",
            ),
        ),
        migrations.AlterField(
            model_name="actionplan",
            name="end_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="last year",
            ),
        ),
        migrations.AlterField(
            model_name="actionplan",
            name="start_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="first year",
            ),
        ),
        migrations.AlterField(
            model_name="cyclestep",
            name="hours_budgeted",
            field=models.PositiveIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="hours budgeted",
            ),
        ),
        migrations.AlterField(
            model_name="cyclestep",
            name="hours_spent",
            field=models.PositiveIntegerField(
                default=0,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="hours spent",
            ),
        ),
        migrations.AlterField(
            model_name="framework",
            name="end_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="last year",
            ),
        ),
        migrations.AlterField(
            model_name="framework",
            name="start_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="first year",
            ),
        ),
        migrations.AlterField(
            model_name="historicalaction",
            name="budget",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                max_digits=12,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="budget (€)",
            ),
        ),
        migrations.AlterField(
            model_name="historicalaction",
            name="hours",
            field=models.PositiveIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="capacity (hours)",
            ),
        ),
        migrations.AlterField(
            model_name="historicalactionplan",
            name="end_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="last year",
            ),
        ),
        migrations.AlterField(
            model_name="historicalactionplan",
            name="start_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="first year",
            ),
        ),
        migrations.AlterField(
            model_name="historicalcyclestep",
            name="hours_budgeted",
            field=models.PositiveIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="hours budgeted",
            ),
        ),
        migrations.AlterField(
            model_name="historicalcyclestep",
            name="hours_spent",
            field=models.PositiveIntegerField(
                default=0,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="hours spent",
            ),
        ),
        migrations.AlterField(
            model_name="historicalobjective",
            name="baseline_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="baseline year",
            ),
        ),
        migrations.AlterField(
            model_name="historicalobjective",
            name="target_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="target year",
            ),
        ),
        migrations.AlterField(
            model_name="historicalpolicycycle",
            name="hours_budget_high",
            field=models.PositiveIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="coordinator hours budgeted, up to",
            ),
        ),
        migrations.AlterField(
            model_name="historicalpolicycycle",
            name="hours_budget_low",
            field=models.PositiveIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="coordinator hours budgeted, from",
            ),
        ),
        migrations.AlterField(
            model_name="historicalpolicycycle",
            name="plan_end_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="last year of the plan",
            ),
        ),
        migrations.AlterField(
            model_name="historicalpolicycycle",
            name="plan_start_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="first year of the plan",
            ),
        ),
        migrations.AlterField(
            model_name="historicalpolicyplan",
            name="end_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="last year",
            ),
        ),
        migrations.AlterField(
            model_name="historicalpolicyplan",
            name="start_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="first year",
            ),
        ),
        migrations.AlterField(
            model_name="historicalprioritisation",
            name="first_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="figures from (year)",
            ),
        ),
        migrations.AlterField(
            model_name="historicalprioritisation",
            name="last_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="figures up to (year)",
            ),
        ),
        migrations.AlterField(
            model_name="historicalprioritisation",
            name="professional_scale",
            field=models.PositiveSmallIntegerField(
                default=5,
                help_text="Scores run from 0 to this.",
                validators=[
                    django.core.validators.MinValueValidator(
                        1, message="The highest professional score is a whole number from 1 to 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100,
                        message="The highest professional score is a whole number from 1 to 100.",
                    ),
                ],
                verbose_name="highest professional score",
            ),
        ),
        migrations.AlterField(
            model_name="historicalprioritisation",
            name="weight_agenda",
            field=models.PositiveSmallIntegerField(
                default=25,
                validators=[
                    django.core.validators.MinValueValidator(
                        0, message="A weight is a whole percentage from 0 to 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100, message="A weight is a whole percentage from 0 to 100."
                    ),
                ],
                verbose_name="weight agenda (%)",
            ),
        ),
        migrations.AlterField(
            model_name="historicalprioritisation",
            name="weight_objective",
            field=models.PositiveSmallIntegerField(
                default=25,
                validators=[
                    django.core.validators.MinValueValidator(
                        0, message="A weight is a whole percentage from 0 to 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100, message="A weight is a whole percentage from 0 to 100."
                    ),
                ],
                verbose_name="weight objective (%)",
            ),
        ),
        migrations.AlterField(
            model_name="historicalprioritisation",
            name="weight_professional",
            field=models.PositiveSmallIntegerField(
                default=25,
                validators=[
                    django.core.validators.MinValueValidator(
                        0, message="A weight is a whole percentage from 0 to 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100, message="A weight is a whole percentage from 0 to 100."
                    ),
                ],
                verbose_name="weight professional (%)",
            ),
        ),
        migrations.AlterField(
            model_name="historicalprioritisation",
            name="weight_subjective",
            field=models.PositiveSmallIntegerField(
                default=25,
                validators=[
                    django.core.validators.MinValueValidator(
                        0, message="A weight is a whole percentage from 0 to 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100, message="A weight is a whole percentage from 0 to 100."
                    ),
                ],
                verbose_name="weight subjective (%)",
            ),
        ),
        migrations.AlterField(
            model_name="historicalregionalpriority",
            name="end_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="last year",
            ),
        ),
        migrations.AlterField(
            model_name="historicalregionalpriority",
            name="start_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="first year",
            ),
        ),
        migrations.AlterField(
            model_name="historicalthemescore",
            name="subjective_percentage",
            field=models.FloatField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        0, message="The residents' percentage lies between 0 and 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100, message="The residents' percentage lies between 0 and 100."
                    ),
                ],
                verbose_name="residents who want it tackled (%)",
            ),
        ),
        migrations.AlterField(
            model_name="historicalworkgroupmember",
            name="hours_budgeted",
            field=models.PositiveIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="hours budgeted",
            ),
        ),
        migrations.AlterField(
            model_name="objective",
            name="baseline_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="baseline year",
            ),
        ),
        migrations.AlterField(
            model_name="objective",
            name="target_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="target year",
            ),
        ),
        migrations.AlterField(
            model_name="policycycle",
            name="hours_budget_high",
            field=models.PositiveIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="coordinator hours budgeted, up to",
            ),
        ),
        migrations.AlterField(
            model_name="policycycle",
            name="hours_budget_low",
            field=models.PositiveIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="coordinator hours budgeted, from",
            ),
        ),
        migrations.AlterField(
            model_name="policycycle",
            name="plan_end_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="last year of the plan",
            ),
        ),
        migrations.AlterField(
            model_name="policycycle",
            name="plan_start_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="first year of the plan",
            ),
        ),
        migrations.AlterField(
            model_name="policyplan",
            name="end_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="last year",
            ),
        ),
        migrations.AlterField(
            model_name="policyplan",
            name="start_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="first year",
            ),
        ),
        migrations.AlterField(
            model_name="prioritisation",
            name="first_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="figures from (year)",
            ),
        ),
        migrations.AlterField(
            model_name="prioritisation",
            name="last_year",
            field=models.PositiveSmallIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="figures up to (year)",
            ),
        ),
        migrations.AlterField(
            model_name="prioritisation",
            name="professional_scale",
            field=models.PositiveSmallIntegerField(
                default=5,
                help_text="Scores run from 0 to this.",
                validators=[
                    django.core.validators.MinValueValidator(
                        1, message="The highest professional score is a whole number from 1 to 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100,
                        message="The highest professional score is a whole number from 1 to 100.",
                    ),
                ],
                verbose_name="highest professional score",
            ),
        ),
        migrations.AlterField(
            model_name="prioritisation",
            name="weight_agenda",
            field=models.PositiveSmallIntegerField(
                default=25,
                validators=[
                    django.core.validators.MinValueValidator(
                        0, message="A weight is a whole percentage from 0 to 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100, message="A weight is a whole percentage from 0 to 100."
                    ),
                ],
                verbose_name="weight agenda (%)",
            ),
        ),
        migrations.AlterField(
            model_name="prioritisation",
            name="weight_objective",
            field=models.PositiveSmallIntegerField(
                default=25,
                validators=[
                    django.core.validators.MinValueValidator(
                        0, message="A weight is a whole percentage from 0 to 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100, message="A weight is a whole percentage from 0 to 100."
                    ),
                ],
                verbose_name="weight objective (%)",
            ),
        ),
        migrations.AlterField(
            model_name="prioritisation",
            name="weight_professional",
            field=models.PositiveSmallIntegerField(
                default=25,
                validators=[
                    django.core.validators.MinValueValidator(
                        0, message="A weight is a whole percentage from 0 to 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100, message="A weight is a whole percentage from 0 to 100."
                    ),
                ],
                verbose_name="weight professional (%)",
            ),
        ),
        migrations.AlterField(
            model_name="prioritisation",
            name="weight_subjective",
            field=models.PositiveSmallIntegerField(
                default=25,
                validators=[
                    django.core.validators.MinValueValidator(
                        0, message="A weight is a whole percentage from 0 to 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100, message="A weight is a whole percentage from 0 to 100."
                    ),
                ],
                verbose_name="weight subjective (%)",
            ),
        ),
        migrations.AlterField(
            model_name="progressupdate",
            name="percent_done",
            field=models.PositiveSmallIntegerField(
                blank=True,
                error_messages={"invalid": "The percentage done is a whole number from 0 to 100."},
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        0, message="The percentage done is a whole number from 0 to 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100, message="The percentage done is a whole number from 0 to 100."
                    ),
                ],
                verbose_name="percentage done",
            ),
        ),
        migrations.AlterField(
            model_name="progressupdate",
            name="status",
            field=models.CharField(
                choices=[
                    ("gepland", "planned"),
                    ("lopend", "running"),
                    ("afgerond", "done"),
                    ("vertraagd", "delayed"),
                    ("geschrapt", "dropped"),
                ],
                error_messages={
                    "invalid_choice": "“%(value)s” is not a status; use gepland, lopend, afgerond, vertraagd or geschrapt."
                },
                max_length=12,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="regionalpriority",
            name="end_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="last year",
            ),
        ),
        migrations.AlterField(
            model_name="regionalpriority",
            name="start_year",
            field=models.PositiveSmallIntegerField(
                validators=[
                    django.core.validators.MinValueValidator(
                        2000, message="A year from 2000 to 2100."
                    ),
                    django.core.validators.MaxValueValidator(
                        2100, message="A year from 2000 to 2100."
                    ),
                ],
                verbose_name="first year",
            ),
        ),
        migrations.AlterField(
            model_name="themescore",
            name="subjective_percentage",
            field=models.FloatField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(
                        0, message="The residents' percentage lies between 0 and 100."
                    ),
                    django.core.validators.MaxValueValidator(
                        100, message="The residents' percentage lies between 0 and 100."
                    ),
                ],
                verbose_name="residents who want it tackled (%)",
            ),
        ),
        migrations.AlterField(
            model_name="workgroupmember",
            name="hours_budgeted",
            field=models.PositiveIntegerField(
                blank=True,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(0, message="This cannot be negative.")
                ],
                verbose_name="hours budgeted",
            ),
        ),
        migrations.AddConstraint(
            model_name="action",
            constraint=models.CheckConstraint(
                condition=models.Q(("budget__gte", 0)),
                name="action_budget_not_negative",
                violation_error_message="This cannot be negative.",
            ),
        ),
        migrations.AddConstraint(
            model_name="actionplan",
            constraint=models.CheckConstraint(
                condition=models.Q(("start_year__gte", 2000), ("start_year__lte", 2100)),
                name="actionplan_start_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="actionplan",
            constraint=models.CheckConstraint(
                condition=models.Q(("end_year__gte", 2000), ("end_year__lte", 2100)),
                name="actionplan_end_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="cyclestep",
            constraint=models.CheckConstraint(
                condition=models.Q(("planned_end__gte", models.F("planned_start"))),
                name="cyclestep_planned_end_after_start",
                violation_error_message="The end lies before the start.",
            ),
        ),
        migrations.AddConstraint(
            model_name="cyclestep",
            constraint=models.CheckConstraint(
                condition=models.Q(("actual_end__gte", models.F("actual_start"))),
                name="cyclestep_actual_end_after_start",
                violation_error_message="The end lies before the start.",
            ),
        ),
        migrations.AddConstraint(
            model_name="framework",
            constraint=models.CheckConstraint(
                condition=models.Q(("start_year__gte", 2000), ("start_year__lte", 2100)),
                name="framework_start_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="framework",
            constraint=models.CheckConstraint(
                condition=models.Q(("end_year__gte", 2000), ("end_year__lte", 2100)),
                name="framework_end_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="framework",
            constraint=models.CheckConstraint(
                condition=models.Q(("end_year__gte", models.F("start_year"))),
                name="framework_end_after_start",
                violation_error_message="The last year lies before the first year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="objective",
            constraint=models.CheckConstraint(
                condition=models.Q(("baseline_year__gte", 2000), ("baseline_year__lte", 2100)),
                name="objective_baseline_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="objective",
            constraint=models.CheckConstraint(
                condition=models.Q(("target_year__gte", 2000), ("target_year__lte", 2100)),
                name="objective_target_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="objective",
            constraint=models.CheckConstraint(
                condition=models.Q(("target_year__gte", models.F("baseline_year"))),
                name="objective_target_after_baseline",
                violation_error_message="The target year lies before the baseline year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="objective",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("qualitative", False),
                    models.Q(
                        ("baseline_value__isnull", True),
                        ("baseline_year__isnull", True),
                        ("indicator__isnull", True),
                        ("target_value__isnull", True),
                        ("target_year__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="objective_qualitative_unmeasured",
                violation_error_message="A qualitative objective has no indicator, baseline or target; remove them.",
            ),
        ),
        migrations.AddConstraint(
            model_name="objective",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("qualitative", True),
                    models.Q(
                        ("baseline_value__isnull", True),
                        ("baseline_year__isnull", True),
                        ("indicator__isnull", True),
                        ("target_value__isnull", True),
                        ("target_year__isnull", True),
                    ),
                    models.Q(
                        ("baseline_value__isnull", False),
                        ("baseline_year__isnull", False),
                        ("indicator__isnull", False),
                        ("target_value__isnull", False),
                        ("target_year__isnull", False),
                    ),
                    _connector="OR",
                ),
                name="objective_measured_fully_or_not",
                violation_error_message="A measurable objective needs an indicator, a baseline with its year and a target with its year; fill in all five, or mark the objective qualitative.",
            ),
        ),
        migrations.AddConstraint(
            model_name="policycycle",
            constraint=models.CheckConstraint(
                condition=models.Q(("plan_start_year__gte", 2000), ("plan_start_year__lte", 2100)),
                name="policycycle_plan_start_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="policycycle",
            constraint=models.CheckConstraint(
                condition=models.Q(("plan_end_year__gte", 2000), ("plan_end_year__lte", 2100)),
                name="policycycle_plan_end_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="policycycle",
            constraint=models.CheckConstraint(
                condition=models.Q(("plan_end_year__gte", models.F("plan_start_year"))),
                name="policycycle_end_after_start",
                violation_error_message="The last year lies before the first year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="policycycle",
            constraint=models.CheckConstraint(
                condition=models.Q(("hours_budget_high__gte", models.F("hours_budget_low"))),
                name="policycycle_hours_high_after_low",
                violation_error_message="The upper bound is below the lower bound.",
            ),
        ),
        migrations.AddConstraint(
            model_name="policyplan",
            constraint=models.CheckConstraint(
                condition=models.Q(("start_year__gte", 2000), ("start_year__lte", 2100)),
                name="policyplan_start_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="policyplan",
            constraint=models.CheckConstraint(
                condition=models.Q(("end_year__gte", 2000), ("end_year__lte", 2100)),
                name="policyplan_end_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="prioritisation",
            constraint=models.CheckConstraint(
                condition=models.Q(("first_year__gte", 2000), ("first_year__lte", 2100)),
                name="prioritisation_first_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="prioritisation",
            constraint=models.CheckConstraint(
                condition=models.Q(("last_year__gte", 2000), ("last_year__lte", 2100)),
                name="prioritisation_last_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="prioritisation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("weight_agenda__lte", 100),
                    ("weight_objective__lte", 100),
                    ("weight_professional__lte", 100),
                    ("weight_subjective__lte", 100),
                ),
                name="prioritisation_weights_at_most_100",
                violation_error_message="A weight is a whole percentage from 0 to 100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="prioritisation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "weight_objective",
                        django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    models.Value(100), "-", models.F("weight_subjective")
                                ),
                                "-",
                                models.F("weight_professional"),
                            ),
                            "-",
                            models.F("weight_agenda"),
                        ),
                    )
                ),
                name="prioritisation_weights_make_100",
                violation_error_message="Together the weights must make 100%%.",
            ),
        ),
        migrations.AddConstraint(
            model_name="prioritisation",
            constraint=models.CheckConstraint(
                condition=models.Q(("last_year__gte", models.F("first_year"))),
                name="prioritisation_years_in_order",
                violation_error_message="The last year lies before the first year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="prioritisation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("professional_scale__gte", 1), ("professional_scale__lte", 100)
                ),
                name="prioritisation_scale_from_1_to_100",
                violation_error_message="The highest professional score is a whole number from 1 to 100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="progressupdate",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("status__in", ["gepland", "lopend", "afgerond", "vertraagd", "geschrapt"])
                ),
                name="progressupdate_status_known",
                violation_error_message="Unknown status.",
            ),
        ),
        migrations.AddConstraint(
            model_name="progressupdate",
            constraint=models.CheckConstraint(
                condition=models.Q(("date__gte", datetime.date(2000, 1, 1))),
                name="progressupdate_date_not_too_early",
                violation_error_message="Progress cannot be reported for a date before 2000.",
            ),
        ),
        migrations.AddConstraint(
            model_name="regionalpriority",
            constraint=models.CheckConstraint(
                condition=models.Q(("start_year__gte", 2000), ("start_year__lte", 2100)),
                name="regionalpriority_start_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="regionalpriority",
            constraint=models.CheckConstraint(
                condition=models.Q(("end_year__gte", 2000), ("end_year__lte", 2100)),
                name="regionalpriority_end_year_in_range",
                violation_error_message="A year from 2000 to 2100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="regionalpriority",
            constraint=models.CheckConstraint(
                condition=models.Q(("end_year__gte", models.F("start_year"))),
                name="regionalpriority_end_after_start",
                violation_error_message="The last year lies before the first year.",
            ),
        ),
        migrations.AddConstraint(
            model_name="themescore",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("subjective_percentage__gte", 0), ("subjective_percentage__lte", 100)
                ),
                name="themescore_subjective_percentage",
                violation_error_message="The residents' percentage lies between 0 and 100.",
            ),
        ),
        migrations.AddConstraint(
            model_name="themescore",
            constraint=models.CheckConstraint(
                condition=models.Q(("professional_score__gte", 0)),
                name="themescore_professional_not_negative",
                violation_error_message="This cannot be negative.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="actionplan",
            name="actionplan_one_or_two_years",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("end_year__gte", models.F("start_year")),
                    (
                        "end_year__lte",
                        django.db.models.expressions.CombinedExpression(
                            models.F("start_year"), "+", models.Value(1)
                        ),
                    ),
                ),
                name="actionplan_one_or_two_years",
                violation_error_message="An implementation plan runs one or two years.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="policyplan",
            name="policyplan_four_or_five_years",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    (
                        "end_year__gte",
                        django.db.models.expressions.CombinedExpression(
                            models.F("start_year"), "+", models.Value(3)
                        ),
                    ),
                    (
                        "end_year__lte",
                        django.db.models.expressions.CombinedExpression(
                            models.F("start_year"), "+", models.Value(4)
                        ),
                    ),
                ),
                name="policyplan_four_or_five_years",
                violation_error_message="A plan runs four or five years.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="progressupdate",
            name="progressupdate_percent_at_most_100",
            constraint=models.CheckConstraint(
                condition=models.Q(("percent_done__lte", 100)),
                name="progressupdate_percent_at_most_100",
                violation_error_message="The percentage done is a whole number from 0 to 100.",
            ),
        ),
    ]
