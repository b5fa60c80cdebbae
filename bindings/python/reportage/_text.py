"""Byte offsets to str indices (internal)."""

import bisect
import codecs
import threading

_local = threading.local()


def _track_errors(exc):
    # One U+FFFD per invalid sequence, as the C library shows them; remember where.
    _local.errors.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("reportage.track", _track_errors)


def _utf8_length(ch):
    cp = ord(ch)
    if cp < 0x80:
        return 1
    if cp < 0x800:
        return 2
    if cp < 0x10000:
        return 3  # lone surrogates too (encoded with surrogatepass)
    return 4


class Offsets:
    """Maps UTF-8 byte offsets of ``data`` to indices into ``text``.

    For str input, text is the caller's str and data its UTF-8 encoding. For bytes input,
    text is data decoded with each invalid sequence shown as U+FFFD. O(n) to build, then
    O(log n) per offset (O(1) for ASCII)."""

    def __init__(self, text, data, invalid=()):
        self._ascii = len(text) == len(data)
        if self._ascii:
            self._starts = None
            return
        starts = []
        append = starts.append
        errors = iter(invalid)
        next_error = next(errors, None)
        pos = 0
        for ch in text:
            append(pos)
            if next_error is not None and next_error[0] == pos:
                pos = next_error[1]
                next_error = next(errors, None)
            else:
                pos += _utf8_length(ch)
        append(pos)
        self._starts = starts

    def char_index(self, byte_offset):
        if self._ascii:
            return byte_offset
        return bisect.bisect_left(self._starts, byte_offset)


def decode(data):
    """(text, offsets) for bytes input."""
    _local.errors = []
    try:
        text = data.decode("utf-8", "reportage.track")
        invalid = _local.errors
    finally:
        _local.errors = None
    return text, Offsets(text, data, invalid)


def encode(text):
    """(data, offsets) for str input. Lone surrogates are passed through (the library
    reports them as invalid UTF-8)."""
    data = text.encode("utf-8", "surrogatepass")
    return data, Offsets(text, data)
