# for loops over various iterables and for/else.
for ch in "abc":
    print(ch, end=" ")
print()
for k in {"x": 1, "y": 2}:
    print("key", k)
for n in [2, 4, 6]:
    if n % 2:
        print("odd found")
        break
else:
    print("no odd numbers")
for n in [2, 3, 4]:
    if n % 2:
        print("odd found", n)
        break
else:
    print("never printed")
for _ in []:
    print("no iterations")
else:
    print("else after empty loop")
