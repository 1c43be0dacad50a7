"""Where the records of a delimited text file start and end, found with numpy over its bytes.

A record ends at a line feed that is not inside double quotes (RFC 4180: a doubled quote inside a
quoted field leaves the count of quotes even, so the parity of the quotes seen so far tells
whether a line feed is inside a field). For every record the scan gives the physical line it
starts on, how many further lines it spans, how many delimiters (outside quotes) it holds and
whether it is an empty line. The bytes are scanned in chunks, so memory stays bounded whatever
the file size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CHUNK = 1 << 24
QUOTE = ord('"')
LINE_FEED = ord("\n")
CARRIAGE_RETURN = ord("\r")


@dataclass
class Records:
    """The records of ``buffer[offset:]``.

    Attributes
    ----------
    line
        1-based physical line on which each record starts.
    spanned
        Further lines each record runs over (line breaks inside quoted fields).
    delimiters
        Delimiters outside quotes in each record (cells = delimiters + 1).
    empty
        Whether the record is an empty line (nothing, or a lone carriage return).
    start, end
        Byte offsets of each record (``end`` at its line feed, or at the end of the data).
    open_quote
        True when the data ends inside a quoted field.
    """

    line: np.ndarray
    spanned: np.ndarray
    delimiters: np.ndarray
    empty: np.ndarray
    start: np.ndarray
    end: np.ndarray
    open_quote: bool

    def __len__(self) -> int:
        """Number of records."""
        return len(self.line)


def scan(buffer: bytes, offset: int, first_line: int, delimiter: str, quoted: bool) -> Records:
    """Scan ``buffer[offset:]``, whose first byte starts physical line ``first_line``.

    Parameters
    ----------
    buffer
        UTF-8 bytes (``bytes`` or a memory map).
    offset
        Byte where the scan starts (the line after the header).
    first_line
        Physical line number of that byte.
    delimiter
        One ASCII character.
    quoted
        Whether the data holds any double quote (else every line feed ends a record).
    """
    data = np.frombuffer(buffer, dtype=np.uint8)
    total = len(data)
    mark = ord(delimiter)
    ends: list[np.ndarray] = []
    end_lines: list[np.ndarray] = []
    delimiters_at: list[np.ndarray] = []
    parity = 0
    lines_seen = 0
    delimiters_seen = 0
    position = offset
    while position < total:
        chunk = data[position : min(position + CHUNK, total)]
        feeds = np.flatnonzero(chunk == LINE_FEED)
        marks = np.flatnonzero(chunk == mark)
        if quoted:  # a byte is inside quotes when an odd number of quotes precede it
            quotes = np.flatnonzero(chunk == QUOTE)
            boundary = feeds[((np.searchsorted(quotes, feeds) + parity) & 1) == 0]
            marks = marks[((np.searchsorted(quotes, marks) + parity) & 1) == 0]
            parity = (parity + len(quotes)) & 1
        else:
            boundary = feeds
        ends.append(boundary + position)
        end_lines.append(np.searchsorted(feeds, boundary) + lines_seen)
        delimiters_at.append(np.searchsorted(marks, boundary) + delimiters_seen)
        lines_seen += len(feeds)
        delimiters_seen += len(marks)
        position += len(chunk)
    end = np.concatenate(ends) if ends else np.zeros(0, dtype=np.int64)
    end_line = np.concatenate(end_lines) if end_lines else np.zeros(0, dtype=np.int64)
    cumulative = np.concatenate(delimiters_at) if delimiters_at else np.zeros(0, dtype=np.int64)
    last_end = int(end[-1]) + 1 if len(end) else offset
    if last_end < total:  # a last record without a final line feed
        end = np.append(end, total)
        end_line = np.append(end_line, lines_seen)
        cumulative = np.append(cumulative, delimiters_seen)
    start = np.concatenate([[offset], end[:-1] + 1]).astype(np.int64) if len(end) else end
    start_line = np.concatenate([[0], end_line[:-1] + 1]) if len(end_line) else end_line
    counts = np.diff(np.concatenate([[0], cumulative])) if len(cumulative) else cumulative
    length = end - start
    lone_return = np.zeros(len(end), dtype=bool)
    ones = np.flatnonzero(length == 1)
    if len(ones):
        lone_return[ones] = data[start[ones]] == CARRIAGE_RETURN
    return Records(
        line=start_line + first_line,
        spanned=end_line - start_line,
        delimiters=counts,
        empty=(length == 0) | lone_return,
        start=start,
        end=end,
        open_quote=bool(parity),
    )
