a = b = c = 1
x, y = 1, 2
[p, q] = (3, 4)
first, *rest = range(10)
*init, last = [1, 2, 3]
(m, (n, o)) = 1, (2, 3)
d = {}
d["k"] = 5
d["k"] += 1
obj = type("O", (), {})()
obj.attr = 2
obj.attr **= 3
v: int = 5
w: list[int]
s = t = u = "z"
a -= 1; a *= 2; a /= 3; a //= 4; a %= 5; a @= 6; a &= 7; a |= 8; a ^= 9; a >>= 1; a <<= 2
