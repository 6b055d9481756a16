# Conditional comprehensions: filters and conditional expressions.
nums = range(10)
print([n for n in nums if n % 2 == 0])
print([n if n % 2 else -n for n in nums])
print([n for n in nums if n > 2 if n < 7])
words = ["apple", "Bob", "cat", "Dora"]
print({w: len(w) for w in words if w[0].isupper()})
print([w.lower() for w in words if len(w) > 3])
print(list(x for x in nums if x % 3 == 0))
