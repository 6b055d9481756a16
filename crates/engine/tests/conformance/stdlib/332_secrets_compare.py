# secrets.compare_digest on str and bytes, and its TypeError for mixed types
import secrets
print(secrets.compare_digest("abc", "abc"), secrets.compare_digest("abc", "abd"), secrets.compare_digest(b"x", b"x"))
for a, b in (("a", b"a"), (1, 1)):
    try:
        secrets.compare_digest(a, b)
    except TypeError as e:
        print("TypeError", e)
print(isinstance(secrets.SystemRandom(), secrets.SystemRandom), secrets.DEFAULT_ENTROPY)
for a, b in ((b"a", "a"), (1, b"a"), ("a", 1)):
    try:
        secrets.compare_digest(a, b)
    except TypeError as e:
        print("TypeError", e)
