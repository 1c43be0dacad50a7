"""Benchmark: validated build of a vehicle register against DuckDB's own CSV load of the same rows.

Writes a synthetic register of N rows (valid VINs, Chinese headers and values, plates matching
the powertrain, one bad VIN in a thousand) as UTF-8 CSV, GB18030 CSV, a fully quoted CSV (every
field in double quotes, as spreadsheet programs write it) and an .xlsx workbook (sheets of at most
1,000,000 rows), then runs each case in its own child process and prints seconds, the ratio to
its floor, and the peak resident memory of that process:

- floor (CSV): ``create table t as select * from read_csv(file)`` into a new DuckDB file, no checks;
- floor (xlsx): reading every sheet with the Excel reader alone (fastexcel, cells as text);
- build: ``qdtransport.warehouse.build`` on a folder holding only that file (ingest, tables, views).

Targets: build within 3x of the floor for every CSV variant, within 5x for xlsx, peak memory under
2 GB at 4 million rows.

Each measurement runs ``--repeat`` times (default 3), floor and build alternately so that both
see the same load on a shared machine; the fastest run of each counts, and the peak memory is the
highest of the runs. The last column is the machine's load average when the case finished.

Run: ``python bench/bench_ingest.py [--rows 1000000 4000000] [--cases utf8 gb18030 quoted xlsx]
[--repeat 3]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML = '<?xml version="1.0" encoding="UTF-8"?>'

HEADER = [
    "车辆识别代号", "号牌号码", "使用性质", "动力类型", "注册登记日期",
    "注销日期", "是否建成区", "所属区市", "经营企业",
]
USES = ("公交客运", "巡游出租客运")
POWERTRAINS = ("纯电动", "柴油", "压缩天然气", "插电式混合动力")
NEW_ENERGY = {"纯电动", "插电式混合动力"}
DISTRICTS = ("市南区", "市北区", "李沧区", "崂山区", "城阳区", "黄岛区", "即墨区", "胶州市", "平度市", "莱西市")
SHEET_ROWS = 1_000_000
CASES = ("utf8", "gb18030", "quoted", "xlsx")


def synthetic_register_rows(rows: int, seed: int = 7) -> list[list[str]]:
    """Rows of a synthetic register (header first); about 1 in 1000 rows has a bad VIN.

    New-energy powertrains carry new-energy plates (鲁BD12345), the others ordinary ones.
    """
    from qdtransport.checkdigits import vin_check_digit

    rng = random.Random(seed)
    start = dt.date(2015, 1, 1)
    out = [HEADER]
    for i in range(rows):
        body = f"LZYTBGBW0N{i:07d}"
        vin = body[:8] + vin_check_digit(body) + body[9:]
        if i % 1000 == 999:
            vin = vin[:8] + ("1" if vin[8] != "1" else "2") + vin[9:]
        date = start + dt.timedelta(days=rng.randrange(4000))
        powertrain = POWERTRAINS[rng.randrange(4)]
        plate = f"鲁BD{i % 100000:05d}" if powertrain in NEW_ENERGY else f"鲁B{i % 100000:05d}"
        out.append([vin, plate, USES[i % 2], powertrain, f"{date:%Y/%m/%d}", "",
                    "是" if rng.random() < 0.8 else "否", DISTRICTS[i % 10], "公交集团"])
    return out


def _column_letter(index: int) -> str:
    return chr(ord("A") + index)


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    """A minimal .xlsx (inline strings), sheets of at most :data:`SHEET_ROWS` data rows."""
    header, body = rows[0], rows[1:]
    parts = [body[i : i + SHEET_ROWS] for i in range(0, len(body), SHEET_ROWS)] or [[]]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for n in range(1, len(parts) + 1)
        )
        book.writestr("[Content_Types].xml", (
            XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + sheets + "</Types>"
        ))
        book.writestr("_rels/.rels", (
            f'{XML}<Relationships xmlns="{RELS}">'
            f'<Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ))
        book.writestr("xl/workbook.xml", (
            f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>'
            + "".join(f'<sheet name="{n}月" sheetId="{n}" r:id="rId{n}"/>' for n in range(1, len(parts) + 1))
            + "</sheets></workbook>"
        ))
        book.writestr("xl/_rels/workbook.xml.rels", (
            f'{XML}<Relationships xmlns="{RELS}">'
            + "".join(
                f'<Relationship Id="rId{n}" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                for n in range(1, len(parts) + 1)
            ) + "</Relationships>"
        ))
        for n, part in enumerate(parts, start=1):
            with book.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as sheet:
                sheet.write(f'{XML}<worksheet xmlns="{MAIN}"><sheetData>'.encode())
                for r, row in enumerate([header, *part], start=1):
                    cells = "".join(
                        f'<c r="{_column_letter(c)}{r}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
                        for c, v in enumerate(row) if v
                    )
                    sheet.write(f'<row r="{r}">{cells}</row>'.encode())
                sheet.write(b"</sheetData></worksheet>")


def write_inputs(root: Path, rows: int, cases: tuple[str, ...]) -> dict[str, Path]:
    """One folder per case holding ``fleet_register.<suffix>``."""
    table = synthetic_register_rows(rows)
    plain = "".join(",".join(r) + "\n" for r in table)
    paths: dict[str, Path] = {}
    for case in cases:
        folder = root / case
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / ("fleet_register.xlsx" if case == "xlsx" else "fleet_register.csv")
        if case == "utf8":
            path.write_text(plain, encoding="utf-8")
        elif case == "gb18030":
            path.write_bytes(plain.encode("gb18030"))
        elif case == "quoted":
            path.write_text("".join(",".join(f'"{v}"' for v in r) + "\n" for r in table), encoding="utf-8")
        else:
            write_xlsx(path, table)
        paths[case] = path
    return paths


def peak_resident_mb() -> float:
    """Peak resident memory of this process's own address space, in MB.

    Linux's ``VmHWM``: ``getrusage`` would report at least the parent's peak, since the kernel
    carries the forking process's high-water mark over ``exec`` into the child's ``ru_maxrss``
    (and the parent holds the generated rows).
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, path: Path, db: Path) -> None:
    """Run one measurement in this process and print its JSON result."""
    if kind == "floor":
        import duckdb

        started = time.perf_counter()
        con = duckdb.connect(str(db))
        con.execute("create table t as select * from read_csv(?)", [str(path)])
        con.close()
        extra: dict[str, object] = {}
    elif kind == "excel_reader":
        import fastexcel

        started = time.perf_counter()
        reader = fastexcel.read_excel(path)
        rows = 0
        for index in range(len(reader.sheet_names)):
            batch, _ = reader.load_sheet(index, header_row=None, skip_rows=0, dtypes="string").to_arrow_with_errors()
            rows += batch.num_rows
        extra = {"rows": rows}
    else:
        from qdtransport.warehouse import build

        started = time.perf_counter()
        result = build(path.parent, db)
        extra = {"loaded": result.rows_loaded["fleet_register"], "rejected": result.rows_rejected,
                 "warnings": result.warnings}
    seconds = time.perf_counter() - started
    peak = peak_resident_mb()
    print(json.dumps({"seconds": seconds, "peak_mb": peak, **extra}))


