"""os.path for the playground's POSIX-like virtual machine. There are no
files: exists/isfile/isdir/islink/lexists are always False."""

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
altsep = None
pathsep = ":"
defpath = "/bin:/usr/bin"
devnull = "/dev/null"

__all__ = ["abspath", "basename", "commonprefix", "dirname", "exists", "expanduser",
           "isabs", "isdir", "isfile", "islink", "join", "lexists", "normpath",
           "split", "splitext", "relpath", "sep", "curdir", "pardir", "extsep",
           "altsep", "pathsep", "defpath", "devnull"]


def _fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), "__fspath__", None)
    if f is not None:
        return f(p)
    raise TypeError(f"expected str, bytes or os.PathLike object, not {type(p).__name__}")


def _arg(p, fname):
    if isinstance(p, str):
        return p
    try:
        return _fspath(p)
    except TypeError:
        raise TypeError(f"{fname}() argument must be str, bytes, or os.PathLike object, "
                        f"not '{type(p).__name__}'") from None


def join(a, *p):
    path = _fspath(a)
    for b in p:
        b = _arg(b, "join")
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    p = _fspath(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def basename(p):
    p = _fspath(p)
    return p[p.rfind(sep) + 1:]


def dirname(p):
    return split(p)[0]


def splitext(p):
    p = _fspath(p)
    sep_index = p.rfind(sep)
    dot_index = p.rfind(extsep)
    if dot_index > sep_index:
        # A leading dot (".bashrc") is part of the name, not an extension.
        i = sep_index + 1
        while i < dot_index:
            if p[i] != extsep:
                return p[:dot_index], p[dot_index:]
            i += 1
    return p, p[:0]


def isabs(s):
    return _fspath(s).startswith(sep)


def normpath(path):
    path = _fspath(path)
    if path == "":
        return "."
    initial = 0
    if path.startswith(sep):
        initial = 2 if path.startswith("//") and not path.startswith("///") else 1
    comps = []
    for comp in path.split(sep):
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial and not comps) or (comps and comps[-1] == ".."):
            comps.append(comp)
        elif comps:
            comps.pop()
    path = sep * initial + sep.join(comps)
    return path or "."


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        import os
        path = join(os.getcwd(), path)
    return normpath(path)


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    if start is None:
        start = curdir
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    i = 0
    while i < min(len(start_list), len(path_list)) and start_list[i] == path_list[i]:
        i += 1
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ""
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def expanduser(path):
    path = _fspath(path)
    if not path.startswith("~"):
        return path
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    import os
    home = os.environ.get("HOME", "/home/learner")
    return (home.rstrip(sep) or sep) + path[i:]


def exists(path):
    return False


isfile = isdir = islink = lexists = exists
