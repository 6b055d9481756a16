# hex/bin/oct of huge ints are not limited to 4300 digits.
x = 10**5000
print(len(hex(x)), len(bin(x)), len(oct(x)))
print(hex(2**100), oct(2**100), bin(2**70))
print(hex(-2**100))
