"""Every cycle gets its prioritisation row when it is created; older cycles get theirs here,
so that opening the prioritisation page only reads."""

from django.db import migrations


def create_missing(apps, schema_editor):
    cycles = apps.get_model("planning", "PolicyCycle")
    prioritisations = apps.get_model("planning", "Prioritisation")
    for cycle in cycles.objects.filter(prioritisation__isnull=True):
        prioritisations.objects.create(cycle=cycle)


class Migration(migrations.Migration):
    dependencies = [("planning", "0004_plan_versions_unique")]

    operations = [migrations.RunPython(create_missing, migrations.RunPython.noop)]
