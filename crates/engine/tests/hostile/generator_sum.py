# A tutorial's CPU-bound function: sum over a generator expression. The
# sum loops in Python, so a live run pauses between its items (looping in
# Rust, one call held the page for a quarter of a second; the tutorial's
# ten million items, for seconds).
def cpu_bound(number):
    return sum(i * i for i in range(number))


print(cpu_bound(1_000_000))
