"""The pages of a record made in the background (an imported upload, a generated document):
its page, the status fragment that page polls (htmx) until the work has finished, and trying
failed work again (once, however often the button is pressed)."""

from django.shortcuts import redirect, render

from .access import post_only


def job_pages(access, pages: tuple[str, str], *, read_progress, retry):
    """The views (page, status fragment, retry) of the records that `access` (a `with_object`
    decorator) finds, guards and hands over under its name. The two templates in `pages` get
    the record under that name and its `progress`; `retry(<name>=record)` queues failed work
    again."""

    def showing(template: str):
        @access
        def view(request, **found):
            (record,) = found.values()
            return render(request, template, {**found, "progress": read_progress(record.pk)})

        return view

    @post_only
    @access
    def retry_view(request, **found):
        retry(**found)
        (record,) = found.values()
        return redirect(record)

    page, status = pages
    return showing(page), showing(status), retry_view
