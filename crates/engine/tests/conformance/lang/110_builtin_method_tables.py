# The methods of the builtin types, as hasattr, dir() and the type see them, agree.
# CANDIDATES: the method names the engine's method tables hold, so this program
# shows, against CPython, that each table holds exactly the methods CPython's type
# has among them. SKIP lists where the engine is known to differ (not implemented
# yet, or one engine type standing for several CPython types); those names are left
# out of the comparison.
CANDIDATES = """
__abs__ __add__ __await__ __bool__ __contains__ __delitem__ __eq__ __float__ __ge__
__getitem__ __gt__ __hash__ __index__ __int__ __iter__ __le__ __len__ __lt__ __mul__
__neg__ __next__ __repr__ __round__ __setitem__ __str__ __sub__ __truediv__ add append
as_integer_ratio bit_count bit_length capitalize casefold center clear close conjugate copy count
decode difference difference_update discard encode endswith expandtabs extend find
format format_map from_bytes fromhex fromkeys get hex index insert intersection intersection_update
is_integer isalnum isalpha isascii isdecimal isdigit isdisjoint isidentifier islower
isnumeric isprintable isspace issubset issuperset istitle isupper items join keys ljust
lower lstrip maketrans partition pop popitem remove removeprefix removesuffix replace reverse
rfind rindex rjust rpartition rsplit rstrip send setdefault sort split splitlines
startswith strip swapcase symmetric_difference symmetric_difference_update throw title to_bytes translate
union update upper values zfill
""".split()

SKIP = {
    # int.is_integer is new in 3.12; the engine has it already.
    "int": ["is_integer"],
    "bool": ["is_integer"],
    # float.hex and float.fromhex are not implemented yet.
    "float": ["hex", "fromhex"],
    # str.translate and str.maketrans are not implemented yet.
    "str": ["translate", "maketrans"],
    # One engine type stands for dict_keys, dict_values and dict_items; view
    # arithmetic (keys - other) is not implemented yet.
    "keys": ["__sub__"],
    "values": ["__contains__", "isdisjoint"],
    "items": ["__sub__"],
    # One engine iterator type stands for every builtin iterator, generator-like
    # awaitables included.
    "iterator": ["send", "throw", "close", "__await__"],
}

samples = [
    ("str", "abc"),
    ("list", [1]),
    ("dict", {1: 2}),
    ("set", {1}),
    ("frozenset", frozenset({1})),
    ("tuple", (1,)),
    ("int", 5),
    ("bool", True),
    ("float", 1.5),
    ("bytes", b"x"),
    ("bytearray", bytearray(b"x")),
    ("range", range(3)),
    ("keys", {1: 2}.keys()),
    ("values", {1: 2}.values()),
    ("items", {1: 2}.items()),
    ("iterator", iter([1])),
]

for label, x in samples:
    names = [n for n in CANDIDATES if n not in SKIP.get(label, [])]
    on_value = [n for n in names if hasattr(x, n)]
    in_dir = [n for n in names if n in dir(x)]
    on_type = [n for n in names if hasattr(type(x), n)]
    print(label, on_value)
    print("  dir agrees:", in_dir == on_value, " type agrees:", on_type == on_value)
    print("  dir names all gettable:", all(hasattr(x, n) for n in dir(x)))
    print("  all callable:", all(callable(getattr(x, n)) for n in on_value if n != "__hash__"))

# A listed method is callable through the value, the type and getattr alike.
print("a-b".split("-"), str.split("a-b", "-"), getattr("a-b", "split")("-"))
print([3, 1].__len__(), (1).__truediv__(2), (2.5).__round__(), range(0).__bool__())
x = [1, 2]
x.__delitem__(0)
print(x, {1: 2}.keys().__contains__(1))
# Not in a table: an AttributeError, as in CPython.
for obj, name in [("abc", "append"), (5, "upper"), ([1], "__hash__x")]:
    try:
        getattr(obj, name)
    except AttributeError as e:
        print("AttributeError:", e)
