"""Reports' share of a municipality's audit trail: uploads and removals of its house style."""

from .models import HouseStyle


def report_histories(municipality):
    yield HouseStyle.history.filter(municipality=municipality)
