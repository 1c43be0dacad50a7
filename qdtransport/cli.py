"""The command line: ``qdtransport build | scorecard | report | coverage``.

Every command exits 0 on success and 1 with a one-line ``error:`` message on failure (bad input
file, missing database, failed query); progress goes to standard error, results to standard out.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from qdtransport import __version__


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _cmd_build(args: argparse.Namespace) -> int:
    from qdtransport.settings import load_settings
    from qdtransport.warehouse import build

    started = time.perf_counter()
    result = build(args.data, args.db, settings=load_settings(args.settings), progress=_progress)
    loaded = ", ".join(f"{name} {count}" for name, count in result.rows_loaded.items() if count)
    _progress(
        f"built {result.db_path} in {time.perf_counter() - started:.1f} s: loaded {loaded or 'nothing'}; "
        f"{result.rows_rejected} rejected, {result.duplicates_collapsed} duplicates collapsed, "
        f"{result.warnings} warnings; network check {'done' if result.network_checked else 'skipped (no osm/ file)'}"
    )
    return 0


def _cmd_scorecard(args: argparse.Namespace) -> int:
    from qdtransport.scorecard import format_scorecard, read_scorecard

    rows = read_scorecard(args.db, year=args.year)
    sys.stdout.write(format_scorecard(rows, args.format))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from qdtransport.report import write_report

    started = time.perf_counter()
    paths = write_report(args.db, year=args.year, out_dir=args.out, lang=args.lang, progress=_progress)
    _progress(f"report written in {time.perf_counter() - started:.1f} s")
    print(paths.html)
    return 0


def _cmd_coverage(args: argparse.Namespace) -> int:
    from qdtransport.domains.charging.network_tables import coverage_summary

    started = time.perf_counter()
    text = coverage_summary(args.osm, db_path=args.db, rule=args.rule, progress=_progress)
    sys.stdout.write(text)
    _progress(f"coverage check in {time.perf_counter() - started:.1f} s")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``qdtransport`` command."""
    parser = argparse.ArgumentParser(
        prog="qdtransport",
        description="Is Qingdao's transport sector on track for its carbon-peak targets? "
        "Build the DuckDB warehouse from raw exports, print the scorecard, write the report.",
    )
    parser.add_argument("--version", action="version", version=f"qdtransport {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build", help="load a data directory into a DuckDB file (atomic)",
        description="Load, validate and reconcile every input table of DIR, run the network check when "
        "DIR/osm/ has an OpenStreetMap file, and create every view. FILE is replaced only when the whole "
        "build succeeds.",
    )
    build.add_argument(
        "--data", required=True, type=Path, metavar="DIR", help="data directory (see the input contract)"
    )
    build.add_argument("--db", required=True, type=Path, metavar="FILE", help="DuckDB file to write")
    build.add_argument(
        "--settings", type=Path, metavar="TOML", help="methodology settings to override (see qdtransport.settings)"
    )
    build.set_defaults(handler=_cmd_build)

    scorecard = commands.add_parser(
        "scorecard", help="print the scorecard", description="Print the scorecard view of a built database."
    )
    scorecard.add_argument("--db", required=True, type=Path, metavar="FILE")
    scorecard.add_argument("--year", type=int, metavar="Y", help="only this year")
    scorecard.add_argument("--format", choices=("table", "json", "csv"), default="table")
    scorecard.set_defaults(handler=_cmd_scorecard)

    report = commands.add_parser(
        "report", help="write the HTML report (papermill)",
        description="Run the report notebook with papermill and write the executed notebook and a standalone "
        "HTML page to DIR.",
    )
    report.add_argument("--db", required=True, type=Path, metavar="FILE")
    report.add_argument("--year", required=True, type=int, metavar="Y")
    report.add_argument("--out", required=True, type=Path, metavar="DIR")
    report.add_argument("--lang", choices=("zh", "en"), default="zh", help="label language (default zh)")
    report.set_defaults(handler=_cmd_report)

    coverage = commands.add_parser(
        "coverage", help="check charger coverage on an OpenStreetMap file",
        description="Run the network coverage check on one OSM file (.osm, .osm.gz, .osm.bz2, .osm.pbf), "
        "using the service-area and charging-station register of a built database, and print a summary.",
    )
    coverage.add_argument("--osm", required=True, type=Path, metavar="FILE")
    coverage.add_argument("--db", type=Path, metavar="FILE", help="built database with the register (optional)")
    coverage.add_argument("--rule", choices=("cn", "afir", "nevi"), default="cn")
    coverage.set_defaults(handler=_cmd_coverage)
    return parser


KNOWN_ERRORS = (
    ("qdtransport.rawfile", "InputFileError"),
    ("qdtransport.warehouse", "BuildError"),
    ("qdtransport.report", "ReportError"),
    ("qdtransport.db", "DatabaseFileError"),
)
"""Errors whose message is the whole story (module, class); looked up only in modules already
imported, so that no command imports a module just to name its error."""


def _known_error(exc: BaseException) -> bool:
    classes = tuple(
        getattr(sys.modules[module], name) for module, name in KNOWN_ERRORS if module in sys.modules
    )
    return isinstance(exc, (*classes, FileNotFoundError, ValueError))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except Exception as exc:  # a clear one-line message, with its type unless the message says all
        message = " ".join(str(exc).split("\n")[0].split()) or type(exc).__name__
        print(f"error: {message}" if _known_error(exc) else f"error: {type(exc).__name__}: {message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
