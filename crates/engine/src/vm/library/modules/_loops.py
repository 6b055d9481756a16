# The loops of built-in functions over an iterator that runs Python code
# for each item (a generator, map(), a class's __next__) or may not end
# (a huge range): sum, any, all, min, max, sorted, list, tuple, set,
# frozenset, dict, str.join, list.extend, `x in iterator` and the `*`
# of a call or a display call these instead of looping in Rust
# (see `vm/interp/python_loops.rs`). A loop in Rust runs to its end
# inside one instruction, so a live run cannot pause in it: `sum(i * i for i in range(10**7))` held the page for
# seconds. Here the run pauses between items as in any Python loop. Every
# line is marked hidden: tracebacks show no frame of this module, as
# CPython shows none for its loops written in C.

_NOTHING = object()  #@ hidden


def sum(iterable, start=0):  #@ hidden
    for item in iterable:  #@ hidden
        start = start + item  #@ hidden
    return start  #@ hidden


def any(iterable):  #@ hidden
    for item in iterable:  #@ hidden
        if item:  #@ hidden
            return True  #@ hidden
    return False  #@ hidden


def all(iterable):  #@ hidden
    for item in iterable:  #@ hidden
        if not item:  #@ hidden
            return False  #@ hidden
    return True  #@ hidden


def min(iterable, *, key=None, default=_NOTHING):  #@ hidden
    it = iter(iterable)  #@ hidden
    for best in it:  #@ hidden
        break  #@ hidden
    else:  #@ hidden
        if default is _NOTHING:  #@ hidden
            raise ValueError("min() arg is an empty sequence")  #@ hidden
        return default  #@ hidden
    if key is None:  #@ hidden
        for item in it:  #@ hidden
            if item < best:  #@ hidden
                best = item  #@ hidden
        return best  #@ hidden
    best_key = key(best)  #@ hidden
    for item in it:  #@ hidden
        item_key = key(item)  #@ hidden
        if item_key < best_key:  #@ hidden
            best = item  #@ hidden
            best_key = item_key  #@ hidden
    return best  #@ hidden


def max(iterable, *, key=None, default=_NOTHING):  #@ hidden
    it = iter(iterable)  #@ hidden
    for best in it:  #@ hidden
        break  #@ hidden
    else:  #@ hidden
        if default is _NOTHING:  #@ hidden
            raise ValueError("max() arg is an empty sequence")  #@ hidden
        return default  #@ hidden
    if key is None:  #@ hidden
        for item in it:  #@ hidden
            if item > best:  #@ hidden
                best = item  #@ hidden
        return best  #@ hidden
    best_key = key(best)  #@ hidden
    for item in it:  #@ hidden
        item_key = key(item)  #@ hidden
        if item_key > best_key:  #@ hidden
            best = item  #@ hidden
            best_key = item_key  #@ hidden
    return best  #@ hidden


def to_list(iterable):  #@ hidden
    items = []  #@ hidden
    for item in iterable:  #@ hidden
        items.append(item)  #@ hidden
    return items  #@ hidden


def sorted(iterable, *, key=None, reverse=False):  #@ hidden
    items = to_list(iterable)  #@ hidden
    items.sort(key=key, reverse=reverse)  #@ hidden
    return items  #@ hidden


def to_tuple(iterable):  #@ hidden
    return tuple(to_list(iterable))  #@ hidden


def to_set(iterable):  #@ hidden
    items = set()  #@ hidden
    for item in iterable:  #@ hidden
        items.add(item)  #@ hidden
    return items  #@ hidden


def to_frozenset(iterable):  #@ hidden
    return frozenset(to_list(iterable))  #@ hidden


def to_dict(iterable):  #@ hidden
    return dict(to_list(iterable))  #@ hidden


def join(sep, iterable):  #@ hidden
    return sep.join(to_list(iterable))  #@ hidden


def extend(items, iterable):  #@ hidden
    for item in iterable:  #@ hidden
        list.append(items, item)  #@ hidden


def extend_list(items, iterable):  #@ hidden
    extend(items, iterable)  #@ hidden
    return items  #@ hidden


def update_set(items, iterable):  #@ hidden
    for item in iterable:  #@ hidden
        set.add(items, item)  #@ hidden
    return items  #@ hidden


def contains(iterable, value):  #@ hidden
    for item in iterable:  #@ hidden
        if item is value or item == value:  #@ hidden
            return True  #@ hidden
    return False  #@ hidden


def not_contains(iterable, value):  #@ hidden
    return not contains(iterable, value)  #@ hidden
