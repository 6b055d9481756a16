# itertools, written from the documented behaviour: each function checks
# its arguments when called (as CPython does) and then iterates lazily.

_MAXSIZE = 9223372036854775807

def _int_arg(name, v):
    if not isinstance(v, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    return v

class count:
    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float)):
                raise TypeError("a number is required")
        self._n = start
        self._step = step
    def __iter__(self):
        return self
    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n
    def __repr__(self):
        if self._step == 1 and isinstance(self._step, int):
            return "count(%r)" % (self._n,)
        return "count(%r, %r)" % (self._n, self._step)

class repeat:
    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            _int_arg("times", times)
            if times < 0:
                times = 0
        self._times = times
    def __iter__(self):
        return self
    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj
    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times
    def __repr__(self):
        if self._times is None:
            return "repeat(%r)" % (self._obj,)
        return "repeat(%r, %d)" % (self._obj, self._times)

def cycle(iterable):
    it = iter(iterable)
    def gen():
        saved = []
        for x in it:
            yield x
            saved.append(x)
        while saved:
            for x in saved:
                yield x
    return gen()

def _chain(iterables):
    for it in iterables:
        for x in it:
            yield x

class chain:
    def __init__(self, *iterables):
        self._g = _chain(iterables)
    def __iter__(self):
        return self
    def __next__(self):
        return next(self._g)
    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._g = _chain(iterables)
        return c

def islice(iterable, *args):
    if not 1 <= len(args) <= 3:
        if not args:
            raise TypeError("islice expected at least 2 arguments, got 1")
        raise TypeError("islice expected at most 4 arguments, got %d" % (len(args) + 1))
    if len(args) == 1:
        start, stop, step = None, args[0], None
    else:
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else None
    bad = lambda v: v is not None and (not isinstance(v, int) or v < 0)
    if len(args) == 1 and bad(stop):
        raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    if bad(start) or bad(stop):
        raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    if step is not None and (not isinstance(step, int) or step <= 0):
        raise ValueError("Step for islice() must be a positive integer or None.")
    start = start or 0
    step = step or 1
    it = iter(iterable)
    def gen():
        nxt = start
        i = 0
        if stop is not None and start >= stop:
            for _ in range(stop):
                next(it, None)
            return
        for x in it:
            if i == nxt:
                yield x
                nxt += step
                if stop is not None and nxt >= stop:
                    for _ in range(stop - i - 1):
                        if next(it, _SENTINEL) is _SENTINEL:
                            return
                    return
            i += 1
    return gen()

def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    def gen():
        total = initial
        if initial is not None:
            yield initial
        else:
            try:
                total = next(it)
            except StopIteration:
                return
            yield total
        for x in it:
            total = func(total, x) if func is not None else total + x
            yield total
    return gen()

def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(p) for p in iterables] * repeat
    def gen():
        result = [()]
        for pool in pools:
            result = [r + (y,) for r in result for y in pool]
        for r in result:
            yield r
    return gen()

def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    elif not isinstance(r, int):
        raise TypeError("Expected int as r")
    if r < 0:
        raise ValueError("r must be non-negative")
    def rec(prefix, used):
        if len(prefix) == r:
            yield tuple(pool[i] for i in prefix)
            return
        for i in range(n):
            if i not in used:
                yield from rec(prefix + [i], used | {i})
    def gen():
        if r <= n:
            yield from rec([], set())
    return gen()

def _combos(pool, r, start, prefix, again):
    if len(prefix) == r:
        yield tuple(prefix)
        return
    for i in range(start, len(pool)):
        yield from _combos(pool, r, i if again else i + 1, prefix + [pool[i]], again)

def combinations(iterable, r):
    pool = tuple(iterable)
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(r).__name__)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combos(pool, r, 0, [], False)

def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(r).__name__)
    if r < 0:
        raise ValueError("r must be non-negative")
    if not pool and r:
        return iter(())
    return _combos(pool, r, 0, [], True)

def zip_longest(*iterables, fillvalue=None):
    its = [iter(it) for it in iterables]
    def gen():
        alive = len(its)
        done = [False] * len(its)
        while alive:
            row = []
            for i, it in enumerate(its):
                if done[i]:
                    row.append(fillvalue)
                    continue
                try:
                    row.append(next(it))
                except StopIteration:
                    done[i] = True
                    alive -= 1
                    if not alive:
                        return
                    row.append(fillvalue)
            yield tuple(row)
    return gen()

class groupby:
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._key = key
        self._cur = _SENTINEL
        self._tgt = _SENTINEL
        self._val = None
        self._gen = 0
    def _advance(self):
        v = next(self._it)
        self._val = v
        self._cur = v if self._key is None else self._key(v)
    def __iter__(self):
        return self
    def __next__(self):
        self._gen += 1
        if self._cur is _SENTINEL:
            self._advance()
        while self._tgt is not _SENTINEL and self._cur == self._tgt:
            self._advance()
        self._tgt = self._cur
        return (self._cur, self._group(self._gen, self._tgt))
    def _group(self, gen, tgt):
        first = True
        while self._gen == gen:
            if not first:
                try:
                    self._advance()
                except StopIteration:
                    self._tgt = _SENTINEL
                    self._cur = _SENTINEL
                    self._it = iter(())
                    return
                if not self._cur == tgt:
                    return
            first = False
            yield self._val

_SENTINEL = object()

def takewhile(predicate, iterable):
    it = iter(iterable)
    def gen():
        for x in it:
            if not predicate(x):
                return
            yield x
    return gen()

def dropwhile(predicate, iterable):
    it = iter(iterable)
    def gen():
        for x in it:
            if not predicate(x):
                yield x
                break
        for x in it:
            yield x
    return gen()

def filterfalse(function, iterable):
    it = iter(iterable)
    def gen():
        for x in it:
            if not (bool(x) if function is None else function(x)):
                yield x
    return gen()

def compress(data, selectors):
    d = iter(data)
    s = iter(selectors)
    def gen():
        for x, keep in zip(d, s):
            if keep:
                yield x
    return gen()

def starmap(function, iterable):
    it = iter(iterable)
    def gen():
        for args in it:
            yield function(*args)
    return gen()

def pairwise(iterable):
    it = iter(iterable)
    def gen():
        try:
            a = next(it)
        except StopIteration:
            return
        for b in it:
            yield a, b
            a = b
    return gen()

def tee(iterable, n=2):
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    queues = [[] for _ in range(n)]
    def gen(q):
        while True:
            if not q:
                try:
                    v = next(it)
                except StopIteration:
                    return
                for other in queues:
                    other.append(v)
            yield q.pop(0)
    return tuple(gen(q) for q in queues)
