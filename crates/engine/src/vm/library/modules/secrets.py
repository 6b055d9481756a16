"""secrets: tokens and choices from the playground's entropy source
(os.urandom). In Looplab that source is seeded, so the "secrets" repeat from
run to run: fine for learning, never for real secrets."""

from random import SystemRandom
import os as _os

__all__ = ["choice", "randbelow", "randbits", "SystemRandom",
           "token_bytes", "token_hex", "token_urlsafe", "compare_digest"]

_sysrand = SystemRandom()
randbits = _sysrand.getrandbits
choice = _sysrand.choice
DEFAULT_ENTROPY = 32


def randbelow(exclusive_upper_bound):
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    return _sysrand._randbelow(exclusive_upper_bound)


def token_bytes(nbytes=None):
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return _sysrand.randbytes(nbytes)


def token_hex(nbytes=None):
    return token_bytes(nbytes).hex()


_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def token_urlsafe(nbytes=None):
    tok = token_bytes(nbytes)
    out = []
    for i in range(0, len(tok), 3):
        chunk = tok[i:i + 3]
        v = 0
        for b in chunk:
            v = v * 256 + b
        v <<= 8 * (3 - len(chunk))
        for k in range(len(chunk) + 1):
            out.append(_B64[(v >> (18 - 6 * k)) & 63])
    return "".join(out)


def compare_digest(a, b):
    if isinstance(a, str) and isinstance(b, str):
        if not (a.isascii() and b.isascii()):
            raise TypeError("comparing strings with non-ASCII characters is not supported")
    elif not isinstance(a, bytes) and not isinstance(b, bytes):
        raise TypeError(f"unsupported operand types(s) or combination of types: "
                        f"'{type(a).__name__}' and '{type(b).__name__}'")
    elif not (isinstance(a, bytes) and isinstance(b, bytes)):
        bad = a if not isinstance(a, bytes) else b
        raise TypeError(f"a bytes-like object is required, not '{type(bad).__name__}'")
    return a == b
