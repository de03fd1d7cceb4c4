"""Taxonomy's share of a municipality's audit trail: the names it gave the themes."""

from .models import MunicipalTheme


def taxonomy_histories(municipality):
    yield MunicipalTheme.history.filter(municipality=municipality)
