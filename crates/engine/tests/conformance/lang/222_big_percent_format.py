# %-formatting of big ints.
x = 2**70
print('%d' % x)
print('%x %X %o' % (x, x, x))
print('%#x|%30d|%-30d|' % (x, x, -x))
print('%s %r' % (x, x))
print('%.3e' % x)
