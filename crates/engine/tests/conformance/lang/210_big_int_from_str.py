# int() parses strings of any size.
print(int('9' * 60))
print(int('-' + '1' * 30))
print(int('  +123_456_789_012_345_678_901  '))
