# {:e} {:f} {:g} {:%} of big ints convert to float.
x = 2**100
print(f'{x:e}')
print(f'{x:.3e}')
print(f'{x:g}')
print(f'{10**20:f}')
print(f'{10**20:%}')
