"""Texts of the port-bulk domain in Chinese and English (keys ``port_bulk.*``)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {}
"""i18n key -> {"zh": …, "en": …}; merged into :mod:`qdtransport.i18n`."""
