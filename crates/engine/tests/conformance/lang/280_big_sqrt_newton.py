# Newton's integer square root on a 200-digit number.
n = 10**200 + 12345
x = n
y = (x + 1) // 2
while y < x:
    x = y
    y = (x + n // x) // 2
print(x)
print(x * x <= n < (x + 1) ** 2)
