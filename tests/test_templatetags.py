"""Template tags and filters: how names and dates are written on every page."""

from __future__ import annotations

from datetime import date

from django.template import Context, Template

from timeline.templatetags.timeline_tags import long_date, nobreak_names


def render(source: str, **context) -> str:
    return Template("{% load timeline_tags %}" + source).render(Context(context))


def test_model_names_never_break_at_their_hyphen():
    html = render("{{ text|nobreak_names }}", text="Turkey's FD-2000 and S-400, not air-defense.")
    assert html == (
        'Turkey&#x27;s <span class="nobr">FD-2000</span> and <span class="nobr">S-400</span>, '
        "not air-defense."
    )


def test_nobreak_names_still_escapes_what_it_is_given():
    html = nobreak_names("<script>S-400</script>")
    assert html == '&lt;script&gt;<span class="nobr">S-400</span>&lt;/script&gt;'


def test_dates_are_written_as_the_app_writes_them():
    assert long_date(date(2016, 11, 19)) == "19 November 2016"
    assert long_date("2016-11-19") == "19 November 2016"
    assert long_date("11/19/2016") == "" and long_date(None) == ""
