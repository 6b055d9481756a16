# random.seed() with str and bytes seeds (version 2: the text plus its SHA-512) and float seeds
import random
for s in ("", "hello", "héllo wörld", "a" * 100, b"", b"hello", b"\x00\xff\x10\x80", 1.5, -2.25, 0.0):
    random.seed(s)
    xs = [random.random() for _ in range(1000)]
    print(repr(s)[:30], sum(xs), xs[0])
