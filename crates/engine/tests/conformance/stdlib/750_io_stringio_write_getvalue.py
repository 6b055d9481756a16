# io.StringIO collects writes; getvalue returns everything written.
import io
s = io.StringIO()
print(s.write("hello "), s.write("world"))
s.writelines(["\n", "line2\n"])
print(repr(s.getvalue()))
