# json: encoder and decoder written from the json module's documented
# behaviour (separators, indent, sort_keys, ensure_ascii, default, hooks,
# JSONDecodeError positions).

class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        super().__init__("%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}

def _quote(s, ensure_ascii):
    out = ['"']
    for c in s:
        e = _ESCAPES.get(c)
        if e is not None:
            out.append(e)
            continue
        o = ord(c)
        if o < 0x20 or (ensure_ascii and o > 0x7e):
            if o > 0xFFFF:
                o -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 | (o >> 10), 0xDC00 | (o & 0x3FF)))
            else:
                out.append("\\u%04x" % o)
        else:
            out.append(c)
    out.append('"')
    return "".join(out)

def _float(f, allow_nan):
    if f != f:
        text = "NaN"
    elif f == float("inf"):
        text = "Infinity"
    elif f == -float("inf"):
        text = "-Infinity"
    else:
        return repr(f)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text

class JSONEncoder:
    item_separator = ", "
    key_separator = ": "
    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default
    def default(self, o):
        raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)
    def encode(self, o):
        return "".join(self.iterencode(o))
    def iterencode(self, o, _one_shot=False):
        out = []
        self._enc(o, out, 0, {} if self.check_circular else None)
        return out
    def _key(self, k):
        if isinstance(k, str):
            return k
        if k is True:
            return "true"
        if k is False:
            return "false"
        if k is None:
            return "null"
        if isinstance(k, float):
            return _float(k, self.allow_nan)
        if isinstance(k, int):
            return repr(k)
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not %s" % type(k).__name__)
    def _enc(self, o, out, level, markers):
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(repr(o))
        elif isinstance(o, float):
            out.append(_float(o, self.allow_nan))
        elif isinstance(o, (list, tuple, dict)):
            if markers is not None:
                if id(o) in markers:
                    raise ValueError("Circular reference detected")
                markers[id(o)] = o
            if isinstance(o, dict):
                self._dict(o, out, level, markers)
            else:
                self._list(o, out, level, markers)
            if markers is not None:
                del markers[id(o)]
        else:
            if markers is not None:
                if id(o) in markers:
                    raise ValueError("Circular reference detected")
                markers[id(o)] = o
            self._enc(self.default(o), out, level, markers)
            if markers is not None:
                del markers[id(o)]
    def _open(self, level):
        if self.indent is None:
            return "", self.item_separator
        nl = "\n" + self.indent * (level + 1)
        return nl, self.item_separator + nl
    def _close(self, level):
        if self.indent is None:
            return ""
        return "\n" + self.indent * level
    def _list(self, o, out, level, markers):
        if not o:
            out.append("[]")
            return
        first, sep = self._open(level)
        out.append("[" + first)
        for i, v in enumerate(o):
            if i:
                out.append(sep)
            self._enc(v, out, level + 1, markers)
        out.append(self._close(level) + "]")
    def _dict(self, o, out, level, markers):
        if not o:
            out.append("{}")
            return
        first, sep = self._open(level)
        out.append("{" + first)
        items = o.items()
        if self.sort_keys:
            items = sorted(items)
        n = 0
        for k, v in items:
            k = self._key(k)
            if k is None:
                continue
            if n:
                out.append(sep)
            n += 1
            out.append(_quote(k, self.ensure_ascii))
            out.append(self.key_separator)
            self._enc(v, out, level + 1, markers)
        out.append(self._close(level) + "}")

def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)

def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))

_WS = " \t\n\r"
_CONST = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": -float("inf")}

