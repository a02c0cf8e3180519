"""The values every page's head and foot show, whatever the engine: site_overrides/main.html
reads them as `config.extra.followup_guide` (the adapters add the branding's)."""
from __future__ import annotations

import json
from typing import Callable

from ..model.knowledge_base import KnowledgeBase

LABELS = ("home", "not_found_title", "not_found_text", "application_name", "application_unnamed",
          "calendar_summary")


DATE_LABELS = {"long": "date_long", "short": "date_short", "withTime": "date_with_time", "time": "time_of_day",
               "months": "month_names", "monthsShort": "month_short_names", "weekdays": "weekday_names",
               "periods": "time_periods", "longDayFirst": "date_long_day_first", "shortDayFirst": "date_short_day_first"}


def page_values(kb: KnowledgeBase, site_id: str, data_script: str, escape: Callable[[str], str]) -> dict:
    """`data_script`: the uri of the guide's data (Site.data_script); `escape` makes a label safe
    for a theme that prints it without escaping."""
    renamed = kb.renamed_ids
    return {
        "site_id": site_id, "contact": "", "center_name": "", "branding_css": False, "logo": None,
        "data_script": data_script,
        "not_found_elsewhere": [],  # the 404 page's words in the languages built inside this one's folder
        # Ids the guide renamed, for store.js: readers' saved ticks follow them.
        "renamed": json.dumps(renamed, sort_keys=True) if any(renamed.values()) else "",
        # How the scripts write dates (core/dates.js: inWords).
        "dates": escape(json.dumps({name: kb.labels[label] for name, label in DATE_LABELS.items()
                                    if kb.labels.get(label)}, ensure_ascii=False)),
        **{name: escape(kb.labels[name]) for name in LABELS},
    }
