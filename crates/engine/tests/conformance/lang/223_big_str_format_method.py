# str.format with big ints.
x = 3**50
print('{} {:,} {:>30}'.format(x, x, x))
print('{0:x} {0:o}'.format(x))
