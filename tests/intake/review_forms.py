"""What a browser sends for a review form as it stands: ticked boxes, chosen options (the
first when none is marked), the words in every box."""


def form_answers(form) -> dict:
    answers = {}
    for field in form.iter("input", "textarea", "select"):
        name = field.get("name")
        if field.get("type") == "checkbox":
            if field.get("checked") is not None:
                answers[name] = "on"
        elif field.tag == "select":
            options = list(field.iter("option"))
            chosen = [o for o in options if o.get("selected") is not None] or options
            answers[name] = chosen[0].get("value")
        else:
            answers[name] = field.get("value") if field.tag == "input" else field.text or ""
    return answers
