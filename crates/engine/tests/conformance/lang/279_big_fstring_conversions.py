# f-string !r !s and = with big ints.
x = 2**70
print(f'{x!r} {x!s} {x=}')
print(f'{x:>{30}}')
