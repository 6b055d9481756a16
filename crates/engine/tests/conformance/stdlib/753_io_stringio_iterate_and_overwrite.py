# Iterating lines; writing after a seek overwrites in place.
import io
s = io.StringIO("first\nsecond\n")
for line in s:
    print(repr(line))
s.seek(0)
s.write("FIRST")
print(repr(s.getvalue()))
s.seek(0, 2)
s.write("third\n")
print(repr(s.getvalue()), s.tell())
