"""The career center's contact block, shown after every page and on the printed checklist, and what
the privacy page says about counting visits."""
from __future__ import annotations

import re
from html import escape

from markupsafe import Markup

from ..model.branding import Branding

PRIVACY_PAGE = "privacy.md"
# Where the privacy page states whether page views are counted (labels privacy_counter, privacy_no_counter).
COUNTER_MARKER = "<!-- followup-guide: page-view counter -->"
# Where the privacy page shows the button that removes everything the guide saved (at its end without one).
FORGET_MARKER = "<!-- followup-guide: remove everything -->"


def contact_html(branding: Branding, labels: dict[str, str]) -> Markup:
    """The contact block shown on every page and on the printed checklist."""
    lines = [f'<p class="fg-contact__name">{escape(branding.name)}</p>']
    if branding.address:
        lines.append('<p class="fg-contact__address">' + "<br>".join(escape(line) for line in branding.address.splitlines()) + "</p>")
    details = []
    if branding.phone:
        number = re.sub(r"[^0-9+]", "", branding.phone)
        details.append(f'{escape(labels["contact_phone"])} <a href="tel:{escape(number)}">{escape(branding.phone)}</a>')
    if branding.email:
        details.append(f'{escape(labels["contact_email"])} <a href="mailto:{escape(branding.email)}">{escape(branding.email)}</a>')
    if branding.website:  # on paper the address is written out (fg-print-only)
        details.append(f'<a href="{escape(branding.website)}">{escape(labels["contact_website"])}</a>'
                       f'<span class="fg-print-only"> {escape(branding.website)}</span>')
    if details:
        lines.append('<p class="fg-contact__details">' + "<br>".join(details) + "</p>")
    if branding.booking_link:
        lines.append(f'<p class="fg-contact__booking"><a class="fg-button" href="{escape(branding.booking_link)}">'
                     f'{escape(labels["contact_booking"])}</a>'
                     f'<span class="fg-print-only">{escape(labels["contact_booking"])}: {escape(branding.booking_link)}</span></p>')
    return Markup(f'<aside class="fg-contact" aria-label="{escape(branding.name)}">' + "".join(lines) + "</aside>")


def forget_all_html(labels: dict[str, str]) -> str:
    """The privacy page's button that removes everything the guide and its theme saved in this
    browser (travel.js), shown once the script runs."""
    return (f'<div class="fg-forget" data-fg-forget hidden><p><button type="button" class="fg-button" data-fg-forget-all '
            f'data-fg-confirm="{escape(labels["forget_all_confirm"])}">{escape(labels["forget_all"])}</button></p>'
            f'<p class="fg-import-message" data-fg-forget-message data-fg-done="{escape(labels["forget_all_done"])}" '
            'role="status"></p></div>')


def with_forget_all(html: str, labels: dict[str, str], clean=lambda part: part) -> str:
    """The privacy page's HTML with that button where FORGET_MARKER is, or at its end; `clean`
    is applied to the page's own parts, not to the button."""
    parts = html.split(FORGET_MARKER)
    button = forget_all_html(labels)
    if len(parts) == 1:
        return clean(html) + "\n\n" + button + "\n"
    return button.join(clean(part) for part in parts)
