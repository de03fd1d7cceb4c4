"""The party register: an organisation type and aliases per party, and each element's parties
in the order the plan writes them.

The many-to-many tables Django made for `parties` become explicit link models with an `order`
(the tables are renamed, not copied, so their rows and the parties' history stay); existing
links get their order from the party names, as they were shown before.
"""

import django.db.models.deletion
import django.db.models.functions.text
import simple_history.models
from django.conf import settings
from django.db import migrations, models

LINKS = [
    # (element, its field in the link, old history model, link model)
    ("priority", "priority", "HistoricalPriority_parties", "PriorityParty"),
    ("focusarea", "focusarea", "HistoricalFocusArea_parties", "FocusAreaParty"),
    (
        "regionalpriority",
        "regionalpriority",
        "HistoricalRegionalPriority_parties",
        "RegionalPriorityParty",
    ),
    ("action", "action", "HistoricalAction_parties", "ActionParty"),
]
RELATED = {
    "priority": "priorities",
    "focusarea": "focus_areas",
    "regionalpriority": "+",
    "action": "actions",
}


def keep_links(element, field, old_history, link):
    """The operations that turn one auto-created table into the link model `link`."""
    return [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name=link,
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            field,
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="party_links",
                                to=f"planning.{element}",
                            ),
                        ),
                        (
                            "party",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="planning.party",
                                verbose_name="party",
                            ),
                        ),
                    ],
                    options={
                        "ordering": ["order", "pk"],
                        "abstract": False,
                        "db_table": f"planning_{element}_parties",
                        "unique_together": {(field, "party")},
                    },
                ),
                migrations.AlterField(
                    model_name=element,
                    name="parties",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name=RELATED[element],
                        through=f"planning.{link}",
                        to="planning.party",
                        verbose_name="parties",
                    ),
                ),
            ],
        ),
        migrations.AlterModelTable(name=link, table=None),
        migrations.AddField(
            model_name=link,
            name="order",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="order"),
        ),
        migrations.RenameModel(old_name=old_history, new_name=f"Historical{link}"),
        migrations.AlterModelOptions(
            name=f"historical{link.lower()}",
            options={"verbose_name": f"Historical{link}"},
        ),
        migrations.AddField(
            model_name=f"historical{link.lower()}",
            name="order",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="order"),
        ),
        # state only: the history's foreign keys lose the tablespace of the old auto-created table
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name=f"historical{link.lower()}",
                    name=name,
                    field=models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=f"planning.{target}",
                        **({"verbose_name": "party"} if name == "party" else {}),
                    ),
                )
                for name, target in (("party", "party"), (field, element))
            ]
        ),
    ]


def order_by_name(apps, schema_editor):
    """Existing links in the order they were shown: by party name."""
    for _element, field, _old, link in LINKS:
        model = apps.get_model("planning", link)
        rows = model.objects.select_related("party").order_by(f"{field}_id")
        changed, place = [], {}
        for row in sorted(
            rows, key=lambda r: (getattr(r, f"{field}_id"), r.party.name.casefold(), r.pk)
        ):
            owner = getattr(row, f"{field}_id")
            row.order = place.get(owner, 0)
            place[owner] = row.order + 1
            changed.append(row)
        model.objects.bulk_update(changed, ["order"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0010_decision_unstated"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="party",
            name="organisation_type",
            field=models.CharField(
                blank=True,
                choices=[
                    ("gemeente", "municipality"),
                    ("politie", "police"),
                    ("om", "public prosecution service"),
                    ("veiligheidsregio", "safety region / fire service"),
                    ("ggd", "GGD / GHOR"),
                    ("riec", "RIEC"),
                    ("zorg", "care and welfare"),
                    ("woningcorporatie", "housing corporation"),
                    ("onderwijs", "education"),
                    ("jeugd", "youth (Halt and the like)"),
                    ("ondernemers", "businesses and entrepreneurs"),
                    ("maatschappelijk", "civil society organisation"),
                    ("overig", "other"),
                ],
                max_length=20,
                verbose_name="organisation type",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalParty",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(db_index=True, max_length=200, verbose_name="name")),
                (
                    "organisation_type",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("gemeente", "municipality"),
                            ("politie", "police"),
                            ("om", "public prosecution service"),
                            ("veiligheidsregio", "safety region / fire service"),
                            ("ggd", "GGD / GHOR"),
                            ("riec", "RIEC"),
                            ("zorg", "care and welfare"),
                            ("woningcorporatie", "housing corporation"),
                            ("onderwijs", "education"),
                            ("jeugd", "youth (Halt and the like)"),
                            ("ondernemers", "businesses and entrepreneurs"),
                            ("maatschappelijk", "civil society organisation"),
                            ("overig", "other"),
                        ],
                        max_length=20,
                        verbose_name="organisation type",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical party",
                "verbose_name_plural": "historical parties",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PartyAlias",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                ("key", models.CharField(editable=False, max_length=200, unique=True)),
                (
                    "party",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="aliases",
                        to="planning.party",
                        verbose_name="party",
                    ),
                ),
            ],
            options={
                "verbose_name": "alias of a party",
                "verbose_name_plural": "aliases of parties",
                "ordering": ["key"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalPartyAlias",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                ("key", models.CharField(db_index=True, editable=False, max_length=200)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "party",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="planning.party",
                        verbose_name="party",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical alias of a party",
                "verbose_name_plural": "historical aliases of parties",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AlterModelOptions(
            name="party",
            options={
                "ordering": [django.db.models.functions.text.Lower("name"), "pk"],
                "verbose_name": "party",
                "verbose_name_plural": "parties",
            },
        ),
        *[op for entry in LINKS for op in keep_links(*entry)],
        migrations.RunPython(order_by_name, migrations.RunPython.noop),
    ]
