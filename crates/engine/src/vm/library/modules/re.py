# re: regular expressions over the native `_re` (the regex-lite crate).
# Python syntax is accepted except backreferences, lookaround, atomic
# groups, possessive quantifiers and conditionals (the engine does not
# backtrack): those raise re.error saying so. \d, \w, \s, \b are ASCII.
import _re

class error(Exception):
    def __init__(self, msg, pattern=None, pos=None):
        full = msg
        if pattern is not None and pos is not None:
            full = "%s at position %d" % (msg, pos)
            if "\n" in pattern:
                line = pattern.count("\n", 0, pos) + 1
                col = pos - pattern.rfind("\n", 0, pos)
                full = "%s (line %d, column %d)" % (full, line, col)
        super().__init__(full)
        self.msg = msg
        self.pattern = pattern
        self.pos = pos

class RegexFlag:
    def __init__(self, value, name=None):
        self.value = value
        self._name = name
    def __or__(self, other):
        return RegexFlag(self.value | int(other))
    __ror__ = __or__
    def __and__(self, other):
        return RegexFlag(self.value & int(other))
    __rand__ = __and__
    def __invert__(self):
        return RegexFlag(~self.value & 0x1ff)
    def __int__(self):
        return self.value
    __index__ = __int__
    def __eq__(self, other):
        if isinstance(other, RegexFlag):
            return self.value == other.value
        return self.value == other
    def __hash__(self):
        return hash(self.value)
    def __bool__(self):
        return self.value != 0
    def __repr__(self):
        if self._name:
            return "re." + self._name
        return _flag_names(self.value) or "re.NOFLAG"
    __str__ = __repr__

_FLAG_ORDER = (("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8),
               ("DOTALL", 16), ("UNICODE", 32), ("VERBOSE", 64), ("DEBUG", 128), ("ASCII", 256))

def _flag_names(v):
    parts = []
    for n, b in _FLAG_ORDER:
        if v & b:
            parts.append("re." + n)
            v &= ~b
    if v:
        parts.append(hex(v))
    return "|".join(parts)

NOFLAG = RegexFlag(0, "NOFLAG")
T = TEMPLATE = RegexFlag(1, "TEMPLATE")
I = IGNORECASE = RegexFlag(2, "IGNORECASE")
L = LOCALE = RegexFlag(4, "LOCALE")
M = MULTILINE = RegexFlag(8, "MULTILINE")
S = DOTALL = RegexFlag(16, "DOTALL")
U = UNICODE = RegexFlag(32, "UNICODE")
X = VERBOSE = RegexFlag(64, "VERBOSE")
DEBUG = RegexFlag(128, "DEBUG")
A = ASCII = RegexFlag(256, "ASCII")

_MAX = 9223372036854775807

def _str_arg(s, what="string"):
    if not isinstance(s, str):
        raise TypeError("expected string or bytes-like object, got '%s'" % type(s).__name__)
    return s

class Match:
    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos
    def _index(self, g):
        if isinstance(g, str):
            i = self.re.groupindex.get(g)
            if i is None:
                raise IndexError("no such group")
            return i
        if isinstance(g, int) and not isinstance(g, bool) and 0 <= g <= self.re.groups:
            return g
        raise IndexError("no such group")
    def _get(self, i, default=None):
        s = self._spans[2 * i]
        if s < 0:
            return default
        return self.string[s:self._spans[2 * i + 1]]
    def group(self, *gs):
        if not gs:
            return self._get(0)
        if len(gs) == 1:
            return self._get(self._index(gs[0]))
        return tuple(self._get(self._index(g)) for g in gs)
    def __getitem__(self, g):
        return self._get(self._index(g))
    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))
    def groupdict(self, default=None):
        return {n: self._get(i, default) for n, i in self.re.groupindex.items()}
    def span(self, g=0):
        i = self._index(g)
        return (self._spans[2 * i], self._spans[2 * i + 1])
    def start(self, g=0):
        return self.span(g)[0]
    def end(self, g=0):
        return self.span(g)[1]
    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            e = self._spans[2 * i + 1]
            if e >= 0 and e >= best_end:
                best, best_end = i, e
        return best
    @property
    def lastgroup(self):
        i = self.lastindex
        for n, j in self.re.groupindex.items():
            if j == i:
                return n
        return None
    def expand(self, template):
        return _expand(self.re, template)(self)
    def __bool__(self):
        return True
    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())

