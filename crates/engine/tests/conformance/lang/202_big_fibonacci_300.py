# Fibonacci numbers up to F(300) grow past 64 bits without error.
a, b = 0, 1
for i in range(301):
    if i % 50 == 0:
        print(i, a)
    a, b = b, a + b
