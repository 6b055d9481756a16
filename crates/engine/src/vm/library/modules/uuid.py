"""uuid: UUID objects and uuid4() from the playground's (seeded) os.urandom."""

import os as _os

RESERVED_NCS, RFC_4122, RESERVED_MICROSOFT, RESERVED_FUTURE = [
    "reserved for NCS compatibility", "specified in RFC 4122",
    "reserved for Microsoft compatibility", "reserved for future definition"]

_HEX = "0123456789abcdef"
_int = int


class UUID:
    __slots__ = ("_bytes",)

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None,
                 int=None, version=None, *, is_safe=None):
        if [hex, bytes, bytes_le, fields, int].count(None) != 4:
            raise TypeError("one of the hex, bytes, bytes_le, fields, "
                            "or int arguments must be given")
        if bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError("bytes_le is not a 16-char string")
            bytes = (bytes_le[4 - 1::-1] + bytes_le[6 - 1:4 - 1:-1]
                     + bytes_le[8 - 1:6 - 1:-1] + bytes_le[8:])
        if fields is not None:
            if len(fields) != 6:
                raise ValueError("fields is not a 6-tuple")
            for n, (value, width) in enumerate(zip(fields, (32, 16, 16, 8, 8, 48)), 1):
                if not 0 <= value < 1 << width:
                    raise ValueError(f"field {n} out of range (need a {width}-bit value)")
            tl, tm, th, hi, lo, node = fields
            int = (tl << 96) | (tm << 80) | (th << 64) | (hi << 56) | (lo << 48) | node
        if int is not None:
            if not 0 <= int < 1 << 128:
                raise ValueError("int is out of range (need a 128-bit value)")
            bytes = int.to_bytes(16, "big")
        if hex is not None:
            h = hex.replace("urn:", "").replace("uuid:", "").strip("{}").replace("-", "")
            if len(h) != 32:
                raise ValueError("badly formed hexadecimal UUID string")
            if any(c not in _HEX for c in h.lower()):
                raise ValueError(f"invalid literal for int() with base 16: {h!r}")
            h = h.lower()
            bytes = _bytes([_HEX.index(h[i]) * 16 + _HEX.index(h[i + 1])
                            for i in range(0, 32, 2)])
        if len(bytes) != 16:
            raise ValueError("bytes is not a 16-char string")
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError("illegal version number")
            b = list(bytes)
            b[8] = (b[8] & 0x3F) | 0x80
            b[6] = (b[6] & 0x0F) | (version << 4)
            bytes = _bytes(b)
        object.__setattr__(self, "_bytes", bytes)

    def __setattr__(self, name, value):
        raise TypeError("UUID objects are immutable")

    @property
    def bytes(self):
        return self._bytes

    @property
    def hex(self):
        return self._bytes.hex()

    @property
    def int(self):
        return _int.from_bytes(self._bytes, "big")

    @property
    def bytes_le(self):
        b = self._bytes
        return b[4 - 1::-1] + b[6 - 1:4 - 1:-1] + b[8 - 1:6 - 1:-1] + b[8:]

    @property
    def fields(self):
        b = self._bytes
        return (_int.from_bytes(b[0:4], "big"), _int.from_bytes(b[4:6], "big"),
                _int.from_bytes(b[6:8], "big"), b[8], b[9], _int.from_bytes(b[10:], "big"))

    @property
    def urn(self):
        return "urn:uuid:" + str(self)

    @property
    def variant(self):
        b = self._bytes[8]
        if not b & 0x80:
            return RESERVED_NCS
        if not b & 0x40:
            return RFC_4122
        if not b & 0x20:
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant == RFC_4122:
            return self._bytes[6] >> 4
        return None

    def __str__(self):
        h = self.hex
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def __repr__(self):
        return f"{type(self).__name__}({str(self)!r})"

    def __eq__(self, other):
        if isinstance(other, UUID):
            return self._bytes == other._bytes
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, UUID):
            return self._bytes < other._bytes
        return NotImplemented

    def __hash__(self):
        return hash(self._bytes)


_bytes = bytes


def uuid4():
    """A random UUID (version 4) from os.urandom."""
    return UUID(bytes=_os.urandom(16), version=4)
