# i64 multiplication overflow gives the exact product.
m = 9223372036854775807
print(m * m)
print(m * -m)
print(3037000500 * 3037000500)
print(-(2**62) * 4)
