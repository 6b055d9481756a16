# round() of big ints with negative ndigits (half to even).
print(round(2**70, -5))
print(round(2**70))
print(round(15 * 10**20, -21), round(25 * 10**20, -21), round(-35 * 10**20, -21))
print(round(10**30 + 1, 3))
print(round(123, -40))
