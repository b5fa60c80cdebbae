"""Tests of the Python binding (run by CTest with REPORTAGE_LIBRARY set).

The texts are written for these tests."""

import ctypes
import gc
import json
import os
import re
import unittest

import reportage
from reportage import _capi

TEXT = (
    "Caf\u00e9 owners protest in S\u00e3o Tom\u00e9 \U0001F4F0\n"
    "\n"
    "By Ana Pell\n"
    "\n"
    "PORT ELLIS (Northwire) \u2014 Dozens of caf\u00e9 owners marched on Tuesday, officials said.\n"
    "\n"
    "\u201cWe cannot pay the new tax,\u201d said Mara Quell, who runs a caf\u00e9 near the quay.\n"
    "\n"
    "The mayor said the tax would stay, according to a city statement.\n"
)

HEADER = os.environ.get("REPORTAGE_HEADER")


class ParseTest(unittest.TestCase):
    def setUp(self):
        self.report = reportage.parse(TEXT, published="2025-03-18")

    def test_article_and_paragraphs_are_python_objects(self):
        self.assertEqual(self.report.article.published, "2025-03-18")
        self.assertEqual(self.report.article.published_origin, "given")
        self.assertTrue(self.report.paragraphs)
        for p in self.report.paragraphs:
            self.assertIsInstance(p, reportage.Text)
            self.assertIsInstance(p.text, str)

    def test_non_ascii_spans_map_to_str_indices(self):
        data = TEXT.encode("utf-8")
        spans = [p.span for p in self.report.paragraphs]
        if self.report.article.headline:
            spans.append(self.report.article.headline.span)
        for claim in self.report.claims:
            spans.extend(claim.spans)
        for source in self.report.sources:
            spans.extend(source.mentions)
        self.assertTrue(any(s.begin != s.start for s in spans), "some span follows non-ASCII text")
        for s in spans:
            self.assertEqual(TEXT[s.slice], data[s.begin:s.end].decode("utf-8"))
        for p in self.report.paragraphs:
            self.assertEqual(TEXT[p.span.slice], p.text)

    def test_bytes_input_with_invalid_utf8_maps_spans_onto_the_decoded_text(self):
        data = b"Quay \xff\xfe reopens\n\nPORT ELLIS \xe2\x80\x94 Boats \xc3 left the caf\xc3\xa9 quay on Tuesday.\n"
        report = reportage.parse(data)
        self.assertIn("\ufffd", report.text)
        self.assertEqual(report.data, data)
        for p in report.paragraphs:
            self.assertEqual(report.text[p.span.slice], p.text)
        self.assertTrue(any(d.code for d in report.diagnostics))

    def test_claims_link_to_their_source_objects(self):
        for claim in self.report.claims:
            if claim.source is not None:
                self.assertIsInstance(claim.source, reportage.Source)
                self.assertIn(claim.source, self.report.sources)
                self.assertIn(claim, claim.source.claims)
        for source in self.report.sources:
            for claim in source.claims:
                self.assertIs(claim.source, source)

    def test_to_json_follows_the_contract(self):
        doc = json.loads(self.report.to_json())
        self.assertEqual(doc["schema"], "reportage/1")
        self.assertEqual(doc["input"]["bytes"], len(TEXT.encode("utf-8")))
        self.assertEqual(len(doc["claims"]), len(self.report.claims))
        self.assertEqual([c["id"] for c in doc["claims"]], [c.id for c in self.report.claims])
        self.assertIn("\n", self.report.to_json(pretty=True))


class QueryTest(unittest.TestCase):
    def setUp(self):
        self.report = reportage.parse(TEXT, published="2025-03-18")

    def test_query_returns_the_report_objects(self):
        found = self.report.query('paragraphs where text ~ "CAF\u00c9"')
        # ~ folds ASCII letters only: "CAF\u00c9" does not match "caf\u00e9"
        self.assertEqual(found, [])
        found = self.report.query('paragraphs where text ~ "OWNERS" limit 1')
        self.assertEqual(len(found), 1)
        self.assertIs(found[0], self.report.paragraphs[0])
        for claim in self.report.query("claims"):
            self.assertIn(claim, self.report.claims)

    def test_query_by_source_matches_python_side_filter(self):
        for source in self.report.sources:
            name = source.name.replace('"', "")
            got = self.report.query('claims where source.name = "%s"' % name)
            self.assertEqual(got, [c for c in self.report.claims if c.source and c.source.name == name])

    def test_malformed_query_raises_with_the_c_message(self):
        with self.assertRaises(reportage.ReportageError) as cm:
            self.report.query("claims where source.name ~")
        self.assertEqual(cm.exception.code, _capi.EQUERY)
        self.assertIn("position 27", str(cm.exception))
        self.assertIn("expected a value", cm.exception.message)
        self.assertEqual(cm.exception.message, _capi.lib.rpt_last_error().decode())

    def test_deeply_nested_query_is_an_error(self):
        deep = "claims where " + "(" * 50000 + "inherited" + ")" * 50000
        with self.assertRaises(reportage.ReportageError) as cm:
            self.report.query(deep)
        self.assertIn("nested", str(cm.exception))


