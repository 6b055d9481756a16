# {:_x} {:_b} {:#x} on big ints.
x = 2**80 - 1
print(f'{x:_x}')
print(f'{x:#x}')
print(f'{x:X}')
print(f'{2**70:_b}')
