"""The report run: the report notebook through papermill into one standalone HTML page.

:func:`write_report` executes ``notebooks/report.ipynb`` with papermill against a built database
and exports it with nbconvert to one standalone HTML page: code hidden, charts as inline SVG,
no ``<script src=…>`` or stylesheet links (no require.js, MathJax or Mermaid from a CDN), fonts
that show Chinese. The notebook itself stays thin: it displays the common sections
(:mod:`qdtransport.report.sections`) and every registered domain's report section.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qdtransport.charts import FONT_STACK
from qdtransport.i18n import check_lang, text
from qdtransport.scorecard import NoDatabaseError

Progress = Callable[[str], None]

KERNEL_NAME = "python3"
"""Jupyter kernel the report runs in: ipykernel of the running Python environment."""


class ReportError(RuntimeError):
    """The report notebook failed; the message names the cell and the error."""


@dataclass(frozen=True)
class ReportPaths:
    """Files written by :func:`write_report`."""

    notebook: Path
    html: Path


PRINT_CSS = """
@page { size: A4; margin: 12mm 11mm 14mm; }
@media print {
  :root { --jp-notebook-padding: 0px; --jp-cell-padding: 0px; }
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  .jp-Cell, .jp-Cell-outputWrapper, .jp-OutputArea, .jp-OutputArea-child,
  .jp-OutputArea-output { padding: 0 !important; margin-left: 0 !important; }
  .jp-OutputArea-output { display: block; overflow: visible !important; }
  .jp-OutputArea-child { display: block; break-inside: auto; }
  .jp-OutputPrompt, .jp-Collapser { display: none !important; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; break-inside: avoid; }
  .jp-OutputArea-child:has(> .jp-OutputArea-output > :is(h1, h2, h3, h4):only-child) {
    break-after: avoid; page-break-after: avoid; }
  .jp-RenderedSVG, .jp-RenderedSVG svg, .qd-synthetic {
    break-inside: avoid; page-break-inside: avoid; }
  .jp-RenderedSVG svg { max-width: 100%; height: auto; }
  .jp-RenderedHTMLCommon table.qd-table { table-layout: auto; max-width: 100%;
    font-size: 7.5pt; margin: 4px 0 10px; }
  .jp-RenderedHTMLCommon table.qd-table th, .jp-RenderedHTMLCommon table.qd-table td {
    padding: 2px 4px; }
  table.qd-table th { white-space: normal; }
  table.qd-table td.long { min-width: 0; overflow-wrap: anywhere; }
  table.qd-table td.code { word-break: break-all; white-space: normal; max-width: 16ch; }
  table.qd-table thead { display: table-header-group; }
  table.qd-table tr { break-inside: avoid; page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
"""Printing on A4 (Chrome's "Save as PDF"): tables as wide as the page, their header on every
page, no row, chart or heading split from what follows it across a page break."""


def report_notebook_path() -> Path:
    """The report notebook: ``qdtransport/_notebooks`` in a wheel, else ``notebooks/``."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "_notebooks" / "report.ipynb"
    if packaged.is_file():
        return packaged
    return package.parent / "notebooks" / "report.ipynb"


REPORT_CSS = f"""
:root {{
  --jp-content-font-family: {FONT_STACK};
  --jp-ui-font-family: {FONT_STACK};
}}
body {{ font-family: {FONT_STACK}; max-width: 1100px; margin: 0 auto; padding: 0 16px 48px; }}
.jp-RenderedSVG svg {{ max-width: 100%; height: auto; overflow: visible; }}
.qd-synthetic {{ margin: 12px 0 20px; padding: 14px 18px; border: 3px solid #b03a2e;
  background: #fdedec;
  color: #78281f; font-size: 1.35em; font-weight: bold; text-align: center; }}
.qd-subtitle {{ color: #566573; }}
.qd-note {{ color: #566573; font-style: italic; }}
table.qd-table {{ border-collapse: collapse; margin: 8px 0 16px; font-size: 0.92em; }}
.jp-RenderedHTMLCommon table.qd-table th, .jp-RenderedHTMLCommon table.qd-table td {{
  border: 1px solid #d5d8dc; padding: 3px 8px; text-align: left; vertical-align: top; }}
table.qd-table td {{ white-space: nowrap; }}
table.qd-table td.long {{ white-space: normal; min-width: 16em; }}
table.qd-table td.code {{ font-family: monospace; font-size: 0.9em; }}
.jp-RenderedHTMLCommon table.qd-table td.num {{ text-align: right;
  font-variant-numeric: tabular-nums; }}
table.qd-table th {{ background: #f2f3f4; }}
.jp-RenderedHTMLCommon table.qd-table td.met {{ color: #1e8449; font-weight: bold;
  text-align: center; }}
.jp-RenderedHTMLCommon table.qd-table td.unmet {{ color: #b03a2e; font-weight: bold;
  text-align: center; }}
{PRINT_CSS}"""
"""Style of the HTML report: Chinese-capable fonts, the synthetic banner, tables, and print."""

_TEMPLATE_NAME = "qdtransport_report.html.j2"

_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style type="text/css">{{ resources.qdtransport_css }}</style>
{%- endblock extra_css -%}
{% block data_svg scoped -%}
<div class="jp-RenderedSVG jp-OutputArea-output {{ extra_class }}" data-mime-type="image/svg+xml">
{{ output.data['image/svg+xml'] }}
</div>
{%- endblock data_svg %}
"""
"""The ``lab`` template without require.js, widget, MathJax or Mermaid scripts (all CDN links),
with the report's style, and SVG outputs inline (not base64 images) so the text stays searchable."""


def export_html(notebook: Any, *, title: str, lang: str = "zh") -> str:
    """An executed notebook as one standalone HTML page: no code, prompts or external scripts."""
    import jinja2
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[jinja2.DictLoader({_TEMPLATE_NAME: _TEMPLATE})],
        template_file=_TEMPLATE_NAME,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code=lang,
    )
    body, _ = exporter.from_notebook_node(
        notebook, resources={"metadata": {"name": title}, "qdtransport_css": REPORT_CSS}
    )
    return body


def native_kernel_manager_class() -> type:
    """A kernel manager that starts ipykernel of this Python, whatever kernelspecs are installed.

    jupyter_client prefers a user-level ``python3`` kernelspec (``ipykernel install --user`` of
    another Python writes one to ~/.local/share/jupyter) to the environment's own, and that
    kernel would lack qdtransport. With no kernel folders only the native kernel is left, whose
    command line is this interpreter (``sys.executable -m ipykernel_launcher``): the report runs
    in the environment that has qdtransport, activated or not.
    """
    import zmq
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class NativeKernelManager(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _native_only(self) -> KernelSpecManager:
            return KernelSpecManager(data_dir=self.data_dir, kernel_dirs=[])

        @default("transport_encryption")
        def _encrypt_when_possible(self) -> str:
            # ipykernel warns on every start when the local connection is not encrypted
            return "auto" if zmq.has("curve") else "disabled"

    return NativeKernelManager


def report_stem(year: int, lang: str) -> str:
    """Return the file name of a report without suffix: ``report_2025_zh``.

    The language is part of the name, so a report in one language never overwrites the
    other's in the same folder.
    """
    check_lang(lang)
    return f"report_{int(year)}_{lang}"


def write_report(
    db_path: str | Path,
    *,
    year: int,
    out_dir: str | Path,
    lang: str = "zh",
    progress: Progress = lambda message: None,
    timeout_s: int = 600,
) -> ReportPaths:
    """Run the report notebook on a built database and write it as a notebook and an HTML page.

    Parameters
    ----------
    db_path
        The DuckDB file written by ``qdtransport build`` (opened read-only).
    year
        The report year (title, scorecard year, year-end tables).
    out_dir
        Folder for ``report_<year>_<lang>.ipynb`` (executed, with outputs) and
        ``report_<year>_<lang>.html``; created when missing, relative to the working directory.
        Reports of other years and languages in the folder are left alone. The notebook runs
        with this folder as working directory.
    lang
        ``"zh"`` (default) or ``"en"``: the language of headings, tables and charts.
    progress
        Called with a line of text at each step.
    timeout_s
        Longest time one notebook cell may run, seconds.

    Returns
    -------
    ReportPaths
        Paths of the executed notebook and the HTML page.

    Raises
    ------
    FileNotFoundError
        When the database (or the report notebook) does not exist.
    ValueError
        When ``lang`` is not ``zh`` or ``en``.
    ReportError
        When a cell of the notebook fails or times out: the message names the cell and the
        error; the partly executed notebook is still written.
    """
    import nbformat
    import papermill
    from jupyter_client.kernelspec import NoSuchKernel
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    check_lang(lang)
    db = Path(db_path).resolve()
    if not db.is_file():
        raise NoDatabaseError(db_path)
    _check_year_has_values(db, year, lang)
    source = report_notebook_path()
    if not source.is_file():
        raise FileNotFoundError(f"{source}: report notebook missing from the installation")
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    stem = report_stem(year, lang)
    paths = ReportPaths(notebook=out / f"{stem}.ipynb", html=out / f"{stem}.html")

    progress(f"running {source.name} on {db.name} for {year} ({lang})")
    try:
        papermill.execute_notebook(
            str(source),
            str(paths.notebook),
            parameters={"db": str(db), "year": int(year), "lang": lang},
            kernel_name=KERNEL_NAME,
            cwd=str(out),
            execution_timeout=timeout_s,
            progress_bar=False,
            log_output=False,
            kernel_manager_class=native_kernel_manager_class(),
        )
    except papermill.PapermillExecutionError as exc:
        first_line = next((line for line in exc.source.splitlines() if line.strip()), "").strip()
        raise ReportError(
            f"report notebook failed in cell [{exc.exec_count}] ({first_line}): "
            f"{exc.ename}: {exc.evalue}; "
            f"the executed notebook is {paths.notebook}"
        ) from exc
    except CellTimeoutError as exc:
        raise ReportError(f"a report notebook cell ran longer than {timeout_s} s: {exc}") from exc
    except DeadKernelError as exc:
        raise ReportError(f"the report notebook's kernel died: {exc}") from exc
    except NoSuchKernel as exc:
        raise ReportError(
            f"no Jupyter kernel {KERNEL_NAME!r}: install ipykernel in this environment ({exc})"
        ) from exc

    progress(f"writing {paths.html.name}")
    executed = nbformat.read(paths.notebook, as_version=4)
    title = text("report_title", lang, year=year)
    paths.html.write_text(export_html(executed, title=title, lang=lang), encoding="utf-8")
    progress(f"wrote {paths.notebook} and {paths.html}")
    return paths


def _check_year_has_values(db: Path, year: int, lang: str) -> None:
    """Refuse a report year in which no indicator has a value (it would be an empty report).

    A database that is not a warehouse passes: the notebook then names what it lacks.
    """
    import duckdb

    from qdtransport.scorecard import value_years

    try:
        years = value_years(db)
    except duckdb.CatalogException:
        return
    if not years:
        raise ReportError(text("cli.no_values_at_all", lang))
    if year not in years:
        raise ReportError(
            text("cli.no_values_in_year", lang, year=year, first=years[0], last=years[-1])
        )
