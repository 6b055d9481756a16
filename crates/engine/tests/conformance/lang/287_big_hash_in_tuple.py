# Tuples holding big ints hash like CPython's.
print(hash((2**100, 1)), hash((-2**70,)))
print({(2**64, 'a'): 1}[(2**64, 'a')])
