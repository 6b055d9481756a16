# str() of big ints used with string methods.
s = str(2**100)
print(len(s), s[:5], s[-5:], s.count('0'))
print('-'.join(str(3**k) for k in range(38, 42)))