class Pattern:
    def __init__(self, pattern, flags):
        self.pattern = pattern
        r = _re.compile(pattern, flags)
        if isinstance(r, str):
            raise error(r, pattern)
        self.flags = flags | 32
        self.groups = r[0]
        self.groupindex = dict(r[1])
    def _search(self, string, pos, endpos, mode):
        _str_arg(string)
        n = len(string)
        if pos < 0:
            pos = 0
        if endpos > n:
            endpos = n
        sp = _re.search(self.pattern, self.flags & ~32, string, pos, endpos, mode)
        if sp is None:
            return None
        return Match(self, string, sp, pos, endpos)
    def search(self, string, pos=0, endpos=_MAX):
        return self._search(string, pos, endpos, 0)
    def match(self, string, pos=0, endpos=_MAX):
        return self._search(string, pos, endpos, 1)
    def fullmatch(self, string, pos=0, endpos=_MAX):
        return self._search(string, pos, endpos, 2)
    def finditer(self, string, pos=0, endpos=_MAX):
        _str_arg(string)
        if endpos > len(string):
            endpos = len(string)
        while pos <= endpos:
            m = self._search(string, pos, endpos, 0)
            if m is None:
                return
            yield m
            s, e = m.span()
            pos = e + 1 if s == e else e
    def findall(self, string, pos=0, endpos=_MAX):
        out = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group())
            elif self.groups == 1:
                out.append(m._get(1, ""))
            else:
                out.append(m.groups(""))
        return out
    def subn(self, repl, string, count=0):
        _str_arg(string)
        if callable(repl):
            f = repl
        else:
            f = _expand(self, repl)
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            s, e = m.span()
            out.append(string[last:s])
            out.append(f(m))
            last = e
            n += 1
        out.append(string[last:])
        return ("".join(out), n)
    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]
    def split(self, string, maxsplit=0):
        _str_arg(string)
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            s, e = m.span()
            out.append(string[last:s])
            out.extend(m.groups())
            last = e
            n += 1
        out.append(string[last:])
        return out
    def scanner(self, string, pos=0, endpos=_MAX):
        raise NotImplementedError("Pattern.scanner is not available in Looplab")
    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags
    def __hash__(self):
        return hash((self.pattern, self.flags))
    def __repr__(self):
        f = _flag_names(self.flags & ~32)
        if f:
            return "re.compile(%r, %s)" % (self.pattern, f)
        return "re.compile(%r)" % (self.pattern,)

_ESC = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b", "\\": "\\"}

def _expand(pattern, template):
    # Parses a replacement template into literal pieces and group numbers.
    if not isinstance(template, str):
        raise TypeError("expected str instance, %s found" % type(template).__name__)
    parts = []
    lit = []
    i = 0
    n = len(template)
    while i < n:
        c = template[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error("bad escape (end of pattern)", template, i)
        d = template[i + 1]
        if d == "g":
            j = template.find(">", i + 3)
            if i + 2 >= n or template[i + 2] != "<":
                raise error("missing <", template, i + 2)
            if j < 0:
                raise error("missing >, unterminated name", template, i + 3)
            name = template[i + 3:j]
            if name.isdigit():
                g = int(name)
                if g > pattern.groups:
                    raise error("invalid group reference %d" % g, template, i + 3)
            elif name in pattern.groupindex:
                g = pattern.groupindex[name]
            elif name.isidentifier():
                raise IndexError("unknown group name '%s'" % name)
            else:
                raise error("bad character in group name '%s'" % name, template, i + 3)
            parts.append("".join(lit))
            lit = []
            parts.append(g)
            i = j + 1
        elif d.isdigit():
            j = i + 1
            while j < n and j < i + 3 and template[j].isdigit():
                j += 1
            g = int(template[i + 1:j])
            if g > pattern.groups:
                raise error("invalid group reference %d" % g, template, i + 1)
            parts.append("".join(lit))
            lit = []
            parts.append(g)
            i = j
        elif d in _ESC:
            lit.append(_ESC[d])
            i += 2
        elif d.isascii() and d.isalpha():
            raise error("bad escape \\%s" % d, template, i)
        else:
            lit.append("\\" + d)
            i += 2
    parts.append("".join(lit))
    def f(m):
        out = []
        for p in parts:
            if isinstance(p, int):
                out.append(m._get(p, ""))
            else:
                out.append(p)
        return "".join(out)
    return f

_cache = {}

def compile(pattern, flags=0):
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, str):
        raise TypeError("first argument must be string or compiled pattern")
    flags = int(flags)
    key = (pattern, flags)
    p = _cache.get(key)
    if p is None:
        if len(_cache) > 200:
            _cache.clear()
        p = Pattern(pattern, flags)
        _cache[key] = p
    return p

def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)

def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)

def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)

def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)

def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)

def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)

def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)

def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)

def purge():
    _cache.clear()

_SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"

def escape(pattern):
    return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
