"""The report.

The run (:mod:`.run`), its common sections (:mod:`.sections`) and table helpers
(:mod:`.tables`); each domain adds its own section (``qdtransport/domains/<domain>/report.py``).
"""

from __future__ import annotations

from qdtransport.report.run import (
    KERNEL_NAME,
    REPORT_CSS,
    ReportError,
    ReportPaths,
    export_html,
    native_kernel_manager_class,
    report_notebook_path,
    write_report,
)

__all__ = [
    "KERNEL_NAME",
    "REPORT_CSS",
    "ReportError",
    "ReportPaths",
    "export_html",
    "native_kernel_manager_class",
    "report_notebook_path",
    "write_report",
]
