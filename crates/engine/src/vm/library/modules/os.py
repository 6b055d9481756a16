"""os for the playground's virtual machine: a fixed process (pid 42, 4 CPUs,
working directory /home/learner), a small fake environment, no files
(file operations raise PermissionError saying so) and os.urandom from the
seeded entropy source. tools/oracle.py fakes CPython the same way."""

import _random
import posixpath as path
from posixpath import sep, curdir, pardir, extsep, altsep, pathsep, defpath, devnull

name = "posix"
linesep = "\n"

error = OSError


class _Environ:
    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f"str expected, not {type(key).__name__}")
        if not isinstance(value, str):
            raise TypeError(f"str expected, not {type(value).__name__}")
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        inner = ", ".join(f"{k!r}: {v!r}" for k, v in self._data.items())
        return f"environ({{{inner}}})"

    def __eq__(self, other):
        return self._data == (other._data if isinstance(other, _Environ) else other)

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def update(self, other=(), **kw):
        for k, v in dict(other, **kw).items():
            self[k] = v

    def clear(self):
        self._data.clear()


environ = _Environ({
    "HOME": "/home/learner",
    "LANG": "C.UTF-8",
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "PWD": "/home/learner",
    "TZ": "UTC",
    "USER": "learner",
})


def getenv(key, default=None):
    return environ.get(key, default)


def getpid():
    # 42 for the main process; a child process of multiprocessing (index n) is 42 + n.
    try:
        import _looplab
    except ImportError:
        return 42
    return 42 + _looplab.process_current()


def getppid():
    return 1


def cpu_count():
    return 4


def getcwd():
    return "/home/learner"


def fspath(p):
    return path._fspath(p)


def urandom(size):
    return _random.urandom(size)


def _no_files(fname):
    def refuse(path=".", *args, **kwargs):
        raise PermissionError(
            f"[Errno 13] Permission denied: {path!r} (the playground has no files)")

    refuse.__name__ = fname
    refuse.__qualname__ = fname
    return refuse


listdir = _no_files("listdir")
mkdir = _no_files("mkdir")
makedirs = _no_files("makedirs")
remove = _no_files("remove")
unlink = _no_files("unlink")
rmdir = _no_files("rmdir")
rename = _no_files("rename")
chdir = _no_files("chdir")
