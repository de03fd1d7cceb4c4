"""The policy cycle, in three parts a newcomer finds by name:

- `policy/`: the cycle and its steps, prioritisation, the integral safety plan (IVP), regional
  priorities;
- `execution/`: the uitvoeringsplan, its actions and progress, stale actions and reminders, the
  dashboard and the look-back;
- `workflow/`: what both plans share: drafts, adoption and versions, optimistic locking, the
  plan check's findings.

Each part has its models, services (every write), selectors (every read), forms, views and
urls; `workflow` imports neither of the others and `policy` does not import `execution`.
"""
