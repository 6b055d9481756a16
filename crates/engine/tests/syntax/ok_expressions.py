x = 1 + 2 * 3 - 4 / 5 // 6 % 7 ** 8
y = -2 ** 2
z = (not a) and b or c
w = a if b else c if d else e
cmp = 1 < 2 <= 3 > 0 >= -1 == 1 != 2
mem = a in b and c not in d and e is f and g is not h
bits = a | b ^ c & d << 1 >> 2
inv = ~x + +y - -z
mat = a @ b
pw = 2 ** -1
pw2 = 2 ** 3 ** 2
chain = a.b.c(d)[e](f=g).h
walrus = [y := 5, y ** 2]
if (n := len(x)) > 3:
    pass
ell = ...
nested = ((1))
