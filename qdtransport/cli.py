"""The command line: ``qdtransport build | scorecard | report | coverage``.

Every command exits 0 on success and 1 with a one-line ``error:`` (``错误：``) message on failure
(bad input file, missing database, failed query); progress goes to standard error, results to
standard out. Help, messages and output are in one language: ``--lang zh|en``, by default the
locale's (:func:`default_lang`).
"""

from __future__ import annotations

import argparse
import contextlib
import locale
import os
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from qdtransport import __version__
from qdtransport.i18n import LANGS, text

ARGPARSE_WORDS: dict[str, str] = {
    "usage: ": "argparse.usage",
    "options": "argparse.options",
    "positional arguments": "argparse.positional",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "the following arguments are required: %s": "argparse.required",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "expected one argument": "argparse.expected_one",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
}
"""argparse's own messages -> text keys, so that its usage and errors follow ``--lang``."""


def default_lang(environ: Mapping[str, str] | None = None) -> str:
    """Return the language the locale asks for: ``zh`` for a Chinese locale, else ``en``.

    ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` and ``LANGUAGE`` are read in that order (the first one
    set decides); without them, the system locale (Windows: e.g. ``Chinese (Simplified)_China``).
    """
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    with contextlib.suppress(ValueError):
        name = locale.getlocale()[0] or ""
        if name.lower().startswith(("zh", "chinese")):
            return "zh"
    return "en"


