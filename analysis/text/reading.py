"""Reading input: file bytes to text (encodings, line ends, binary refused), and the error type
every input problem raises (:class:`InputError`, one line for the user).

>>> decode_bytes(b"One.\\r\\nTwo.\\r\\n")
('One.\\nTwo.\\n', 'utf-8', [])
"""

from __future__ import annotations

import re
from pathlib import Path

#: The control characters that count towards "binary" (a regex class body): C0 controls except
#: tab, LF, VT and FF (CR is rewritten to LF before counting), DEL and the C1 controls.
CONTROL_CHARACTERS = "\x00-\x08\x0d-\x1f\x7f-\x9f"
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
_CHUNK = 1 << 20  # counted a chunk at a time: a text of controls never makes one huge list


class InputError(ValueError):
    """A problem with the user's input, reported as one line (never a traceback)."""


InputError.__module__ = "analysis.text"  # its public home (messages and doctests name it so)


def decode_bytes(data: bytes, name: str = "input") -> tuple[str, str, list[str]]:
    """Decode file bytes the way the project reads every input.

    Returns ``(text, encoding, warnings)``. UTF-8 is read as ``open(path, encoding="utf-8").read()``
    would (a BOM stays as U+FEFF at offset 0, CRLF and CR become LF). UTF-16 and UTF-32 with a
    byte-order mark are read as ``open(path, encoding="utf-16")`` (or ``"utf-32"``) would: the
    mark is dropped. Invalid UTF-8 falls back to cp1252, then latin-1, with a warning naming the
    encoding (for letters the two agree; latin-1 is used only for bytes cp1252 leaves undefined).
    Bytes with NUL (outside UTF-16/32), or with more than 0.5 % control characters after
    decoding, are refused as binary.

    >>> decode_bytes("caf\\u00e9\\r\\n".encode("utf-8"))
    ('café\\n', 'utf-8', [])
    >>> decode_bytes(b"\\x93Hi\\x94")[0:2]
    ('“Hi”', 'cp1252')
    >>> decode_bytes("“Hi”\\n".encode("utf-16"))
    ('“Hi”\\n', 'utf-16', [])
    """
    warnings: list[str] = []
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                text, encoding = data.decode(codec), codec
            except UnicodeDecodeError:
                raise InputError(f"{name}: not valid {codec.upper()} despite its byte-order "
                                 "mark") from None
            break
    else:
        if b"\x00" in data:
            raise InputError(f"{name}: binary file (contains NUL bytes), not text")
        try:
            text = data.decode("utf-8")
            encoding = "utf-8-sig" if text.startswith("\ufeff") else "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
            warnings.append(f"{name}: not valid UTF-8; decoded as {encoding}")
    if "\x00" in text:
        raise InputError(f"{name}: binary file (contains NUL characters), not text")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(len(_CONTROL.findall(text, i, i + _CHUNK)) for i in range(0, len(text), _CHUNK))
    if text and controls > 0.005 * len(text):
        raise InputError(f"{name}: binary file ({controls} control characters), not text")
    return text, encoding, warnings


def read_text(path: str | Path) -> tuple[str, str, list[str]]:
    """Read a file as text: ``(text, encoding, warnings)``; see :func:`decode_bytes`.

    Raises :class:`InputError` with a one-line message for a missing path, a directory, a FIFO
    or device, a file over the size limit (:data:`analysis.inputs.MAX_INPUT_BYTES`), an
    unreadable or binary file.

    >>> from analysis.config import SAMPLE_ARTICLE
    >>> read_text(SAMPLE_ARTICLE)[1]
    'utf-8'
    """
    from analysis.inputs import read_regular

    return decode_bytes(read_regular(path), str(path))
