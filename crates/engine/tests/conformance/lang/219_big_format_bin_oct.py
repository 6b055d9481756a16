# {:b} and {:o} of big ints.
print(f'{2**70:b}')
print(f'{2**70:o}')
print(f'{-2**70:#o}')
print(f'{2**70 + 1:#b}')
