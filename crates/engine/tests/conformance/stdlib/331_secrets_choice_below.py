# secrets.choice, randbelow and randbits (from the seeded entropy), and randbelow's error
import secrets
import string
alphabet = string.ascii_letters + string.digits
print("".join(secrets.choice(alphabet) for _ in range(20)))
print([secrets.randbelow(10) for _ in range(20)], [secrets.randbits(12) for _ in range(5)])
print(sum(secrets.randbelow(1000) for _ in range(1000)))
for bad in (0, -5):
    try:
        secrets.randbelow(bad)
    except ValueError as e:
        print("ValueError", e)
