"""Prints the claims of a news report grouped by source, with the Python binding.

    python3 examples/python/claims_by_source.py [FILE]

Needs the package on the path (pip install bindings/python, or PYTHONPATH=bindings/python)
and the C library next to it, at $REPORTAGE_LIBRARY, or on the system's library path.
"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.append(os.path.join(here, "..", "..", "bindings", "python"))  # when run from a checkout

import reportage  # noqa: E402

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "data", "sample-report.txt")
with open(path, "rb") as f:
    report = reportage.parse(f.read())

for source in report.sources:
    print("%s (%s, %s)" % (source.name, source.kind, source.id))
    for claim in source.claims:
        print("  %s [%s] %s" % (claim.id, claim.kind, claim.text))
print("(no source)")
for claim in report.claims:
    if claim.source is None:
        print("  %s [%s] %s" % (claim.id, claim.kind, claim.text))
