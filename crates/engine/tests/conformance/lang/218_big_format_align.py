# Width, fill and alignment with big ints.
x = 2**80
print(f'[{x:>40}]')
print(f'[{x:<40}]')
print(f'[{x:^40}]')
print(f'[{-x:=40}]')
print(f'[{x:*>+40}]')
print(f'[{x:040}]')
