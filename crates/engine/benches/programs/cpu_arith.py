# Benchmark: a tight integer/float arithmetic loop (about 1-3 s in CPython 3.11).
def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps

total = 0
acc = 0.0
for i in range(1, 100001):
    total += collatz_steps(i)
    acc += (i % 7) * 0.5 - (i % 3) / 4
checksum = 0
for i in range(1_000_000):
    checksum = (checksum * 31 + i * i - (i >> 3)) % 1_000_003
print("collatz", total, "acc", acc, "checksum", checksum)
