"""Text encodings of delimited exports: decided per file from the evidence, decoded line by line.

Exports come as UTF-8 (with or without a byte-order mark) or GB18030/GBK, and sometimes as a mix:
a UTF-8 file with one cell pasted from a GBK program, or a GBK file whose few Chinese characters
happen to form valid UTF-8 (鲁 is ``C2 B3`` in GBK, which UTF-8 reads as ``³``). The rules:

1. A UTF-16 byte-order mark means UTF-16.
2. Otherwise each line is UTF-8 or not. When every line is, the file is UTF-8 unless the decoded
   text holds characters that GBK pairs produce when read as UTF-8 (U+0080-U+07FF) *and* the
   GB18030 reading of the same bytes is more plausible for a Chinese export (more CJK characters);
   when the two readings are equally plausible, ``charset-normalizer`` decides.
3. When some lines are not UTF-8, the lines of the first chunk that holds such lines are counted:
   lines that are UTF-8 with non-ASCII characters against lines that are GB18030 only. The larger
   count decides; a UTF-8 byte-order mark followed by GBK rows is decided as GB18030 (and noted).
4. Lines that do not decode in the decided encoding are not decoded at all: the reader turns each
   into a reject naming its line (:class:`BadLine`), and the rest of the file loads.

Nothing is ever decoded with replacement characters: a value is either read exactly as its bytes
say in the file's encoding, or its row is rejected.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK_BYTES = 1 << 24
"""Bytes decoded at a time (cut at a line end), so that no whole-file text is ever held."""

SAMPLE_LINES = 20_000
"""Lines of the first undecodable chunk that are counted to decide between UTF-8 and GB18030."""

_TWO_BYTE_UTF8 = re.compile("[\u0080-\u07ff]")
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


class EncodingError(Exception):
    """The bytes cannot be text in any accepted encoding; the message names the file."""


@dataclass(frozen=True)
class BadLine:
    r"""A line that does not decode in the file's encoding.

    Attributes
    ----------
    line
        1-based line number in the file.
    text
        The line with each undecodable byte written ``\xNN`` (the other bytes decoded), so the
        reject shows exactly what the file holds.
    reason
        Readable reason naming the line, the byte and its position.
    """

    line: int
    text: str
    reason: str


@dataclass
class Decision:
    """How a file's bytes are decoded.

    Attributes
    ----------
    encoding
        ``utf-8``, ``utf-8-sig`` (UTF-8 after a byte-order mark), ``gb18030`` or ``utf-16``.
    codec
        Python codec used for each line (``utf-8``, ``gb18030``, ``utf-16``).
    bom
        Length in bytes of a byte-order mark to skip.
    note
        Something a reader of the build log should know (e.g. a byte-order mark that lied).
    clean
        Whether every line decodes (else :func:`transcode` finds the lines that do not).
    """

    encoding: str
    codec: str
    bom: int = 0
    note: str | None = None
    clean: bool = True


def _chunks(data: bytes | memoryview, start: int) -> Iterator[tuple[int, bytes]]:
    """(offset, bytes) pieces of ``data[start:]``, each ending at a line end (or the data's end)."""
    view = memoryview(data)
    total = len(view)
    offset = start
    while offset < total:
        end = min(offset + CHUNK_BYTES, total)
        if end < total:
            cut = bytes(view[end - 1 : min(end + (1 << 20), total)]).find(b"\n")
            end = total if cut < 0 else end + cut
        yield offset, bytes(view[offset:end])
        offset = end


def _plausibility(text: str) -> float:
    """Share of the non-ASCII characters that a Chinese export would hold (CJK, full-width)."""
    non_ascii = len(_NON_ASCII.findall(text))
    return len(_CJK.findall(text)) / non_ascii if non_ascii else 1.0


def _ambiguous_utf8(data: bytes, bom: int) -> bool:
    """True when a (valid UTF-8) file reads better as GB18030, judged on its first chunk."""
    body = next(_chunks(data, bom))[1]
    try:
        as_gb = body.decode("gb18030")
    except UnicodeDecodeError:
        return False
    as_utf8 = body.decode("utf-8")
    utf8_score, gb_score = _plausibility(as_utf8), _plausibility(as_gb)
    if utf8_score != gb_score:
        return gb_score > utf8_score
    from charset_normalizer import from_bytes

    best = from_bytes(body[: 1 << 20], cp_isolation=["utf_8", "gb18030"]).best()
    return best is not None and best.encoding == "gb18030"


def _count_lines(chunk: bytes) -> tuple[int, int]:
    """(UTF-8 lines with non-ASCII characters, lines that only GB18030 decodes) in a chunk."""
    utf8 = gb = 0
    for line in chunk.split(b"\n")[:SAMPLE_LINES]:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            utf8 += 1
        except UnicodeDecodeError:
            try:
                line.decode("gb18030")
                gb += 1
            except UnicodeDecodeError:
                pass
    return utf8, gb


def quick(data: bytes) -> Decision | None:
    """UTF-8 without a second look, when no byte could start a two-byte UTF-8 character.

    A Chinese UTF-8 export writes its characters with three bytes (lead bytes E0-EF); GBK pairs
    and Latin-1 text bring bytes C2-DF. Without those, the file is UTF-8 or not text at all, and
    the native reader checks every byte (it refuses invalid UTF-8). Returns None when the full
    :func:`decide` must judge.
    """
    import numpy as np

    head = bytes(data[:4])
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    values = np.frombuffer(data, dtype=np.uint8)
    for start in range(0, len(values), CHUNK_BYTES):
        if ((values[start : start + CHUNK_BYTES] - np.uint8(0xC2)) < 30).any():
            return None
    bom = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    return Decision("utf-8-sig" if bom else "utf-8", "utf-8", bom)


def decide(data: bytes, path: Path) -> Decision:
    """Decide the encoding of a delimited text file from its bytes (see the module docstring).

    Raises
    ------
    EncodingError
        A UTF-16 file that does not decode, or a file of which no line decodes.
    """
    head = bytes(data[:4])
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            bytes(data).decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"{path}: starts like UTF-16 text but cannot be decoded as UTF-16 (byte {exc.start}); "
                "save it as UTF-8 or GBK CSV"
            ) from None
        return Decision("utf-16", "utf-16")
    bom = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
    first_bad: bytes | None = None
    two_byte = False
    for _, chunk in _chunks(data, bom):
        try:
            text = chunk.decode("utf-8")
        except UnicodeDecodeError:
            first_bad = chunk
            break
        two_byte = two_byte or _TWO_BYTE_UTF8.search(text) is not None
    if first_bad is None:
        if two_byte and _ambiguous_utf8(data, bom):
            return Decision("gb18030", "gb18030", bom, note=_bom_note(path, bom), clean=False)
        return Decision("utf-8-sig" if bom else "utf-8", "utf-8", bom)
    utf8_lines, gb_lines = _count_lines(first_bad)
    if utf8_lines > gb_lines:
        return Decision("utf-8-sig" if bom else "utf-8", "utf-8", bom, clean=False)
    if gb_lines == 0:
        line, byte = _first_undecodable(data, bom)
        raise EncodingError(
            f"{path}: cannot decode the file as UTF-8 or GB18030/GBK (line {line}, byte 0x{byte:02X}); "
            "save it as UTF-8 or GBK CSV"
        )
    return Decision("gb18030", "gb18030", bom, note=_bom_note(path, bom), clean=False)


