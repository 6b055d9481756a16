# os.urandom: bytes from the playground's seeded entropy source (the same on every run)
import os
print(os.urandom(0), os.urandom(1), os.urandom(8))
b = os.urandom(1000)
print(len(b), sum(b), b[-5:])
try:
    os.urandom(-1)
except ValueError as e:
    print("ValueError", e)
