# Reference CSV for test/report/csv.test.ts, written by Python's csv module (an independent RFC 4180 writer):
# QUOTE_MINIMAL quotes a field holding the delimiter, the quote character, CR or LF and doubles inner quotes;
# CRLF line ends; UTF-8 with a byte-order mark ("utf-8-sig"). Text that a spreadsheet would run as a formula
# (leading = + - @, tab or CR: the OWASP "CSV injection" rule) is prefixed with an apostrophe; numbers are written
# with ten significant digits ("%.10g"), booleans as yes/no, missing values empty.
# Run: python3 test/reference/csv-reference.py > test/reference/csv-reference.csv
import csv
import sys

HEADINGS = ["group", "note", "value"]
ROWS = [
    ["Northgate Hospital", "plain", 3.25],
    ["A, B", 'say "hi"', -0.5],
    ["=SUM(A1:A2)", "+44 20 7946 0000", 12],
    ["@cmd", "-x", 0.1 + 0.2],
    ["\tTab", "line1\nline2", None],
    ["\rCR", "ok", True],
    ["Équipe ↔ Soins", "", False],
    ["- minus first", "a\r\nb", 1234567.891],
]


def cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return "%.10g" % value
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


out = open(sys.stdout.fileno(), "w", encoding="utf-8-sig", newline="", closefd=False)
writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
writer.writerow(HEADINGS)
for row in ROWS:
    writer.writerow([cell(v) for v in row])
out.flush()