def requested_lang(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """Return the ``--lang`` of ``argv`` when it names a language, else :func:`default_lang`."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGS:
            return value
    return default_lang(environ)


@contextlib.contextmanager
def argparse_words(lang: str) -> Iterator[None]:
    """Let argparse's own words (usage, errors) follow ``lang`` while the block runs."""
    original = argparse._  # type: ignore[attr-defined]

    def translate(message: str) -> str:
        key = ARGPARSE_WORDS.get(message)
        return text(key, lang) if key else original(message)

    argparse._ = translate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _cmd_build(args: argparse.Namespace) -> int:
    from qdtransport.settings import load_settings
    from qdtransport.warehouse import build

    lang = args.lang
    started = time.perf_counter()
    result = build(
        args.data, args.db, settings=load_settings(args.settings), progress=_progress, lang=lang
    )
    loaded = ", ".join(f"{name} {count}" for name, count in result.rows_loaded.items() if count)
    network = "build.network_done" if result.network_checked else "build.network_skipped"
    _progress(
        text(
            "build.summary",
            lang,
            db=result.db_path,
            seconds=f"{time.perf_counter() - started:.1f}",
            loaded=loaded or text("build.loaded_nothing", lang),
            rejected=result.rows_rejected,
            duplicates=result.duplicates_collapsed,
            warnings=result.warnings,
            network=text(network, lang),
        )
    )
    return 0


def _cmd_scorecard(args: argparse.Namespace) -> int:
    from qdtransport.scorecard import format_scorecard, read_scorecard, value_years

    lang = args.lang
    if args.format == "xlsx":
        from qdtransport.workbook import write_scorecard_workbook

        if args.output is None:
            raise ValueError(text("cli.xlsx_needs_output", lang))
        path = write_scorecard_workbook(args.db, args.output, year=args.year)
        _progress(text("cli.wrote", lang, path=path))
        return 0
    if args.format == "table":
        from qdtransport.status import format_status_table, read_target_status

        rows = read_target_status(args.db, year=args.year)
        if rows:
            output = format_status_table(rows, lang)
        else:
            years = value_years(args.db)
            output = (
                text("cli.no_values_in_year", lang, year=args.year, first=years[0], last=years[-1])
                if years and args.year is not None
                else text("cli.no_values_at_all", lang)
            ) + "\n"
    else:
        output = format_scorecard(read_scorecard(args.db, year=args.year), args.format)
    if args.output is None:
        sys.stdout.write(output)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(output, encoding="utf-8")
        _progress(text("cli.wrote", lang, path=args.output))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from qdtransport.report import write_report

    started = time.perf_counter()
    paths = write_report(
        args.db, year=args.year, out_dir=args.out, lang=args.lang, progress=_progress
    )
    _progress(text("cli.report_written", args.lang, seconds=f"{time.perf_counter() - started:.1f}"))
    print(paths.html)
    return 0


def _cmd_coverage(args: argparse.Namespace) -> int:
    from qdtransport.domains.charging.network_tables import coverage_summary

    started = time.perf_counter()
    summary = coverage_summary(args.osm, db_path=args.db, rule=args.rule, progress=_progress)
    sys.stdout.write(summary)
    _progress(text("cli.coverage_done", args.lang, seconds=f"{time.perf_counter() - started:.1f}"))
    return 0


def _common(parser: argparse.ArgumentParser, lang: str, *, default: object) -> None:
    parser.add_argument("-h", "--help", action="help", help=text("cli.help_help", lang))
    parser.add_argument("--lang", choices=LANGS, default=default, help=text("cli.help_lang", lang))


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """Return the argument parser of the ``qdtransport`` command, its help in ``lang``.

    Call it inside :func:`argparse_words` for argparse's own words in ``lang`` too (as
    :func:`main` does).
    """
    lang = lang or default_lang()

    def t(key: str) -> str:
        return text(key, lang)

    parser = argparse.ArgumentParser(
        prog="qdtransport",
        description=t("cli.description"),
        epilog=t("cli.epilog"),
        add_help=False,
    )
    _common(parser, lang, default=lang)
    parser.add_argument(
        "--version",
        action="version",
        version=f"qdtransport {__version__}",
        help=t("cli.help_version"),
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", title=t("cli.commands")
    )

    def command(name: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=t(f"cli.{name}"), description=t(f"cli.{name}_description"), add_help=False
        )
        # a --lang after the command wins; else the one before it (or the default) stays
        _common(sub, lang, default=argparse.SUPPRESS)
        return sub

    build = command("build")
    build.add_argument("--data", required=True, type=Path, metavar="DIR", help=t("cli.help_data"))
    build.add_argument("--db", required=True, type=Path, metavar="FILE", help=t("cli.help_db_out"))
    build.add_argument("--settings", type=Path, metavar="TOML", help=t("cli.help_settings"))
    build.set_defaults(handler=_cmd_build)

    scorecard = command("scorecard")
    scorecard.add_argument(
        "--db", required=True, type=Path, metavar="FILE", help=t("cli.help_db_in")
    )
    scorecard.add_argument("--year", type=int, metavar="Y", help=t("cli.help_year"))
    scorecard.add_argument(
        "--format",
        choices=("table", "json", "csv", "xlsx"),
        default="table",
        help=t("cli.help_format"),
    )
    scorecard.add_argument("--output", type=Path, metavar="FILE", help=t("cli.help_output"))
    scorecard.set_defaults(handler=_cmd_scorecard)

    report = command("report")
    report.add_argument("--db", required=True, type=Path, metavar="FILE", help=t("cli.help_db_in"))
    report.add_argument(
        "--year", required=True, type=int, metavar="Y", help=t("cli.help_report_year")
    )
    report.add_argument("--out", required=True, type=Path, metavar="DIR", help=t("cli.help_out"))
    report.set_defaults(handler=_cmd_report)

    coverage = command("coverage")
    coverage.add_argument("--osm", required=True, type=Path, metavar="FILE", help=t("cli.help_osm"))
    coverage.add_argument("--db", type=Path, metavar="FILE", help=t("cli.help_coverage_db"))
    coverage.add_argument(
        "--rule", choices=("cn", "afir", "nevi"), default="cn", help=t("cli.help_rule")
    )
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
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = requested_lang(argv)
    with argparse_words(lang):
        args = build_parser(lang).parse_args(argv)
    try:
        return args.handler(args)
    except Exception as exc:  # a clear one-line message, with its type unless the message says all
        message = " ".join(str(exc).split("\n")[0].split()) or type(exc).__name__
        if hasattr(exc, "localized"):  # an error that can say itself in the run's language
            message = exc.localized(args.lang)
        elif not _known_error(exc):
            message = f"{type(exc).__name__}: {message}"
        print(text("cli.error", args.lang, message=message), file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
