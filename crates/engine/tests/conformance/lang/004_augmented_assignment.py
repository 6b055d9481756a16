# Augmented assignment operators on ints, strings and lists.
n = 10
n += 5
n -= 3
n *= 2
print(n)
n //= 5
print(n)
n %= 3
print(n)
n **= 4
print(n)
f = 7
f /= 2
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
bits = 12
bits &= 10
bits |= 1
bits ^= 3
bits <<= 2
bits >>= 1
print(bits)
