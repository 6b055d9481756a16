# CPU-bound work done 4 times in a row (the baseline).
import time


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


start = time.perf_counter()
for _ in range(4):
    crunch(2_000_000)
print(f"elapsed {time.perf_counter() - start:.4f}")
