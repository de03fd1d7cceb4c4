# The house style's history now belongs to reports (reports 0003); the table and its rows stay.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_historicalhousestyle'),
        ('reports', '0003_historicalhousestyle_from_accounts'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='HistoricalHouseStyle',
                ),
            ],
            database_operations=[],
        ),
    ]
