"""The real figures the demo shows, from the project's own copy of the public data."""

from ivp.common.data_files import data_file

from .services import FiguresImportResult, figures_import

DEMO_FILES = [
    ("politie-47013-gemeente-totaal", "statline_47013_totaal_2022_2023.csv"),
    ("politie-47013-gemeente-totaal", "statline_47013_totaal_2024.csv"),
    ("politie-nl-totalen-2012-2023", "NL_Crime.csv"),
    ("politie-nl-totalen-2012-2023", "NL_Disorder.csv"),
    ("veiligheidsmonitor-oud", "vm_provincie_2015_2017_veiligheidsgevoel.csv"),
]


def demo_figures_load() -> list[FiguresImportResult]:
    """Imports are idempotent: a second run reports every value unchanged."""
    results = []
    for folder, name in DEMO_FILES:
        path = data_file(folder, name)
        results.append(figures_import(file_name=path.name, raw=path.read_bytes()))
    return results
