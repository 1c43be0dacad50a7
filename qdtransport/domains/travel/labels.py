"""Texts of the travel domain in Chinese and English (keys ``travel.*``)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {}
"""i18n key -> {"zh": …, "en": …}; merged into :mod:`qdtransport.i18n`."""