def _first_undecodable(data: bytes, bom: int) -> tuple[int, int]:
    """Line number and value of the first byte that neither UTF-8 nor GB18030 decodes."""
    line_number = 1
    for _, chunk in _chunks(data, bom):
        for offset, line in enumerate(chunk.split(b"\n")):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as exc:
                return line_number + offset, line[exc.start]
        line_number += chunk.count(b"\n")
    return line_number, 0


def _bom_note(path: Path, bom: int) -> str | None:
    if not bom:
        return None
    return f"{path}: starts with a UTF-8 byte-order mark but its rows are GB18030/GBK; read as GB18030"


def _escaped(line: bytes, codec: str) -> str:
    return line.decode(codec, errors="backslashreplace").rstrip("\r")


def transcode(data: bytes, decision: Decision, path: Path, out: BinaryIO) -> list[BadLine]:
    """Write the file as UTF-8 to ``out`` (a binary file), line for line.

    A line that does not decode is written as an empty line (so that every later line keeps its
    number) and returned as a :class:`BadLine`.
    """
    bad: list[BadLine] = []
    line_number = 1
    if decision.codec == "utf-16":
        out.write(bytes(data).decode("utf-16").encode("utf-8"))
        return bad
    for _, chunk in _chunks(data, decision.bom):
        try:
            out.write(chunk.decode(decision.codec).encode("utf-8"))
        except UnicodeDecodeError:
            pieces = []
            for offset, line in enumerate(chunk.split(b"\n")):
                try:
                    pieces.append(line.decode(decision.codec))
                except UnicodeDecodeError as exc:
                    number = line_number + offset
                    reason = _bad_reason(path, number, line, exc, decision)
                    bad.append(BadLine(number, _escaped(line, decision.codec), reason))
                    pieces.append("")
            out.write("\n".join(pieces).encode("utf-8"))
        line_number += chunk.count(b"\n")
    return bad


def _bad_reason(path: Path, number: int, line: bytes, exc: UnicodeDecodeError, decision: Decision) -> str:
    name = {"utf-8": "UTF-8", "gb18030": "GB18030/GBK"}.get(decision.codec, decision.codec)
    return (
        f"line {number} does not decode as {name}, the encoding of the rest of the file "
        f"(byte 0x{line[exc.start]:02X} at byte {exc.start + 1} of the line)"
    )