class ErrorTest(unittest.TestCase):
    def test_invalid_publication_date_raises_with_the_c_message(self):
        with self.assertRaises(reportage.ReportageError) as cm:
            reportage.parse("text", published="2025-13-40")
        self.assertEqual(cm.exception.code, _capi.EINVALID)
        self.assertIn("published", cm.exception.message)
        self.assertEqual(cm.exception.message, _capi.lib.rpt_last_error().decode())

    def test_wrong_argument_type_raises_type_error(self):
        with self.assertRaises(TypeError):
            reportage.parse(42)


class LifetimeTest(unittest.TestCase):
    def test_objects_stay_valid_after_the_c_report_is_freed(self):
        report = reportage.parse(TEXT, published="2025-03-18")
        claims, sources, paragraphs = report.claims, report.sources, report.paragraphs
        snapshot = [(c.id, c.text, c.source.name if c.source else None, [s.begin for s in c.spans])
                    for c in claims]
        texts = [p.text for p in paragraphs]
        report.close()
        self.assertTrue(report.closed)
        del report
        gc.collect()
        # Churn the allocator so freed C memory would be reused.
        for _ in range(20):
            reportage.parse(TEXT * 3).close()
        self.assertEqual(snapshot, [(c.id, c.text, c.source.name if c.source else None,
                                     [s.begin for s in c.spans]) for c in claims])
        self.assertEqual(texts, [p.text for p in paragraphs])
        self.assertEqual(len(sources), len({s.id for s in sources}))

    def test_query_and_to_json_after_close_raise(self):
        with reportage.parse(TEXT) as report:
            report.to_json()
        with self.assertRaises(reportage.ReportageError):
            report.to_json()
        with self.assertRaises(reportage.ReportageError):
            report.query("claims")
        report.close()  # closing twice is harmless


class CApiTableTest(unittest.TestCase):
    @unittest.skipUnless(HEADER, "REPORTAGE_HEADER not set")
    def test_every_header_function_is_declared(self):
        with open(HEADER, encoding="utf-8") as f:
            declared = set(re.findall(r"RPT_EXTERN[^;]*?\b(rpt_\w+)\s*\(", f.read()))
        self.assertEqual(declared, set(_capi.FUNCTION_NAMES))

    def test_every_function_given_null_arguments_returns_an_error_code(self):
        lib = _capi.lib
        report = reportage.parse(TEXT)
        handle = report._handle
        null = None
        size = ctypes.c_size_t()
        calls = {
            "rpt_parse_options_init": lambda: lib.rpt_parse_options_init(null, 1),
            "rpt_parse": lambda: lib.rpt_parse(null, 3, null, null),
            "rpt_report_to_json": lambda: lib.rpt_report_to_json(null, 0, null, null),
            "rpt_query": lambda: lib.rpt_query(handle, null, null),
            "rpt_report_article": lambda: lib.rpt_report_article(handle, null),
            "rpt_report_input_bytes": lambda: lib.rpt_report_input_bytes(null, ctypes.byref(size)),
        }
        for name in ("paragraph", "source", "claim", "timex", "event", "diagnostic"):
            count = getattr(lib, "rpt_report_%s_count" % name)
            get = getattr(lib, "rpt_report_%s" % name)
            calls["rpt_report_%s_count" % name] = (lambda f: lambda: f(null, ctypes.byref(size)))(count)
            calls["rpt_report_%s" % name] = (lambda f: lambda: f(handle, 0, null))(get)
        for name, call in calls.items():
            self.assertEqual(call(), _capi.EINVALID, name)
            self.assertTrue(lib.rpt_last_error(), name)
        lib.rpt_report_free(null)
        lib.rpt_string_free(null)
        report.close()

    def test_version(self):
        self.assertEqual(reportage.version(), "0.1.0")
        self.assertTrue(os.path.exists(reportage.library_path) or "/" not in reportage.library_path)


if __name__ == "__main__":
    unittest.main()
