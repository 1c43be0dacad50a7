"""The labels every sample file carries to say it is synthetic."""

from __future__ import annotations

SYNTHETIC_NOTE = "合成示例数据，非真实登记信息 (synthetic sample data)"
"""Label in the title row of every sample workbook."""

ROW_NOTE = "合成示例数据 synthetic"
"""Label in the 备注 (note) column of every row of the sample CSV files."""
