"""Benchmark: validated ingest of a vehicle register against a plain DuckDB scan of the same file.

Writes a synthetic register of N rows (valid VINs, Chinese headers and values, a few defects) as
UTF-8 and as GB18030 CSV, then times in the same process:

- baseline: DuckDB ``read_csv`` of the UTF-8 file into a table (type detection, no validation);
- ``qdtransport.ingest.load_table`` on the UTF-8 and on the GB18030 file (decode, header mapping,
  parsing, check digits, row rules, duplicates, reconciliation);
- the whole ``qdtransport build`` on a directory holding the UTF-8 file.

Run: ``python bench/bench_ingest.py [--rows 500000]``. Prints seconds and ratios to the baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from qdtransport.checkdigits import vin_check_digit
from qdtransport.domains.fleet.contract import FLEET_REGISTER
from qdtransport.ingest import load_table
from qdtransport.warehouse import build

HEADER = "车辆识别代号,号牌号码,使用性质,动力类型,注册登记日期,注销日期,是否建成区,所属区市,经营企业\n"
USES = ("公交客运", "巡游出租客运")
POWERTRAINS = ("纯电动", "柴油", "压缩天然气", "插电式混合动力")
DISTRICTS = ("市南区", "市北区", "李沧区", "崂山区", "城阳区", "黄岛区", "即墨区", "胶州市", "平度市", "莱西市")


def synthetic_register_lines(rows: int, seed: int = 7) -> list[str]:
    """CSV lines (header first) of a synthetic register; about 1 in 1000 rows has a bad VIN."""
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1)
    lines = [HEADER]
    for i in range(rows):
        body = f"LZYTBGBW0N{i:07d}"
        vin = body[:8] + vin_check_digit(body) + body[9:]
        if i % 1000 == 999:
            vin = vin[:8] + ("1" if vin[8] != "1" else "2") + vin[9:]
        date = start + dt.timedelta(days=rng.randrange(4000))
        lines.append(
            f"{vin},鲁B{i % 100000:05d},{USES[i % 2]},{POWERTRAINS[rng.randrange(4)]},{date:%Y/%m/%d},,"
            f"{'是' if rng.random() < 0.8 else '否'},{DISTRICTS[i % 10]},公交集团\n"
        )
    return lines


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` takes."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    """Time the ingest and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        lines = synthetic_register_lines(args.rows)
        utf8_dir = root / "utf8"
        utf8_dir.mkdir()
        utf8 = utf8_dir / "fleet_register.csv"
        utf8.write_text("".join(lines), encoding="utf-8")
        gbk = root / "fleet_register.csv"
        gbk.write_bytes("".join(lines).encode("gb18030"))

        con = duckdb.connect()
        baseline = timed(lambda: con.execute("create table t as select * from read_csv(?)", [str(utf8)]))
        loaded = {}
        utf8_s = timed(lambda: loaded.setdefault("utf8", load_table(FLEET_REGISTER, [utf8], data_dir=utf8_dir)))
        gbk_s = timed(lambda: loaded.setdefault("gbk", load_table(FLEET_REGISTER, [gbk], data_dir=root)))
        build_s = timed(lambda: build(utf8_dir, root / "qd.duckdb"))

    size_mb = utf8.stat().st_size / 1e6 if utf8.exists() else len("".join(lines).encode()) / 1e6
    print(f"rows: {args.rows:,} ({size_mb:.1f} MB UTF-8); loaded {loaded['utf8'].frame.height:,}, "
          f"rejected {loaded['utf8'].rejects.height:,}")
    print(f"{'step':<44}{'seconds':>10}{'x baseline':>12}")
    for name, seconds in (
        ("baseline: duckdb read_csv into a table", baseline),
        ("ingest.load_table, UTF-8", utf8_s),
        ("ingest.load_table, GB18030", gbk_s),
        ("qdtransport build (ingest + views)", build_s),
    ):
        print(f"{name:<44}{seconds:>10.2f}{seconds / baseline:>12.1f}")


if __name__ == "__main__":
    main()
