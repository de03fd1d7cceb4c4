"""The demo database and a test client signed in as one of its users, for benchmarks of pages.
Call after `scratch.use_scratch_database()` and `django.setup()`."""


def demo_client(username: str = "coordinator.steenwijkerland"):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from ivp.accounts.demo import demo_load
    from ivp.figures.demo import demo_figures_load
    from ivp.planning.demo import actions_demo_load, planning_demo_load
    from ivp.regions.services import regions_load_all
    from ivp.taxonomy.services import taxonomy_load

    call_command("migrate", verbosity=0)
    regions_load_all()
    taxonomy_load()
    demo_load()
    demo_figures_load()
    planning_demo_load()
    actions_demo_load()
    setup_test_environment()  # the test client without ALLOWED_HOSTS trouble
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client
