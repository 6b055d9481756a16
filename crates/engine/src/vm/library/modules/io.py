# io: in-memory text streams. The playground has no files, so io.StringIO
# is the stream to write to and read from (print(file=...), json.dump).

class UnsupportedOperation(OSError, ValueError):
    pass

class StringIO:
    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s" % type(initial_value).__name__)
        self._buf = initial_value
        self._pos = 0
        self.closed = False
    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file")
    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        p = self._pos
        b = self._buf
        if p > len(b):
            b = b + "\0" * (p - len(b))
        self._buf = b[:p] + s + b[p + len(s):]
        self._pos = p + len(s)
        return len(s)
    def writelines(self, lines):
        for s in lines:
            self.write(s)
    def getvalue(self):
        self._check()
        return self._buf
    def read(self, size=-1):
        self._check()
        p = self._pos
        if size is None or size < 0:
            end = len(self._buf)
        else:
            end = min(len(self._buf), p + size)
        if p >= end:
            self._pos = max(p, self._pos)
            return ""
        self._pos = end
        return self._buf[p:end]
    def readline(self, size=-1):
        self._check()
        p = self._pos
        b = self._buf
        i = b.find("\n", p)
        end = len(b) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, p + size)
        if p >= end:
            return ""
        self._pos = end
        return b[p:end]
    def readlines(self, hint=-1):
        out = []
        while True:
            line = self.readline()
            if not line:
                return out
            out.append(line)
    def __iter__(self):
        return self
    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line
    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._buf)
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos
    def tell(self):
        self._check()
        return self._pos
    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        self._buf = self._buf[:size]
        return size
    def flush(self):
        self._check()
    def close(self):
        self.closed = True
    def readable(self):
        self._check()
        return True
    def writable(self):
        self._check()
        return True
    def seekable(self):
        self._check()
        return True
    def isatty(self):
        self._check()
        return False
    def __enter__(self):
        self._check()
        return self
    def __exit__(self, *exc):
        self.close()

def open(file, *args, **kwargs):
    raise PermissionError("[Errno 1] Operation not permitted: %r (the playground has no files; use io.StringIO)" % (file,))
