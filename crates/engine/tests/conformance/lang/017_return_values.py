# return with no value, one value, and a tuple.
def nothing():
    return

def implicit():
    pass

def pair():
    return 1, 2

def early(n):
    for i in range(n):
        if i * i > n:
            return i
    return -1

print(nothing(), implicit())
print(pair())
q, r = pair()
print(q, r)
print(early(10), early(0))
