"""Narrative texts: relative dates follow the story's own timeline, not the publication."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction import NARRATIVE, NEWS, extract
from timeline.extraction.kinds import detect_kind
from timeline.extraction.narrative import Story
from timeline.extraction.results import BEFORE_COMMON_ERA, NEEDS_STORY_DATE
from timeline.periods import Period, Precision

DOWNLOADED = date(2009, 12, 19)  # a history page's "publication" is when it was fetched

HISTORY = (
    "In 1940 the army crossed the river. In July it reached the coast, and by the end of "
    "the month the ports had fallen. On June 10, 1941 the allies landed; twelve days later "
    "the city surrendered. The next day a truce was signed. The following year the war "
    "spread east, and two years later it reached the mountains. In March 1945 the last "
    "offensive began. On April 28 the capital fell; that same day the government fled. "
    "Later in the year the treaty was signed."
)


def story(
    text: str, kind: str | None = NARRATIVE, published: date = DOWNLOADED
) -> list[tuple[str, str | None]]:
    return [(m.text, m.value) for m in extract(text, published, kind=kind).mentions]


def test_a_history_resolves_against_its_latest_date_not_the_publication():
    assert story(HISTORY) == [
        ("1940", "1940"),
        ("July", "1940-07"),
        ("the end of the month", "1940-07"),
        ("June 10, 1941", "1941-06-10"),
        ("twelve days later", "1941-06-22"),
        ("The next day", "1941-06-23"),
        ("The following year", "1942"),
        ("two years later", "1944"),
        ("March 1945", "1945-03"),
        ("April 28", "1945-04-28"),
        ("that same day", "1945-04-28"),
        ("Later in the year", "1945"),
    ]


def test_the_kind_is_detected_when_not_given():
    assert detect_kind(HISTORY) == NARRATIVE
    assert extract(HISTORY, DOWNLOADED).kind == NARRATIVE
    report = "The minister said on Friday that talks went well. Prices rose yesterday."
    assert detect_kind(report) == NEWS


def test_a_given_kind_overrides_detection():
    text = "The war began in 1940. In July the city fell."
    assert story(text, kind=NARRATIVE) == [("1940", "1940"), ("July", "1940-07")]
    assert story(text, kind=NEWS) == [("1940", "1940"), ("July", "2009-07")]


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown kind"):
        extract("In 2013.", kind="essay")


def test_a_year_less_date_before_any_year_is_flagged_not_guessed():
    (mention,) = extract("In July the city fell.", DOWNLOADED, kind=NARRATIVE).mentions
    assert mention.value is None and NEEDS_STORY_DATE in mention.flags


def test_anaphora_in_news_points_back_to_the_date_just_told():
    text = "Slepian was killed on Oct. 23, 1998. Earlier that day, his family went to church."
    assert story(text, kind=NEWS) == [
        ("Oct. 23, 1998", "1998-10-23"),
        ("Earlier that day", "1998-10-23"),
    ]


def test_counted_distance_in_news_before_any_date_is_measured_from_publication():
    values = [
        m.value
        for m in extract(
            "Profit was $4 million a year earlier.", date(1989, 11, 2), kind=NEWS
        ).mentions
    ]
    assert values == ["1988"]


def test_a_delay_later_than_planned_is_no_date():
    # "two years later than planned" measures a delay: it points at no moment of the story.
    text = (
        "Deliveries began on July 12, 2019, two years later than planned. "
        "It ran a month earlier than expected."
    )
    assert story(text, kind=NEWS) == [("July 12, 2019", "2019-07-12")]
    assert story(text, kind=NARRATIVE) == [("July 12, 2019", "2019-07-12")]


def test_news_reads_each_repeated_anaphor_against_the_date_just_told():
    # News reads a repeated expression once; an anaphor that follows the story must not be
    # kept from its first reading.
    text = (
        "The talks began on March 3, 2015. The next day, they stalled. Earlier that year, "
        "they had failed. Talks resumed on June 10, 2014. The next day, they stalled. "
        "Earlier that year, they had failed. That summer, they ended."
    )
    assert story(text, kind=NEWS, published=date(2015, 7, 1)) == [
        ("March 3, 2015", "2015-03-03"),
        ("The next day", "2015-03-04"),
        ("Earlier that year", "2015"),
        ("June 10, 2014", "2014-06-10"),
        ("The next day", "2014-06-11"),
        ("Earlier that year", "2014"),
        ("That summer", None),
    ]


def test_news_counts_no_past_happening_beyond_its_own_writing():
    # "tomorrow" was the last day told, yet the rig sank long before the report: a past
    # clause counted past the publication took the wrong date to count from.
    text = (
        "The dome will be lowered tomorrow. The rig, which killed 11 workers when it "
        "exploded, sank two days later. The vote will come a week later."
    )
    assert story(text, kind=NEWS, published=date(2010, 5, 5)) == [
        ("tomorrow", "2010-05-06"),
        ("two days later", None),
        ("a week later", "2010-05-13"),
    ]


def test_a_comparison_ends_at_its_comma():
    # "larger than a football field" compares the rig, not a figure with a year before.
    text = (
        "Something went awry on April 20. The rig, larger than a football field, "
        "sank two days later. Profit fell to $7 million from $8 million a year earlier."
    )
    assert story(text, kind=NEWS, published=date(2010, 5, 3)) == [
        ("April 20", "2010-04-20"),
        ("two days later", "2010-04-22"),
        ("a year earlier", "2009"),
    ]


def test_news_reads_a_repeated_counted_distance_from_the_date_just_told():
    # A counted distance points back like "that day": repeated, it is read again.
    text = "Sales fell in 2013, a year earlier. In 2009 they rose, a year earlier. By year-end."
    assert [(m.text, m.value) for m in extract(text, date(2016, 11, 19), kind=NEWS).mentions] == [
        ("2013", "2013"),
        ("a year earlier", "2012"),
        ("2009", "2009"),
        ("a year earlier", "2008"),
        ("year-end", "2016"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The revolt began in 499 BC.", [("499 BC", None)]),
        ("Jerusalem fell in AD 70.", [("AD 70", "0070")]),
        ("Caesar died in 44 B.C. at Rome.", [("44 B.C.", None)]),
    ],
)
def test_era_years_are_found_and_bc_ones_are_never_given_an_ad_value(text, expected):
    assert story(text) == expected


def test_after_a_bc_year_relative_dates_stay_unresolved():
    mentions = extract(
        "The revolt began in 499 BC. The following year Athens sent ships. In July they sailed.",
        DOWNLOADED,
        kind=NARRATIVE,
    ).mentions
    assert [m.value for m in mentions] == [None, None, None]
    assert BEFORE_COMMON_ERA in mentions[0].flags
    assert all(NEEDS_STORY_DATE in m.flags for m in mentions[1:])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("But in June last year, the leadership split.", [("June last year", "2015-06")]),
        ("In January this year, police arrived.", [("January this year", "2016-01")]),
        ("Members join in April next year.", [("April next year", "2017-04")]),
    ],
)
def test_composite_month_with_a_relative_year(text, expected):
    assert [(m.text, m.value) for m in extract(text, date(2016, 11, 19)).mentions] == expected


def test_month_day_of_that_year_is_one_mention():
    text = "Congress met in 1861. It passed the resolution on July 25 of that year."
    assert story(text) == [("1861", "1861"), ("July 25 of that year", "1861-07-25")]


@pytest.mark.parametrize(
    ("told", "kept"),
    [
        # a month or year that contains the day told before keeps it as "that day"
        (["1944-06-06", "1944-06"], {"day": "1944-06-06", "month": "1944-06", "year": "1944"}),
        (["1944-06-06", "1944"], {"day": "1944-06-06", "month": "1944-06", "year": "1944"}),
        (["1944-06-06", "1944-07"], {"month": "1944-07", "year": "1944"}),
        (["1944-06-06", "1945-06"], {"month": "1945-06", "year": "1945"}),
        (["1944-06-06", "1945"], {"year": "1945"}),
        (["1944-06", "1944"], {"month": "1944-06", "year": "1944"}),
        (["1944-06", "1943"], {"year": "1943"}),
        (["1944", "1944-03-01", "1944-05"], {"month": "1944-05", "year": "1944"}),
    ],
)
def test_a_story_keeps_the_finer_dates_its_new_date_contains(told, kept):
    story = Story(None, NARRATIVE)
    for value in told:
        story.note(Period.parse(value))
    references = {
        precision.label: Period(story.reference(precision), precision).iso
        for precision in Precision
        if story.reference(precision) is not None
    }
    assert references == kept


def news(text: str, published: date = date(2016, 11, 19)) -> list[tuple[str, str | None]]:
    result = extract(text, published)
    assert result.kind == NEWS  # the short texts below are not told apart as histories
    return [(m.text, m.value) for m in result.mentions]


def test_a_counted_distance_in_news_counts_from_the_date_the_report_told():
    text = "The miners walked out on March 4. Eleven days later the pits reopened."
    assert news(text, date(2019, 6, 1)) == [
        ("March 4", "2019-03-04"),
        ("Eleven days later", "2019-03-15"),
    ]
    text = "The bridge opened in 1932. Three years later a second deck was added."
    assert news(text) == [("1932", "1932"), ("Three years later", "1935")]


def test_a_distance_forward_before_any_date_is_flagged_not_counted_from_the_publication():
    # Later than what, the report has not said; and it does not tell of years after its
    # own writing. A distance back counts from the writing; one after a date told, from it.
    text = "Two years later the plan failed. In 2009 it was revived; a year later it closed."
    assert news(text) == [("Two years later", None), ("2009", "2009"), ("a year later", "2010")]
    (unplaced,) = [m for m in extract(text, date(2016, 11, 19)).mentions if not m.value]
    assert unplaced.flags == (NEEDS_STORY_DATE,)
    assert news("Three days earlier, the police had warned residents.") == [
        ("Three days earlier", "2016-11-16")
    ]


def test_deictic_dates_stay_with_the_publication_after_an_old_date():
    text = (
        "The plant closed in 1998. Two years later it was sold; two years ago it was sold "
        "again, last year it was gutted, and it will reopen later this year."
    )
    assert news(text) == [
        ("1998", "1998"),
        ("Two years later", "2000"),
        ("two years ago", "2014"),
        ("last year", "2015"),
        ("later this year", "2016"),
    ]


def test_a_comparison_of_figures_with_a_year_earlier_is_the_report_s_year_ago():
    # "from $4 million a year earlier": the same period a year before the report's
    text = (
        "The firm was founded in 1950. Two years later it listed its shares. "
        "Profit rose to $5 million from $4 million a year earlier."
    )
    assert news(text, date(1989, 11, 2)) == [
        ("1950", "1950"),
        ("Two years later", "1952"),
        ("a year earlier", "1988"),
    ]


def test_the_following_month_or_season_is_the_first_after_the_date_told():
    assert news("The dam burst in September 1970. The following June, it was rebuilt.") == [
        ("September 1970", "1970-09"),
        ("The following June", "1971-06"),
    ]
    assert news("The dam burst in 1970. The following June, it was rebuilt.") == [
        ("1970", "1970"),
        ("The following June", "1971-06"),
    ]
    text = "Cholera struck in the spring of 1848. By the following autumn, it had spread."
    assert news(text) == [
        ("the spring of 1848", "1848-03/1848-05"),
        ("the following autumn", "1848-09/1848-11"),
    ]
    text = "Cholera struck in the autumn of 1848. By the following summer, it had spread."
    assert news(text) == [
        ("the autumn of 1848", "1848-09/1848-11"),
        ("the following summer", "1849-06/1849-08"),
    ]


def test_a_season_told_aside_does_not_move_a_history_s_year():
    text = (
        "The fighting ended in 1865. The following spring the army was disbanded. "
        "Deaths fell to 20 a week in 1866, against a peak in summer 1864. By October "
        "the camps had closed."
    )
    assert story(text) == [
        ("1865", "1865"),
        ("The following spring", "1866-03/1866-05"),
        ("1866", "1866"),
        ("summer 1864", "1864-06/1864-08"),
        ("October", "1866-10"),
    ]


def test_an_anaphor_finer_than_the_date_told_keeps_that_date_s_precision():
    text = "The reactor failed in April 1986. The next day, the town was emptied."
    assert news(text) == [("April 1986", "1986-04"), ("The next day", "1986-04")]
    text = "The reactor failed in 1986. Two weeks later, the town was emptied."
    assert story(text) == [("1986", "1986"), ("Two weeks later", "1986")]


def test_a_distance_back_is_an_aside_the_story_returns_from():
    text = (
        "The siege began in 1453. A treaty signed two years earlier had failed. In May the "
        "walls fell. The following year the city was rebuilt."
    )
    assert story(text) == [
        ("1453", "1453"),
        ("two years earlier", "1451"),
        ("May", "1453-05"),
        ("The following year", "1454"),
    ]
