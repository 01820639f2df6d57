# Reference ISO week labels for test/fuzz/values.test.ts, from Python's date.isocalendar() (independent of relaudit).
# Run: python3 test/reference/iso-weeks.py
import datetime

for s in ["2020-12-31", "2021-01-01", "2021-01-03", "2021-01-04", "2024-12-29", "2024-12-30", "2025-12-28", "2025-12-29",
          "2026-01-01", "2026-12-31", "2027-01-01", "2027-01-03", "2032-12-31", "2033-01-02"]:
    y, w, _ = datetime.date.fromisoformat(s).isocalendar()
    print(f'["{s}", "{y}-W{w:02d}"],')
