"""The C ABI of libreportage, declared for ctypes (internal).

Every C function is declared once, in _FUNCTIONS, when the package is imported: its
argument types and result type. Each handle has its own pointer type. Owned strings
(JSON) come back as void pointers so they can be copied and then freed with
rpt_string_free(); borrowed strings are read as bytes and copied at once.
"""

import ctypes
import ctypes.util
import os
import sys
from ctypes import (POINTER, Structure, c_char_p, c_int, c_long, c_size_t, c_uint,
                    c_void_p)

# The C ABI major version this binding was written for (RPT_VERSION_MAJOR).
ABI_MAJOR = 0
PARSE_OPTIONS_VERSION = 1
JSON_PRETTY = 1
NONE = ctypes.c_size_t(-1).value  # RPT_NONE

OK = 0
ERROR = -1
EINVALID = -2
ERANGE = -3
ENOMEM = -4
EQUERY = -5


class ReportageError(Exception):
    """An error reported by the reportage library.

    ``message`` is the library's own message (rpt_last_error()), ``code`` its status
    code (a negative RPT_E* value)."""

    def __init__(self, message, code=ERROR):
        super().__init__(message)
        self.message = message
        self.code = code


class Span(Structure):
    _fields_ = [("begin", c_size_t), ("end", c_size_t)]


class Text(Structure):
    _fields_ = [("text", c_void_p), ("length", c_size_t), ("span", Span)]


class Author(Structure):
    _fields_ = [("name", c_char_p), ("role", c_char_p), ("span", Span)]


class Media(Structure):
    _fields_ = [("caption", Text), ("credit", c_char_p)]


class Article(Structure):
    _fields_ = [
        ("outlet_name", c_char_p), ("outlet_tagline", c_char_p),
        ("headline", Text), ("standfirst", Text),
        ("author_count", c_size_t), ("authors", POINTER(Author)),
        ("agency_count", c_size_t), ("agencies", POINTER(c_char_p)),
        ("published", c_char_p), ("published_origin", c_char_p),
        ("has_dateline", c_int), ("dateline_place", c_char_p), ("dateline_agency", c_char_p),
        ("dateline_span", Span),
        ("media_count", c_size_t), ("media", POINTER(Media)),
        ("paragraph_count", c_size_t), ("paragraphs", POINTER(Text)),
        ("see_also_count", c_size_t), ("see_also", POINTER(Text)),
        ("author_bio", Text),
        ("boilerplate_count", c_size_t), ("boilerplate", POINTER(Text)),
    ]


class Source(Structure):
    _fields_ = [
        ("id", c_char_p), ("name", c_char_p), ("kind", c_char_p),
        ("named", c_int), ("official", c_int),
        ("role", c_char_p), ("affiliation", c_char_p),
        ("mention_count", c_size_t), ("mentions", POINTER(Span)),
    ]


class Claim(Structure):
    _fields_ = [
        ("id", c_char_p), ("kind", c_char_p),
        ("content", c_void_p), ("content_length", c_size_t),
        ("span_count", c_size_t), ("spans", POINTER(Span)),
        ("source_id", c_char_p), ("source_index", c_size_t),
        ("has_source_mention", c_int), ("source_mention", Span),
        ("cue", c_char_p), ("cue_lemma", c_char_p), ("cue_span", Span),
        ("inherited", c_int),
        ("nested_in_id", c_char_p), ("nested_in_index", c_size_t),
        ("paragraph", c_size_t),
    ]


class Timex(Structure):
    _fields_ = [
        ("id", c_char_p), ("text", c_char_p), ("span", Span), ("type", c_char_p),
        ("value", c_char_p), ("anchor", c_char_p), ("anchor_index", c_size_t),
    ]


class Count(Structure):
    _fields_ = [
        ("key", c_char_p),
        ("has_value", c_int), ("value", c_long),
        ("has_low", c_int), ("low", c_long),
        ("has_high", c_int), ("high", c_long),
        ("qualifier", c_char_p), ("text", c_char_p), ("span", Span),
    ]


class Actor(Structure):
    _fields_ = [
        ("role", c_char_p), ("name", c_char_p), ("span", Span),
        ("source_id", c_char_p), ("source_index", c_size_t),
    ]


class Event(Structure):
    _fields_ = [
        ("id", c_char_p), ("type", c_char_p),
        ("acled_event_type", c_char_p), ("acled_sub_event_type", c_char_p),
        ("trigger", Text),
        ("date", c_char_p), ("date_timex_index", c_size_t),
        ("end_date", c_char_p), ("end_date_timex_index", c_size_t),
        ("place", c_char_p), ("place_span", Span),
        ("actor_count", c_size_t), ("actors", POINTER(Actor)),
        ("count_count", c_size_t), ("counts", POINTER(Count)),
        ("claim_count", c_size_t), ("claims", POINTER(c_size_t)),
        ("source_count", c_size_t), ("sources", POINTER(c_size_t)),
    ]


