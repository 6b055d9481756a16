# sys.getsizeof for numbers, strings (ASCII, Latin-1, BMP, astral), bytes, tuples and None
import sys
for v in (0, 1, -1, 2**30 - 1, 2**30, 2**60, -2**62, True, False, 1.5, None, "", "a", "hello", "é", "€uro", "🙂", b"", b"abc", (), (1, 2, 3)):
    print(repr(v), sys.getsizeof(v))
