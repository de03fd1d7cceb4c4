"""Helpers every app may use: access decorators, imports and upload limits, spreadsheet
cells, forms, bulk writes and background-job heartbeats. Imports no app of ivp."""
