"""reportage: turn a news report into a model of its article, sources, claims, time
expressions and events (a ctypes binding of the C library libreportage).

    >>> import reportage
    >>> report = reportage.parse(open("story.txt", encoding="utf-8").read())
    >>> for claim in report.claims:
    ...     print(claim.source.name if claim.source else "?", claim.text)
    >>> report.query('claims where source.name ~ "Doe" and kind = "direct"')

Every object of a report (Article, Source, Claim, Timex, Event, Text, Span ...) is a
plain Python object copied out of the C report when it is parsed, linked to the others
(``claim.source`` is the Source object, ``source.claims`` its claims). They stay valid
after the report is closed. ``Report.query()`` and ``Report.to_json()`` need the C
report: after ``Report.close()`` they raise ReportageError.

Spans carry byte offsets into the UTF-8 input (``begin``, ``end``, as in the JSON) and
indices into ``Report.text`` (``start``, ``stop``; ``span.slice``).

The C library is looked for next to this package, then at $REPORTAGE_LIBRARY, then on the
system's library path.
"""

import ctypes
import json as _json

from . import _capi
from ._capi import ReportageError
from ._text import decode as _decode, encode as _encode

__all__ = ["parse", "Report", "ReportageError", "Span", "Text", "Article", "Author",
           "Dateline", "Media", "Source", "Claim", "Cue", "Timex", "Event", "Actor", "Count",
           "Place", "Diagnostic", "version", "library_path"]

__version__ = "0.1.0"

library_path = _capi.library_path


def version():
    """The C library's version string."""
    return _capi.lib.rpt_version().decode()


def _s(value):
    return None if value is None else value.decode("utf-8", "replace")


class Span:
    """A half-open span: ``begin``/``end`` are UTF-8 byte offsets into the input, ``start``/
    ``stop`` indices into Report.text (so ``report.text[span.slice]`` is its text)."""

    __slots__ = ("begin", "end", "start", "stop")

    def __init__(self, begin, end, start, stop):
        self.begin, self.end, self.start, self.stop = begin, end, start, stop

    @property
    def slice(self):
        return slice(self.start, self.stop)

    def __eq__(self, other):
        return isinstance(other, Span) and (self.begin, self.end) == (other.begin, other.end)

    def __hash__(self):
        return hash((self.begin, self.end))

    def __repr__(self):
        return "Span(bytes=[%d, %d), chars=[%d, %d))" % (self.begin, self.end, self.start, self.stop)


class _Record:
    __slots__ = ()
    _shown = ()

    def __init__(self, **fields):
        for k, v in fields.items():
            setattr(self, k, v)

    def __repr__(self):
        parts = ("%s=%r" % (k, getattr(self, k)) for k in self._shown)
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))


class Text(_Record):
    __slots__ = ("text", "span")
    _shown = ("text",)


class Author(_Record):
    __slots__ = ("name", "role", "span")
    _shown = ("name", "role")


class Dateline(_Record):
    __slots__ = ("place", "agency", "span")
    _shown = ("place", "agency")


class Media(_Record):
    __slots__ = ("caption", "credit")
    _shown = ("caption", "credit")


class Article(_Record):
    __slots__ = ("outlet_name", "outlet_tagline", "headline", "standfirst", "authors",
                 "agencies", "published", "published_origin", "dateline", "media",
                 "paragraphs", "see_also", "author_bio", "boilerplate")
    _shown = ("outlet_name", "headline", "published")


class Source(_Record):
    """A source; ``claims`` lists the claims attributed to it."""
    __slots__ = ("id", "name", "kind", "named", "official", "role", "affiliation",
                 "mentions", "claims")
    _shown = ("id", "name", "kind")


class Cue(_Record):
    __slots__ = ("text", "lemma", "span")
    _shown = ("text", "lemma")


class Claim(_Record):
    """A claim; ``source`` is the Source object (or None), ``nested_in`` a Claim or None."""
    __slots__ = ("id", "kind", "text", "spans", "source", "source_mention", "cue",
                 "inherited", "nested_in", "paragraph")
    _shown = ("id", "kind", "text")


class Timex(_Record):
    """A time expression; ``anchor`` is a Timex, the string "published", or None."""
    __slots__ = ("id", "text", "span", "type", "value", "anchor")
    _shown = ("id", "text", "value")


class Count(_Record):
    __slots__ = ("value", "low", "high", "qualifier", "text", "span")
    _shown = ("value", "low", "high", "qualifier")


class Actor(_Record):
    __slots__ = ("role", "name", "span", "source")
    _shown = ("role", "name")


class Place(_Record):
    __slots__ = ("name", "span")
    _shown = ("name",)


class Event(_Record):
    __slots__ = ("id", "type", "acled", "trigger", "date", "date_timex", "end_date",
                 "end_date_timex", "place", "actors", "counts", "claims", "sources")
    _shown = ("id", "type", "date")


