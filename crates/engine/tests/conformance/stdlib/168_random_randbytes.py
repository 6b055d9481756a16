# random.randbytes(): lengths 0 to 9 and 1,000 bytes at once, after several seeds
import random
for s in (0, 1, 99):
    random.seed(s)
    print(s, [random.randbytes(n) for n in range(10)])
    b = random.randbytes(1000)
    print(len(b), sum(b), b[:8], b[-4:])
try:
    random.randbytes(-1)
except ValueError as e:
    print("ValueError", e)
