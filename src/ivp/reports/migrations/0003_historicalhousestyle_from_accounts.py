# The house style's history moves from accounts to reports, the app that owns the house style,
# so that accounts need not import reports. Only Django's idea of the model moves: the table
# keeps its name (accounts_historicalhousestyle) and every row stays where it is.

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor, old="accounts", new="reports"):
    """Permissions on the historical model follow it instead of pointing at a model that left."""
    content_types = apps.get_model("contenttypes", "ContentType")
    if not content_types.objects.filter(app_label=new, model="historicalhousestyle").exists():
        content_types.objects.filter(app_label=old, model="historicalhousestyle").update(
            app_label=new
        )


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="reports", new="accounts")


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_historicalhousestyle'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('regions', '0004_municipality_sort_name'),
        ('reports', '0002_document_source_and_token'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalHouseStyle',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('file_name', models.CharField(max_length=255, verbose_name='file')),
                        ('uploaded_at', models.DateTimeField(blank=True, editable=False, verbose_name='uploaded at')),
                        ('history_change_reason', models.TextField(null=True)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('municipality', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='regions.municipality')),
                        ('uploaded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical house style',
                        'verbose_name_plural': 'historical house styles',
                        'db_table': 'accounts_historicalhousestyle',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