class Diagnostic(_Record):
    __slots__ = ("code", "severity", "message", "span")
    _shown = ("code", "severity", "message")


class _Reader:
    """Copies a C report into Python objects."""

    def __init__(self, handle, offsets):
        self.handle = handle
        self.offsets = offsets

    def span(self, s):
        c = self.offsets.char_index
        return Span(s.begin, s.end, c(s.begin), c(s.end))

    def text(self, t):
        if not t.text:
            return None
        return Text(text=ctypes.string_at(t.text, t.length).decode("utf-8", "replace"),
                    span=self.span(t.span))

    def texts(self, pointer, count):
        return [self.text(pointer[i]) for i in range(count)]

    def count(self, name):
        n = ctypes.c_size_t()
        _capi.check(getattr(_capi.lib, "rpt_report_%s_count" % name)(self.handle, ctypes.byref(n)))
        return n.value

    def records(self, name, record):
        getter = getattr(_capi.lib, "rpt_report_%s" % name)
        out = ctypes.POINTER(record)()
        items = []
        for i in range(self.count(name)):
            _capi.check(getter(self.handle, i, ctypes.byref(out)))
            items.append(out.contents)
        return items

    def article(self):
        p = ctypes.POINTER(_capi.Article)()
        _capi.check(_capi.lib.rpt_report_article(self.handle, ctypes.byref(p)))
        a = p.contents
        return Article(
            outlet_name=_s(a.outlet_name), outlet_tagline=_s(a.outlet_tagline),
            headline=self.text(a.headline), standfirst=self.text(a.standfirst),
            authors=[Author(name=_s(x.name), role=_s(x.role), span=self.span(x.span))
                     for x in a.authors[:a.author_count]],
            agencies=[_s(x) for x in a.agencies[:a.agency_count]],
            published=_s(a.published), published_origin=_s(a.published_origin),
            dateline=Dateline(place=_s(a.dateline_place), agency=_s(a.dateline_agency),
                              span=self.span(a.dateline_span)) if a.has_dateline else None,
            media=[Media(caption=self.text(x.caption), credit=_s(x.credit))
                   for x in a.media[:a.media_count]],
            paragraphs=self.texts(a.paragraphs, a.paragraph_count),
            see_also=self.texts(a.see_also, a.see_also_count),
            author_bio=self.text(a.author_bio),
            boilerplate=self.texts(a.boilerplate, a.boilerplate_count))


def _optional(index, items):
    return items[index] if index != _capi.NONE and index < len(items) else None


