"""The record tables: their columns and the headers people give them (Chinese or English), written down once."""

from __future__ import annotations

from scenarios.cells import Column

#: Table name -> the file stems it may have (a folder holds at most one file of each).
STEMS: dict[str, tuple[str, ...]] = {
    "station_log": ("station_log", "站务记录", "发车记录"),
    "checkins": ("checkins", "入住登记", "入住记录"),
    "train": ("train", "列车到站", "列车"),
    "gps": ("gps", "车辆轨迹", "轨迹", "定位"),
}

# Every value is read as text and parsed by the readers, so a bad or blank cell skips its row instead of stopping
# the read; the columns a table must have are ``scenarios.records.read.REQUIRED``.
STATION_LOG: dict[str, Column] = {
    "coach": Column("str", doc="coach id of the plan, e.g. C01"),
    "plate": Column("str", doc="the coach's number plate"),
    "trip": Column("str", default="1", doc="the coach's trip number (1 unless it made several)"),
    "place": Column("str", doc="'station' or the enterprise (id or name)"),
    "arrive": Column("str", doc="actual arrival at the place"),
    "depart": Column("str", doc="actual departure from the place"),
    "board_start": Column("str", doc="at the station: when boarding began"),
}
CHECKINS: dict[str, Column] = {
    "worker": Column("str", doc="worker id"),
    "enterprise": Column("str", doc="enterprise id or name"),
    "time": Column("str", doc="check-in time"),
}
TRAIN: dict[str, Column] = {
    "train": Column("str", doc="train number"),
    "arrival": Column("str", doc="actual arrival at the station"),
}
GPS: dict[str, Column] = {
    "plate": Column("str", doc="number plate"),
    "time": Column("str", doc="time of the fix"),
    "lat": Column("str", doc="latitude, degrees (WGS-84, as JT/T 808 terminals report)"),
    "lon": Column("str", doc="longitude, degrees"),
    "speed": Column("str", doc="speed, km/h"),
}
COLUMNS = {"station_log": STATION_LOG, "checkins": CHECKINS, "train": TRAIN, "gps": GPS}

ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "station_log": {
        "coach": ("车辆编号", "Coach", "车辆", "车号", "coach_id"),
        "plate": ("车牌号", "Plate", "车牌", "车牌号码"),
        "trip": ("趟次", "Trip", "第几趟"),
        "place": ("地点", "Place", "站点", "停靠点", "企业"),
        "arrive": ("到达时间", "Arrived", "到达", "arrival"),
        "depart": ("出发时间", "Departed", "发车时间", "出发", "departure"),
        "board_start": ("开始上车", "Boarding began", "上车时间"),
    },
    "checkins": {
        "worker": ("工号", "Worker ID", "人员编号", "worker_id"),
        "enterprise": ("企业", "Enterprise", "企业编号", "企业名称", "enterprise_id"),
        "time": ("入住时间", "Checked in", "登记时间", "时间"),
    },
    "train": {
        "train": ("车次", "Train", "列车"),
        "arrival": ("实际到站", "Arrived", "到站时间", "实际到达"),
    },
    "gps": {
        "plate": ("车牌号", "Plate", "车牌", "车牌号码"),
        "time": ("定位时间", "Time", "时间", "GPS时间"),
        "lat": ("纬度", "Latitude", "lat"),
        "lon": ("经度", "Longitude", "lng", "lon"),
        "speed": ("速度", "Speed", "速度(km/h)"),
    },
}
