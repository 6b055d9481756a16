# A loop doubling an accumulator past 64 bits.
acc = 1
for i in range(130):
    acc += acc
print(acc)
print(acc.bit_length())
