"""Benchmark: 10 million container moves built and the sea-rail views queried, against read_csv.

DuckDB's plain ``read_csv`` of the same files is the baseline, measured in the same run.

Writes synthetic moves (``qdtransport.domains.sea_rail.samples.moves``: valid ISO 6346 container
numbers, Chinese headers and values 重/空, 集港/疏港) as one CSV file per month in a temporary
``sea_rail_moves/`` folder — by default 10,000,000 moves over 2019-01 … 2025-11, about 120,000 a
month, Qingdao's rate — each month's file also repeating the previous month's last 200 records
(a re-export: they collapse as exact duplicates). Then, each step in a fresh child process so that
its peak memory is its own:

- baseline: DuckDB ``read_csv`` of all the files into a table of a new database file;
- build: ``qdtransport build`` of the folder (ingest with check digits and length codes,
  duplicates, reconciliation, tables, every view, comments, atomic write);
- views: the sea-rail views queried on the built file (yearly indicator, monthly, reconciliation,
  growth, inland-node breakdown, duplicate moves).

Run: ``python bench/bench_sea_rail.py [--moves 10000000] [--workdir DIR]``. Prints seconds, the
ratio to the baseline and peak resident memory (MB) of each child process, with the machine's
load average before and after (the machine may be shared).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

from qdtransport.domains.sea_rail.samples.files import DIRECTION, FULL_EMPTY, XLSX_HEADER
from qdtransport.domains.sea_rail.samples.moves import month_moves

REPEATED = 200
"""Records of the previous month repeated at the top of each monthly file."""

BASELINE = """
import duckdb, sys
con = duckdb.connect(sys.argv[1])
con.execute("set enable_progress_bar = false")
con.execute("create table moves as select * from read_csv(?)", [sys.argv[2] + "/*.csv"])
print(con.execute("select count(*) from moves").fetchall()[0][0])
"""

BUILD = """
import sys
from qdtransport.cli import main
if main(["build", "--data", sys.argv[2], "--db", sys.argv[1]]):
    raise SystemExit(1)
"""

VIEWS = """
import duckdb, json, sys, time
con = duckdb.connect(sys.argv[1], read_only=True)
con.execute("set enable_progress_bar = false")
queries = {
    "sea_rail_teu": "select * from sea_rail_teu",
    "sea_rail_teu_monthly": "select * from sea_rail_teu_monthly",
    "sea_rail_teu_reconciliation": "select * from sea_rail_teu_reconciliation",
    "sea_rail_teu_growth": "select * from sea_rail_teu_growth",
    "sea_rail_teu_by_inland_node": "select * from sea_rail_teu_by_inland_node",
    "sea_rail_duplicate_moves": "select count(*) from sea_rail_duplicate_moves",
}
timings = {}
for name, sql in queries.items():
    started = time.perf_counter()
    rows = con.execute(sql).fetchall()
    timings[name] = (time.perf_counter() - started, len(rows))
