"""What the two import commands share: a file read into a draft with every refusal said in
Dutch naming the file, and the findings written after a save."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from ivp.intake.readers.plan_json import PlanFileError


def drafted(path: Path, draft) -> dict:
    """`draft(file_name, content)` of the file at `path`."""
    try:
        return draft(path.name, path.read_bytes())
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror}.") from None
    except PlanFileError as error:
        raise CommandError(str(error)) from None


def saved(path: Path, save):
    """`save()`, its refusal said as the command's error, naming the file."""
    try:
        return save()
    except ValidationError as error:
        raise CommandError(f"{path.name}: " + " ".join(error.messages)) from None


def said(command, summary: str, findings: list[str]) -> None:
    command.stderr.write(summary)
    for finding in findings:
        command.stderr.write(f"- {finding}")
