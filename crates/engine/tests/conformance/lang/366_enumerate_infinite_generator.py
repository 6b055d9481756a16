# enumerate and map over an infinite generator stay lazy: breaking out stops the generator
def naturals():
    n = 0
    while True:
        yield n
        n += 1
for i, sq in enumerate(map(lambda x: x * x, naturals()), start=1):
    if sq > 20:
        break
    print(i, sq)
evens = filter(lambda x: x % 2 == 0, naturals())
print(next(evens), next(evens), next(evens))
