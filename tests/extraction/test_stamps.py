"""Dates that date no event of the article: its own stamp, a moment restated in another
time zone; and a range's end, which never precedes its start."""

from __future__ import annotations

from datetime import date

import pytest

from tests.extraction import found, values

JUNE_28 = date(2010, 6, 28)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # a newspaper's web stamp: weekday, date, year; then the time
        (
            "BP made political contributions Tuesday, June 29, 2010; 9:57 PM For the past "
            "two decades, companies gave.",
            date(2010, 6, 29),
        ),
        ("Engineers seal the well Wednesday 5 May 2010 21.48 BST The rig sank.", date(2010, 5, 5)),
        ("Robert Peston | 15:39 UK time, Tuesday, 1 June 2010 Given that BP is held", JUNE_28),
        ("WASHINGTON | Fri May 21, 2010 9:03 am EDT President Obama spoke.", date(2010, 5, 21)),
        ("Posted by: Jumper1 | November 18, 2010 1:09 PM | Report abuse Yep", JUNE_28),
        ("Last updated at 07:41 GMT, Wednesday, 9 June 2010 08:41 UK Meet the team", JUNE_28),
        (
            "A version appeared on p6 of the Main section of the Guardian on 08.51 BST on "
            "Saturday 2 May 2009",
            JUNE_28,
        ),
        # a tokenised text writes the year apart: the stamp is still one, year included
        ("Posted by : Jumper1 | November 18 , 2010 1:09 PM | Report abuse Yep", JUNE_28),
        # a reader's comment heads itself with when it was posted, introduced or not
        ("Out of interest. At 10:02 pm on 05 May 2009 , threnodio wrote : Yes", JUNE_28),
        ("At 3:05 pm on 08 Jul 2009, Mango Chutney wrote: This comment was removed", JUNE_28),
        ("At 16:51 26th Apr 2009 , terblogger7 wrote : I read a book", JUNE_28),
    ],
)
def test_an_articles_own_stamp_is_not_a_date_of_its_events(text, published):
    assert found(text, published) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2009, Smith wrote: the well will hold.", ["2009"]),
        ("Shares rose 3.45 percent in 2009, Smith wrote: it ended.", ["2009"]),
        # a dated letter is an event: its clock time does not open the sentence with "At"
        ('In a letter sent at 9:30 am on May 5, 2009, Obama wrote: "We act."', ["2009-05-05"]),
    ],
)
def test_a_date_of_writing_that_opens_no_comment_is_kept(text, expected):
    assert values(text, JUNE_28) == expected


def test_a_dated_hour_introduced_by_a_preposition_is_an_event():
    assert values("The rig exploded on April 20, 2010, 9:45 p.m. local time.", JUNE_28) == [
        "2010-04-20"
    ]
    assert values("The rig exploded at 9:45 on April 20, 2010 and sank.", JUNE_28) == ["2010-04-20"]


@pytest.mark.parametrize(
    "text",
    [
        "The pipe was cut at 1930 CDT on 1 June (0030 GMT 2 June). The next stage began.",
        "The pipe was cut at 1930 CDT on 1 June -LRB- 0030 GMT 2 June -RRB- . It held.",
        "The pipe was cut late on 1 June [02:30 local time, 2 June] in calm seas.",
    ],
)
def test_a_moment_restated_in_another_time_zone_is_one_date(text):
    assert values(text, JUNE_28) == ["2010-06-01"]


def test_a_second_date_in_parentheses_without_a_time_zone_still_counts():
    assert values("The first cap went on 1 June (the second on 3 June).", JUNE_28) == [
        "2010-06-01",
        "2010-06-03",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Atlantic hurricane season runs from June 1 to November 30, forecasters say.",
        "The Atlantic hurricane season runs June 1 through November 30.",
        "Forecasts cover the season between June 1 and November 30.",
    ],
)
def test_a_ranges_end_is_not_before_its_start(text):
    # alone, a year-less "November 30" in a June article is last November
    assert values("Sales fell on November 30.", JUNE_28) == ["2009-11-30"]
    assert values(text, JUNE_28) == ["2010-06-01", "2010-11-30"]


def test_a_range_of_weekdays_from_today_on_ends_after_it_starts():
    # a Monday's article: alone, "Friday" is last Friday
    monday = date(2010, 5, 31)
    assert values("The office is open Monday to Friday.", monday) == ["2010-05-31", "2010-06-04"]
    # a week back is left as read: its start, already given, is the one to move
    wednesday = date(2010, 6, 2)
    assert values("Sunday through Saturday were busy.", wednesday) == ["2010-05-30", "2010-05-29"]
    assert values("They will protest from Thursday to Saturday.", monday) == [
        "2010-06-03",
        "2010-06-05",
    ]


def test_two_dates_listed_are_each_resolved_on_their_own():
    assert values("He was in Mexico on April 14 and November 30.", JUNE_28) == [
        "2010-04-14",
        "2009-11-30",
    ]


LIVE_BLOG = (
    "Obama speaks tonight. 1905 : Welcome to our live coverage of the speech. 2003 : Mr "
    "Obama opens by chronicling his response. 2025 : We are now waiting for Gibbs. 2130 : "
    "You can read the full speech here."
)


def test_a_live_blogs_entry_times_are_not_years():
    assert values(LIVE_BLOG, date(2010, 6, 15)) == ["2010-06-15"]


@pytest.mark.parametrize(
    "text",
    [
        # not all clock times
        "Key dates. 1918: The Spanish flu kills millions. 1957: Asian flu. 1968: Hong Kong flu.",
        # clock times, but within one hour: a chronology of this century
        "Key dates. 2001: The attacks. 2003: The Iraq war. 2009: Swine flu.",
        # clock times over two hours, but every one a year before the article's
        "Key dates. 1948: Israel is founded. 1956: Suez. 2000: An intifada. 2005: Gaza.",
        # two are not enough to tell
        "1905 : The year of the revolution. 2030 : The year of the target.",
    ],
)
def test_a_chronologys_years_stay_years(text):
    assert all(len(value) == 4 for value in values(text, JUNE_28))
    assert len(values(text, JUNE_28)) >= 2
