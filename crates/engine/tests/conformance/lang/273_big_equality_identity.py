# Equal big ints compare equal whatever their origin.
a = 2**100
b = int('1267650600228229401496703205376')
c = 1 << 100
print(a == b == c, hash(a) == hash(b) == hash(c))
print(len({a, b, c}))
