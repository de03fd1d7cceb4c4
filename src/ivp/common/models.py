from django.db import models
from django.utils.translation import gettext_lazy as _


class Revision(models.Model):
    """The token of one kind of input (figures, plans): replaced by every write of that input,
    in the writing transaction, so it is committed or rolled back together with the data.
    See ivp.common.revisions."""

    name = models.CharField(_("name"), max_length=40, primary_key=True)
    token = models.CharField(_("token"), max_length=32)
    # When the input last changed: the Last-Modified of the public pages made from it.
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self):
        return f"{self.name}: {self.token}"
