"""Each link of an element to a party keeps how the plan writes the party there ("politie" for
the register's "Politie"); existing links are written by the party's name (blank)."""

from django.db import migrations, models

LINKS = ["actionparty", "focusareaparty", "priorityparty", "regionalpriorityparty"]


def written_as():
    return models.CharField(
        blank=True,
        help_text="The party's name as this place in the plan writes it; blank: its own name.",
        max_length=200,
        verbose_name="as written in the plan",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("planning", "0014_chapter_text_markup"),
    ]

    operations = [
        migrations.AddField(model_name=model, name="written_as", field=written_as())
        for link in LINKS
        for model in (link, f"historical{link}")
    ]