class Report:
    """A parsed report. Use ``reportage.parse()`` to make one.

    Attributes: ``text`` (the input as str), ``data`` (the input as UTF-8 bytes),
    ``article``, ``sources``, ``claims``, ``timexes``, ``events``, ``diagnostics``.
    A Report may be used as a context manager; ``close()`` frees the C report early (it is
    freed when the Report is garbage-collected otherwise)."""

    def __init__(self, handle, text, data, offsets):
        self._handle = handle
        self.text = text
        self.data = data
        r = _Reader(handle, offsets)
        self.article = r.article()
        self.sources = [Source(id=_s(s.id), name=_s(s.name), kind=_s(s.kind),
                               named=bool(s.named), official=bool(s.official),
                               role=_s(s.role), affiliation=_s(s.affiliation),
                               mentions=[r.span(m) for m in s.mentions[:s.mention_count]],
                               claims=[])
                        for s in r.records("source", _capi.Source)]
        raw_claims = r.records("claim", _capi.Claim)
        self.claims = []
        for c in raw_claims:
            claim = Claim(
                id=_s(c.id), kind=_s(c.kind),
                text=ctypes.string_at(c.content, c.content_length).decode("utf-8", "replace"),
                spans=[r.span(x) for x in c.spans[:c.span_count]],
                source=_optional(c.source_index, self.sources),
                source_mention=r.span(c.source_mention) if c.has_source_mention else None,
                cue=Cue(text=_s(c.cue), lemma=_s(c.cue_lemma), span=r.span(c.cue_span))
                if c.cue is not None else None,
                inherited=bool(c.inherited), nested_in=None,
                paragraph=None if c.paragraph == _capi.NONE else c.paragraph)
            if claim.source is not None:
                claim.source.claims.append(claim)
            self.claims.append(claim)
        for claim, c in zip(self.claims, raw_claims):
            claim.nested_in = _optional(c.nested_in_index, self.claims)

        raw_timexes = r.records("timex", _capi.Timex)
        self.timexes = [Timex(id=_s(t.id), text=_s(t.text), span=r.span(t.span), type=_s(t.type),
                              value=_s(t.value), anchor=_s(t.anchor)) for t in raw_timexes]
        for timex, t in zip(self.timexes, raw_timexes):
            if t.anchor_index != _capi.NONE:
                timex.anchor = _optional(t.anchor_index, self.timexes)

        self.events = []
        for e in r.records("event", _capi.Event):
            counts = {}
            for n in e.counts[:e.count_count]:
                counts[_s(n.key)] = Count(value=n.value if n.has_value else None,
                                          low=n.low if n.has_low else None,
                                          high=n.high if n.has_high else None,
                                          qualifier=_s(n.qualifier), text=_s(n.text),
                                          span=r.span(n.span))
            self.events.append(Event(
                id=_s(e.id), type=_s(e.type),
                acled=(_s(e.acled_event_type), _s(e.acled_sub_event_type))
                if e.acled_event_type is not None else None,
                trigger=r.text(e.trigger), date=_s(e.date),
                date_timex=_optional(e.date_timex_index, self.timexes),
                end_date=_s(e.end_date),
                end_date_timex=_optional(e.end_date_timex_index, self.timexes),
                place=Place(name=_s(e.place), span=r.span(e.place_span)) if e.place is not None else None,
                actors=[Actor(role=_s(a.role), name=_s(a.name), span=r.span(a.span),
                              source=_optional(a.source_index, self.sources))
                        for a in e.actors[:e.actor_count]],
                counts=counts,
                claims=[self.claims[i] for i in e.claims[:e.claim_count]],
                sources=[self.sources[i] for i in e.sources[:e.source_count]]))

        self.diagnostics = [Diagnostic(code=_s(d.code), severity=_s(d.severity),
                                       message=_s(d.message),
                                       span=r.span(d.span) if d.has_span else None)
                            for d in r.records("diagnostic", _capi.Diagnostic)]

    @property
    def paragraphs(self):
        """The body paragraphs (article.paragraphs)."""
        return self.article.paragraphs

    @property
    def closed(self):
        return self._handle is None

    def close(self):
        """Frees the C report. The Python objects stay valid; query() and to_json() no
        longer work."""
        handle, self._handle = self._handle, None
        if handle is not None:
            _capi.lib.rpt_report_free(handle)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def _live(self):
        if self._handle is None:
            raise ReportageError("reportage: the report is closed", _capi.EINVALID)
        return self._handle

    def to_json(self, pretty=False):
        """The report as JSON text (schema "reportage/1")."""
        out = ctypes.c_void_p()
        _capi.check(_capi.lib.rpt_report_to_json(self._live(), _capi.JSON_PRETTY if pretty else 0,
                                                 ctypes.byref(out), None))
        return _capi.take_string(out)

    def query_json(self, query):
        """The items matching ``query`` (docs/query.md), as JSON values (dicts)."""
        if not isinstance(query, str):
            raise TypeError("query must be a str")
        out = ctypes.c_void_p()
        _capi.check(_capi.lib.rpt_query(self._live(), query.encode("utf-8", "surrogatepass"),
                                        ctypes.byref(out)))
        return _json.loads(_capi.take_string(out))

    def query(self, query):
        """The items matching ``query`` (docs/query.md) as this report's objects: Source,
        Claim, Event, Timex or (for paragraphs) Text. Raises ReportageError for a
        malformed query, with the position and what was expected."""
        items = self.query_json(query)
        by_id = {}
        for group in (self.sources, self.claims, self.events, self.timexes):
            for x in group:
                by_id[x.id] = x
        paragraphs = {(p.span.begin, p.span.end): p for p in self.article.paragraphs}
        out = []
        for item in items:
            if "id" in item and item["id"] in by_id:
                out.append(by_id[item["id"]])
            elif "span" in item and tuple(item["span"]) in paragraphs:
                out.append(paragraphs[tuple(item["span"])])
            else:
                out.append(item)
        return out

    def __repr__(self):
        return "<reportage.Report: %d paragraphs, %d sources, %d claims, %d events%s>" % (
            len(self.article.paragraphs), len(self.sources), len(self.claims), len(self.events),
            ", closed" if self.closed else "")


def parse(text, published=None, name=None):
    """Parses a news report given as str or bytes (UTF-8; invalid bytes are reported in
    ``diagnostics``, not rejected). ``published`` is the publication date "YYYY-MM-DD".
    Raises ReportageError (with the C library's message) for invalid options."""
    if isinstance(text, str):
        data, offsets = _encode(text)
    elif isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        text, offsets = _decode(data)
    else:
        raise TypeError("parse() needs str or bytes, not %s" % type(text).__name__)
    opts = _capi.ParseOptions()
    _capi.check(_capi.lib.rpt_parse_options_init(ctypes.byref(opts), _capi.PARSE_OPTIONS_VERSION))
    if published is not None:
        opts.published = str(published).encode("utf-8", "surrogatepass")
    if name is not None:
        opts.name = str(name).encode("utf-8", "surrogatepass")
    handle = _capi.ReportPointer()
    _capi.check(_capi.lib.rpt_parse(data, len(data), ctypes.byref(opts), ctypes.byref(handle)))
    try:
        return Report(handle, text, data, offsets)
    except BaseException:
        _capi.lib.rpt_report_free(handle)
        raise
