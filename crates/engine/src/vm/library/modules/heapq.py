"""heapq: a binary min-heap kept in a list (heap[k] <= heap[2k+1] and heap[2k+2]).

CPython's heapq runs in C: the lines that compare items are marked
`#@ hidden`, so a failed comparison's traceback has no frame of this
module, as CPython's has none."""

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge",
           "nlargest", "nsmallest", "heappushpop"]


def _check(heap, fname, one=False):
    if type(heap) is not list:
        t = "None" if heap is None else type(heap).__name__
        if one:
            raise TypeError(f"{fname}() argument must be list, not {t}")
        raise TypeError(f"{fname}() argument 1 must be list, not {t}")


def _up(heap, start, pos):
    # Move heap[pos] towards the root while it is smaller than its parent.
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        if item < heap[parent]:  #@ hidden
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _down(heap, pos):
    # Sink the hole at pos to a leaf along the smaller children, then put
    # the item back there and move it up (fewer comparisons on average).
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:  #@ hidden
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _up(heap, start, pos)  #@ hidden


def heappush(heap, item):
    _check(heap, "heappush")
    heap.append(item)
    _up(heap, 0, len(heap) - 1)  #@ hidden


def heappop(heap):
    _check(heap, "heappop", True)
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        first = heap[0]
        heap[0] = last
        _down(heap, 0)  #@ hidden
        return first
    return last


def heapreplace(heap, item):
    _check(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    first = heap[0]
    heap[0] = item
    _down(heap, 0)  #@ hidden
    return first


def heappushpop(heap, item):
    _check(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _down(heap, 0)  #@ hidden
    return item


def heapify(x):
    _check(x, "heapify", True)
    for i in range(len(x) // 2 - 1, -1, -1):
        _down(x, i)  #@ hidden


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted output (stable: ties keep input order)."""
    its = [iter(it) for it in iterables]
    heads = []
    for i, it in enumerate(its):
        for v in it:
            heads.append([v, i])
            break
    while heads:
        best = 0
        bk = heads[0][0] if key is None else key(heads[0][0])
        for j in range(1, len(heads)):
            k = heads[j][0] if key is None else key(heads[j][0])
            if (bk < k) if reverse else (k < bk):
                best, bk = j, k
        v, i = heads[best]
        yield v
        for nv in its[i]:
            heads[best][0] = nv
            break
        else:
            del heads[best]


def nsmallest(n, iterable, key=None):
    """Equivalent to sorted(iterable, key=key)[:n]."""
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """Equivalent to sorted(iterable, key=key, reverse=True)[:n]."""
    return sorted(iterable, key=key, reverse=True)[:n]
