# match: OR alternatives bind the same names in different orders; nested ORs inside sequences and mappings; class and module scopes.
def f(x):
    match x:
        case (a, b, c, 1) | (c, a, b, 2) | (b, c, a, 3):
            return (a, b, c)
        case [1, (p, q) | [q, p, _], *r] if r:
            return (p, q, r)
        case {"k": ([m] | (_, m)), **z} | {"j": m, **z}:
            return (m, z)
        case _:
            return None
for v in [(1,2,3,1),(1,2,3,2),(1,2,3,3),[1,(5,6),7],[1,[5,6,0],7],[1,(5,6)],{"k":[4],"o":1},{"k":(3,8)},{"j":9}]:
    print(f(v))
class K:
    match 5:
        case int(v) if v > 9:
            w = 1
        case int(v):
            w = 2
print(K.v, K.w)
match [1, 2]:
    case [g1, g2]:
        pass
print(g1, g2)
def h(x):
    match x:
        case 1:
            return 1
        case y if y > 5:
            return "big"
    return "fell through"
print(h(1), h(9), h(2))
class P:
    __match_args__ = ("a", "b")
    a = 1
    b = 2
match P():
    case P(_, bb):
        print(bb)
    case P(a=1, b=_):
        print("x")
