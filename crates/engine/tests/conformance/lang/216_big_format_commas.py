# Format specs with , and _ grouping on big ints.
x = 2**80
print(f'{x:,}')
print(f'{x:_}')
print(f'{-x:,}')
print(format(x, ','))
