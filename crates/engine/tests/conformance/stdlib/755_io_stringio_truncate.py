# truncate cuts the buffer at the position or at a given size.
import io
s = io.StringIO("abcdef")
s.seek(3)
print(s.truncate(), repr(s.getvalue()))
print(s.truncate(1), repr(s.getvalue()), s.tell())
