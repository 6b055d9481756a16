# Recursion with a memo dict and a while loop version.
memo = {}
def fib(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print([fib(i) for i in range(15)], fib(90))
a, b, n = 0, 1, 0
while b < 1000:
    a, b, n = b, a + b, n + 1
print(n, a, b)
