"""An installation upgraded from before 0005 has municipal population but no country and
province rows, and its national and province pages would lose every rate: take CBS's own rows
from the 37230ned file shipped in data/ (a fresh installation loads them with the rest)."""

from pathlib import Path

from django.conf import settings
from django.db import migrations

from ivp.regions import cbs_files

FILE = ("cbs-bevolking-gemeente-2002-2025", "statline_37230_bevolking_eind_jaar_2002_2024.csv")
SOURCE = "CBS 37230ned, Bevolkingsontwikkeling; regio per maand (bevolking op 31 december)"


def country_and_provinces(apps, schema_editor):
    Population = apps.get_model("regions", "Population")
    RegionPopulation = apps.get_model("regions", "RegionPopulation")
    Region = apps.get_model("regions", "Region")
    path = Path(settings.DATA_DIR).joinpath(*FILE)
    if not Population.objects.exists() or RegionPopulation.objects.exists() or not path.exists():
        return
    codes = {"Nederland": "NL01"} | {
        f"{name} (PV)": code
        for name, code in Region.objects.filter(kind="provincie").values_list("name", "code")
    }
    records = cbs_files.statline_population(path.name, path.read_text(encoding="utf-8-sig"))
    RegionPopulation.objects.bulk_create(
        RegionPopulation(code=codes[r.name], year=year, inhabitants=n, source=SOURCE)
        for r in records
        if r.name in codes
        for year, n in r.values.items()
        if n is not None
    )


class Migration(migrations.Migration):
    dependencies = [("regions", "0005_population_of_country_and_provinces")]

    operations = [migrations.RunPython(country_and_provinces, migrations.RunPython.noop)]
