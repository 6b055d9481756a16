# Benchmark (issue #19): a tight integer loop, `acc = (acc * 31 + i) % m`,
# 3,000,000 iterations. Prints the final accumulator.
def spin(n, m):
    acc = 0
    i = 0
    while i < n:
        acc = (acc * 31 + i) % m
        i += 1
    return acc


print(spin(3_000_000, 1_000_000_007))
