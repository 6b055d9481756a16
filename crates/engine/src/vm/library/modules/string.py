"""string: character-class constants, capwords and Template ($-substitution)."""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split on sep, capitalize each word, join with sep (or one space)."""
    return (sep or " ").join(w.capitalize() for w in s.split(sep))


_ID_START = "_" + ascii_letters
_ID_REST = _ID_START + digits


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = "$"
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        # Yields (kind, start, end, name): 'text', 'escaped', 'named',
        # 'braced' or 'invalid' pieces of the template, in order.
        t = self.template
        delim = self.delimiter
        dl = len(delim)
        i = 0
        text_start = 0
        n = len(t)
        while i < n:
            if not t.startswith(delim, i):
                i += 1
                continue
            if text_start < i:
                yield "text", text_start, i, None
            j = i + dl
            if t.startswith(delim, j):
                yield "escaped", i, j + dl, None
                i = text_start = j + dl
                continue
            if j < n and t[j] in _ID_START:
                k = j + 1
                while k < n and t[k] in _ID_REST:
                    k += 1
                yield "named", i, k, t[j:k]
                i = text_start = k
                continue
            if j < n and t[j] == "{" and j + 1 < n and t[j + 1] in _ID_START:
                k = j + 2
                while k < n and t[k] in _ID_REST:
                    k += 1
                if k < n and t[k] == "}":
                    yield "braced", i, k + 1, t[j + 1:k]
                    i = text_start = k + 1
                    continue
            yield "invalid", i, j, None
            i = text_start = j
        if text_start < n:
            yield "text", text_start, n, None

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f"Invalid placeholder in string: line {lineno}, col {colno}")

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)
        out = []
        for kind, start, end, name in self._scan():
            if kind == "text":
                out.append(self.template[start:end])
            elif kind == "escaped":
                out.append(self.delimiter)
            elif kind == "invalid":
                self._invalid(end)
            else:
                out.append(str(mapping[name]))
        return "".join(out)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _Chain(kws, mapping)
        out = []
        for kind, start, end, name in self._scan():
            if kind in ("named", "braced"):
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(self.template[start:end])
            elif kind == "escaped":
                out.append(self.delimiter)
            else:
                out.append(self.template[start:end])
        return "".join(out)

    def is_valid(self):
        return all(kind != "invalid" for kind, _, _, _ in self._scan())

    def get_identifiers(self):
        ids = []
        for kind, start, end, name in self._scan():
            if kind in ("named", "braced") and name not in ids:
                ids.append(name)
            elif kind == "invalid":
                raise ValueError("Unrecognized named group in pattern")
        return ids


class _Chain:
    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


class Formatter:
    """str.format as an object."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)
