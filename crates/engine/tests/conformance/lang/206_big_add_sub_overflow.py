# i64 addition and subtraction overflow into big ints.
m = 9223372036854775807
print(m + 1, m + m, -m - 2, m - (-m))
print(m + 1 - 1 == m)
