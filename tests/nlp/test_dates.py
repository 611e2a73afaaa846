from eventscope.nlp import DateResolver


def test_relative_dates_resolve_against_publication_date():
    resolver = DateResolver("2008-06-20")  # a Friday
    assert resolver.resolve("Tuesday").date == "2008-06-17"
    assert resolver.resolve("yesterday").date == "2008-06-19"
    june = resolver.resolve("in June".removeprefix("in "))
    assert (june.date, june.precision) == ("2008-06-01", "month")
    year = resolver.resolve("2007")
    assert (year.date, year.precision) == ("2007-01-01", "year")
    assert resolver.resolve("recently") is None


def test_month_after_publication_means_last_year():
    resolver = DateResolver("2008-03-10")
    assert resolver.resolve("November").date == "2007-11-01"
    assert resolver.resolve("next week").date == "2008-03-17"


def test_document_default_without_cue():
    assert DateResolver("2020-02-02").document_default().precision == "day"
    assert DateResolver(None).document_default() is None


def test_named_weekday_of_the_publication_day_is_that_day():
    resolver = DateResolver("2019-01-28")  # a Monday
    assert resolver.resolve("Monday").date == "2019-01-28"
    assert resolver.resolve("Sunday").date == "2019-01-27"