def measure(kind: str, path: Path, db: Path) -> dict[str, float]:
    """Run :func:`child` in a fresh Python process."""
    db.unlink(missing_ok=True)
    done = subprocess.run([sys.executable, __file__, "--child", kind, str(path), str(db)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} of {path} failed ({done.returncode}): {done.stderr.strip()}")
    db.unlink(missing_ok=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    """Write the inputs, run every case, print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 4_000_000])
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES))
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the fastest counts")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    print(f"{'rows':>10} {'input':<8} {'floor s':>8} {'build s':>8} {'ratio':>6} {'target':>6} "
          f"{'floor MB':>9} {'build MB':>9}  load (1/5/15 min)")
    for rows in args.rows:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            needed = ("utf8", *args.cases) if "gb18030" in args.cases else tuple(args.cases)
            paths = write_inputs(root, rows, tuple(dict.fromkeys(needed)))
            for case, path in paths.items():
                floor_kind = "excel_reader" if case == "xlsx" else "floor"
                floor_path = path if case in ("xlsx", "quoted") else paths["utf8"]
                floors, builds = [], []
                for _ in range(args.repeat):  # alternate, so that both see the same machine load
                    floors.append(measure(floor_kind, floor_path, root / "floor.duckdb"))
                    builds.append(measure("build", path, root / "qd.duckdb"))
                floor = min(f["seconds"] for f in floors)
                built = min(b["seconds"] for b in builds)
                target = 5 if case == "xlsx" else 3
                load = "/".join(f"{x:.1f}" for x in os.getloadavg())
                print(f"{rows:>10,} {case:<8} {floor:>8.2f} {built:>8.2f} {built / floor:>5.1f}x {target:>5}x "
                      f"{max(f['peak_mb'] for f in floors):>9.0f} {max(b['peak_mb'] for b in builds):>9.0f}  {load}",
                      flush=True)


if __name__ == "__main__":
    main()
