# int.to_bytes with byteorder and signed.
print((2**70).to_bytes(9, 'big'))
print((2**70).to_bytes(10, 'little'))
print((-2**70).to_bytes(10, 'big', signed=True))
print((255).to_bytes(2, byteorder='little'))
print((1024).to_bytes(2))
