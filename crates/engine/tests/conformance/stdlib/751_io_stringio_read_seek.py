# Reading from an initial value: read, read(n), seek, tell, readline, readlines.
import io
s = io.StringIO("one\ntwo\nthree\n")
print(repr(s.readline()), s.tell())
print(repr(s.read(3)), repr(s.read()))
print(repr(s.read()))
s.seek(0)
print(s.readlines())
s.seek(4)
print(repr(s.readline()))
