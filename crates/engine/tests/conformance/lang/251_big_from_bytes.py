# int.from_bytes, signed and unsigned, both orders.
print(int.from_bytes(bytes([255] * 12), 'big'))
print(int.from_bytes(bytes([255] * 12), 'little', signed=True))
print(int.from_bytes(bytes([1, 0, 0, 0, 0, 0, 0, 0, 0]), 'big'))
print(int.from_bytes([0, 0, 0, 128], 'little', signed=True))
