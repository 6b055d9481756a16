a = 'single'
b = "double"
c = """triple
line"""
d = '''also
triple'''
e = r"raw\n"
f = b"bytes\x00"
g = rb"raw bytes\d"
h = "concat" "enated"
i = "esc \t \\ \' \" \x41 \u00e9 \U0001F600 \101 \a\b\f\v\r"
j = u"unicode"
k = "line \
continued"
l = "é ü 中文 😀"
m = b"a" b"b"
n = "unknown \q escape"
