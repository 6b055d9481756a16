# Floor division and modulo between floats and big ints.
print(2**70 // 3.0, 2**70 % 3.0)
print(-2**70 // 7.5, 1.5 % 2**70, divmod(2**70, 2.5))