class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONST.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
    def decode(self, s):
        obj, end = self.raw_decode(s, self._ws(s, 0))
        end = self._ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj
    def raw_decode(self, s, idx=0):
        return self._value(s, idx)
    def _ws(self, s, i):
        n = len(s)
        while i < n and s[i] in _WS:
            i += 1
        return i
    def _value(self, s, i):
        c = s[i:i + 1]
        if c == '"':
            return self._string(s, i + 1)
        if c == "{":
            return self._object(s, i + 1)
        if c == "[":
            return self._array(s, i + 1)
        if c == "n" and s.startswith("null", i):
            return None, i + 4
        if c == "t" and s.startswith("true", i):
            return True, i + 4
        if c == "f" and s.startswith("false", i):
            return False, i + 5
        if c == "N" and s.startswith("NaN", i):
            return self.parse_constant("NaN"), i + 3
        if c == "I" and s.startswith("Infinity", i):
            return self.parse_constant("Infinity"), i + 8
        if c == "-" and s.startswith("-Infinity", i):
            return self.parse_constant("-Infinity"), i + 9
        return self._number(s, i)
    def _digits(self, s, i):
        n = len(s)
        while i < n and "0" <= s[i] <= "9":
            i += 1
        return i
    def _number(self, s, i):
        start = i
        n = len(s)
        if i < n and s[i] == "-":
            i += 1
        if i < n and s[i] == "0":
            i += 1
        elif i < n and "1" <= s[i] <= "9":
            i = self._digits(s, i + 1)
        else:
            raise JSONDecodeError("Expecting value", s, start)
        is_float = False
        if i + 1 < n and s[i] == "." and "0" <= s[i + 1] <= "9":
            i = self._digits(s, i + 2)
            is_float = True
        if i < n and s[i] in "eE":
            j = i + 1
            if j < n and s[j] in "+-":
                j += 1
            if j < n and "0" <= s[j] <= "9":
                i = self._digits(s, j + 1)
                is_float = True
        text = s[start:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i
    def _string(self, s, i):
        start = i - 1
        out = []
        n = len(s)
        while True:
            j = i
            while j < n and s[j] != '"' and s[j] != "\\" and (s[j] >= " " or not self.strict):
                j += 1
            out.append(s[i:j])
            if j >= n:
                raise JSONDecodeError("Unterminated string starting at", s, start)
            c = s[j]
            if c == '"':
                return "".join(out), j + 1
            if c != "\\":
                raise JSONDecodeError("Invalid control character at", s, j)
            if j + 1 >= n:
                raise JSONDecodeError("Unterminated string starting at", s, start)
            e = s[j + 1]
            if e == "u":
                u = self._hex4(s, j)
                i = j + 6
                if 0xD800 <= u <= 0xDBFF and s[i:i + 2] == "\\u":
                    u2 = self._hex4(s, i)
                    if 0xDC00 <= u2 <= 0xDFFF:
                        u = 0x10000 + (((u - 0xD800) << 10) | (u2 - 0xDC00))
                        i += 6
                out.append(chr(u))
                continue
            m = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}.get(e)
            if m is None:
                raise JSONDecodeError("Invalid \\escape", s, j)
            out.append(m)
            i = j + 2
    def _hex4(self, s, j):
        h = s[j + 2:j + 6]
        if len(h) == 4 and all(c in "0123456789abcdefABCDEF" for c in h):
            return int(h, 16)
        raise JSONDecodeError("Invalid \\uXXXX escape", s, j + 1)
    def _array(self, s, i):
        out = []
        i = self._ws(s, i)
        if s[i:i + 1] == "]":
            return out, i + 1
        while True:
            v, i = self._value(s, i)
            out.append(v)
            i = self._ws(s, i)
            c = s[i:i + 1]
            if c == "]":
                return out, i + 1
            if c != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self._ws(s, i + 1)
    def _object(self, s, i):
        pairs = []
        i = self._ws(s, i)
        if s[i:i + 1] == "}":
            return self._finish(pairs), i + 1
        while True:
            if s[i:i + 1] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
            k, i = self._string(s, i + 1)
            i = self._ws(s, i)
            if s[i:i + 1] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self._ws(s, i + 1)
            v, i = self._value(s, i)
            pairs.append((k, v))
            i = self._ws(s, i)
            c = s[i:i + 1]
            if c == "}":
                return self._finish(pairs), i + 1
            if c != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self._ws(s, i + 1)
    def _finish(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
          object_pairs_hook=None, **kw):
    if isinstance(s, bytes):
        s = s.decode("utf-8")
    elif not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not %s" % type(s).__name__)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw).decode(s)

def load(fp, **kw):
    return loads(fp.read(), **kw)
