"""An action's comment thread: a short message from the coordinator or a partner of a party on
it, shown under the organisation it was written for, never under the person's user name."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ivp.planning.execution.models import Action, ActionComment
from ivp.planning.execution.services.progress import reporting_organisation


@transaction.atomic
def comment_post(*, action: Action, user, text: str) -> ActionComment:
    """The caller has checked planning.comment_action; the text is the person's input."""
    # a browser sends CRLF: stored so, every line would count twice against the limit
    text = (text or "").replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError({"text": _("Write a comment before you post it.")})
    comment = ActionComment(
        action=action,
        user=user,
        organisation=reporting_organisation(user, action),
        text=text,
    )
    comment.full_clean(exclude={"action", "user"})  # records the caller holds, not input
    comment.save()
    return comment
