"""The records a transfer night leaves, read in: the station log, dormitory check-ins, the train's actual arrival
and coach GPS tracks (``read_records``). Each problem row is skipped with one line and counted; nothing unreadable
becomes a number.

    from scenarios.records import read_records
    records = read_records("night_2023/", sc, plan)   # a folder of CSV or .xlsx files
    records.stops        # per coach trip and place: actual arrival and departure (minutes from the scenario's midnight)
    records.problems     # one line per skipped row or file, keyed (scenarios.records.texts)
"""

from scenarios.records.model import Problem, Records
from scenarios.records.read import read_records

__all__ = ["Problem", "Records", "read_records"]