class Diagnostic(Structure):
    _fields_ = [
        ("code", c_char_p), ("severity", c_char_p), ("message", c_char_p),
        ("has_span", c_int), ("span", Span),
    ]


class ParseOptions(Structure):
    _fields_ = [
        ("version", c_uint), ("published", c_char_p), ("name", c_char_p),
        ("max_bytes", c_size_t),
    ]


class _Report(Structure):
    """Opaque rpt_report."""


ReportPointer = POINTER(_Report)

_int_p = POINTER(c_size_t)


def _getter(record):
    return [ReportPointer, c_size_t, POINTER(POINTER(record))]


# name, argument types, result type: every function of include/reportage/reportage.h.
_FUNCTIONS = [
    ("rpt_version", [], c_char_p),
    ("rpt_version_number", [], c_int),
    ("rpt_last_error", [], c_char_p),
    ("rpt_last_error_code", [], c_int),
    ("rpt_error_clear", [], None),
    ("rpt_parse_options_init", [POINTER(ParseOptions), c_uint], c_int),
    ("rpt_parse", [c_char_p, c_size_t, POINTER(ParseOptions), POINTER(ReportPointer)], c_int),
    ("rpt_report_free", [ReportPointer], None),
    ("rpt_report_to_json", [ReportPointer, c_uint, POINTER(c_void_p), _int_p], c_int),
    ("rpt_query", [ReportPointer, c_char_p, POINTER(c_void_p)], c_int),
    ("rpt_string_free", [c_void_p], None),
    ("rpt_report_article", [ReportPointer, POINTER(POINTER(Article))], c_int),
    ("rpt_report_input_bytes", [ReportPointer, _int_p], c_int),
    ("rpt_report_paragraph_count", [ReportPointer, _int_p], c_int),
    ("rpt_report_paragraph", _getter(Text), c_int),
    ("rpt_report_source_count", [ReportPointer, _int_p], c_int),
    ("rpt_report_source", _getter(Source), c_int),
    ("rpt_report_claim_count", [ReportPointer, _int_p], c_int),
    ("rpt_report_claim", _getter(Claim), c_int),
    ("rpt_report_timex_count", [ReportPointer, _int_p], c_int),
    ("rpt_report_timex", _getter(Timex), c_int),
    ("rpt_report_event_count", [ReportPointer, _int_p], c_int),
    ("rpt_report_event", _getter(Event), c_int),
    ("rpt_report_diagnostic_count", [ReportPointer, _int_p], c_int),
    ("rpt_report_diagnostic", _getter(Diagnostic), c_int),
]

FUNCTION_NAMES = tuple(name for name, _, _ in _FUNCTIONS)


def _library_names():
    if sys.platform == "darwin":
        return ["libreportage.dylib", "libreportage.0.dylib"]
    if sys.platform == "win32":
        return ["reportage_c.dll", "libreportage_c.dll"]
    return ["libreportage.so", "libreportage.so.%d" % ABI_MAJOR]


def _candidates():
    """Where to look, in order: next to this package, $REPORTAGE_LIBRARY, the system."""
    here = os.path.dirname(os.path.abspath(__file__))
    for name in _library_names():
        path = os.path.join(here, name)
        if os.path.exists(path):
            yield path
    env = os.environ.get("REPORTAGE_LIBRARY")
    if env:
        yield env
    found = ctypes.util.find_library("reportage")
    if found:
        yield found
    for name in reversed(_library_names()):
        yield name  # the dynamic loader's own search path


def load_library():
    tried = []
    for candidate in _candidates():
        try:
            lib = ctypes.CDLL(candidate)
        except OSError as e:
            tried.append("%s (%s)" % (candidate, e))
            continue
        _declare(lib, candidate)
        return lib, candidate
    raise ImportError(
        "reportage: cannot load the C library libreportage; put it next to the reportage "
        "package or set REPORTAGE_LIBRARY to its path. Tried: " + "; ".join(tried))


def _declare(lib, path):
    for name, argtypes, restype in _FUNCTIONS:
        try:
            fn = getattr(lib, name)
        except AttributeError:
            raise ImportError("reportage: %s lacks the function %s (too old?)" % (path, name))
        fn.argtypes = argtypes
        fn.restype = restype
    number = lib.rpt_version_number()
    if number // 1000000 != ABI_MAJOR:
        raise ImportError("reportage: %s is version %s; this binding needs %d.x"
                          % (path, lib.rpt_version().decode(), ABI_MAJOR))


lib, library_path = load_library()


def last_error(code):
    message = lib.rpt_last_error().decode("utf-8", "replace")
    return ReportageError(message or "reportage: unknown error", code)


def check(status):
    """Raises ReportageError, with the library's message, when status is not RPT_OK."""
    if status != OK:
        raise last_error(status)


def take_string(pointer):
    """Copies an owned C string into a Python str and frees it."""
    try:
        return ctypes.string_at(pointer).decode("utf-8", "replace")
    finally:
        lib.rpt_string_free(pointer)