print(json.dumps(timings))
"""


def months(count: int) -> list[tuple[int, int]]:
    """``count`` calendar months from 2019-01."""
    return [(2019 + i // 12, i % 12 + 1) for i in range(count)]


def write_moves(folder: Path, total: int, seed: int = 6346) -> tuple[int, int]:
    """Write monthly CSV files of ``total`` moves (UTF-8, Chinese headers and values).

    Returns the rows written (repeats included) and the bytes.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    calendar = months(83)
    per_month = -(-total // len(calendar))
    previous = None
    rows = size = 0
    left = total
    for year, month in calendar:
        frame = month_moves(rng, year, month, min(per_month, left)).with_columns(
            pl.format("M{}{}", pl.lit(f"{year}{month:02d}"), pl.int_range(pl.len())).alias("move_id")
        )
        left -= frame.height
        shown = frame.with_columns(
            pl.col("full_empty").replace(FULL_EMPTY),
            pl.col("direction").replace(DIRECTION),
            pl.col("move_time").dt.strftime("%Y-%m-%d %H:%M:%S"),
        )
        body = shown if previous is None else pl.concat([previous.tail(REPEATED), shown])
        path = folder / f"{year}-{month:02d}.csv"
        body.rename(dict(zip(body.columns, XLSX_HEADER, strict=True))).write_csv(path)
        rows += body.height
        size += path.stat().st_size
        previous = shown
        if left <= 0:
            break
    return rows, size


PEAK_LINE = "__peak_kib__"
"""Marker of the line a child prints last: its peak resident memory in KiB (Linux ``VmHWM``)."""

PRINT_PEAK = (
    "\nfrom pathlib import Path as _Path\n"
    "_hwm = [l for l in _Path('/proc/self/status').read_text().splitlines() if l.startswith('VmHWM:')]\n"
    f"print({PEAK_LINE!r}, _hwm[0].split()[1] if _hwm else 0, flush=True)\n"
)


def run_child(code: str, *args: str) -> tuple[float, float, str]:
    """Run ``code`` in a fresh Python; returns seconds, peak RSS in MB and its standard output.

    The child reports its own peak (``VmHWM`` of its address space): ``ru_maxrss`` from ``wait4``
    would include the high-water mark the kernel carries over ``exec`` from this process.
    """
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code + PRINT_PEAK, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    out = child.stdout.read() if child.stdout else ""
    status = child.wait()
    seconds = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"child failed ({status}): {out}")
    lines = out.strip().splitlines()
    peak_kib = next((float(line.split()[1]) for line in lines if line.startswith(PEAK_LINE)), 0.0)
    return seconds, peak_kib / 1024, "\n".join(line for line in lines if not line.startswith(PEAK_LINE))


def main() -> None:
    """Generate the moves, run the three steps in child processes and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=10_000_000)
    parser.add_argument("--workdir", type=Path, default=None, help="where to write (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        root = Path(tmp)
        data = root / "data"
        load_before = os.getloadavg()
        started = time.perf_counter()
        rows, size = write_moves(data / "sea_rail_moves", args.moves)
        generated = time.perf_counter() - started
        print(f"moves: {args.moves:,}; rows written {rows:,} in {len(list((data / 'sea_rail_moves').iterdir()))} "
              f"monthly files, {size / 1e6:,.0f} MB UTF-8 CSV (generated in {generated:.0f} s)")  # fmt: skip
        baseline_s, baseline_mb, out = run_child(BASELINE, str(root / "baseline.duckdb"), str(data / "sea_rail_moves"))
        print(
            f"baseline: {out.strip().splitlines()[-1]} rows, {baseline_s:.1f} s, {baseline_mb:,.0f} MB",
            flush=True,
        )
        build_s, build_mb, out = run_child(BUILD, str(root / "qingdao.duckdb"), str(data))
        print(out.strip().splitlines()[-1])
        print(f"build: {build_s:.1f} s, {build_mb:,.0f} MB", flush=True)
        views_s, views_mb, out = run_child(VIEWS, str(root / "qingdao.duckdb"))
        timings = json.loads(out.strip().splitlines()[-1])
        load_after = os.getloadavg()
    print(f"{'step':<46}{'seconds':>9}{'x baseline':>12}{'peak MB':>10}")
    for name, seconds, peak in (
        ("baseline: duckdb read_csv into a table", baseline_s, baseline_mb),
        ("qdtransport build (ingest, tables, views)", build_s, build_mb),
        ("sea-rail views queried (fresh process)", views_s, views_mb),
    ):
        print(f"{name:<46}{seconds:>9.1f}{seconds / baseline_s:>12.1f}{peak:>10,.0f}")
    for name, (seconds, count) in timings.items():
        print(f"  {name:<44}{seconds:>9.2f} s, {count:,} rows")
    print(f"load average (1, 5, 15 min) before {tuple(round(x, 1) for x in load_before)}, "
          f"after {tuple(round(x, 1) for x in load_after)}; {os.cpu_count()} CPUs")  # fmt: skip


if __name__ == "__main__":
    main()
