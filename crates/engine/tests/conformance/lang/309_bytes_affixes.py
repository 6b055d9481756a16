# startswith/endswith (tuples, ranges), removeprefix/removesuffix, partition/rpartition
b = b"report.tar.gz"
print(b.startswith(b"rep"), b.endswith((b".zip", b".gz")), b.startswith(b"port", 2), b.endswith(b"tar", 0, 10))
print(b.removeprefix(b"report"), b.removesuffix(b".gz"), b.removesuffix(b"x"))
print(b.partition(b"."), b.rpartition(b"."), b.partition(b"#"), b.rpartition(b"#"))
try:
    b.startswith("rep")
except TypeError as e:
    print("TypeError:", e)
