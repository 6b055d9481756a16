# startswith/endswith with start and end, negative indices and empty prefixes
b = b"hello world"
print(b.startswith(b"world", 6), b.startswith(b"o", -5), b.endswith(b"hello", 0, 5), b.endswith(b"", 20))
print(b.startswith(b"", 11), b.startswith(b"", 12), b.endswith((b"x", b"ld")), b.startswith(()))
