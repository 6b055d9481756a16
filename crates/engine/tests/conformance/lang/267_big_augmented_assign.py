# Augmented assignment promotes and demotes.
x = 2**62
for i in range(5):
    x *= 3
    print(x)
x //= 3**5
print(x, type(x).__name__)
x += 2**100
x -= 2**100
print(x)
