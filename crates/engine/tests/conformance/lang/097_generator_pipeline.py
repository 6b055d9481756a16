# Chained generators process items lazily, one at a time.
def numbers(n):
    for i in range(n):
        print("produce", i)
        yield i

def squares(items):
    for i in items:
        print("square", i)
        yield i * i

def evens(items):
    for i in items:
        if i % 2 == 0:
            yield i

for value in evens(squares(numbers(4))):
    print("got", value)
print(sum(x for x in range(10) if x % 3 == 0))
